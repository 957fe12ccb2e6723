// None of these is a TypeORM load looped over whole.
import { In, type DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare const Model: { find(q: object): Promise<{ id: number }[]> };

export async function lookAlikes(dataSource: DataSource, list: { id: number }[], ids: number[]) {
  const seen: number[] = [];
  for (const u of list) seen.push(u.id); // an array
  for (const u of await Model.find({})) seen.push(u.id); // another library's find
  for (const u of await dataSource.getRepository(User).findBy({ id: In(ids) })) seen.push(u.id); // bounded by a key list
  return seen;
}
