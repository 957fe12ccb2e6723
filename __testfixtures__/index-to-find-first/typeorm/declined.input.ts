import type { DataSource } from 'typeorm';
import { Post } from '../../../test/typeorm/entities.js';

export async function declined(dataSource: DataSource, n: number) {
  const posts = dataSource.getRepository(Post);
  const none = (await posts.find({ where: { published: true }, take: 0 }))[0];
  const some = (await posts.find({ where: { published: true }, take: n }))[0];
  const last = (await posts.find({ order: { id: 'ASC' } })).at(-1);
  return [none, some, last];
}
