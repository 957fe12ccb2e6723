// None of these is a MikroORM load whose rows are only counted.
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as TypeOrmEntityManager } from 'typeorm';
import { User } from '../../../test/mikro-orm/entities.js';

declare function send(rows: unknown[]): void;

// An `em` that is TypeORM's: same call shape, another library.
export async function typeormSide(em: TypeOrmEntityManager) {
  return (await em.find(User, { where: { active: true } })).length;
}

// `this.em` declared as TypeORM's, and a manager built by another library.
class ReportService {
  constructor(private readonly em: TypeOrmEntityManager) {}
  async count() {
    return (await this.em.find(User, {})).length;
  }
}
declare function createConnection(): { find(entity: unknown, where: unknown): Promise<unknown[]> };

export async function lookAlikes(em: EntityManager) {
  const conn = createConnection();
  const other = (await conn.find(User, {})).length;
  void other;
  void ReportService;
  const list = [{ id: 1, n: [1] }, { id: 2, n: [] }];
  const a = list.find((x) => x.id === 1)?.n.length; // an array's find
  const store = { find: async (_entity: unknown, _where: unknown) => [1, 2] };
  const b = (await store.find(User, {})).length; // not an entity manager
  const users = await em.find(User, {});
  send(users); // escapes: the rows are needed anyway
  const c = users.length;
  const pending = em.find(User, { active: true }); // not awaited here
  const d = (await pending).length;
  const one = await em.findOne(User, { email: 'alice@example.com' }); // not a list
  const e = one?.posts.length;
  let rows = await em.find(User, { age: 30 });
  rows = [];
  const f = rows.length; // reassigned
  return [a, b, c, d, e, f];
}
