// One measured run, in its own process (spawned by bench/queries.ts and
// scripts/demo.mjs; run with `node --import tsx`). Prints one JSON line,
// prefixed with MEASURE:, on stdout.
//
//   --module <file>        the module to run
//   --export <name>        the function to call (default: run)
//   --args <json>          its arguments, after the client if --pass-client
//   --client <file>        a module exporting openPrisma(dbPath) or a ready `prisma`
//   --db <file>            the SQLite file (for openPrisma)
//   --pass-client          call fn(prisma, ...args) instead of fn(...args)
//   --warmup-db <file>     with --pass-client: first call fn once on this (empty)
//                          database with its own client, so Prisma's one-off
//                          start-up (query compiler) is not in the timing
//   --tasks <json>         instead of one call: [{label, module, export, args}],
//                          called in order in this one process (the demo runs a
//                          whole app this way); figures per task plus the
//                          process's peak RSS
//   --warmup-model <name>  with --tasks: a `prisma.<name>.count()` before the
//                          first task, so Prisma's one-off query-compiler
//                          start-up is not charged to the first task
//
// Rows crossing from the database into JS are counted at the driver: every
// better-sqlite3 Statement#all / #get / #iterate is wrapped, and the rows it
// hands back to JS are added up. That is below Prisma (its adapter calls
// `stmt.raw().all()` for every read), so whatever Prisma does with the rows
// afterwards, this is what SQLite delivered into the JS heap.
//
// Memory: process.resourceUsage().maxRSS at the end (the peak of the whole
// process, startup included; the baseline before the measured call is
// reported beside it), and the peak of process.memoryUsage().heapUsed /
// .rss sampled every 5 ms and also right after every statement returns rows
// (a synchronous `.all()` blocks the timer, so the hook samples when the
// rows have just landed).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const { values: opts } = parseArgs({
  options: {
    module: { type: 'string' },
    export: { type: 'string', default: 'run' },
    args: { type: 'string', default: '[]' },
    client: { type: 'string' },
    db: { type: 'string' },
    'pass-client': { type: 'boolean', default: false },
    'warmup-db': { type: 'string' },
    tasks: { type: 'string' },
    'warmup-model': { type: 'string' },
  },
});

let rows = 0;
let statements = 0;
let peakHeap = 0;
let peakRss = 0;
function sample(): void {
  const m = process.memoryUsage();
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  if (m.rss > peakRss) peakRss = m.rss;
}

// The Statement prototype is shared by every better-sqlite3 Database in the
// process, the Prisma adapter's included.
{
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  const all = proto.all!;
  proto.all = function (this: unknown, ...a: unknown[]) {
    const out = all.apply(this, a) as unknown[];
    statements++;
    rows += out.length;
    sample();
    return out;
  };
  const get = proto.get!;
  proto.get = function (this: unknown, ...a: unknown[]) {
    const out = get.apply(this, a);
    statements++;
    if (out !== undefined) rows++;
    return out;
  };
  const iterate = proto.iterate!;
  proto.iterate = function* (this: unknown, ...a: unknown[]) {
    statements++;
    for (const row of iterate.apply(this, a) as Iterable<unknown>) {
      rows++;
      yield row;
    }
  };
}

async function main(): Promise<void> {
  const fnArgs = JSON.parse(opts.args!) as unknown[];
  let prisma: any;
  if (opts.client) {
    const clientMod = await import(pathToFileURL(resolve(opts.client)).href);
    prisma = typeof clientMod.openPrisma === 'function' ? clientMod.openPrisma(resolve(opts.db!)) : clientMod.prisma;
    // Warm-up: connect and compile one query, so the measured call is the
    // query and its processing, not the client's start-up.
    await prisma.$queryRawUnsafe('SELECT 1');
  }
  const mod = await import(pathToFileURL(resolve(opts.module!)).href);
  const fn = mod[opts.export!];
  if (typeof fn !== 'function') throw new Error(`${opts.module} has no function export ${opts.export}`);
  if (opts['warmup-db'] && opts['pass-client'] && opts.client) {
    const clientMod = await import(pathToFileURL(resolve(opts.client)).href);
    const warm = clientMod.openPrisma(resolve(opts['warmup-db']));
    await fn(warm, ...fnArgs);
    await warm.$disconnect();
  }

  globalThis.gc?.();
  rows = 0;
  statements = 0;
  const base = process.memoryUsage();
  peakHeap = base.heapUsed;
  peakRss = base.rss;
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const result = await (opts['pass-client'] ? fn(prisma, ...fnArgs) : fn(...fnArgs));
  const wallMs = performance.now() - t0;
  sample();
  clearInterval(timer);
  const maxRssKb = process.resourceUsage().maxRSS;
  await prisma?.$disconnect?.();
  const json = toJson(result);
  const summary = json.length > 80 ? `${json.slice(0, 60)}… (${json.length} chars)` : json;
  const resultHash = createHash('sha1').update(json).digest('hex').slice(0, 12);
  process.stdout.write(
    `MEASURE:${JSON.stringify({
      wallMs,
      rows,
      statements,
      baseRss: base.rss,
      baseHeap: base.heapUsed,
      peakHeap,
      peakRssSampled: peakRss,
      maxRss: maxRssKb * 1024,
      result: summary,
      resultHash,
    })}\n`,
  );
}

/** The result as JSON (bigint-safe), to check both sides of a rewrite agree. */
function toJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)) ?? 'undefined';
}

async function runTasks(): Promise<void> {
  const tasks = JSON.parse(opts.tasks!) as Array<{ label: string; module: string; export: string; args?: unknown[] }>;
  const fns = [];
  for (const t of tasks) {
    const mod = await import(pathToFileURL(resolve(t.module)).href);
    if (typeof mod[t.export] !== 'function') throw new Error(`${t.module} has no function export ${t.export}`);
    fns.push(mod[t.export] as (...a: unknown[]) => Promise<unknown>);
  }
  if (opts.client) {
    const clientMod = await import(pathToFileURL(resolve(opts.client)).href);
    await clientMod.prisma.$queryRawUnsafe('SELECT 1');
    if (opts['warmup-model']) await clientMod.prisma[opts['warmup-model']].count();
  }
  const out = [];
  const timer = setInterval(sample, 5);
  const t00 = performance.now();
  const base = process.memoryUsage();
  for (const [i, t] of tasks.entries()) {
    globalThis.gc?.();
    rows = 0;
    statements = 0;
    peakHeap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const result = await fns[i]!(...(t.args ?? []));
    const wallMs = performance.now() - t0;
    sample();
    const json = toJson(result);
    out.push({ label: t.label, wallMs, rows, statements, peakHeap, maxRssSoFar: process.resourceUsage().maxRSS * 1024, resultHash: createHash('sha1').update(json).digest('hex').slice(0, 12), result: json.length > 60 ? `${json.slice(0, 50)}… (${json.length} chars)` : json });
  }
  const totalMs = performance.now() - t00;
  clearInterval(timer);
  process.stdout.write(`MEASURE:${JSON.stringify({ tasks: out, totalMs, baseRss: base.rss, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
  process.exit(0); // the app's client stays open; nothing else to wait for
}

(opts.tasks ? runTasks() : main()).catch((err) => {
  process.stdout.write(`MEASURE-ERROR:${JSON.stringify(String(err?.stack ?? err).split('\n').slice(0, 3).join(' | '))}\n`);
  process.exit(1);
});
