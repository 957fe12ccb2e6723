/**
 * What rules may know about the Prisma schema. Discovery and parsing live in
 * lib/orm/prisma-schema.ts; rules only read this shape. With no schema, rules
 * fall back to `id` and downgrade or decline whatever needs a type fact.
 */
export interface SchemaField {
  name: string;
  /** Prisma type name: Int, Float, String, Boolean, DateTime, Decimal, BigInt, Json, Bytes, or a model/enum name. */
  type: string;
  isList: boolean;
  /** `?`: nullable. */
  isOptional: boolean;
  isId: boolean;
  isUnique: boolean;
  /** A relation field (its type is another model). */
  isRelation: boolean;
  /** Scalar: a built-in type or an enum. */
  isScalar: boolean;
}

export interface SchemaModel {
  /** Model name as written (`User`). */
  name: string;
  /** Delegate name on the client (`user`). */
  delegate: string;
  fields: Map<string, SchemaField>;
  /** The single-field id, when there is one. */
  idField?: string;
}

export interface SchemaInfo {
  /** The schema file or folder it was read from. */
  source: string;
  provider?: string;
  /** Keyed by delegate name (`user`). */
  models: Map<string, SchemaModel>;
}
