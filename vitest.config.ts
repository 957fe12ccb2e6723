import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Fixtures use Nest-style (legacy) decorators, as most Prisma services do.
  oxc: { decorator: { legacy: true } },
  test: {
    // Tests live in __tests__/ (or beside the code); never pick up test files
    // from bench corpora, dist/ or fixtures.
    include: ['__tests__/**/*.test.ts', '{bin,lib,transforms}/**/*.test.ts'],
    // Generates the Prisma client for test/prisma/schema.prisma (skipped when
    // current) and builds the seeded SQLite templates the real-database tests copy
    // (Prisma: hand-written DDL; TypeORM: its own synchronize).
    globalSetup: ['test/prisma/global-setup.ts', 'test/typeorm/global-setup.ts'],
    // No test depends on wall time: the 5 s default fails a sound test on a
    // busy machine (a real database, a spawned CLI, a compiler run). These are
    // bounds for a hang, not expectations of speed; speed lives in `npm run bench`.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
