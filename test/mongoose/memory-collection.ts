// An in-memory stand-in for a MongoDB collection, at the driver boundary.
//
// No MongoDB server can be installed offline here. Mongoose itself still runs
// in full: it casts filters and updates by the schema, runs middleware,
// applies projections and hydrates documents; only the driver's collection
// (Model.collection) is replaced by this one, which evaluates what Mongoose
// sends with sift (MongoDB's query language in JavaScript: `null` matches
// missing fields, `$ne` matches missing fields, type-bracketed comparisons).
//
// Limits of this proof, stated in the README: sorting follows BSON type order
// for the types the seed holds (missing/null < numbers < strings < ObjectId <
// booleans < dates); aggregation supports $match, $sort, $skip, $limit,
// $count, $project (inclusion) and $group with $sum/$min/$max/$avg/$first;
// collation, text search and indexes are not emulated. What this proves is
// that the rewritten code asks for the same documents under MongoDB's
// matching rules, not the server's plans or performance.

import sift from 'sift';
import { Types } from 'mongoose';

type Doc = Record<string, unknown>;

interface FindOptions {
  sort?: Record<string, 1 | -1 | 'asc' | 'desc' | 'ascending' | 'descending'>;
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1 | boolean>;
}

function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Types.ObjectId) return new Types.ObjectId(value.toHexString()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

/** BSON comparison order for the types the fixtures use. */
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' || typeof v === 'bigint') return 2;
  if (typeof v === 'string') return 3;
  if (v instanceof Types.ObjectId) return 7;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  return 4;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return 0;
  if (a instanceof Types.ObjectId && b instanceof Types.ObjectId) return a.toHexString() < b.toHexString() ? -1 : a.toHexString() > b.toHexString() ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0; // binary (code unit) order, MongoDB's default
  const x = a as number;
  const y = b as number;
  return x < y ? -1 : x > y ? 1 : 0;
}

const get = (doc: Doc, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Doc)[k] : undefined), doc);

function sortDocs(docs: Doc[], sort: FindOptions['sort']): Doc[] {
  if (!sort) return docs;
  const keys = Object.entries(sort).map(([k, d]) => [k, d === -1 || d === 'desc' || d === 'descending' ? -1 : 1] as const);
  return [...docs].sort((a, b) => {
    for (const [k, dir] of keys) {
      const c = compareValues(get(a, k), get(b, k));
      if (c !== 0) return c * dir;
    }
    return 0; // stable: insertion (natural) order, as a collection scan returns it
  });
}

function project(doc: Doc, projection: FindOptions['projection']): Doc {
  if (!projection || Object.keys(projection).length === 0) return clone(doc);
  const entries = Object.entries(projection);
  const inclusive = entries.some(([k, v]) => k !== '_id' && (v === 1 || v === true));
  const out: Doc = {};
  if (inclusive) {
    if (projection._id !== 0 && projection._id !== false && '_id' in doc) out._id = clone(doc._id);
    for (const [k, v] of entries) if (k !== '_id' && (v === 1 || v === true) && k in doc) out[k] = clone(doc[k]);
    return out;
  }
  const dropped = new Set(entries.filter(([, v]) => v === 0 || v === false).map(([k]) => k));
  for (const [k, v] of Object.entries(doc)) if (!dropped.has(k)) out[k] = clone(v);
  return out;
}

function applyUpdate(doc: Doc, update: Doc): void {
  for (const [op, fields] of Object.entries(update)) {
    const f = fields as Doc;
    if (op === '$set') for (const [k, v] of Object.entries(f)) doc[k] = clone(v);
    else if (op === '$inc') for (const [k, v] of Object.entries(f)) doc[k] = ((doc[k] as number | undefined) ?? 0) + (v as number);
    else if (op === '$unset') for (const k of Object.keys(f)) delete doc[k];
    else if (op === '$setOnInsert') continue;
    else if (!op.startsWith('$')) doc[op] = clone(fields);
    else throw new Error(`memory collection: update operator ${op} is not emulated`);
  }
}

function accumulate(op: string, expr: unknown, group: Doc[]): unknown {
  const values = group.map((d) => (typeof expr === 'string' && expr.startsWith('$') ? get(d, expr.slice(1)) : expr));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  switch (op) {
    case '$sum':
      return numbers.reduce((s, n) => s + n, 0);
    case '$avg':
      return numbers.length === 0 ? null : numbers.reduce((s, n) => s + n, 0) / numbers.length;
    case '$min':
    case '$max': {
      const present = values.filter((v) => v !== null && v !== undefined);
      if (present.length === 0) return null;
      return present.reduce((m, v) => (compareValues(v, m) * (op === '$min' ? -1 : 1) > 0 ? v : m));
    }
    case '$first':
      return values[0] ?? null;
    default:
      throw new Error(`memory collection: accumulator ${op} is not emulated`);
  }
}

