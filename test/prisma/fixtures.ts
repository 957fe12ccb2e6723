// The Prisma rewrite fixtures (test/fixtures.ts finds them for any ORM).

import { findRewriteFixtures, FIXTURES_DIR, type RewriteFixture } from '../fixtures.js';

export { FIXTURES_DIR, type RewriteFixture };

export function findPrismaRewriteFixtures(root: string = FIXTURES_DIR): RewriteFixture[] {
  return findRewriteFixtures('prisma', root);
}
