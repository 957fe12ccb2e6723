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
    return (await this.em.find(User, { active: true })).length;
  }

  async olderThan(age: number) {
    return (await this.users.find({ age: { $gt: age } })).length;
  }

  async everyone() {
    return (await this.users.findAll()).length;
  }
}

class UserRepository extends EntityRepository<User> {
  async withoutBonus() {
    return (await this.find({ bonus: null })).length;
  }
}

export async function run(em: EntityManager, age: number) {
  const orm = { em };
  const service = new UserService(em, em.getRepository(User));
  const drafts = (await em.fork().find(Post, { published: false })).length;
  const unnamed = (await orm.em.find(User, { name: null })).length;
  const posts = em.getRepository(Post);
  const quiet = (await posts.find({ views: { $lte: age } }, { orderBy: { views: 'asc' } })).length;
  const rated = (await posts.findAll({ where: { rating: { $ne: null } } })).length;
  const inTx = await em.transactional(async (tx) => (await tx.find(User, { active: false })).length);
  const withoutBonus = await new UserRepository(em, User).withoutBonus();
  return [inTx, withoutBonus, await service.activeCount(), await service.olderThan(age), await service.everyone(), drafts, unnamed, quiet, rated];
}

export const cases: unknown[][] = [[0], [30], [1000]];
