// Fresh in-memory collections for each side of a Mongoose proof: the seed of
// test/prisma/seed.ts as documents (ObjectIds from the row ids; user 5's name
// is missing, not null, since MongoDB tells the two apart and `$ne`/`null`
// filters match missing fields), installed as the models' driver collections.

import { seedPosts, seedUsers } from '../shared/seed.js';
import { MemoryCollection } from './memory-collection.js';
import { oid, Post, User } from './models.js';

export function seedUserDocs(): Record<string, unknown>[] {
  return seedUsers.map(({ balance: _b, id, ...u }) => {
    const doc: Record<string, unknown> = { _id: oid(id), ...u };
    if (id === 5) delete doc.name; // missing, not null
    return doc;
  });
}

export function seedPostDocs(): Record<string, unknown>[] {
  return seedPosts.map(({ id, authorId, ...p }) => ({ _id: oid(id), ...p, authorId: oid(authorId) }));
}

export interface MemoryDb {
  users: MemoryCollection;
  posts: MemoryCollection;
}

/** Installs fresh seeded collections on the models; returns them for dumps and query-shape checks. */
export function installMemoryDb(): MemoryDb {
  const users = new MemoryCollection('users', seedUserDocs());
  const posts = new MemoryCollection('posts', seedPostDocs());
  for (const [m, c] of [[User, users], [Post, posts]] as const) {
    (m as unknown as { collection: unknown; $__collection: unknown }).collection = c;
    (m as unknown as { $__collection: unknown }).$__collection = c;
  }
  return { users, posts };
}