function runPipeline(docs: Doc[], pipeline: Doc[]): Doc[] {
  let rows = docs.map((d) => clone(d));
  for (const stage of pipeline) {
    const [name, arg] = Object.entries(stage)[0] as [string, unknown];
    if (name === '$match') rows = rows.filter(sift(arg as Doc));
    else if (name === '$sort') rows = sortDocs(rows, arg as FindOptions['sort']);
    else if (name === '$skip') rows = rows.slice(arg as number);
    else if (name === '$limit') rows = rows.slice(0, arg as number);
    else if (name === '$count') rows = rows.length === 0 ? [] : [{ [arg as string]: rows.length }];
    else if (name === '$project') rows = rows.map((r) => project(r, arg as FindOptions['projection']));
    else if (name === '$group') {
      const spec = arg as Doc;
      const key = spec._id;
      const groups = new Map<string, { id: unknown; docs: Doc[] }>();
      for (const r of rows) {
        const id = typeof key === 'string' && key.startsWith('$') ? get(r, key.slice(1)) ?? null : key ?? null;
        const k = JSON.stringify(id);
        if (!groups.has(k)) groups.set(k, { id, docs: [] });
        groups.get(k)!.docs.push(r);
      }
      rows = [...groups.values()].map(({ id, docs: g }) => {
        const out: Doc = { _id: id };
        for (const [field, acc] of Object.entries(spec)) {
          if (field === '_id') continue;
          const [op, expr] = Object.entries(acc as Doc)[0] as [string, unknown];
          out[field] = accumulate(op, expr, g);
        }
        return out;
      });
    } else throw new Error(`memory collection: stage ${name} is not emulated`);
  }
  return rows;
}

/** What Mongoose calls on Model.collection, answered from an array of documents. */
export class MemoryCollection {
  docs: Doc[];
  /** Every operation Mongoose sent, for query-shape assertions. */
  readonly log: { op: string; filter?: unknown; options?: unknown }[] = [];

  constructor(
    readonly collectionName: string,
    seed: readonly Doc[],
  ) {
    this.docs = seed.map((d) => clone(d));
  }

  private matching(filter: Doc = {}): Doc[] {
    return this.docs.filter(sift(filter));
  }

  private select(filter: Doc | undefined, options: FindOptions = {}): Doc[] {
    let rows = sortDocs(this.matching(filter), options.sort);
    if (options.skip) rows = rows.slice(options.skip);
    if (options.limit) rows = rows.slice(0, Math.abs(options.limit));
    return rows.map((d) => project(d, options.projection));
  }

  async find(filter: Doc, options: FindOptions = {}) {
    this.log.push({ op: 'find', filter, options });
    const rows = this.select(filter, options);
    return { toArray: async () => rows };
  }

  async findOne(filter: Doc, options: FindOptions = {}) {
    this.log.push({ op: 'findOne', filter, options });
    return this.select(filter, { ...options, limit: 1 })[0] ?? null;
  }

  async countDocuments(filter: Doc, options: { limit?: number; skip?: number } = {}) {
    this.log.push({ op: 'countDocuments', filter, options });
    return this.select(filter, options).length;
  }

  async estimatedDocumentCount() {
    this.log.push({ op: 'estimatedDocumentCount' });
    return this.docs.length;
  }

  async aggregate(pipeline: Doc[], options?: unknown) {
    this.log.push({ op: 'aggregate', filter: pipeline, options });
    const rows = runPipeline(this.docs, pipeline);
    return { toArray: async () => rows };
  }

  private update(filter: Doc, update: Doc, many: boolean) {
    const hits = this.matching(filter);
    const touched = many ? hits : hits.slice(0, 1);
    for (const d of touched) applyUpdate(d, update);
    return { acknowledged: true, matchedCount: touched.length, modifiedCount: touched.length, upsertedCount: 0, upsertedId: null };
  }

  async updateOne(filter: Doc, update: Doc) {
    this.log.push({ op: 'updateOne', filter });
    return this.update(filter, update, false);
  }

  async updateMany(filter: Doc, update: Doc) {
    this.log.push({ op: 'updateMany', filter });
    return this.update(filter, update, true);
  }

  private remove(filter: Doc, many: boolean) {
    const hits = new Set(many ? this.matching(filter) : this.matching(filter).slice(0, 1));
    this.docs = this.docs.filter((d) => !hits.has(d));
    return { acknowledged: true, deletedCount: hits.size };
  }

  async deleteOne(filter: Doc) {
    this.log.push({ op: 'deleteOne', filter });
    return this.remove(filter, false);
  }

  async deleteMany(filter: Doc) {
    this.log.push({ op: 'deleteMany', filter });
    return this.remove(filter, true);
  }

  async insertOne(doc: Doc) {
    this.log.push({ op: 'insertOne' });
    this.docs.push(clone(doc));
    return { acknowledged: true, insertedId: doc._id };
  }

  async insertMany(docs: Doc[]) {
    this.log.push({ op: 'insertMany' });
    for (const d of docs) this.docs.push(clone(d));
    return { acknowledged: true, insertedCount: docs.length };
  }

  /** Every document, in _id order, as plain data: the state a run leaves behind. */
  dump(): Doc[] {
    return sortDocs(this.docs, { _id: 1 }).map((d) => clone(d));
  }
}
