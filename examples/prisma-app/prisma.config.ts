// Only `prisma generate` is run for this example (offline); the tables come
// from prisma/migrations/0_init/migration.sql (see seed.mjs).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: './prisma/schema.prisma',
});
