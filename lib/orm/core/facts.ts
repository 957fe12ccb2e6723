/**
 * What rules and plugins may know about a project's models, in ORM-neutral
 * terms. Each plugin reads its own sources (a schema file, entity decorators,
 * table definitions) into this shape; the runner hands it to workers as plain
 * data (Maps survive structured cloning). With no facts, plugins fall back to
 * assumptions and downgrade or decline whatever needs a type fact.
 */

/** A field's type, as far as pushdown needs to tell them apart. */
export type FieldType = 'int' | 'float' | 'string' | 'boolean' | 'date' | 'decimal' | 'bigint' | 'json' | 'bytes' | 'enum' | 'relation' | 'unknown';

export interface FieldFacts {
  name: string;
  type: FieldType;
  /** The type as the ORM spells it (`Int`, `DateTime`, `varchar`), for messages. */
  typeName: string;
  /** A list (array) of values or of related rows. */
  isList: boolean;
  /** May be NULL in the database. */
  nullable: boolean;
  /** Part of the primary key. */
  isId: boolean;
  /** Unique on its own (a single-field id is unique too). */
  isUnique: boolean;
  /** A relation to another model (not a stored column). */
  isRelation: boolean;
  /** A stored scalar column (a built-in type or an enum). */
  isScalar: boolean;
}

export interface ModelFacts {
  /** How code names the model, and its key in `OrmFacts.models`: Prisma's delegate `user`, an entity class `User`. */
  codeName: string;
  /** As declared (`User`), for messages. */
  name: string;
  fields: Map<string, FieldFacts>;
  /** The primary key's field(s), in order; empty when unknown. */
  primaryKey: readonly string[];
  /** Fields unique on their own. */
  uniqueFields: readonly string[];
}

export interface OrmFacts {
  /** Where they were read from (a file or folder), for messages. */
  source: string;
  /** The database, when the facts say (`postgresql`, `sqlite`). */
  provider?: string;
  /** Keyed by `ModelFacts.codeName`. */
  models: Map<string, ModelFacts>;
}

/** The single-field primary key, when the model has one. */
export function singleKey(model: ModelFacts | undefined): string | undefined {
  return model && model.primaryKey.length === 1 ? model.primaryKey[0] : undefined;
}
