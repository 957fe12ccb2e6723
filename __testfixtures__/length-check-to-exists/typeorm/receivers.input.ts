import { LessThan, type DataSource, type Repository } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

function InjectRepository(_entity: unknown): ParameterDecorator {
  return () => undefined;
}

class Guard {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async anyInactive() {
    if ((await this.users.find({ where: { active: false }, order: { id: 'ASC' } })).length > 0) return 'some inactive';
    return 'all active';
  }
}

// Emptiness tests through each receiver: exists()/existsBy() answer them
// (`order`, `select` and a positive `take` never make a non-empty result empty).
export async function run(dataSource: DataSource, authorId: number) {
  const posts = dataSource.getRepository(Post);
  const hasPosts = (await posts.findBy({ authorId })).length !== 0;
  const noDrafts = (await dataSource.manager.find(Post, { where: { authorId, published: false }, select: { id: true }, take: 3 })).length === 0;
  const young = await dataSource.transaction(async (em) => {
    const rows = await em.findBy(User, { age: LessThan(authorId * 5) });
    return !rows.length ? 'none' : 'some';
  });
  const guard = await new Guard(dataSource.getRepository(User)).anyInactive();
  return { hasPosts, noDrafts, young, guard };
}

export const cases: unknown[][] = [[1], [6], [4], [999]];
