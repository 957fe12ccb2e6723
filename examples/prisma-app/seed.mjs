// Creates the tables (prisma/migrations/0_init/migration.sql) and fills them
// with n users, n orders and n jobs, in one transaction with prepared
// statements (100k of each takes about a second).
//
//   node seed.mjs <file.db> [n]      (the demo calls seed() directly)
import Database from 'better-sqlite3';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const PLANS = ['free', 'free', 'free', 'free', 'free', 'free', 'free', 'free', 'pro', 'team'];
const ORDER_STATUS = ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'refunded', 'pending', 'pending'];
const JOB_STATUS = ['done', 'done', 'done', 'done', 'done', 'queued', 'queued', 'failed', 'failed', 'failed'];
const KINDS = ['email', 'invoice', 'export', 'webhook'];

/** DateTime as @prisma/adapter-better-sqlite3 writes it: ISO text with +00:00. */
const iso = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');

export function seed(path, n) {
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(readFileSync(join(HERE, 'prisma', 'migrations', '0_init', 'migration.sql'), 'utf8'));
  const user = db.prepare('INSERT INTO "User" ("id", "email", "name", "plan", "active", "createdAt") VALUES (?, ?, ?, ?, ?, ?)');
  const order = db.prepare('INSERT INTO "Order" ("id", "userId", "totalCents", "status", "createdAt") VALUES (?, ?, ?, ?, ?)');
  const job = db.prepare('INSERT INTO "Job" ("id", "kind", "status", "attempts", "runAt") VALUES (?, ?, ?, ?, ?)');
  const t0 = Date.UTC(2024, 0, 1);
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      user.run(i, `user${i}@example.com`, i % 9 === 0 ? null : `User ${i}`, PLANS[i % 10], i % 4 === 0 ? 0 : 1, iso(t0 + i * 60_000));
    }
    for (let i = 1; i <= n; i++) {
      order.run(i, 1 + ((i * 7919) % n), 500 + ((i * 131) % 20_000), ORDER_STATUS[i % 10], iso(t0 + i * 5 * 60_000));
    }
    for (let i = 1; i <= n; i++) {
      job.run(i, KINDS[i % 4], JOB_STATUS[i % 10], i % 5, iso(t0 + i * 30_000));
    }
  })();
  db.close();
  renameSync(tmp, path);
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file = 'dev.db', n = '1000'] = process.argv.slice(2);
  seed(file, Number(n));
  console.log(`seeded ${file} with ${n} users, orders and jobs`);
}
