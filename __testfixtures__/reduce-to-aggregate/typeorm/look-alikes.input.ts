// None of these is a TypeORM load whose rows are only summed.
import type { DataSource } from 'typeorm';
import { Post } from '../../../test/typeorm/entities.js';

export async function lookAlikes(dataSource: DataSource, list: { views: number }[]) {
  const a = list.reduce((s, p) => s + p.views, 0); // an array
  const posts = await dataSource.getRepository(Post).find();
  const b = posts.reduce((s, p) => s + p.views, 0);
  return [a, b, posts]; // rows used whole
}
