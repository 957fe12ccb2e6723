// None of these is a TypeORM load filtered right away.
import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare const Model: { find(q: object): Promise<{ active: boolean }[]> };

export async function lookAlikes(dataSource: DataSource, list: { active: boolean }[]) {
  const a = list.filter((u) => u.active); // an array
  const b = (await Model.find({})).filter((u) => u.active); // another library's find
  const users = await dataSource.getRepository(User).find();
  const c = users.filter((u) => u.active);
  const d = users.length; // rows used twice
  return [a, b, c, d];
}
