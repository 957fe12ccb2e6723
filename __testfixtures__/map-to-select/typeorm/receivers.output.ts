import { MoreThanOrEqual, type DataSource, type Repository } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

class Directory {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async emails(minAge: number) {
    return (await this.users.find({ where: { age: MoreThanOrEqual(minAge) }, order: { id: 'ASC' }, select: { email: true } })).map((u) => u.email);
  }
}

// Rows loaded only to read some columns load just those columns (`select`);
// the rows stay entities of the same class, so their type does not change.
export async function run(dataSource: DataSource, minAge: number) {
  const emails = await new Directory(dataSource.getRepository(User)).emails(minAge);
  const titles = (await dataSource.manager.find(Post, { where: { published: true }, select: { title: true } })).map((p) => p.title);
  const names = await dataSource.transaction(async (em) => {
    const users = await em.find(User, { where: { active: true }, order: { name: 'ASC', id: 'ASC' }, select: { name: true, age: true } });
    return users.map(({ name, age }) => `${name ?? '?'}:${age}`);
  });
  const all = (await dataSource.getRepository(Post).find({ select: { views: true } })).map((p) => p.views);
  return { emails, titles, names, all };
}

export const cases: unknown[][] = [[0], [41], [100]];
