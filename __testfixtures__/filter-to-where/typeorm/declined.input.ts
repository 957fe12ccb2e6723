import type { DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

export async function declined(dataSource: DataSource, name: string | undefined) {
  const users = dataSource.getRepository(User);
  const page = (await users.find({ take: 5 })).filter((u) => u.active); // the take applies before the filter
  const named = (await users.find()).filter((u) => u.name === name); // may be undefined: a find where throws on it
  const notBob = (await users.find()).filter((u) => u.name !== 'Bob'); // nullable !==: NULL rows differ
  const rated = (await dataSource.getRepository(Post).find()).filter((p) => p.rating! > 3); // orders a nullable field
  const either = (await users.find()).filter((u) => u.active || u.age > 50); // ||
  return [page, named, notBob, rated, either];
}
