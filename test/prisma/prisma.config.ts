// Prisma CLI config for the test schema: only `prisma generate` runs here
// (offline), so no datasource URL is needed; tests pass their own SQLite file
// to the better-sqlite3 adapter.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: './schema.prisma',
});
