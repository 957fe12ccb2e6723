import { MoreThan, type DataSource, type Repository, IsNull, MoreThanOrEqual, Not, LessThan } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

class Authors {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async unnamed() {
    const users = await this.users.find({ where: { active: true, name: IsNull() }, order: { id: 'ASC' } });
    return users;
  }
}

// Filters become where clauses with TypeORM's operators (imported); `null`
// becomes IsNull(), since a null or undefined value in a find where throws in 1.x.
export async function run(dataSource: DataSource, minAge: number) {
  const adults = await dataSource.getRepository(User).find({ order: { id: 'ASC' }, where: { age: MoreThanOrEqual(minAge) } });
  const drafts = await dataSource.manager.findBy(Post, { views: MoreThan(0), published: false });
  const popular = await dataSource.transaction(async (em) =>
    await em.find(Post, { order: { id: 'DESC' }, where: { views: MoreThan(minAge), published: true } }),
  );
  const bonused = await dataSource.getRepository(User).find({ order: { id: 'ASC' }, where: { bonus: Not(IsNull()), score: LessThan(80) } });
  const unnamed = await new Authors(dataSource.getRepository(User)).unnamed();
  return {
    adults: adults.map((u) => u.id),
    drafts: drafts.map((p) => p.id),
    popular: popular.map((p) => p.id),
    bonused: bonused.map((u) => u.id),
    unnamed: unnamed.map((u) => u.id),
  };
}

export const cases: unknown[][] = [[0], [30], [100]];
