// None of these is a TypeORM load whose rows are only mapped to columns.
import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare const Model: { find(q: object): Promise<{ email: string }[]> };

export async function lookAlikes(dataSource: DataSource, list: { email: string }[]) {
  const a = list.map((u) => u.email); // an array
  const b = (await Model.find({})).map((u) => u.email); // another library's find
  const users = dataSource.getRepository(User);
  const c = (await users.find()).map((u) => u); // the whole row
  const f = (await users.find({ select: { email: true } })).map((u) => u.email); // already selected
  return [a, b, c, f];
}
