/** The Drizzle plugin's table reader: columns, keys, uniqueness and JS types from table definitions. */
import { describe, expect, it } from 'vitest';
import { readTables } from '../lib/orm/drizzle/tables.js';

const PG = `
import { pgTable, pgTableCreator, serial, text, varchar, numeric, bigint, boolean, timestamp, uniqueIndex, primaryKey, integer } from 'drizzle-orm/pg-core';
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 256 }).notNull(),
  handle: text('handle'),
  balance: numeric('balance'),
  big: bigint('big', { mode: 'bigint' }),
  small: bigint('small', { mode: 'number' }).notNull(),
  admin: boolean('admin').notNull(),
  seen: timestamp('seen'),
}, (t) => [uniqueIndex('users_email').on(t.email), uniqueIndex('partial').on(t.handle).where(sql\`x\`)]);
const createTable = pgTableCreator((n) => \`app_\${n}\`);
export const tags = createTable('tag', (t) => ({ name: t.text().notNull(), postId: t.integer() }), (t) => ({ pk: primaryKey({ columns: [t.name] }) }));
export const links = pgTable('links', { a: integer('a'), b: integer('b') }, (t) => [primaryKey({ columns: [t.a, t.b] })]);
`;

describe('readTables', () => {
  const file = readTables(PG);
  const byName = new Map(file.models.map((m) => [m.codeName, m]));

  it('keys tables by the variable the code uses, and says the database', () => {
    expect([...byName.keys()]).toEqual(['users', 'tags', 'links']);
    expect(file.provider).toBe('postgresql');
  });

  it('reads keys, nullability and unique columns (also from single-column unique indexes, not partial ones)', () => {
    const users = byName.get('users')!;
    expect(users.primaryKey).toEqual(['id']);
    expect(users.fields.get('id')).toMatchObject({ nullable: false, isId: true, type: 'int' });
    expect(users.uniqueFields).toEqual(['id', 'email']);
    expect(users.fields.get('handle')).toMatchObject({ nullable: true, isUnique: false, type: 'string' });
  });

  it('types columns as JavaScript sees their values', () => {
    const f = byName.get('users')!.fields;
    expect(['balance', 'big', 'small', 'admin', 'seen'].map((n) => f.get(n)?.type)).toEqual(['decimal', 'bigint', 'int', 'boolean', 'date']);
  });

  it('reads table creators, column callbacks and primaryKey({ columns }) with one column; a composite key is no key', () => {
    expect(byName.get('tags')).toMatchObject({ primaryKey: ['name'] });
    expect(byName.get('tags')!.fields.get('postId')).toMatchObject({ type: 'int', nullable: true });
    expect(byName.get('links')!.primaryKey).toEqual([]);
  });

  it('reads SQLite modes', () => {
    const sqlite = readTables(`const t = sqliteTable('t', { on: integer('on', { mode: 'boolean' }), at: integer('at', { mode: 'timestamp_ms' }), j: text('j', { mode: 'json' }), r: real('r') });`);
    expect(sqlite.provider).toBe('sqlite');
    expect([...sqlite.models[0].fields.values()].map((f) => f.type)).toEqual(['boolean', 'date', 'json', 'float']);
  });
});
