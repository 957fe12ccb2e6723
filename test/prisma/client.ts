// Opens the generated Prisma client on a SQLite file through the
// better-sqlite3 driver adapter (Prisma 7 has no built-in engine for it).
// Import only after generateClient() has run (the vitest globalSetup does).

import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { Prisma, PrismaClient } from './generated/client.js';

export { Prisma, PrismaClient };

export function openPrisma(dbPath: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${dbPath}` }) });
}
