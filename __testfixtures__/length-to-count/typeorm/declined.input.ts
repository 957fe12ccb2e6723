import type { DataSource, FindManyOptions } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

// count() clears take/skip (it counts every matching row): a page's length is not a count.
export async function declined(dataSource: DataSource, options: FindManyOptions<User>) {
  const users = dataSource.getRepository(User);
  const page = (await users.find({ where: { active: true }, take: 10 })).length;
  const rest = (await users.find({ skip: 20 })).length;
  const opaque = (await users.find(options)).length;
  const qbPage = (await users.createQueryBuilder('u').take(5).getMany()).length;
  return [page, rest, opaque, qbPage];
}
