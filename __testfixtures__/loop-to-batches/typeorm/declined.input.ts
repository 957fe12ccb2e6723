import type { DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

export async function declined(dataSource: DataSource, seen: number[]) {
  for (const u of await dataSource.getRepository(User).find({ take: 100 })) seen.push(u.id); // a page already
  for (const u of await dataSource.getRepository(User).find({ order: { name: 'ASC' } })) seen.push(u.id); // nullable order
  for (const p of await dataSource.getRepository(Post).createQueryBuilder('p').getMany()) seen.push(p.id); // a query builder
  const users = await dataSource.getRepository(User).find();
  seen.push(users.length);
  for (const u of users) seen.push(u.id); // rows used besides the loop
}
