import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

export async function declined(dataSource: DataSource) {
  const users = dataSource.getRepository(User);
  const posts = (await users.find()).map((u) => u.posts); // a relation, not a column
  const built = (await users.createQueryBuilder('u').getMany()).map((u) => u.email); // a query builder: select by hand
  return [posts, built];
}
