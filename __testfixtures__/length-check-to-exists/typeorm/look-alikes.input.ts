// None of these is a TypeORM load only tested for emptiness.
import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare const knex: (t: string) => { where(o: object): Promise<unknown[]> };

export async function lookAlikes(dataSource: DataSource, list: number[], name: string | null) {
  const a = list.length > 0; // an array
  const b = (await knex('users').where({ active: true })).length > 0; // another library
  const repo = { findBy: async (_: object) => [] as number[] };
  const c = (await repo.findBy({ active: true })).length > 0; // not TypeORM's
  const users = await dataSource.getRepository(User).find();
  const d = users.length > 0 ? users : []; // rows used too
  const e = (await dataSource.getRepository(User).find()).length; // a number: length-to-count's
  return [a, b, c, d, e];
}
