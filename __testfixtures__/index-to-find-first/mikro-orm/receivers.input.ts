import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// A repository in a service, a fork, orm.em; the first row is compared, so it stays undefined when there is none.
class PostService {
  constructor(private readonly posts: EntityRepository<Post>) {}

  async mostViewed(authorId: number) {
    return (await this.posts.find({ author: authorId }, { orderBy: { views: 'desc', id: 'asc' } }))[0];
  }
}

export async function run(em: EntityManager, authorId: number) {
  const orm = { em };
  const service = new PostService(em.getRepository(Post));
  const top = await service.mostViewed(authorId);
  const author = (await em.fork().find(User, { id: authorId }))[0];
  const [named] = await orm.em.find(User, { name: { $ne: null }, age: { $gt: authorId } }, { orderBy: { age: 'asc', id: 'asc' } });
  return { top: top?.title, author: author === undefined ? 'none' : author.email, named: named?.id };
}

export const cases: unknown[][] = [[1], [7], [41], [999]];
