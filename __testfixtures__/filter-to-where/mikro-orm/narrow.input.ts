import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// Field tests become where operators: $gte, $lt, $ne, equality, booleans, alongside or clashing with a where.
export async function run(em: EntityManager, minAge: number, maxViews: number) {
  const adults = (await em.find(User, {}, { orderBy: { id: 'asc' } })).filter((u) => u.age >= minAge);
  const activeYoung = (await em.find(User, { active: true }, { orderBy: { id: 'asc' } })).filter((u) => u.age < minAge);
  const alongside = (await em.find(Post, { published: true }, { orderBy: { id: 'asc' } })).filter((p) => p.views <= maxViews);
  const clash = (await em.find(Post, { views: { $gt: 5 } }, { orderBy: { id: 'asc' } })).filter((p) => p.views < maxViews);
  const drafts = (await em.findAll(Post, { orderBy: { id: 'asc' } })).filter((p) => !p.published);
  const posts: EntityRepository<Post> = em.getRepository(Post);
  const notTen = (await posts.findAll({ where: { published: true }, orderBy: { id: 'asc' } })).filter((p) => p.views !== 10);
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
