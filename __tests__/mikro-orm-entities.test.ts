// MikroORM facts from entity decorators (lib/orm/mikro-orm/entities.ts):
// test/mikro-orm/entities.ts, the entities the fixtures run against, read
// as pushdown reads any project's, plus the shapes real apps use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { modelsFrom, readEntityClasses, type EntityClass } from '../lib/orm/mikro-orm/entities.js';

const classes = (...texts: string[]) => new Map<string, EntityClass>(texts.flatMap(readEntityClasses).map((c) => [c.name, c]));

describe('MikroORM entity facts', () => {
  const models = modelsFrom(classes(readFileSync(join(import.meta.dirname, '..', 'test', 'mikro-orm', 'entities.ts'), 'utf8')));

  test('the fixture entities', () => {
    expect([...models.keys()]).toEqual(['User', 'Post']);
    const user = models.get('User')!;
    expect(user.primaryKey).toEqual(['id']);
    expect(user.uniqueFields).toEqual(['id', 'email']);
    const f = (name: string) => user.fields.get(name)!;
    expect([f('id').type, f('email').type, f('age').type, f('score').type, f('active').type, f('createdAt').type, f('balance').type]).toEqual(['int', 'string', 'int', 'float', 'boolean', 'date', 'decimal']);
    expect([f('name').nullable, f('bonus').nullable, f('email').nullable, f('id').nullable]).toEqual([true, true, false, false]);
    expect(f('posts')).toMatchObject({ isRelation: true, isList: true, isScalar: false });
    expect(models.get('Post')!.fields.get('author')).toMatchObject({ isRelation: true, isList: false, isScalar: false });
    expect(models.get('Post')!.fields.get('rating')).toMatchObject({ type: 'float', nullable: true, isScalar: true });
  });

  test('TypeScript types when no `type` option is given; `?` and `| null` make a field nullable; @Unique; @Enum', () => {
    const m = modelsFrom(
      classes(`
        import { Entity, PrimaryKey, Property, Unique, Enum, Formula } from '@mikro-orm/core';
        @Entity() export class Account {
          @PrimaryKey() uuid!: string;
          @Property() @Unique() handle!: string;
          @Property() bio?: string;
          @Property() nick!: string | null;
          @Property() born!: Date;
          @Property() credits!: number;
          @Property({ type: 'json' }) settings!: object;
          @Enum(() => Role) role!: Role;
          @Formula('1 + 1') two!: number;
          plain = 3;
        }`),
    ).get('Account')!;
    expect(m.primaryKey).toEqual(['uuid']);
    expect(m.uniqueFields).toEqual(['uuid', 'handle']);
    expect(m.fields.get('uuid')).toMatchObject({ type: 'string', isId: true, nullable: false });
    expect(m.fields.get('bio')?.nullable).toBe(true);
    expect(m.fields.get('nick')?.nullable).toBe(true);
    expect(m.fields.get('born')?.type).toBe('date');
    expect(m.fields.get('credits')?.type).toBe('float');
    expect(m.fields.get('settings')).toMatchObject({ type: 'json', isScalar: false });
    expect(m.fields.get('role')).toMatchObject({ type: 'enum', isScalar: true });
    expect(m.fields.get('two')?.isScalar).toBe(false);
    expect(m.fields.has('plain')).toBe(false);
  });

  test('a base class lends its key to the entities extending it, across files; classes without @Entity are not models', () => {
    const m = modelsFrom(
      classes(
        `export abstract class BaseEntity { @PrimaryKey({ type: 'bigint' }) id!: bigint; @Property() createdAt = new Date(); }`,
        `@Entity({ tableName: 'orders' }) export class Order extends BaseEntity { @Property() total!: number; }`,
      ),
    );
    expect([...m.keys()]).toEqual(['Order']);
    expect(m.get('Order')!.primaryKey).toEqual(['id']);
    expect(m.get('Order')!.fields.get('id')?.type).toBe('bigint');
    expect(m.get('Order')!.fields.get('total')?.type).toBe('float');
    expect(m.get('Order')!.fields.get('createdAt')?.type).toBe('date');
  });

  test('unparsable text reads as nothing', () => {
    expect(readEntityClasses('@Entity() class {{{')).toEqual([]);
  });
});
