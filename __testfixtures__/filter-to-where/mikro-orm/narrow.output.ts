import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// Field tests become where operators: $gte, $lt, $ne, equality, booleans, alongside or clashing with a where.
export async function run(em: EntityManager, minAge: number, maxViews: number) {
  const adults = await em.find(User, { age: { $gte: minAge } }, { orderBy: { id: 'asc' } });
  const activeYoung = await em.find(User, { active: true, age: { $lt: minAge } }, { orderBy: { id: 'asc' } });
  const alongside = await em.find(Post, { published: true, views: { $lte: maxViews } }, { orderBy: { id: 'asc' } });
  const clash = await em.find(Post, { $and: [{ views: { $gt: 5 } }, { views: { $lt: maxViews } }] }, { orderBy: { id: 'asc' } });
  const drafts = await em.findAll(Post, { orderBy: { id: 'asc' }, where: { published: false } });
  const posts: EntityRepository<Post> = em.getRepository(Post);
  const notTen = await posts.findAll({ where: { published: true, views: { $ne: 10 } }, orderBy: { id: 'asc' } });
  return {
    adults: adults.map((u) => u.id),
    activeYoung: activeYoung.map((u) => u.id),
    alongside: alongside.map((p) => p.id),
    clash: clash.map((p) => p.id),
    drafts: drafts.map((p) => p.id),
    notTen: notTen.map((p) => p.id),
  };
}

export const cases: unknown[][] = [[0, 0], [30, 10], [100, 1000]];
