import type { DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Rows with several uses that read only named fields, or only the length: the
// load keeps its rows and selects just the columns read.
export async function run(dataSource: DataSource, minAge: number) {
  const users = await dataSource.getRepository(User).find({ order: { id: 'ASC' } });
  const found = users.find((u) => u.age >= minAge && u.active);
  const summary = { n: users.length, ids: users.map((u) => u.id), found: found ? found.email : null, anyBonus: users.some(({ bonus }) => (bonus ?? 0) > 0) };

  const posts = await dataSource.manager.find(Post, { order: { id: 'ASC' } });
  const published = posts.filter((p) => p.published);
  let views = 0;
  for (const p of published) views += p.views;
  return { summary, published: published.length, views, all: posts.length };
}

export const cases: unknown[][] = [[0], [41], [1000]];
