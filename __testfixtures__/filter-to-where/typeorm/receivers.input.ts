import { MoreThan, type DataSource, type Repository } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

class Authors {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async unnamed() {
    const users = await this.users.find({ where: { active: true }, order: { id: 'ASC' } });
    return users.filter((u) => u.name === null);
  }
}

// Filters become where clauses with TypeORM's operators (imported); `null`
// becomes IsNull(), since a null or undefined value in a find where throws in 1.x.
export async function run(dataSource: DataSource, minAge: number) {
  const adults = (await dataSource.getRepository(User).find({ order: { id: 'ASC' } })).filter((u) => u.age >= minAge);
  const drafts = (await dataSource.manager.findBy(Post, { views: MoreThan(0) })).filter((p) => !p.published);
  const popular = await dataSource.transaction(async (em) =>
    (await em.find(Post, { order: { id: 'DESC' } })).filter((p) => p.views > minAge && p.published === true),
  );
  const bonused = (await dataSource.getRepository(User).find({ order: { id: 'ASC' } })).filter((u) => u.bonus !== null && u.score < 80);
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
