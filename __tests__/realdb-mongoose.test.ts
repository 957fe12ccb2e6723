// Proof for every Mongoose rewrite fixture (__testfixtures__/<rule>/mongoose/).
// No MongoDB server can be installed offline, so each side runs real Mongoose
// (casting, middleware, projection, hydration) against in-memory collections
// that evaluate the driver calls with MongoDB's matching rules
// (test/mongoose/memory-collection.ts says what is emulated and what is not).
// Results and the collections left behind are compared exactly.

import { describe, expect, test } from 'vitest';
import { Post, User } from '../test/mongoose/models.js';
import { installMemoryDb, seedPostDocs, seedUserDocs } from '../test/mongoose/setup.js';
import { findDifference } from '../test/shared/compare.js';
import { seedUsers } from '../test/shared/seed.js';
import { proveRewriteFixtures } from '../test/shared/realdb-suite.js';

await proveRewriteFixtures<{ User: typeof User; Post: typeof Post }>({
  orm: 'mongoose',
  fresh: () => {
    const db = installMemoryDb();
    return { handle: { User, Post }, finish: async () => ({ users: db.users.dump(), posts: db.posts.dump() }) };
  },
});

describe('Mongoose harness self-checks', () => {
  test('the seed reads back through Mongoose exactly as seeded', async () => {
    installMemoryDb();
    const users = await User.find().sort({ _id: 1 }).lean();
    const posts = await Post.find().sort({ _id: 1 }).lean();
    expect(findDifference(users, seedUserDocs(), 'users')).toBeNull();
    expect(findDifference(posts, seedPostDocs(), 'posts')).toBeNull();
  });

  test('MongoDB matching rules: null and $ne match a missing field; filters are cast by the schema', async () => {
    const db = installMemoryDb();
    // Seed user 5's name is missing (not null): `null` matches both, as MongoDB does.
    const nameless = seedUsers.filter((u) => u.name === null).map((u) => u.email).sort();
    expect(nameless).toContain('erin@example.com');
    expect((await User.find({ name: null }).lean()).map((u) => u.email).sort()).toEqual(nameless);
    expect(await User.countDocuments({ name: { $ne: 'Alice' } })).toBe(seedUsers.filter((u) => u.name !== 'Alice').length);
    expect(await User.countDocuments({ age: '30' as unknown as number })).toBe(seedUsers.filter((u) => u.age === 30).length);
    expect(db.users.log.at(-1)).toEqual({ op: 'countDocuments', filter: { age: 30 }, options: {} });
  });
});
