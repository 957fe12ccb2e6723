import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

export async function declined(dataSource: DataSource, name: string | null) {
  const users = dataSource.getRepository(User);
  const past = (await users.find({ where: { active: true }, skip: 10 })).length > 0; // rows past an offset
  // null/undefined in a find where throws in TypeORM 1.x, while JavaScript compares them
  const named = (await users.find()).some((u) => u.name === name);
  const other = (await users.find()).some((u) => u.name !== 'Bob'); // nullable !==: NULL rows differ
  return [past, named, other];
}
