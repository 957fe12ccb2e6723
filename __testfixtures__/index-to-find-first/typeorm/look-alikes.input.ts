// None of these is a TypeORM load of which only the first row is used.
import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare const Model: { find(q: object): Promise<{ id: number }[]> };

export async function lookAlikes(dataSource: DataSource, ids: number[]) {
  const a = ids.filter((id) => id > 0)[0]; // an array
  const b = (await Model.find({}))[0]; // another library's find
  const repo = { find: async () => [{ id: 1 }] };
  const c = (await repo.find())[0]; // not TypeORM's repository
  const users = await dataSource.getRepository(User).find({ order: { id: 'ASC' } });
  const d = users[1]; // not the first row
  const e = users[0];
  const [f, g] = await dataSource.getRepository(User).find(); // more than the first row
  const h = (await dataSource.getRepository(User).find()).find((u) => u.age > 30); // Array find over the rows
  return [a, b, c, d, e, f, g, h];
}
