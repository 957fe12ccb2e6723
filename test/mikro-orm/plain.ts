// How a MikroORM result is compared: entities are class instances holding
// Collections, References and back-links (post.author.posts...), so a run's
// result is first turned into plain data, then compared exactly
// (test/shared/compare.ts).
//
//   entity (initialized)   { $entity: 'User', <each own enumerable property> }
//                          a partial entity (fields: [...]) has only the
//                          properties it loaded, so a partial load shows
//   entity (a reference    { $entity: 'User', $ref: <primary key> }
//   not loaded, or one
//   already being written
//   higher up: a cycle)
//   Collection             { $collection: [items] } when initialized,
//                          { $collection: 'not loaded' } otherwise
//   Reference wrapper      { $reference: <its entity> }
//   arrays, plain objects  element by element; Dates and primitives as they are

import { Collection, Reference, Utils, wrap } from '@mikro-orm/core';

export function toPlain(value: unknown, path: Set<object> = new Set()): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => toPlain(v, path));
  if (value instanceof Collection) {
    const collection = value as Collection<object>;
    return { $collection: collection.isInitialized() ? collection.getItems(false).map((v) => toPlain(v, path)) : 'not loaded' };
  }
  if (Reference.isReference(value)) return { $reference: toPlain(value.unwrap(), path) };
  if (Utils.isEntity(value)) {
    const wrapped = wrap(value, true);
    const name = value.constructor.name;
    if (!wrapped.isInitialized() || path.has(value)) return { $entity: name, $ref: wrapped.getPrimaryKey() };
    path.add(value);
    try {
      const out: Record<string, unknown> = { $entity: name };
      for (const key of Object.keys(value)) out[key] = toPlain((value as Record<string, unknown>)[key], path);
      return out;
    } finally {
      path.delete(value);
    }
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v, path)]));
  }
  return value;
}
