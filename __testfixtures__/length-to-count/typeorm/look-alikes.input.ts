// None of these is a TypeORM whole-table load whose rows are only counted.
import mongoose from 'mongoose';
import { Repository, type DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare function send(rows: unknown[]): void;
declare const Cat: mongoose.Model<{ name: string }>;

export async function lookAlikes(dataSource: DataSource, items: { id: number }[]) {
  const a = items.filter((i) => i.id > 1).length; // an array
  const b = [items.find((i) => i.id === 1)].length; // Array.prototype.find
  const c = (await Cat.find({ name: 'Tom' })).length; // another library's find
  const repo = { find: async () => [1, 2, 3], findBy: async (_: object) => [1] };
  const d = (await repo.find()).length; // a `repo` that is not TypeORM's
  const e = (await repo.findBy({ id: 1 })).length;
  const users = await dataSource.getRepository(User).find();
  send(users); // escapes: the rows are needed anyway
  const f = users.length;
  const g = (await dataSource.getRepository(User).findOneBy({ id: 1 }))?.name?.length; // one row, not a load
  const h = (await dataSource.query('SELECT 1')).length; // raw SQL
  let rows = await dataSource.manager.find(User);
  rows = [];
  const i = rows.length; // reassigned
  const j = (await new Repository<User>(User, dataSource.manager).find()).find((u) => u.id === 1); // Array find on the rows
  return [a, b, c, d, e, f, g, h, i, j];
}

// MikroORM spells @Entity too: its entities are not TypeORM's, nor is its `em`.
import { Entity as MikroEntity, PrimaryKey, type EntityManager as MikroEntityManager } from '@mikro-orm/core';

@MikroEntity()
class Author {
  @PrimaryKey()
  id!: number;
}

export async function mikro(em: MikroEntityManager) {
  return (await em.find(Author, {})).length;
}
