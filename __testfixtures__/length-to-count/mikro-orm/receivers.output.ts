import { type EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// Every receiver shape: this.em and an injected EntityRepository<E> in a
// service, a custom repository's this, a fork, orm.em, em.getRepository(E),
// the EntityManager of em.transactional.
class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly users: EntityRepository<User>,
  ) {}

  async activeCount() {
    return await this.em.count(User, { active: true });
  }

  async olderThan(age: number) {
    return await this.users.count({ age: { $gt: age } });
  }

  async everyone() {
    return await this.users.count();
  }
}

class UserRepository extends EntityRepository<User> {
  async withoutBonus() {
    return await this.count({ bonus: null });
  }
}

export async function run(em: EntityManager, age: number) {
  const orm = { em };
  const service = new UserService(em, em.getRepository(User));
  const drafts = await em.fork().count(Post, { published: false });
  const unnamed = await orm.em.count(User, { name: null });
  const posts = em.getRepository(Post);
  const quiet = await posts.count({ views: { $lte: age } });
  const rated = await posts.count({ rating: { $ne: null } });
  const inTx = await em.transactional(async (tx) => await tx.count(User, { active: false }));
  const withoutBonus = await new UserRepository(em, User).withoutBonus();
  return [inTx, withoutBonus, await service.activeCount(), await service.olderThan(age), await service.everyone(), drafts, unnamed, quiet, rated];
}

export const cases: unknown[][] = [[0], [30], [1000]];
