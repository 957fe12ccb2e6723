#!/usr/bin/env node
/**
 * Deterministic synthetic corpus for `npm run bench`.
 *
 *   node bench/generate-corpus.mjs [--files 4000] [--seed pushdown] [--out bench/.corpus]
 *                                  [--prisma-rate 0.05] [--check] [--quiet]
 *
 * Builds a TypeScript monorepo-shaped tree of `--files` source files (the files a
 * tool should scan): NestJS-style services / controllers / repositories / DTOs,
 * type modules, utils, React hooks and .tsx components (some of them Next.js
 * server components), vitest tests, and CommonJS .js scripts. Sizes 50–400 lines.
 *
 * About `--prisma-rate` of them (default 5%) touch Prisma; roughly half of those
 * carry real "load every row" anti-patterns (`.length`, `.then(r => r.length)`,
 * `[0]`, for-of over findMany, `.map(u => u.email)`, reduce sums, emptiness
 * tests, ...). A further ~1.5% carry look-alikes that must not be rewritten
 * (drizzle `db.query.users.findMany()`, in-memory stores and custom
 * repositories with a `findMany` method, plain `rows.length`, Prisma results
 * that escape or are mutated, a Prisma `distinct` count, a mocked client).
 *
 * On top of those it writes files that a tool must skip: `node_modules/`,
 * `.gitignore`d `dist/`, `generated/`, `coverage/`, `*.gen.ts`, and a nested
 * `.gitignore` (src/legacy/.gitignore -> vendor/). They contain anti-patterns
 * too, so a tool that fails to skip them shows it in its "changed" count.
 *
 * Every planted snippet is recorded, with its line range and what should happen
 * to it, in `<out>/.bench-manifest.json`, which bench/run.mjs uses to cross-check
 * pushdown's JSON output. Same options + same generator version => byte-identical
 * corpus (the PRNG is mulberry32 seeded from --seed; no Date.now, no Math.random).
 *
 * --check parses every written source file with the TypeScript compiler
 * (syntactic diagnostics) and with @babel/parser (typescript / jsx plugins as
 * jscodeshift's `ts`/`tsx`/`babel` parsers use them) and fails on any error, so
 * a parse error reported by a tool on this corpus is the tool's problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 5;

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

export function parseArgs(argv) {
  const o = {
    files: 4000,
    seed: 'pushdown',
    out: path.join(HERE, '.corpus'),
    prismaRate: 0.05,
    check: false,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value for ${a}`);
      return v;
    };
    if (a === '--files' || a === '-n') o.files = Number(next());
    else if (a === '--seed') o.seed = next();
    else if (a === '--out') o.out = path.resolve(next());
    else if (a === '--prisma-rate') o.prismaRate = Number(next());
    else if (a === '--check') o.check = true;
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.files) || o.files < 50) throw new Error('--files must be an integer >= 50');
  if (!(o.prismaRate >= 0 && o.prismaRate <= 1)) throw new Error('--prisma-rate must be in [0,1]');
  return o;
}

// ---------------------------------------------------------------- PRNG

function hashSeed(str) {
  // FNV-1a 32-bit
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(hashSeed(String(seed)));
  }
  float() {
    return this.next();
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  pickN(arr, n) {
    const copy = arr.slice();
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  weighted(entries) {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }
  /** Sizes skew small like real code: median ~150, range [lo, hi]. */
  size(lo, hi) {
    const u = (this.next() + this.next() + this.next()) / 3;
    const skew = Math.pow(u, 1.35);
    return Math.round(lo + skew * (hi - lo));
  }
}

// ---------------------------------------------------------------- vocabulary

const pascal = (s) => s[0].toUpperCase() + s.slice(1);
const kebab = (s) => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
const plural = (s) => (s.endsWith('y') ? s.slice(0, -1) + 'ies' : s.endsWith('s') ? s + 'es' : s + 's');
const upperSnake = (s) => s.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();

/** Prisma models (and the domain vocabulary of non-Prisma modules). */
const ENTITIES = [
  { n: 'user', str: ['email', 'name'], num: ['loginCount', 'age'], status: ['ACTIVE', 'INVITED', 'DISABLED'], rel: 'team' },
  { n: 'order', str: ['reference', 'currency'], num: ['total', 'itemCount'], status: ['PENDING', 'PAID', 'SHIPPED', 'CANCELLED'], rel: 'customer' },
  { n: 'post', str: ['title', 'slug'], num: ['views', 'likes'], status: ['DRAFT', 'PUBLISHED', 'ARCHIVED'], rel: 'author' },
  { n: 'comment', str: ['body', 'authorName'], num: ['upvotes', 'depth'], status: ['VISIBLE', 'HIDDEN', 'FLAGGED'], rel: 'post' },
  { n: 'product', str: ['sku', 'title'], num: ['price', 'stock'], status: ['ACTIVE', 'DISCONTINUED'], rel: 'category' },
  { n: 'invoice', str: ['number', 'currency'], num: ['amount', 'taxAmount'], status: ['DRAFT', 'OPEN', 'PAID', 'VOID'], rel: 'customer' },
  { n: 'payment', str: ['provider', 'externalId'], num: ['amount', 'fee'], status: ['PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED'], rel: 'invoice' },
  { n: 'customer', str: ['email', 'company'], num: ['lifetimeValue', 'orderCount'], status: ['LEAD', 'ACTIVE', 'CHURNED'], rel: 'account' },
  { n: 'subscription', str: ['plan', 'interval'], num: ['seats', 'price'], status: ['TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED'], rel: 'customer' },
  { n: 'session', str: ['token', 'userAgent'], num: ['durationMs', 'pageViews'], status: ['OPEN', 'EXPIRED', 'REVOKED'], rel: 'user' },
  { n: 'team', str: ['name', 'slug'], num: ['memberCount', 'seatLimit'], status: ['ACTIVE', 'SUSPENDED'], rel: 'organization' },
  { n: 'project', str: ['name', 'key'], num: ['budget', 'progress'], status: ['PLANNED', 'ACTIVE', 'DONE'], rel: 'team' },
  { n: 'task', str: ['title', 'assigneeEmail'], num: ['estimate', 'priority'], status: ['TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED'], rel: 'project' },
  { n: 'notification', str: ['channel', 'message'], num: ['attempts', 'priority'], status: ['QUEUED', 'SENT', 'FAILED'], rel: 'user' },
  { n: 'auditLog', str: ['action', 'actorEmail'], num: ['severity', 'durationMs'], status: ['INFO', 'WARN', 'ERROR'], rel: 'organization' },
  { n: 'webhook', str: ['url', 'event'], num: ['failures', 'timeoutMs'], status: ['ENABLED', 'DISABLED'], rel: 'account' },
  { n: 'coupon', str: ['code', 'description'], num: ['percentOff', 'redemptions'], status: ['ACTIVE', 'EXPIRED'], rel: 'campaign' },
  { n: 'shipment', str: ['carrier', 'trackingNumber'], num: ['weight', 'cost'], status: ['LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED'], rel: 'order' },
  { n: 'review', str: ['headline', 'body'], num: ['rating', 'helpfulCount'], status: ['PENDING', 'APPROVED', 'REJECTED'], rel: 'product' },
  { n: 'ticket', str: ['subject', 'requesterEmail'], num: ['priority', 'replies'], status: ['NEW', 'OPEN', 'PENDING', 'SOLVED'], rel: 'customer' },
  { n: 'membership', str: ['role', 'invitedBy'], num: ['level', 'points'], status: ['PENDING', 'ACTIVE', 'LAPSED'], rel: 'team' },
  { n: 'message', str: ['subject', 'body'], num: ['attachments', 'sizeBytes'], status: ['DRAFT', 'SENT', 'READ'], rel: 'conversation' },
  { n: 'article', str: ['title', 'locale'], num: ['wordCount', 'readingTime'], status: ['DRAFT', 'REVIEW', 'LIVE'], rel: 'author' },
  { n: 'lead', str: ['email', 'source'], num: ['score', 'touches'], status: ['NEW', 'QUALIFIED', 'LOST'], rel: 'campaign' },
  { n: 'warehouse', str: ['code', 'city'], num: ['capacity', 'utilization'], status: ['OPEN', 'CLOSED'], rel: 'region' },
  { n: 'device', str: ['serial', 'model'], num: ['batteryLevel', 'firmwareBuild'], status: ['ONLINE', 'OFFLINE', 'RETIRED'], rel: 'user' },
  { n: 'event', str: ['name', 'venue'], num: ['capacity', 'ticketsSold'], status: ['SCHEDULED', 'LIVE', 'ENDED'], rel: 'organizer' },
  { n: 'booking', str: ['guestEmail', 'roomType'], num: ['nights', 'total'], status: ['HELD', 'CONFIRMED', 'CANCELLED'], rel: 'property' },
  { n: 'expense', str: ['merchant', 'category'], num: ['amount', 'vat'], status: ['SUBMITTED', 'APPROVED', 'REIMBURSED'], rel: 'employee' },
  { n: 'asset', str: ['filename', 'mimeType'], num: ['sizeBytes', 'width'], status: ['UPLOADING', 'READY', 'DELETED'], rel: 'project' },
].map((e) => ({
  ...e,
  P: pascal(e.n),
  k: kebab(e.n),
  ps: plural(e.n),
  Ps: pascal(plural(e.n)),
  relId: e.rel + 'Id',
}));

const AREAS = [
  'admin', 'billing', 'catalog', 'core', 'crm', 'analytics', 'identity', 'inventory', 'marketing',
  'messaging', 'ops', 'reporting', 'search', 'shipping', 'support', 'workflow', 'content', 'growth',
  'payments', 'platform', 'partners', 'compliance', 'scheduling', 'insights',
];

const UI_NOUNS = [
  'List', 'Table', 'Card', 'Form', 'Modal', 'Drawer', 'Panel', 'Header', 'Filters', 'Summary', 'Badge',
  'Details', 'Editor', 'Picker', 'Timeline', 'Chart', 'EmptyState', 'Row', 'Toolbar', 'Wizard', 'Sidebar', 'Tabs',
];

const UTIL_TOPICS = [
  'array', 'string', 'date', 'money', 'retry', 'cache', 'http', 'csv', 'url', 'validation', 'object',
  'async', 'collection', 'format', 'math', 'id', 'env', 'logger', 'errors', 'guards', 'paging', 'crypto',
];

const LOCAL_NAMES = ['result', 'items', 'entries', 'records', 'list', 'values', 'batch', 'payload', 'data', 'matches'];

// ---------------------------------------------------------------- writer

class Writer {
  constructor() {
    this.lines = [];
    this.ind = 0;
    this.snippets = [];
  }
  l(s = '') {
    this.lines.push(s === '' ? '' : '  '.repeat(this.ind) + s);
  }
  /** Several lines (template text); each gets the current indent. */
  raw(text) {
    for (const line of text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n')) this.l(line);
  }
  open(s) {
    this.l(s);
    this.ind++;
  }
  close(s = '}') {
    this.ind--;
    this.l(s);
  }
  get nextLine() {
    return this.lines.length + 1;
  }
  count() {
    return this.lines.length;
  }
  /** Record a planted snippet with its 1-based line range. */
  mark(kind, expect, fn, extra = {}) {
    const start = this.nextLine;
    fn();
    this.snippets.push({ kind, expect, start, end: this.lines.length, ...extra });
  }
  text() {
    return this.lines.join('\n') + '\n';
  }
}

// ---------------------------------------------------------------- shared snippets

function whereClause(r, e, ctx = {}) {
  const s = r.pick(e.status);
  const opts = [
    `{ status: '${s}' }`,
    `{ ${e.relId} }`,
    `{ status: '${s}', deletedAt: null }`,
    `{ createdAt: { gte: since } }`,
    `{ ${e.relId}, status: { in: ['${e.status[0]}', '${e.status[e.status.length - 1]}'] } }`,
    `{ ${e.str[0]}: { contains: query, mode: 'insensitive' } }`,
    `{ OR: [{ status: '${s}' }, { ${e.num[0]}: { gt: 0 } }] }`,
  ];
  return r.pick(opts);
}
/** Parameters a where-clause above may reference, declared on the enclosing function. */
function whereParams(where, e, ts) {
  const ps = [];
  if (where.includes(e.relId)) ps.push(ts ? `${e.relId}: string` : e.relId);
  if (where.includes('since')) ps.push(ts ? 'since: Date' : 'since');
  if (where.includes('query')) ps.push(ts ? 'query: string' : 'query');
  return ps;
}

/**
 * Emits a function/method header in the current file style and returns the
 * closer. style: 'class' (TS method), 'ts' (exported TS function), 'js' (CJS function).
 */
function fnOpen(w, style, name, params, ret, { isAsync = true, visibility = '' } = {}) {
  const a = isAsync ? 'async ' : '';
  if (style === 'class') {
    w.open(`${visibility ? visibility + ' ' : ''}${a}${name}(${params.join(', ')})${ret ? ': ' + ret : ''} {`);
  } else if (style === 'ts') {
    w.open(`export ${a}function ${name}(${params.join(', ')})${ret ? ': ' + ret : ''} {`);
  } else {
    w.open(`${a}function ${name}(${params.map((p) => p.split(':')[0]).join(', ')}) {`);
  }
}
const tsParams = (style, ps) => (style === 'js' ? ps.map((p) => p.split(':')[0].replace('?', '')) : ps);
const T = (style, t) => (style === 'js' ? '' : t);

// ---- Prisma: anti-patterns (expect a rewrite or a finding)

/** Each returns the method name it defined. ctx: { r, w, style, recv, e, names } */
const ANTI_PATTERNS = {
  'length-await-paren'({ r, w, style, recv, e }) {
    const where = whereClause(r, e);
    const name = `count${r.pick(['Active', 'Open', 'Matching', 'Recent', 'Pending'])}${e.Ps}`;
    fnOpen(w, style, name, tsParams(style, whereParams(where, e, true)), T(style, 'Promise<number>'));
    w.mark('length-await-paren', 'rewrite', () => {
      w.l(`return (await ${recv}.${e.n}.findMany({ where: ${where} })).length;`);
    }, { rule: 'length-to-count' });
    w.close();
    return name;
  },
  'length-var'({ r, w, style, recv, e }) {
    const where = whereClause(r, e);
    const v = r.pick(['rows', e.ps, 'found', 'records']);
    const name = `${r.pick(['get', 'compute', 'load'])}${e.P}Count`;
    fnOpen(w, style, name, tsParams(style, whereParams(where, e, true)), T(style, 'Promise<number>'));
    w.mark('length-var', 'rewrite', () => {
      w.raw(`
const ${v} = await ${recv}.${e.n}.findMany({
  where: ${where},
});
return ${v}.length;`);
    }, { rule: 'length-to-count' });
    w.close();
    return name;
  },
  'length-then'({ r, w, style, recv, e }) {
    const name = `tally${e.Ps}For${pascal(e.rel)}`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<number>'), { isAsync: false });
    w.mark('length-then', 'rewrite', () => {
      if (r.chance(0.5)) w.l(`return ${recv}.${e.n}.findMany({ where: { ${e.relId} } }).then((r) => r.length);`);
      else w.raw(`
return ${recv}.${e.n}
  .findMany({ where: { ${e.relId}, deletedAt: null } })
  .then(function (list) {
    return list.length;
  });`);
    }, { rule: 'length-to-count' });
    w.close();
    return name;
  },
  'length-gt-zero'({ r, w, style, recv, e }) {
    const name = `has${r.pick(['Any', 'Open', 'Pending'])}${e.Ps}`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<boolean>'));
    w.mark('length-gt-zero', 'rewrite', () => {
      w.l(`return (await ${recv}.${e.n}.findMany({ where: { ${e.relId}, status: '${e.status[0]}' } })).length > 0;`);
    }, { rule: 'length-check-to-exists' });
    w.close();
    return name;
  },
  'length-eq-zero-guard'({ r, w, style, recv, e }) {
    const name = `assert${e.P}Exists`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<void>'));
    w.mark('length-eq-zero-guard', 'rewrite', () => {
      w.raw(`
const existing = await ${recv}.${e.n}.findMany({ where: { ${e.relId} } });
if (existing.length === 0) {
  throw new Error(\`no ${e.n} for ${e.rel} \${${e.relId}}\`);
}`);
    }, { rule: 'length-check-to-exists' });
    w.close();
    return name;
  },
  'index-zero'({ r, w, style, recv, e }) {
    const name = `latest${e.P}`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), null);
    w.mark('index-zero', 'rewrite', () => {
      w.raw(`
const latest = (
  await ${recv}.${e.n}.findMany({
    where: { ${e.relId} },
    orderBy: { createdAt: 'desc' },
  })
)[0];
return latest ?? null;`);
    }, { rule: 'index-to-find-first' });
    w.close();
    return name;
  },
  'index-zero-destructure'({ r, w, style, recv, e }) {
    const name = `first${e.P}By${pascal(e.str[0])}`;
    fnOpen(w, style, name, tsParams(style, [`${e.str[0]}: string`]), null);
    w.mark('index-zero-destructure', 'rewrite', () => {
      w.raw(`
const [first] = await ${recv}.${e.n}.findMany({ where: { ${e.str[0]} } });
return first;`);
    }, { rule: 'index-to-find-first' });
    w.close();
    return name;
  },
  'for-of-await'({ r, w, style, recv, e }) {
    const name = `notify${e.Ps}`;
    fnOpen(w, style, name, tsParams(style, [`since: Date`]), T(style, 'Promise<number>'));
    w.mark('for-of-await', 'rewrite', () => {
      w.raw(`
let sent = 0;
for (const ${e.n} of await ${recv}.${e.n}.findMany({ where: { createdAt: { gte: since } } })) {
  await sendDigest(${e.n}.${e.str[0]}, ${e.n}.id);
  sent++;
}
return sent;`);
    }, { rule: 'loop-to-batches' });
    w.close();
    return name;
  },
  'for-of-var'({ r, w, style, recv, e }) {
    const name = `reindex${e.Ps}`;
    fnOpen(w, style, name, [], T(style, 'Promise<void>'));
    w.mark('for-of-var', 'rewrite', () => {
      w.raw(`
const all${e.Ps} = await ${recv}.${e.n}.findMany();
for (const item of all${e.Ps}) {
  await searchIndex.upsert('${e.ps}', item.id, { ${e.str[0]}: item.${e.str[0]}, status: item.status });
}`);
    }, { rule: 'loop-to-batches' });
    w.close();
    return name;
  },
  'map-field'({ r, w, style, recv, e }) {
    const f = e.str[0];
    const where = whereClause(r, e);
    const name = `list${e.P}${pascal(plural(f))}`;
    fnOpen(w, style, name, tsParams(style, whereParams(where, e, true)), T(style, 'Promise<string[]>'));
    w.mark('map-field', 'rewrite', () => {
      const param = r.pick(['u', 'x', e.n[0], 'row']);
      w.l(`return (await ${recv}.${e.n}.findMany({ where: ${where} })).map((${param}) => ${param}.${f});`);
    }, { rule: 'map-to-select' });
    w.close();
    return name;
  },
  'reduce-sum'({ r, w, style, recv, e }) {
    const f = e.num[0];
    const name = `total${pascal(f)}For${pascal(e.rel)}`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<number>'));
    w.mark('reduce-sum', 'rewrite', () => {
      w.raw(`
const ${e.ps} = await ${recv}.${e.n}.findMany({ where: { ${e.relId} } });
return ${e.ps}.reduce((sum, ${e.n[0]}) => sum + ${e.n[0]}.${f}, 0);`);
    }, { rule: 'reduce-to-aggregate' });
    w.close();
    return name;
  },
  'filter-length'({ r, w, style, recv, e }) {
    const s = r.pick(e.status);
    const name = `count${pascal(s.toLowerCase().replace(/_(\w)/g, (_, c) => c.toUpperCase()))}${e.Ps}`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<number>'));
    w.mark('filter-length', 'rewrite', () => {
      w.raw(`
const list = await ${recv}.${e.n}.findMany({ where: { ${e.relId} } });
return list.filter((x) => x.status === '${s}').length;`);
    }, { rule: 'filter-to-where' });
    w.close();
    return name;
  },
  'tx-length'({ r, w, style, recv, e }) {
    const name = `close${e.P}Batch`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), null);
    w.l(`return ${recv}.$transaction(async (tx${style === 'js' ? '' : ': Prisma.TransactionClient'}) => {`);
    w.ind++;
    w.mark('tx-length', 'rewrite', () => {
      w.l(`const open = (await tx.${e.n}.findMany({ where: { ${e.relId}, status: '${e.status[0]}' } })).length;`);
    }, { rule: 'length-to-count' });
    w.raw(`
await tx.${e.n}.updateMany({
  where: { ${e.relId}, status: '${e.status[0]}' },
  data: { status: '${e.status[e.status.length - 1]}' },
});
return { closed: open };`);
    w.ind--;
    w.l('});');
    w.close();
    return name;
  },
  'select-length'({ r, w, style, recv, e }) {
    const name = `count${e.Ps}WithSelect`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<number>'));
    w.mark('select-length', 'rewrite', () => {
      w.l(`const ids = await ${recv}.${e.n}.findMany({ where: { ${e.relId} }, select: { id: true } });`);
      w.l(`return ids.length;`);
    }, { rule: 'length-to-count', note: 'select must be dropped, not carried into count' });
    w.close();
    return name;
  },
  'include-length'({ r, w, style, recv, e }) {
    const name = `count${e.Ps}WithRelations`;
    fnOpen(w, style, name, tsParams(style, ['since: Date']), T(style, 'Promise<number>'));
    w.mark('include-length', 'rewrite', () => {
      w.l(`return (await ${recv}.${e.n}.findMany({ where: { createdAt: { gte: since } }, include: { ${e.rel}: true } })).length;`);
    }, { rule: 'length-to-count', note: 'include must be dropped' });
    w.close();
    return name;
  },
  'take-length'({ r, w, style, recv, e }) {
    const name = `page${e.P}Count`;
    fnOpen(w, style, name, tsParams(style, ['page: number', 'pageSize: number']), T(style, 'Promise<number>'));
    w.mark('take-length', 'rewrite', () => {
      w.l(`const pageRows = await ${recv}.${e.n}.findMany({ skip: page * pageSize, take: pageSize, orderBy: { id: 'asc' } });`);
      w.l(`return pageRows.length;`);
    }, { rule: 'length-to-count', note: 'take/skip carry over to count' });
    w.close();
    return name;
  },
  'extended-client-length'({ r, w, style, e }) {
    const name = `count${e.Ps}ViaExtension`;
    fnOpen(w, style, name, [], T(style, 'Promise<number>'));
    w.mark('extended-client-length', 'review', () => {
      w.l(`return (await xprisma.${e.n}.findMany({ where: { status: '${e.status[0]}' } })).length;`);
    }, { rule: 'length-to-count', note: 'xprisma (src/lib/prisma.ts) hooks findMany to hide soft-deleted rows; count() is not hooked' });
    w.close();
    return name;
  },
};

// ---- Prisma: must not be rewritten

const PRISMA_NEGATIVES = {
  'escape-return'({ r, w, style, recv, e }) {
    const name = `list${e.Ps}WithCount`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), null);
    w.mark('escape-return', 'no-rewrite', () => {
      w.raw(`
const ${e.ps} = await ${recv}.${e.n}.findMany({ where: { ${e.relId} } });
logger.info(\`loaded \${${e.ps}.length} ${e.ps}\`);
return { total: ${e.ps}.length, ${e.ps} };`);
    });
    w.close();
    return name;
  },
  'mutated-push'({ r, w, style, recv, e }) {
    const name = `count${e.Ps}IncludingDraft`;
    fnOpen(w, style, name, tsParams(style, [`draft${T(style, `?: ${e.P}`)}`]), T(style, 'Promise<number>'));
    w.mark('mutated-push', 'no-rewrite', () => {
      w.raw(`
const rows = await ${recv}.${e.n}.findMany({ where: { status: '${e.status[0]}' } });
if (draft) rows.push(draft);
return rows.length;`);
    });
    w.close();
    return name;
  },
  'reassigned'({ r, w, style, recv, e }) {
    const name = `count${e.Ps}Filtered`;
    fnOpen(w, style, name, tsParams(style, ['onlyRecent: boolean']), T(style, 'Promise<number>'));
    w.mark('reassigned', 'no-rewrite', () => {
      w.raw(`
let rows = await ${recv}.${e.n}.findMany();
if (onlyRecent) {
  rows = rows.filter((row) => Date.now() - row.createdAt.getTime() < 86_400_000);
}
return rows.length;`);
    });
    w.close();
    return name;
  },
  'distinct-length'({ r, w, style, recv, e }) {
    const name = `countDistinct${pascal(plural(e.str[0]))}`;
    fnOpen(w, style, name, [], T(style, 'Promise<number>'));
    w.mark('distinct-length', 'no-rewrite', () => {
      w.l(`return (await ${recv}.${e.n}.findMany({ distinct: ['${e.str[0]}'], select: { ${e.str[0]}: true } })).length;`);
    }, { note: 'count() has no distinct: a plain count would change the result' });
    w.close();
    return name;
  },
  'returned-array'({ r, w, style, recv, e }) {
    const name = `list${e.Ps}`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`, 'take = 50']), null);
    w.mark('returned-array', 'no-rewrite', () => {
      w.l(`return ${recv}.${e.n}.findMany({ where: { ${e.relId} }, orderBy: { createdAt: 'desc' }, take });`);
    });
    w.close();
    return name;
  },
};

// ---- Prisma: ordinary, correct usage (pads Prisma files realistically)

function prismaOrdinary(r, w, style, recv, e) {
  const kind = r.pick(['findUnique', 'create', 'update', 'count', 'aggregate', 'delete', 'upsert', 'paginate']);
  const ts = style !== 'js';
  switch (kind) {
    case 'findUnique':
      fnOpen(w, style, `get${e.P}`, tsParams(style, ['id: string']), null);
      w.raw(`
const found = await ${recv}.${e.n}.findUnique({ where: { id } });
if (!found) {
  throw new ${ts && style === 'class' ? 'NotFoundException' : 'Error'}(\`${e.P} \${id} not found\`);
}
return found;`);
      w.close();
      return `get${e.P}`;
    case 'create':
      fnOpen(w, style, `create${e.P}`, tsParams(style, [`input: Create${e.P}Input`]), null);
      w.raw(`
const { ${e.str[0]}, ${e.relId}, ...rest } = input;
return ${recv}.${e.n}.create({
  data: {
    ...rest,
    ${e.str[0]}: ${e.str[0]}.trim(),
    ${e.rel}: { connect: { id: ${e.relId} } },
  },
});`);
      w.close();
      return `create${e.P}`;
    case 'update':
      fnOpen(w, style, `set${e.P}Status`, tsParams(style, ['id: string', `status: string`]), null);
      w.raw(`
return ${recv}.${e.n}.update({
  where: { id },
  data: { status, updatedAt: new Date() },
});`);
      w.close();
      return `set${e.P}Status`;
    case 'count':
      fnOpen(w, style, `count${e.Ps}`, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<number>'));
      w.l(`return ${recv}.${e.n}.count({ where: { ${e.relId} } });`);
      w.close();
      return `count${e.Ps}`;
    case 'aggregate':
      fnOpen(w, style, `stats${e.P}`, tsParams(style, [`${e.relId}: string`]), null);
      w.raw(`
const agg = await ${recv}.${e.n}.aggregate({
  where: { ${e.relId} },
  _sum: { ${e.num[0]}: true },
  _avg: { ${e.num[1]}: true },
  _count: { _all: true },
});
return { sum: agg._sum.${e.num[0]} ?? 0, avg: agg._avg.${e.num[1]} ?? 0, count: agg._count._all };`);
      w.close();
      return `stats${e.P}`;
    case 'delete':
      fnOpen(w, style, `remove${e.P}`, tsParams(style, ['id: string']), null);
      w.l(`await ${recv}.${e.n}.delete({ where: { id } });`);
      w.l(`return { id, deleted: true }${ts ? ' as const' : ''};`);
      w.close();
      return `remove${e.P}`;
    case 'upsert':
      fnOpen(w, style, `upsert${e.P}`, tsParams(style, ['id: string', `${e.str[0]}: string`]), null);
      w.raw(`
return ${recv}.${e.n}.upsert({
  where: { id },
  update: { ${e.str[0]} },
  create: { id, ${e.str[0]}, status: '${e.status[0]}' },
});`);
      w.close();
      return `upsert${e.P}`;
    default:
      fnOpen(w, style, `page${e.Ps}`, tsParams(style, ['cursor: string | undefined', 'pageSize = 25']), null);
      w.raw(`
const page = await ${recv}.${e.n}.findMany({
  take: pageSize + 1,
  ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  orderBy: { id: 'asc' },
});
const hasMore = page.length > pageSize;
const items = hasMore ? page.slice(0, pageSize) : page;
return { items, nextCursor: hasMore ? items[items.length - 1]?.id : undefined };`);
      w.close();
      return `page${e.Ps}`;
  }
}

// ---- Non-Prisma look-alikes (must not be rewritten)

const LOOKALIKES = {
  /** drizzle's relational query API: db.query.<table>.findMany() */
  'drizzle-length'({ r, w, style, e }) {
    const name = `count${e.Ps}Drizzle`;
    fnOpen(w, style, name, tsParams(style, [`${e.relId}: string`]), T(style, 'Promise<number>'));
    w.mark('drizzle-length', 'no-rewrite', () => {
      w.raw(`
const rows = await db.query.${e.ps}.findMany({
  where: eq(${e.ps}.${e.relId}, ${e.relId}),
});
return rows.length;`);
    }, { note: 'drizzle relational query, not Prisma' });
    w.close();
    return name;
  },
  'drizzle-paren'({ r, w, style, e }) {
    const name = `first${e.P}Drizzle`;
    fnOpen(w, style, name, [], null);
    w.mark('drizzle-paren', 'no-rewrite', () => {
      w.l(`return (await db.query.${e.ps}.findMany({ limit: 5 }))[0];`);
    }, { note: 'drizzle relational query, not Prisma' });
    w.close();
    return name;
  },
  'custom-repo-findmany'({ r, w, style, e }) {
    const name = `count${e.Ps}InRepo`;
    fnOpen(w, style, name, tsParams(style, [`filter: ${e.P}Filter`]), T(style, 'Promise<number>'), { visibility: style === 'class' ? 'private' : '' });
    w.mark('custom-repo-findmany', 'no-rewrite', () => {
      w.l(`return (await this.${e.n}Repository.findMany(filter)).length;`);
    }, { note: 'a repository class method named findMany' });
    w.close();
    return name;
  },
  'rows-length'({ r, w, style }) {
    const name = `countCsvRows`;
    fnOpen(w, style, name, tsParams(style, ['text: string']), T(style, 'number'), { isAsync: false });
    w.mark('rows-length', 'no-rewrite', () => {
      w.raw(`
const rows = text.split(/\\r?\\n/).filter((line) => line.trim() !== '');
return rows.length;`);
    });
    w.close();
    return name;
  },
  'pg-rows-length'({ r, w, style, e }) {
    const name = `count${e.Ps}Sql`;
    fnOpen(w, style, name, [], T(style, 'Promise<number>'));
    w.mark('pg-rows-length', 'no-rewrite', () => {
      w.raw(`
const { rows } = await pool.query('SELECT id FROM ${e.ps.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())} WHERE deleted_at IS NULL');
return rows.length;`);
    });
    w.close();
    return name;
  },
};

// ---------------------------------------------------------------- generic (non-ORM) method bodies

function genericMethod(r, w, style, e, i) {
  const ts = style !== 'js';
  const t = (s) => (ts ? s : '');
  const v = r.pick(LOCAL_NAMES);
  // each file walks its own shuffled deck of bodies, so a class rarely repeats one
  w.deck ??= r.pickN([...Array(14).keys()], 14);
  const k = w.deck[i % 14];
  const suffix = i >= 14 ? String(i) : '';
  switch (k) {
    case 0:
      fnOpen(w, style, `validate${e.P}${suffix}`, tsParams(style, [`input: Partial<${e.P}Input>`]), t('string[]'), { isAsync: false, visibility: 'private' });
      w.raw(`
const errors${t(': string[]')} = [];
if (!input.${e.str[0]}?.trim()) {
  errors.push('${e.str[0]} is required');
} else if (input.${e.str[0]}.length > ${r.int(64, 255)}) {
  errors.push('${e.str[0]} is too long');
}
if (input.${e.num[0]} !== undefined && (Number.isNaN(input.${e.num[0]}) || input.${e.num[0]} < 0)) {
  errors.push('${e.num[0]} must be a non-negative number');
}
if (input.${e.relId} && !/^[a-z0-9]{${r.int(20, 25)}}$/.test(input.${e.relId})) {
  errors.push('${e.relId} is malformed');
}
return errors;`);
      w.close();
      break;
    case 1:
      fnOpen(w, style, `fetch${e.Ps}${suffix}`, tsParams(style, [`params: ${e.P}Query = {}`]), t(`Promise<${e.P}[]>`), { visibility: style === 'class' ? 'public' : '' });
      w.raw(`
const search = new URLSearchParams();
for (const [key, value] of Object.entries(params)) {
  if (value !== undefined && value !== null) search.set(key, String(value));
}
const res = await fetch(\`\${this.baseUrl}/${e.ps}?\${search.toString()}\`, {
  headers: { accept: 'application/json', authorization: \`Bearer \${this.token}\` },
  signal: AbortSignal.timeout(${r.int(2, 30) * 1000}),
});
if (!res.ok) {
  throw new HttpError(res.status, \`GET /${e.ps} failed: \${res.statusText}\`);
}
const body = (await res.json())${t(` as { data: ${e.P}[] }`)};
return body.data;`);
      w.close();
      break;
    case 2:
      fnOpen(w, style, `group${e.Ps}By${pascal(e.rel)}${suffix}`, tsParams(style, [`${v}: readonly ${e.P}[]`]), t(`Map<string, ${e.P}[]>`), { isAsync: false });
      w.raw(`
const grouped = new Map${t(`<string, ${e.P}[]>`)}();
for (const item of ${v}) {
  const bucket = grouped.get(item.${e.relId});
  if (bucket) bucket.push(item);
  else grouped.set(item.${e.relId}, [item]);
}
return grouped;`);
      w.close();
      break;
    case 3:
      fnOpen(w, style, `describe${e.P}Status${suffix}`, tsParams(style, [`status: ${e.P}Status`]), t('string'), { isAsync: false });
      w.open('switch (status) {');
      for (const s of e.status) {
        w.l(`case '${s}':`);
        w.l(`  return '${s.toLowerCase().replace(/_/g, ' ')}';`);
      }
      w.l('default:');
      w.l(ts ? `  return assertNever(status);` : `  throw new Error('unknown status ' + status);`);
      w.close();
      w.close();
      break;
    case 4:
      fnOpen(w, style, `withRetry${suffix}`, tsParams(style, ['fn: () => Promise<T>', `attempts = ${r.int(2, 6)}`]).map((p, j) => p), t('Promise<T>'));
      // generic header needs <T>: rewrite the just-written line
      if (ts) w.lines[w.lines.length - 1] = w.lines[w.lines.length - 1].replace(`withRetry${suffix}(`, `withRetry${suffix}<T>(`);
      w.raw(`
let lastError${t(': unknown')};
for (let attempt = 0; attempt < attempts; attempt++) {
  try {
    return await fn();
  } catch (err) {
    lastError = err;
    const delay = Math.min(${r.int(100, 500)} * 2 ** attempt, ${r.int(5, 30) * 1000});
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
throw lastError;`);
      w.close();
      break;
    case 5:
      fnOpen(w, style, `summarize${e.Ps}${suffix}`, tsParams(style, [`${v}: ${e.P}[]`]), null, { isAsync: false });
      w.raw(`
const total = ${v}.reduce((acc, item) => acc + (item.${e.num[0]} ?? 0), 0);
const byStatus = ${v}.reduce${t(`<Record<string, number>>`)}((acc, item) => {
  acc[item.status] = (acc[item.status] ?? 0) + 1;
  return acc;
}, {});
const top = [...${v}].sort((a, b) => b.${e.num[0]} - a.${e.num[0]}).slice(0, ${r.int(3, 10)});
return { total, count: ${v}.length, byStatus, top: top.map((x) => x.id) };`);
      w.close();
      break;
    case 6:
      fnOpen(w, style, `sync${e.Ps}${suffix}`, tsParams(style, [`ids: string[]`]), t('Promise<void>'));
      w.raw(`
const chunks = chunk(ids, ${r.pick([10, 25, 50, 100])});
for (const part of chunks) {
  const results = await Promise.allSettled(part.map((id) => this.client.sync${e.P}(id)));
  const failed = results.filter((x)${t(`: x is PromiseRejectedResult`)} => x.status === 'rejected');
  if (failed.length > 0) {
    this.logger.warn(\`\${failed.length} of \${part.length} ${e.ps} failed to sync\`);
  }
}`);
      w.close();
      break;
    case 7:
      fnOpen(w, style, `parse${e.P}Ref${suffix}`, tsParams(style, ['ref: string']), t(`{ prefix: string; seq: number } | null`), { isAsync: false });
      w.raw(`
const match = /^(?<prefix>[A-Z]{2,4})-(?<seq>\\d{${r.int(3, 6)},})$/.exec(ref.trim());
if (!match?.groups) return null;
const seq = Number.parseInt(match.groups.seq${ts ? '!' : ''}, 10);
return Number.isSafeInteger(seq) ? { prefix: match.groups.prefix${ts ? '!' : ''}, seq } : null;`);
      w.close();
      break;
    case 8:
      fnOpen(w, style, `toDto${suffix}`, tsParams(style, [`entity: ${e.P}`]), t(`${e.P}Dto`), { isAsync: false });
      w.raw(`
const { id, status, createdAt, updatedAt, ...rest } = entity;
return {
  ...rest,
  id,
  status: status.toLowerCase(),
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt?.toISOString() ?? null,
  links: { self: \`/api/${e.ps}/\${id}\` },
}${t(` satisfies ${e.P}Dto`)};`);
      w.close();
      break;
    case 9:
      fnOpen(w, style, `emit${e.P}Changed${suffix}`, tsParams(style, [`before: ${e.P}`, `after: ${e.P}`]), t('void'), { isAsync: false });
      w.raw(`
const changed = (Object.keys(after)${t(` as Array<keyof ${e.P}>`)}).filter((key) => before[key] !== after[key]);
if (changed.length === 0) return;
this.events.emit('${e.n}.changed', {
  id: after.id,
  changed,
  at: new Date().toISOString(),
});`);
      w.close();
      break;
    case 10:
      fnOpen(w, style, `debounced${e.P}Search${suffix}`, tsParams(style, ['term: string']), t(`Promise<${e.P}[]>`));
      w.raw(`
const key = term.trim().toLowerCase();
if (key.length < ${r.int(2, 3)}) return [];
const hit = this.searchCache.get(key);
if (hit && Date.now() - hit.at < ${r.int(10, 120) * 1000}) return hit.value;
const value = await this.client.search${e.Ps}({ q: key, limit: ${r.int(10, 50)} });
this.searchCache.set(key, { at: Date.now(), value });
return value;`);
      w.close();
      break;
    case 11:
      fnOpen(w, style, `diff${e.Ps}${suffix}`, tsParams(style, [`prev: ${e.P}[]`, `next: ${e.P}[]`]), null, { isAsync: false });
      w.raw(`
const prevIds = new Set(prev.map((x) => x.id));
const nextIds = new Set(next.map((x) => x.id));
const added = next.filter((x) => !prevIds.has(x.id));
const removed = prev.filter((x) => !nextIds.has(x.id));
const kept = next.filter((x) => prevIds.has(x.id));
return { added, removed, kept, changed: added.length + removed.length > 0 };`);
      w.close();
      break;
    case 12:
      fnOpen(w, style, `schedule${e.P}Cleanup${suffix}`, tsParams(style, [`olderThanDays = ${r.int(7, 90)}`]), t('NodeJS.Timeout'), { isAsync: false });
      w.raw(`
const cutoff = new Date(Date.now() - olderThanDays * 24 * 60 * 60 * 1000);
return setInterval(() => {
  void this.client
    .purge${e.Ps}({ before: cutoff.toISOString() })
    .catch((err${t(': unknown')}) => this.logger.error('cleanup failed', err));
}, ${r.int(1, 24)} * 60 * 60 * 1000);`);
      w.close();
      break;
    default:
      fnOpen(w, style, `format${e.P}Line${suffix}`, tsParams(style, [`item: ${e.P}`, `locale = '${r.pick(['en-US', 'de-DE', 'fr-FR', 'en-GB'])}'`]), t('string'), { isAsync: false });
      w.raw(`
const amount = new Intl.NumberFormat(locale, { maximumFractionDigits: ${r.int(0, 2)} }).format(item.${e.num[0]});
const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(item.createdAt);
return \`\${item.${e.str[0]}} · \${amount} · \${when}\`;`);
      w.close();
  }
}

// ---------------------------------------------------------------- file kinds

function header(w, r) {
  if (r.chance(0.25)) {
    w.raw(`
/**
 * ${r.pick(['Copyright (c) Acme Corp. All rights reserved.', 'Part of the Acme platform.', 'Generated scaffolding, edited by hand since.'])}
 * ${r.pick(['Owned by the platform team.', 'See docs/architecture.md for context.', 'Do not import from outside this module.'])}
 */`);
  }
}

function importsFor(w, r, e, extra = []) {
  const lines = [
    `import { chunk, assertNever } from '../../utils/array';`,
    `import { HttpError } from '../../utils/errors';`,
    `import type { ${e.P}, ${e.P}Dto, ${e.P}Input, ${e.P}Query, ${e.P}Status, ${e.P}Filter } from './${e.k}.types';`,
    ...extra,
  ];
  for (const l of lines) w.l(l);
}

/** A NestJS-style service. opts.prisma: 'none' | 'anti' | 'plain'. */
function genService(r, e, area, target, opts) {
  const w = new Writer();
  header(w, r);
  w.l(`import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';`);
  w.l(`import { EventEmitter2 } from '@nestjs/event-emitter';`);
  const usesPrisma = opts.prisma !== 'none';
  if (usesPrisma) {
    w.l(`import type { Prisma } from '@prisma/client';`);
    w.l(`import { PrismaService } from '../../prisma/prisma.service';`);
    w.l(`import { xprisma } from '../../lib/prisma';`);
    w.l(`import { searchIndex, sendDigest } from '../../lib/jobs';`);
  }
  if (opts.lookalikes?.some((k) => k.startsWith('drizzle'))) {
    w.l(`import { eq } from 'drizzle-orm';`);
    w.l(`import { db } from '../../db/drizzle';`);
    w.l(`import { ${e.ps} } from '../../db/schema';`);
  }
  if (opts.lookalikes?.includes('pg-rows-length')) w.l(`import { pool } from '../../db/pg';`);
  importsFor(w, r, e, [
    `import { ${e.P}Client } from './${e.k}.client';`,
    `import { ${e.P}Repository } from './${e.k}.repository';`,
    `import { APP_CONFIG, type AppConfig } from '../../config';`,
    `import { logger } from '../../utils/logger';`,
  ]);
  w.l('');
  w.l(`type Create${e.P}Input = Omit<${e.P}Input, 'id'> & { ${e.relId}: string };`);
  w.l('');
  w.l(`const DEFAULT_PAGE_SIZE = ${r.pick([20, 25, 50, 100])};`);
  w.l('');
  w.l('@Injectable()');
  const cls = `${e.P}${area === 'core' ? '' : pascal(area)}Service`;
  w.open(`export class ${cls} {`);
  w.l(`private readonly logger = new Logger(${cls}.name);`);
  w.l(`private readonly searchCache = new Map<string, { at: number; value: ${e.P}[] }>();`);
  w.l(`readonly #pageSize = DEFAULT_PAGE_SIZE;`);
  w.l('');
  w.open('constructor(');
  if (usesPrisma) w.l('private readonly prisma: PrismaService,');
  w.l(`private readonly client: ${e.P}Client,`);
  w.l(`private readonly ${e.n}Repository: ${e.P}Repository,`);
  w.l('private readonly events: EventEmitter2,');
  w.l('@Inject(APP_CONFIG) private readonly config: AppConfig,');
  w.close(') {}');
  w.l('');
  w.open('private get baseUrl(): string {');
  w.l(`return this.config.services.${e.n}Url;`);
  w.close();
  w.l('');
  w.open('private get token(): string {');
  w.l('return this.config.serviceToken;');
  w.close();
  const plan = [];
  for (const a of opts.anti ?? []) plan.push(['anti', a]);
  for (const n of opts.negatives ?? []) plan.push(['neg', n]);
  for (const l of opts.lookalikes ?? []) plan.push(['look', l]);
  if (usesPrisma) for (let i = r.int(1, 3); i > 0; i--) plan.push(['ordinary']);
  // interleave planned methods with generic ones until the size target is reached
  const used = new Set();
  let gi = 0;
  const emit = (p) => {
    w.l('');
    const ctx = { r, w, style: 'class', recv: 'this.prisma', e };
    let name;
    if (p[0] === 'anti') name = ANTI_PATTERNS[p[1]](ctx);
    else if (p[0] === 'neg') name = PRISMA_NEGATIVES[p[1]](ctx);
    else if (p[0] === 'look') name = LOOKALIKES[p[1]](ctx);
    else name = prismaOrdinary(r, w, 'class', 'this.prisma', e);
    if (used.has(name)) w.lines[w.lines.length - 1 - countBack(w, name)] = renameLast(w, name, used);
    used.add(name);
  };
  const order = r.pickN(plan, plan.length);
  let pi = 0;
  while (w.count() < target - 3 || pi < order.length) {
    if (pi < order.length && (r.chance(0.5) || w.count() >= target - 3)) emit(order[pi++]);
    else {
      w.l('');
      genericMethod(r, w, 'class', e, gi++);
    }
  }
  w.close();
  return finish(w);
}

// duplicate method names in one class are legal JS but unrealistic: suffix the header
function countBack(w, name) {
  for (let i = w.lines.length - 1; i >= 0; i--) if (w.lines[i].includes(` ${name}(`) || w.lines[i].trimStart().startsWith(`${name}(`)) return w.lines.length - 1 - i;
  return 0;
}
function renameLast(w, name, used) {
  const idx = w.lines.length - 1 - countBack(w, name);
  let n = 2;
  while (used.has(name + n)) n++;
  used.add(name + n);
  return w.lines[idx].replace(`${name}(`, `${name}${n}(`);
}

function finish(w) {
  return { text: w.text(), snippets: w.snippets };
}

function genController(r, e, area, target, opts) {
  const w = new Writer();
  header(w, r);
  w.raw(`
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthGuard } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';`);
  const usesPrisma = opts.prisma !== 'none';
  if (usesPrisma) {
    w.l(`import type { Prisma } from '@prisma/client';`);
    w.l(`import { PrismaService } from '../../prisma/prisma.service';`);
    w.l(`import { xprisma } from '../../lib/prisma';`);
    w.l(`import { searchIndex, sendDigest } from '../../lib/jobs';`);
    w.l(`import { logger } from '../../utils/logger';`);
  }
  w.l(`import { ${e.P}Service } from './${e.k}.service';`);
  w.l(`import { Create${e.P}Dto, Update${e.P}Dto } from './dto/${e.k}.dto';`);
  w.l(`import type { ${e.P}Query } from './${e.k}.types';`);
  w.l('');
  w.l(`@ApiTags('${e.ps}')`);
  w.l(`@UseGuards(AuthGuard)`);
  w.l(`@Controller('${area}/${kebab(e.ps)}')`);
  w.open(`export class ${e.P}Controller {`);
  w.open('constructor(');
  w.l(`private readonly ${e.n}Service: ${e.P}Service,`);
  if (usesPrisma) w.l('private readonly prisma: PrismaService,');
  w.close(') {}');
  const routes = [
    () => {
      w.l(`@Get()`);
      w.l(`@ApiOperation({ summary: 'List ${e.ps}' })`);
      w.open(`async list(@Query() query: ${e.P}Query) {`);
      w.l(`const items = await this.${e.n}Service.fetch${e.Ps}(query);`);
      w.l(`return { items, count: items.length };`);
      w.close();
    },
    () => {
      w.l(`@Get(':id')`);
      w.open(`async get(@Param('id', ParseUUIDPipe) id: string) {`);
      w.l(`return this.${e.n}Service.get${e.P}(id);`);
      w.close();
    },
    () => {
      w.l(`@Post()`);
      w.l(`@Roles('admin', 'editor')`);
      w.open(`async create(@Body() dto: Create${e.P}Dto) {`);
      w.l(`const created = await this.${e.n}Service.create${e.P}(dto);`);
      w.l(`return { id: created.id };`);
      w.close();
    },
    () => {
      w.l(`@Patch(':id')`);
      w.open(`async update(@Param('id') id: string, @Body() dto: Update${e.P}Dto) {`);
      w.l(`if (Object.keys(dto).length === 0) return this.${e.n}Service.get${e.P}(id);`);
      w.l(`return this.${e.n}Service.update${e.P}(id, dto);`);
      w.close();
    },
    () => {
      w.l(`@Delete(':id')`);
      w.l(`@HttpCode(204)`);
      w.open(`async remove(@Param('id') id: string): Promise<void> {`);
      w.l(`await this.${e.n}Service.remove${e.P}(id);`);
      w.close();
    },
    () => {
      w.l(`@Get('export.csv')`);
      w.open(`async exportCsv(@Query('status') status?: string): Promise<string> {`);
      w.raw(`
const items = await this.${e.n}Service.fetch${e.Ps}({ status });
const header = ['id', '${e.str[0]}', '${e.num[0]}', 'status'].join(',');
const lines = items.map((x) => [x.id, JSON.stringify(x.${e.str[0]}), x.${e.num[0]}, x.status].join(','));
return [header, ...lines].join('\\n');`);
      w.close();
    },
  ];
  let ri = 0;
  const plan = [...(opts.anti ?? []).map((a) => ['anti', a]), ...(opts.negatives ?? []).map((n) => ['neg', n])];
  if (usesPrisma) for (let i = r.int(1, 2); i > 0; i--) plan.push(['ordinary', 'query']);
  r.pickN(plan, plan.length).forEach((p, i) => (plan[i] = p));
  let pi = 0;
  let extra = 0;
  while (w.count() < target - 2 || pi < plan.length) {
    w.l('');
    if (pi < plan.length && (r.chance(0.4) || ri >= routes.length)) {
      const [k, name] = plan[pi++];
      w.l(`@Get('${kebab(name)}${pi}')`);
      const ctx = { r, w, style: 'class', recv: 'this.prisma', e };
      if (k === 'anti') ANTI_PATTERNS[name](ctx);
      else if (k === 'neg') PRISMA_NEGATIVES[name](ctx);
      else prismaOrdinary(r, w, 'class', 'this.prisma', e);
      // name collisions are avoided by the route suffix only for the decorator; rename method
      const idx = w.lines.findLastIndex((l) => l.trimStart().startsWith('@Get(') && l.includes(`${pi}'`));
      w.lines[idx + 1] = w.lines[idx + 1].replace(/(\s)(async )?(\w+)\(/, (m, s, a, n) => `${s}${a ?? ''}${n}R${pi}(`);
    } else if (ri < routes.length) routes[ri++]();
    else {
      genericMethod(r, w, 'class', e, 100 + extra++);
    }
  }
  w.close();
  return finish(w);
}

function genRepository(r, e, area, target, opts) {
  const w = new Writer();
  header(w, r);
  w.l(`import { Injectable } from '@nestjs/common';`);
  const usesPrisma = opts.prisma !== 'none';
  if (usesPrisma) {
    w.l(`import type { Prisma } from '@prisma/client';`);
    w.l(`import { PrismaService } from '../../prisma/prisma.service';`);
    w.l(`import { xprisma } from '../../lib/prisma';`);
    w.l(`import { searchIndex, sendDigest } from '../../lib/jobs';`);
  }
  w.l(`import { logger } from '../../utils/logger';`);
  w.l(`import type { ${e.P}, ${e.P}Filter, ${e.P}Input } from './${e.k}.types';`);
  w.l(`type Create${e.P}Input = Omit<${e.P}Input, 'id'> & { ${e.relId}: string };`);
  w.l('');
  if (!usesPrisma) {
    // In-memory repository. Some name their list method findMany (a look-alike
    // that passes any text prefilter), most findAll or list.
    const L = opts.lookalikes?.includes('store-findmany-length') ? 'findMany' : opts.storeStyle ?? 'findAll';
    w.raw(`
export interface Store<T extends { id: string }> {
  ${L}(filter?: Partial<T>): Promise<T[]>;
  findOne(id: string): Promise<T | undefined>;
  save(entity: T): Promise<T>;
}

@Injectable()
export class ${e.P}Repository implements Store<${e.P}> {
  private readonly rows = new Map<string, ${e.P}>();

  async ${L}(filter: Partial<${e.P}> = {}): Promise<${e.P}[]> {
    const entries = Object.entries(filter) as Array<[keyof ${e.P}, unknown]>;
    return [...this.rows.values()].filter((row) => entries.every(([k, v]) => row[k] === v));
  }

  async findOne(id: string): Promise<${e.P} | undefined> {
    return this.rows.get(id);
  }

  async save(entity: ${e.P}): Promise<${e.P}> {
    this.rows.set(entity.id, { ...entity, updatedAt: new Date() });
    return entity;
  }`);
    w.ind = 1;
    let gi = 0;
    if (opts.lookalikes?.includes('store-findmany-length')) {
      w.l('');
      w.open(`async count${e.Ps}(filter: Partial<${e.P}> = {}): Promise<number> {`);
      w.mark('store-findmany-length', 'no-rewrite', () => {
        w.l(`return (await this.findMany(filter)).length;`);
      }, { note: 'in-memory store, findMany is its own method' });
      w.close();
      w.l('');
      w.open(`async hasAny${e.Ps}(): Promise<boolean> {`);
      w.mark('store-findmany-length', 'no-rewrite', () => {
        w.l(`const rows = await this.findMany();`);
        w.l(`return rows.length > 0;`);
      }, { note: 'in-memory store, findMany is its own method' });
      w.close();
    }
    while (w.count() < target - 1) {
      w.l('');
      genericMethod(r, w, 'class', e, gi++);
    }
    w.close();
    return finish(w);
  }
  w.l('@Injectable()');
  w.open(`export class ${e.P}Repository {`);
  w.l('constructor(private readonly prisma: PrismaService) {}');
  const plan = [...(opts.anti ?? []).map((a) => ['anti', a]), ...(opts.negatives ?? []).map((n) => ['neg', n])];
  for (let i = r.int(2, 4); i > 0; i--) plan.push(['ordinary']);
  const used = new Set();
  let gi = 0;
  let pi = 0;
  while (w.count() < target - 1 || pi < plan.length) {
    w.l('');
    if (pi < plan.length) {
      const p = plan[pi++];
      const ctx = { r, w, style: 'class', recv: 'this.prisma', e };
      let name;
      if (p[0] === 'anti') name = ANTI_PATTERNS[p[1]](ctx);
      else if (p[0] === 'neg') name = PRISMA_NEGATIVES[p[1]](ctx);
      else name = prismaOrdinary(r, w, 'class', 'this.prisma', e);
      if (used.has(name)) {
        const idx = w.lines.length - 1 - countBack(w, name);
        w.lines[idx] = renameLast(w, name, used);
      }
      used.add(name);
    } else genericMethod(r, w, 'class', e, gi++);
  }
  w.close();
  return finish(w);
}

function genDto(r, e, target) {
  const w = new Writer();
  w.raw(`
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PartialType } from '@nestjs/mapped-types';
import { ${e.P}Status } from '../${e.k}.types';
`);
  const fields = [
    ...e.str.map((f) => ['str', f]),
    ...e.num.map((f) => ['num', f]),
    ['rel', e.relId],
    ['status', 'status'],
  ];
  let n = 0;
  const emitClass = (name) => {
    w.open(`export class ${name} {`);
    for (const [k, f] of fields) {
      if (k === 'str') {
        if (f.toLowerCase().includes('email')) w.l('@IsEmail()');
        else w.l('@IsString()');
        w.l(`@MaxLength(${r.pick([64, 120, 255, 2000])})`);
        w.l(`${f}!: string;`);
      } else if (k === 'num') {
        w.l('@IsInt()');
        w.l(`@Min(0)`);
        w.l(`@Max(${r.pick([100, 1000, 100000, 1000000])})`);
        w.l(`@Type(() => Number)`);
        w.l(`${f}!: number;`);
      } else if (k === 'rel') {
        w.l('@IsString()');
        w.l(`${f}!: string;`);
      } else {
        w.l('@IsOptional()');
        w.l(`@IsEnum(${e.P}Status)`);
        w.l(`status?: ${e.P}Status;`);
      }
      w.l('');
    }
    w.l(`@IsOptional()`);
    w.l(`@ValidateNested({ each: true })`);
    w.l(`@Type(() => ${e.P}MetadataDto)`);
    w.l(`metadata?: ${e.P}MetadataDto[];`);
    w.close();
    w.l('');
  };
  w.open(`export class ${e.P}MetadataDto {`);
  w.l('@IsString()');
  w.l('key!: string;');
  w.l('');
  w.l('@IsString()');
  w.l('@MaxLength(500)');
  w.l('value!: string;');
  w.close();
  w.l('');
  emitClass(`Create${e.P}Dto`);
  w.l(`export class Update${e.P}Dto extends PartialType(Create${e.P}Dto) {}`);
  w.l('');
  while (w.count() < target) {
    n++;
    emitClass(`${r.pick(['Import', 'Bulk', 'Admin', 'Public', 'Internal', 'Legacy', 'Patch', 'Search'])}${e.P}V${n}Dto`);
  }
  return finish(w);
}

function genTypes(r, e, target) {
  const w = new Writer();
  header(w, r);
  const statuses = e.status.map((s) => `'${s}'`).join(' | ');
  w.raw(`
export const ${upperSnake(e.n)}_STATUSES = [${e.status.map((s) => `'${s}'`).join(', ')}] as const;
export type ${e.P}Status = (typeof ${upperSnake(e.n)}_STATUSES)[number];

export enum ${e.P}Event {
  Created = '${e.n}.created',
  Updated = '${e.n}.updated',
  Deleted = '${e.n}.deleted',
}

export interface ${e.P} {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
  status: ${e.P}Status;
${e.str.map((f) => `  ${f}: string;`).join('\n')}
${e.num.map((f) => `  ${f}: number;`).join('\n')}
  ${e.relId}: string;
}

export type ${e.P}Input = Omit<${e.P}, 'createdAt' | 'updatedAt' | 'deletedAt'>;
export type ${e.P}Query = Partial<Pick<${e.P}, 'status' | '${e.relId}'>> & { page?: number; pageSize?: number; q?: string };
export type ${e.P}Filter = { [K in keyof ${e.P}]?: ${e.P}[K] | { in: Array<${e.P}[K]> } };
export type ${e.P}Dto = Omit<${e.P}, 'createdAt' | 'updatedAt' | 'status'> & {
  status: Lowercase<${statuses}>;
  createdAt: string;
  updatedAt: string | null;
  links: { self: string };
};

export type ${e.P}EventName = \`${e.n}.\${'created' | 'updated' | 'deleted'}\`;
export type ${e.P}Keys = keyof ${e.P};
export type NonNullable${e.P}<T> = T extends null | undefined ? never : T;
export type ${e.P}Handler<E extends ${e.P}Event = ${e.P}Event> = (event: E, payload: ${e.P}) => void | Promise<void>;

export function is${e.P}(value: unknown): value is ${e.P} {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof (value as { id: unknown }).id === 'string' &&
    'status' in value
  );
}

export function assert${e.P}Status(value: string): asserts value is ${e.P}Status {
  if (!(${upperSnake(e.n)}_STATUSES as readonly string[]).includes(value)) {
    throw new TypeError(\`invalid ${e.n} status: \${value}\`);
  }
}`);
  let n = 0;
  while (w.count() < target) {
    n++;
    const kind = r.int(0, 5);
    w.l('');
    const Name = `${e.P}${r.pick(['Summary', 'Snapshot', 'Projection', 'Row', 'View', 'Payload', 'Change', 'Patch', 'Envelope'])}${n}`;
    if (kind === 0) {
      w.open(`export interface ${Name} extends Pick<${e.P}, 'id' | 'status'> {`);
      for (let i = r.int(3, 9); i > 0; i--) w.l(`${r.pick(['label', 'score', 'weight', 'owner', 'source', 'note', 'rank', 'version', 'region'])}${i}${r.chance(0.3) ? '?' : ''}: ${r.pick(['string', 'number', 'boolean', 'Date', 'string[]', 'Record<string, unknown>', `${e.P}Status`, 'null | string'])};`);
      w.close();
    } else if (kind === 1) {
      w.l(`export type ${Name}<T extends object = ${e.P}> = {`);
      w.l(`  readonly [K in keyof T as K extends \`_\${string}\` ? never : K]: T[K] extends Date ? string : T[K];`);
      w.l('};');
    } else if (kind === 2) {
      w.open(`export const ${Name.toLowerCase()}Defaults = {`);
      w.l(`pageSize: ${r.int(10, 100)},`);
      w.l(`sort: '${r.pick(['createdAt', 'updatedAt', 'id'])}',`);
      w.l(`direction: '${r.pick(['asc', 'desc'])}',`);
      w.close(`} as const satisfies Record<string, string | number>;`);
    } else if (kind === 3) {
      w.open(`export namespace ${Name} {`);
      w.l(`export const version = ${r.int(1, 9)};`);
      w.l(`export type Shape = { id: string; at: number };`);
      w.l(`export function make(id: string): Shape {`);
      w.l(`  return { id, at: Date.now() };`);
      w.l(`}`);
      w.close();
    } else if (kind === 4) {
      w.l(`export function pick${Name}<K extends keyof ${e.P}>(entity: ${e.P}, keys: readonly K[]): Pick<${e.P}, K>;`);
      w.l(`export function pick${Name}(entity: ${e.P}): Partial<${e.P}>;`);
      w.open(`export function pick${Name}(entity: ${e.P}, keys?: readonly (keyof ${e.P})[]): Partial<${e.P}> {`);
      w.l(`if (!keys) return { ...entity };`);
      w.l(`return Object.fromEntries(keys.map((k) => [k, entity[k]])) as Partial<${e.P}>;`);
      w.close();
    } else {
      w.l(`export type ${Name} =`);
      w.l(`  | { kind: 'created'; ${e.n}: ${e.P} }`);
      w.l(`  | { kind: 'updated'; before: ${e.P}; after: ${e.P} }`);
      w.l(`  | { kind: 'deleted'; id: string; reason?: string };`);
    }
  }
  return finish(w);
}

const UTIL_FUNCS = [
  (w, r, i) => w.raw(`
export function chunk${i}<T>(items: readonly T[], size: number): T[][] {
  if (size <= 0) throw new RangeError('size must be positive');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}`),
  (w, r, i) => w.raw(`
export function debounce${i}<A extends unknown[]>(fn: (...args: A) => void, wait = ${r.int(50, 500)}): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}`),
  (w, r, i) => w.raw(`
export function groupBy${i}<T, K extends PropertyKey>(items: Iterable<T>, key: (item: T) => K): Record<K, T[]> {
  const out = {} as Record<K, T[]>;
  for (const item of items) {
    const k = key(item);
    (out[k] ??= []).push(item);
  }
  return out;
}`),
  (w, r, i) => w.raw(`
export async function retry${i}<T>(fn: () => Promise<T>, { attempts = ${r.int(2, 5)}, baseMs = ${r.int(50, 300)} } = {}): Promise<T> {
  let last: unknown;
  for (let n = 0; n < attempts; n++) {
    try {
      return await fn();
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, baseMs * 2 ** n + Math.floor(Math.random() * baseMs)));
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}`),
  (w, r, i) => w.raw(`
export function memoize${i}<A extends string | number, R>(fn: (arg: A) => R): (arg: A) => R {
  const cache = new Map<A, R>();
  return (arg) => {
    if (cache.has(arg)) return cache.get(arg)!;
    const value = fn(arg);
    cache.set(arg, value);
    return value;
  };
}`),
  (w, r, i) => w.raw(`
export function formatMoney${i}(cents: number, currency = '${r.pick(['USD', 'EUR', 'GBP', 'JPY'])}', locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}`),
  (w, r, i) => w.raw(`
export function parseCsv${i}(text: string, sep = '${r.pick([',', ';', '\\t'])}'): string[][] {
  const rows = text.split(/\\r?\\n/).filter((line) => line.length > 0);
  if (rows.length === 0) return [];
  return rows.map((line) => line.split(sep).map((cell) => cell.trim().replace(/^"|"$/g, '')));
}`),
  (w, r, i) => w.raw(`
export function deepMerge${i}<T extends Record<string, unknown>>(target: T, ...sources: Array<Partial<T>>): T {
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      const current = (target as Record<string, unknown>)[key];
      if (isPlainObject${i}(value) && isPlainObject${i}(current)) {
        deepMerge${i}(current, value);
      } else if (value !== undefined) {
        (target as Record<string, unknown>)[key] = value;
      }
    }
  }
  return target;
}

function isPlainObject${i}(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}`),
  (w, r, i) => w.raw(`
export const slugify${i} = (input: string): string =>
  input
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ${r.int(40, 120)});`),
  (w, r, i) => w.raw(`
export function addDays${i}(date: Date, days: number): Date {
  const d = new Date(date.getTime());
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

export function startOfWeek${i}(date: Date, weekStartsOn: 0 | 1 = ${r.int(0, 1)}): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const diff = (d.getUTCDay() - weekStartsOn + 7) % 7;
  return addDays${i}(d, -diff);
}`),
  (w, r, i) => w.raw(`
export type Result${i}<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

export async function attempt${i}<T>(fn: () => Promise<T>): Promise<Result${i}<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}`),
  (w, r, i) => w.raw(`
export class LruCache${i}<K, V> {
  readonly #max: number;
  readonly #map = new Map<K, V>();

  constructor(max = ${r.pick([100, 500, 1000])}) {
    this.#max = max;
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): this {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next().value as K;
      this.#map.delete(oldest);
    }
    return this;
  }
}`),
  (w, r, i) => w.raw(`
export function assertNever${i}(value: never, message = 'unexpected value'): never {
  throw new Error(\`\${message}: \${JSON.stringify(value)}\`);
}

export function isDefined${i}<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}`),
  (w, r, i) => w.raw(`
export function buildUrl${i}(base: string, path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
  const url = new URL(path.replace(/^\\/+/, ''), base.endsWith('/') ? base : base + '/');
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}`),
  (w, r, i) => w.raw(`
export function sumBy${i}<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((acc, item) => acc + pick(item), 0);
}

export function uniqBy${i}<T, K>(items: readonly T[], key: (item: T) => K): T[] {
  const seen = new Set<K>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}`),
  (w, r, i) => w.raw(`
export function readEnv${i}(name: string): string;
export function readEnv${i}(name: string, fallback: string): string;
export function readEnv${i}(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(\`missing environment variable \${name}\`);
  return value;
}

export const isProduction${i} = (): boolean => readEnv${i}('NODE_ENV', 'development') === 'production';`),
  (w, r, i) => w.raw(`
export async function mapLimit${i}<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}`),
  (w, r, i) => w.raw(`
export function toCents${i}(value: string | number): number {
  const n = typeof value === 'number' ? value : Number.parseFloat(value.replace(/[^0-9.-]/g, ''));
  if (!Number.isFinite(n)) throw new TypeError(\`not a number: \${value}\`);
  return Math.round(n * 100);
}

export function clamp${i}(n: number, min: number, max: number): number {
  return n < min ? min : n > max ? max : n;
}`),
  (w, r, i) => w.raw(`
export function paginate${i}<T>(rows: readonly T[], page: number, pageSize = ${r.pick([10, 20, 25, 50])}): { items: T[]; total: number; pages: number } {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const start = (Math.min(Math.max(page, 1), pages) - 1) * pageSize;
  return { items: rows.slice(start, start + pageSize), total, pages };
}`),
  (w, r, i) => w.raw(`
export function castId${i}(raw: unknown): string {
  const id = <string>raw;
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('bad id');
  return id;
}`),
];

function genUtil(r, target, opts) {
  const w = new Writer();
  header(w, r);
  if (r.chance(0.3)) w.l(`import { createHash, randomUUID } from 'node:crypto';`);
  if (r.chance(0.3)) w.l(`import type { Readable } from 'node:stream';`);
  w.l('');
  const n0 = r.int(1, 10000);
  let i = 0;
  if (opts.lookalikes?.includes('rows-length')) {
    LOOKALIKES['rows-length']({ r, w, style: 'ts' });
    w.l('');
  }
  while (w.count() < target) {
    const f = r.pick(UTIL_FUNCS);
    f(w, r, n0 + i++);
    w.l('');
  }
  return finish(w);
}

function genHook(r, e, target) {
  const w = new Writer();
  w.raw(`
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ${e.P}, ${e.P}Query } from '../modules/${e.k}/${e.k}.types';
import { api } from '../lib/api';

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; data: ${e.P}[] }
  | { status: 'error'; error: Error };

type Action = { type: 'start' } | { type: 'done'; data: ${e.P}[] } | { type: 'fail'; error: Error };

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'start':
      return { status: 'loading' };
    case 'done':
      return { status: 'success', data: action.data };
    case 'fail':
      return { status: 'error', error: action.error };
    default:
      return state;
  }
}

export function use${e.Ps}(query: ${e.P}Query = {}) {
  const [state, dispatch] = useReducer(reducer, { status: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const key = useMemo(() => JSON.stringify(query), [query]);

  const load = useCallback(async () => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    dispatch({ type: 'start' });
    try {
      const data = await api.get<${e.P}[]>('/${e.ps}', { params: query, signal: controller.signal });
      dispatch({ type: 'done', data });
    } catch (err) {
      if (!controller.signal.aborted) dispatch({ type: 'fail', error: err as Error });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    void load();
    return () => abortRef.current?.abort();
  }, [load]);

  const items = state.status === 'success' ? state.data : [];
  return { ...state, items, count: items.length, reload: load };
}`);
  let n = 0;
  while (w.count() < target) {
    n++;
    w.l('');
    w.raw(`
export function use${e.P}Selection${n}(items: readonly ${e.P}[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const allSelected = items.length > 0 && items.every((x) => selected.has(x.id));
  const selectedItems = useMemo(() => items.filter((x) => selected.has(x.id)), [items, selected]);
  return { selected, toggle, allSelected, selectedItems, clear: () => setSelected(new Set()) };
}`);
  }
  return finish(w);
}

function genComponent(r, e, noun, target) {
  const w = new Writer();
  const C = `${e.P}${noun}`;
  const generic = r.chance(0.2);
  w.raw(`
import React, { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { FC, ReactNode } from 'react';
import clsx from 'clsx';
import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import type { ${e.P} } from '../../modules/${e.k}/${e.k}.types';
import styles from './${C}.module.css';

export interface ${C}Props {
  items: ${e.P}[];
  title?: ReactNode;
  loading?: boolean;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  onRefresh?: () => Promise<void>;
}
`);
  if (generic) {
    w.raw(`
export function ${C}Column<T extends { id: string },>({ rows, render }: { rows: readonly T[]; render: (row: T) => ReactNode }) {
  return (
    <ul className={styles.column}>
      {rows.map((row) => (
        <li key={row.id}>{render(row)}</li>
      ))}
    </ul>
  );
}

const identity = <T,>(value: T): T => value;
`);
  }
  w.raw(`
export const ${C}: FC<${C}Props> = ({ items, title, loading = false, selectedId = null, onSelect, onRefresh }) => {
  const [query, setQuery] = useState('');
  const [sortDesc, setSortDesc] = useState(${r.chance(0.5)});
  const [refreshing, setRefreshing] = useState(false);

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = q ? items.filter((item) => item.${e.str[0]}.toLowerCase().includes(q)) : items;
    return [...filtered].sort((a, b) => (sortDesc ? b.${e.num[0]} - a.${e.num[0]} : a.${e.num[0]} - b.${e.num[0]}));
  }, [items, query, sortDesc]);

  const total = useMemo(() => visible.reduce((sum, item) => sum + item.${e.num[0]}, 0), [visible]);

  useEffect(() => {
    if (selectedId && !items.some((item) => item.id === selectedId)) {
      onSelect?.(items[0]?.id ?? '');
    }
  }, [items, selectedId, onSelect]);

  const handleRefresh = useCallback(async () => {
    if (!onRefresh) return;
    setRefreshing(true);
    try {
      await onRefresh();
    } finally {
      setRefreshing(false);
    }
  }, [onRefresh]);

  if (loading) {
    return <Spinner label="Loading ${e.ps}…" />;
  }

  return (
    <section className={clsx(styles.root, { [styles.busy]: refreshing })} aria-busy={refreshing}>
      <header className={styles.header}>
        <h2>
          {title ?? '${e.Ps}'} <small>({visible.length})</small>
        </h2>
        <input
          type="search"
          placeholder="Filter by ${e.str[0]}"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Button variant="ghost" onClick={() => setSortDesc((v) => !v)}>
          {sortDesc ? '↓' : '↑'} ${e.num[0]}
        </Button>
        {onRefresh && (
          <Button onClick={handleRefresh} disabled={refreshing}>
            Refresh
          </Button>
        )}
      </header>
      {visible.length === 0 ? (
        <p className={styles.empty}>No ${e.ps} match “{query}”.</p>
      ) : (
        <ul className={styles.list}>
          {visible.map((item) => (
            <li
              key={item.id}
              className={clsx(styles.item, item.id === selectedId && styles.selected)}
              onClick={() => onSelect?.(item.id)}
            >
              <span className={styles.primary}>{item.${e.str[0]}}</span>
              <span className={styles.secondary}>{item.${e.str[1]}}</span>
              <span className={styles.badge} data-status={item.status.toLowerCase()}>
                {item.status}
              </span>
            </li>
          ))}
        </ul>
      )}
      <footer className={styles.footer}>Total ${e.num[0]}: {total.toLocaleString()}</footer>
    </section>
  );
};

${C}.displayName = '${C}';
`);
  let n = 0;
  while (w.count() < target) {
    n++;
    w.raw(`
export const ${C}Item${n} = memo(function ${C}Item${n}({ item, active }: { item: ${e.P}; active: boolean }) {
  const label = \`\${item.${e.str[0]}} (\${item.status.toLowerCase()})\`;
  return (
    <div className={clsx(styles.card, active && styles.active)} title={label}>
      <strong>{item.${e.str[0]}}</strong>
      {item.${e.num[1]} > ${r.int(0, 50)} ? <em>{item.${e.num[1]}}</em> : null}
      <time dateTime={item.createdAt.toISOString()}>{item.createdAt.toLocaleDateString()}</time>
    </div>
  );
});
`);
  }
  w.l(`export default ${C};`);
  return finish(w);
}

/** Next.js App Router server component that queries Prisma directly. */
function genServerPage(r, e, target, opts) {
  const w = new Writer();
  w.l(`import React from 'react';`);
  w.l(`import Link from 'next/link';`);
  w.l(`import { notFound } from 'next/navigation';`);
  w.l(`import { prisma } from '@/lib/prisma';`);
  w.l('');
  w.l(`export const revalidate = ${r.pick([0, 30, 60, 300])};`);
  w.l('');
  w.open(`export default async function ${e.Ps}Page({ params }: { params: Promise<{ ${e.relId}: string }> }) {`);
  w.l(`const { ${e.relId} } = await params;`);
  w.l(`if (!${e.relId}) notFound();`);
  const snips = [];
  for (const a of opts.anti ?? []) {
    if (a === 'jsx-length') {
      w.mark('jsx-length', 'rewrite', () => {
        w.l(`const ${e.ps} = await prisma.${e.n}.findMany({ where: { ${e.relId} } });`);
      }, { rule: 'length-to-count', note: 'the only use is {x.length} in JSX below' });
      snips.push('jsx-length');
    } else if (a === 'jsx-paren-length') {
      w.mark('jsx-paren-length', 'rewrite', () => {
        w.l(`const open${e.Ps} = (await prisma.${e.n}.findMany({ where: { ${e.relId}, status: '${e.status[0]}' } })).length;`);
      }, { rule: 'length-to-count' });
      snips.push('jsx-paren-length');
    }
  }
  w.mark('server-recent', 'no-rewrite', () => {
    w.l(`const recent = await prisma.${e.n}.findMany({ where: { ${e.relId} }, orderBy: { createdAt: 'desc' }, take: ${r.pick([5, 10, 20])} });`);
  }, { note: 'rendered row by row, [0] and .length on a take-limited page' });
  w.l('');
  w.open('return (');
  w.open('<main>');
  w.l(`<h1>${e.Ps}</h1>`);
  if (snips.includes('jsx-length')) {
    w.snippets.find((s) => s.kind === 'jsx-length').use = w.nextLine;
    w.l(`<p>{${e.ps}.length} ${e.ps} in total</p>`);
  }
  if (snips.includes('jsx-paren-length')) w.l(`<p>{open${e.Ps}} open</p>`);
  w.open('<ul>');
  w.open('{recent.map((item) => (');
  w.open('<li key={item.id}>');
  w.l(`<Link href={\`/${e.ps}/\${item.id}\`}>{item.${e.str[0]}}</Link>`);
  w.close('</li>');
  w.close('))}');
  w.close('</ul>');
  w.l(`<section className="panel">`);
  w.l(`  <h2>{recent.length > 0 ? recent[0]!.${e.str[0]} : 'Nothing yet'}</h2>`);
  w.l(`  <p>Last updated {recent[0]?.updatedAt.toLocaleString() ?? 'never'}</p>`);
  w.l(`</section>`);
  w.l(`<${e.P}Stats items={recent} />`);
  w.close('</main>');
  w.close(');');
  w.close();
  w.l('');
  w.raw(`
function ${e.P}Stats({ items }: { items: Array<{ id: string; ${e.num[0]}: number; status: string }> }) {
  const total = items.reduce((sum, x) => sum + x.${e.num[0]}, 0);
  const byStatus = Object.groupBy(items, (x) => x.status);
  return (
    <dl className="stats">
      <dt>Total ${e.num[0]}</dt>
      <dd>{total}</dd>
      {Object.entries(byStatus).map(([status, group]) => (
        <React.Fragment key={status}>
          <dt>{status}</dt>
          <dd>{group?.length ?? 0}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}`);
  let n = 0;
  while (w.count() < target) {
    n++;
    w.l('');
    w.raw(`
export async function generateMetadata${n === 1 ? '' : n}({ params }: { params: Promise<{ ${e.relId}: string }> }) {
  const { ${e.relId} } = await params;
  return {
    title: \`${e.Ps} · \${${e.relId}.slice(0, ${r.int(6, 12)})}\`,
    description: '${e.Ps} for ${e.rel} ' + ${e.relId},
    robots: { index: ${r.chance(0.5)}, follow: true },
  };
}`);
  }
  return finish(w);
}

function genTest(r, e, target, opts) {
  const w = new Writer();
  w.l(`import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';`);
  w.l(`import { ${e.P}Service } from '../src/modules/${e.k}/${e.k}.service';`);
  w.l(`import type { ${e.P} } from '../src/modules/${e.k}/${e.k}.types';`);
  w.l('');
  w.open(`function make${e.P}(overrides: Partial<${e.P}> = {}): ${e.P} {`);
  w.open('return {');
  w.l(`id: overrides.id ?? Math.random().toString(36).slice(2),`);
  w.l(`createdAt: new Date('2024-0${r.int(1, 9)}-1${r.int(0, 9)}T00:00:00Z'),`);
  w.l(`updatedAt: new Date(),`);
  w.l(`status: '${e.status[0]}',`);
  for (const f of e.str) w.l(`${f}: '${f}-${r.int(1, 999)}',`);
  for (const f of e.num) w.l(`${f}: ${r.int(0, 500)},`);
  w.l(`${e.relId}: 'rel_${r.int(100, 999)}',`);
  w.l(`...overrides,`);
  w.close('};');
  w.close();
  w.l('');
  if (opts.lookalikes?.includes('mocked-prisma')) {
    w.raw(`
const prisma = {
  ${e.n}: {
    findMany: vi.fn(async () => [make${e.P}(), make${e.P}({ status: '${e.status[1]}' })]),
    count: vi.fn(async () => 2),
  },
};
`);
    w.open(`describe('${e.n} fixtures', () => {`);
    w.open(`it('returns two rows from the mock', async () => {`);
    w.mark('mocked-prisma', 'no-rewrite', () => {
      w.l(`expect((await prisma.${e.n}.findMany()).length).toBe(2);`);
    }, { note: 'a local mock object named prisma; count() is not what the test exercises' });
    w.close('});');
    w.close('});');
    w.l('');
  }
  w.open(`describe('${e.P}Service', () => {`);
  w.l(`let service: ${e.P}Service;`);
  w.l(`const client = { sync${e.P}: vi.fn(), search${e.Ps}: vi.fn(), purge${e.Ps}: vi.fn() };`);
  w.l('');
  w.open('beforeEach(() => {');
  w.l(`service = new ${e.P}Service(client as never, {} as never, { emit: vi.fn() } as never, { services: {}, serviceToken: 't' } as never);`);
  w.close('});');
  w.l('');
  w.open('afterEach(() => {');
  w.l('vi.restoreAllMocks();');
  w.close('});');
  let n = 0;
  while (w.count() < target - 1) {
    n++;
    w.l('');
    const k = r.int(0, 3);
    if (k === 0) {
      w.raw(`
it('groups ${e.ps} by ${e.rel} (#${n})', () => {
  const rows = [make${e.P}({ ${e.relId}: 'a' }), make${e.P}({ ${e.relId}: 'b' }), make${e.P}({ ${e.relId}: 'a' })];
  const grouped = service.group${e.Ps}By${pascal(e.rel)}(rows);
  expect(grouped.get('a')).toHaveLength(2);
  expect(rows.length).toBe(3);
});`);
    } else if (k === 1) {
      w.raw(`
it('summarizes totals (#${n})', () => {
  const items = Array.from({ length: ${r.int(3, 12)} }, (_, i) => make${e.P}({ ${e.num[0]}: i * ${r.int(1, 9)} }));
  const summary = service.summarize${e.Ps}(items);
  expect(summary.count).toBe(items.length);
  expect(summary.total).toBeGreaterThanOrEqual(0);
});`);
    } else if (k === 2) {
      w.raw(`
it.each([
  ['${e.status[0]}', '${e.status[0].toLowerCase().replace(/_/g, ' ')}'],
  ['${e.status[1]}', '${e.status[1].toLowerCase().replace(/_/g, ' ')}'],
])('describes %s (#${n})', (status, expected) => {
  expect(service.describe${e.P}Status(status as never)).toBe(expected);
});`);
    } else {
      w.raw(`
it('retries a failing sync (#${n})', async () => {
  client.sync${e.P}.mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
  await service.sync${e.Ps}(['a', 'b', 'c']);
  expect(client.sync${e.P}).toHaveBeenCalledTimes(3);
});`);
    }
  }
  w.close('});');
  return finish(w);
}

/** CommonJS script (scripts/ or src/legacy/). */
function genCjs(r, e, target, opts) {
  const w = new Writer();
  w.l(`'use strict';`);
  w.l('');
  w.l(`const path = require('path');`);
  w.l(`const fs = require('fs/promises');`);
  const usesPrisma = opts.prisma !== 'none';
  if (usesPrisma) {
    w.l(`const { PrismaClient } = require('@prisma/client');`);
    w.l(`const { searchIndex, sendDigest } = require('../lib/jobs');`);
  }
  w.l(`const logger = require('../lib/logger');`);
  if (opts.lookalikes?.includes('pg-rows-length')) w.l(`const { pool } = require('../lib/pg');`);
  w.l('');
  if (usesPrisma) {
    w.l(`const prisma = new PrismaClient({ log: ['warn', 'error'] });`);
    w.l('');
  }
  const exported = [];
  const plan = [...(opts.anti ?? []).map((a) => ['anti', a]), ...(opts.negatives ?? []).map((n) => ['neg', n]), ...(opts.lookalikes ?? []).map((n) => ['look', n])];
  if (usesPrisma) for (let i = r.int(1, 2); i > 0; i--) plan.push(['ordinary']);
  const used = new Set();
  for (const p of plan) {
    const ctx = { r, w, style: 'js', recv: 'prisma', e };
    let name;
    if (p[0] === 'anti') name = ANTI_PATTERNS[p[1]](ctx);
    else if (p[0] === 'neg') name = PRISMA_NEGATIVES[p[1]](ctx);
    else if (p[0] === 'look') name = LOOKALIKES[p[1]](ctx);
    else name = prismaOrdinary(r, w, 'js', 'prisma', e);
    if (used.has(name)) {
      const idx = w.lines.length - 1 - countBack(w, name);
      w.lines[idx] = renameLast(w, name, used);
      name = w.lines[idx].match(/function (\w+)\(/)[1];
    }
    used.add(name);
    exported.push(name);
    w.l('');
  }
  let n = 0;
  while (w.count() < target - 12) {
    n++;
    const fn = `readJson${n}`;
    w.raw(`
async function ${fn}(file) {
  const raw = await fs.readFile(path.resolve(__dirname, file), 'utf8');
  try {
    return JSON.parse(raw);
  } catch (err) {
    logger.warn('could not parse %s: %s', file, err.message);
    return null;
  }
}

function normalize${e.P}${n}(input) {
  var out = Object.assign({}, input);
  out.${e.str[0]} = String(out.${e.str[0]} || '').trim();
  out.${e.num[0]} = Number(out.${e.num[0]}) || 0;
  if (out.tags && out.tags.length) out.tags = out.tags.map(function (t) { return t.toLowerCase(); });
  return out;
}
`);
    w.l('');
    exported.push(fn, `normalize${e.P}${n}`);
  }
  w.open(`async function main() {`);
  w.l(`const file = process.argv[2] || 'data/${e.ps}.json';`);
  w.l(`logger.info('starting ${e.n} script with %s', file);`);
  if (usesPrisma) w.l(`await prisma.$disconnect();`);
  w.close();
  w.l('');
  w.open(`if (require.main === module) {`);
  w.open(`main().catch((err) => {`);
  w.l(`console.error(err);`);
  w.l(`process.exitCode = 1;`);
  w.close('});');
  w.close();
  w.l('');
  w.l(`module.exports = { ${exported.join(', ')} };`);
  return finish(w);
}

function genMisc(r, e, area, target) {
  // module file + barrel + constants
  const w = new Writer();
  w.l(`import { Module } from '@nestjs/common';`);
  w.l(`import { ${e.P}Controller } from './${e.k}.controller';`);
  w.l(`import { ${e.P}Service } from './${e.k}.service';`);
  w.l(`import { ${e.P}Repository } from './${e.k}.repository';`);
  w.l(`import { ${e.P}Client } from './${e.k}.client';`);
  w.l('');
  w.l(`export const ${upperSnake(e.n)}_QUEUE = '${area}.${e.n}';`);
  w.l(`export const ${upperSnake(e.n)}_LIMITS = Object.freeze({ maxPageSize: ${r.int(50, 500)}, burst: ${r.int(5, 50)} });`);
  w.l('');
  w.l('@Module({');
  w.l(`  controllers: [${e.P}Controller],`);
  w.l(`  providers: [${e.P}Service, ${e.P}Repository, ${e.P}Client],`);
  w.l(`  exports: [${e.P}Service],`);
  w.l('})');
  w.l(`export class ${e.P}${pascal(area)}Module {}`);
  w.l('');
  let n = 0;
  while (w.count() < target) {
    n++;
    w.l(`export const ${upperSnake(e.n)}_MESSAGE_${n} = {`);
    w.l(`  code: '${upperSnake(e.n)}_${n}',`);
    w.l(`  en: '${pascal(e.n)} ${r.pick(['could not be saved', 'was archived', 'is locked', 'needs review', 'was restored'])}',`);
    w.l(`  retryable: ${r.chance(0.5)},`);
    w.l('} as const;');
  }
  return finish(w);
}

// ---------------------------------------------------------------- plan & write

const KIND_WEIGHTS = [
  ['service', 17],
  ['controller', 9],
  ['repository', 7],
  ['dto', 7],
  ['types', 10],
  ['util', 11],
  ['hook', 4],
  ['component', 17],
  ['test', 10],
  ['cjs', 3],
  ['server-page', 0.8],
  ['misc', 3],
];

const ANTI_KEYS = Object.keys(ANTI_PATTERNS);
const NEG_KEYS = Object.keys(PRISMA_NEGATIVES);

export function generate(opts) {
  const r = new Rng(opts.seed);
  const out = opts.out;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const manifest = {
    generator: 'bench/generate-corpus.mjs',
    version: GENERATOR_VERSION,
    options: { files: opts.files, seed: opts.seed, prismaRate: opts.prismaRate },
    files: {},
    ignored: [],
    counts: {},
  };
  const written = new Set();
  const write = (rel, text, meta) => {
    if (written.has(rel)) throw new Error('duplicate path ' + rel);
    written.add(rel);
    const abs = path.join(out, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    if (meta) manifest.files[rel] = meta;
  };

  // Prisma-eligible kinds and the share of files they make up, to hit prismaRate overall.
  // Server pages (Next.js server components) always query Prisma; the other
  // eligible kinds touch Prisma with the probability that makes up the rest.
  const eligible = new Set(['service', 'repository', 'controller', 'cjs']);
  const totalW = KIND_WEIGHTS.reduce((a, [, x]) => a + x, 0);
  const share = (pred) => KIND_WEIGHTS.filter(([k]) => pred(k)).reduce((a, [, x]) => a + x, 0) / totalW;
  const serverShare = opts.prismaRate > 0 ? share((k) => k === 'server-page') : 0;
  const pPrisma = Math.max(0, Math.min(1, (opts.prismaRate - serverShare) / share((k) => eligible.has(k))));

  const usedPaths = new Set();
  const uniquePath = (p) => {
    if (!usedPaths.has(p)) {
      usedPaths.add(p);
      return p;
    }
    // insert the suffix before the first dot of the file name, so every
    // multi-part extension survives: user-2.service.ts, user-2.queries.gen.ts
    const slash = p.lastIndexOf('/');
    const dot = p.indexOf('.', slash + 1);
    const base = p.slice(0, dot);
    const ext = p.slice(dot);
    for (let i = 2; ; i++) {
      const q = `${base}-${i}${ext}`;
      if (!usedPaths.has(q)) {
        usedPaths.add(q);
        return q;
      }
    }
  };

  const counts = { total: 0, byKind: {}, prismaFiles: 0, antiFiles: 0, lookalikeFiles: 0, snippets: {} };
  for (let i = 0; i < opts.files; i++) {
    let kind = r.weighted(KIND_WEIGHTS);
    if (kind === 'server-page' && opts.prismaRate === 0) kind = 'component';
    const e = r.pick(ENTITIES);
    const area = r.pick(AREAS);
    const target = r.size(50, 400);
    let prisma = 'none';
    const fopts = { prisma, anti: [], negatives: [], lookalikes: [] };
    if (kind === 'server-page') {
      prisma = r.chance(0.55) ? 'anti' : 'plain';
      fopts.prisma = prisma;
      if (prisma === 'anti') fopts.anti = r.pickN(['jsx-length', 'jsx-paren-length'], r.int(1, 2));
    } else if (eligible.has(kind) && r.chance(pPrisma)) {
      prisma = r.chance(0.55) ? 'anti' : 'plain';
      fopts.prisma = prisma;
      if (prisma === 'anti') fopts.anti = r.pickN(ANTI_KEYS, r.int(1, 3));
      if (r.chance(0.35)) fopts.negatives = r.pickN(NEG_KEYS, r.int(1, 2));
    }
    // look-alikes in non-Prisma files
    if (prisma === 'none') {
      if (kind === 'service' && r.chance(0.06)) fopts.lookalikes = r.pickN(['drizzle-length', 'drizzle-paren', 'custom-repo-findmany', 'pg-rows-length'], r.int(1, 2));
      else if (kind === 'repository' && r.chance(0.1)) fopts.lookalikes = ['store-findmany-length'];
      if (kind === 'repository') fopts.storeStyle = r.weighted([['findMany', 0.15], ['findAll', 0.5], ['list', 0.35]]);
      else if (kind === 'util' && r.chance(0.05)) fopts.lookalikes = ['rows-length'];
      else if (kind === 'test' && r.chance(0.04)) fopts.lookalikes = ['mocked-prisma'];
      else if (kind === 'cjs' && r.chance(0.1)) fopts.lookalikes = ['pg-rows-length'];
    }

    let rel;
    let res;
    switch (kind) {
      case 'service':
        rel = `src/modules/${area}/${e.k}/${e.k}.service.ts`;
        res = genService(r, e, area, target, fopts);
        break;
      case 'controller':
        rel = `src/modules/${area}/${e.k}/${e.k}.controller.ts`;
        res = genController(r, e, area, target, fopts);
        break;
      case 'repository':
        rel = `src/modules/${area}/${e.k}/${e.k}.repository.ts`;
        res = genRepository(r, e, area, target, fopts);
        break;
      case 'dto':
        rel = `src/modules/${area}/${e.k}/dto/${e.k}.dto.ts`;
        res = genDto(r, e, target);
        break;
      case 'types':
        rel = `src/modules/${area}/${e.k}/${e.k}.types.ts`;
        res = genTypes(r, e, target);
        break;
      case 'util':
        rel = `src/utils/${area}/${r.pick(UTIL_TOPICS)}.ts`;
        res = genUtil(r, target, fopts);
        break;
      case 'hook':
        rel = `src/hooks/${area}/use${e.Ps}.ts`;
        res = genHook(r, e, target);
        break;
      case 'component': {
        const noun = r.pick(UI_NOUNS);
        rel = `src/components/${area}/${e.P}${noun}.tsx`;
        res = genComponent(r, e, noun, target);
        break;
      }
      case 'server-page':
        rel = `src/app/(dashboard)/${area}/${e.k}/page.tsx`;
        res = genServerPage(r, e, target, fopts);
        break;
      case 'test':
        rel = `test/${area}/${e.k}.${r.pick(['service', 'controller', 'utils'])}.test.ts`;
        res = genTest(r, e, target, fopts);
        break;
      case 'cjs':
        rel = `${r.pick(['scripts', 'src/legacy'])}/${area}/${r.pick(['backfill', 'export', 'migrate', 'report', 'cleanup'])}-${e.k}.js`;
        res = genCjs(r, e, target, fopts);
        break;
      default:
        rel = `src/modules/${area}/${e.k}/${e.k}.module.ts`;
        res = genMisc(r, e, area, target);
    }
    rel = uniquePath(rel);
    write(rel, res.text, { kind, prisma, lines: res.text.split('\n').length - 1, snippets: res.snippets });
    counts.total++;
    counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
    if (prisma !== 'none') counts.prismaFiles++;
    if (res.snippets.some((s) => s.expect !== 'no-rewrite')) counts.antiFiles++;
    if (prisma === 'none' && res.snippets.length) counts.lookalikeFiles++;
    for (const s of res.snippets) counts.snippets[s.kind] = (counts.snippets[s.kind] ?? 0) + 1;
  }

  // ---- support files that every real project has (scanned too, counted separately)
  const support = {
    'src/prisma/prisma.service.ts': `import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
`,
    'src/lib/prisma.ts': `import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

/** Soft-delete extension: findMany hides deleted rows. */
export const xprisma = prisma.$extends({
  query: {
    $allModels: {
      async findMany({ args, query }) {
        args.where = { ...args.where, deletedAt: null };
        return query(args);
      },
    },
  },
});
`,
    'src/db/drizzle.ts': `import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema';

export const db = drizzle(process.env.DATABASE_URL!, { schema });
`,
  };
  for (const [rel, text] of Object.entries(support)) write(rel, text, { kind: 'support', prisma: 'none', lines: text.split('\n').length - 1, snippets: [] });

  // ---- project files (not sources)
  const schema = ['generator client {', '  provider = "prisma-client-js"', '}', '', 'datasource db {', '  provider = "postgresql"', '  url      = env("DATABASE_URL")', '}', ''];
  const relModels = new Set();
  for (const e of ENTITIES) {
    schema.push(`model ${e.P} {`);
    schema.push('  id        String    @id @default(cuid())');
    schema.push('  createdAt DateTime  @default(now())');
    schema.push('  updatedAt DateTime  @updatedAt');
    schema.push('  deletedAt DateTime?');
    schema.push('  status    String');
    for (const f of e.str) schema.push(`  ${f} String`);
    for (const f of e.num) schema.push(`  ${f} ${/amount|total|price|fee|cost|value|budget|vat/i.test(f) ? 'Float' : 'Int'}`);
    const relP = pascal(e.rel);
    schema.push(`  ${e.relId} String`);
    if (ENTITIES.some((x) => x.n === e.rel)) {
      schema.push(`  ${e.rel} ${relP} @relation("${e.P}${relP}", fields: [${e.relId}], references: [id])`);
      relModels.add(`${relP}|${e.P}`);
    } else {
      schema.push(`  ${e.rel} ${relP} @relation(fields: [${e.relId}], references: [id])`);
      relModels.add(`${relP}|${e.P}|ext`);
    }
    schema.push('');
    schema.push(`  @@index([${e.relId}, status])`);
    schema.push('}');
    schema.push('');
  }
  const extModels = new Map();
  for (const key of relModels) {
    const [relP, P, ext] = key.split('|');
    if (ext) {
      if (!extModels.has(relP)) extModels.set(relP, []);
      extModels.get(relP).push(P);
    }
  }
  for (const [relP, backs] of extModels) {
    schema.push(`model ${relP} {`);
    schema.push('  id   String @id @default(cuid())');
    schema.push('  name String');
    for (const b of backs) schema.push(`  ${plural(b[0].toLowerCase() + b.slice(1))} ${b}[]`);
    schema.push('}');
    schema.push('');
  }
  write('prisma/schema.prisma', schema.join('\n'));
  write('package.json', JSON.stringify({
    name: 'acme-platform', private: true, version: '3.14.0', type: 'commonjs',
    scripts: { build: 'nest build', test: 'vitest run', dev: 'next dev' },
    dependencies: { '@nestjs/common': '^10.3.0', '@prisma/client': '^5.22.0', 'drizzle-orm': '^0.36.0', next: '^15.0.0', react: '^19.0.0' },
  }, null, 2) + '\n');
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, jsx: 'react-jsx', experimentalDecorators: true, emitDecoratorMetadata: true, paths: { '@/*': ['./src/*'] } } }, null, 2) + '\n');
  write('README.md', '# acme-platform\n\nSynthetic benchmark corpus generated by pushdown/bench/generate-corpus.mjs. Do not edit.\n');

  // ---- files a tool must skip
  write('.gitignore', ['# build output', 'dist/', 'coverage/', 'generated/', '*.gen.ts', '.next/', 'node_modules/', ''].join('\n'));
  write('src/legacy/.gitignore', 'vendor/\n');
  const ignoredCount = Math.max(20, Math.round(opts.files * 0.04));
  const nmCount = Math.max(20, Math.round(opts.files * 0.03));
  const prismaAnti = (r2, e) => {
    const w = new Writer();
    w.l(`'use strict';`);
    w.l(`const { PrismaClient } = require('@prisma/client');`);
    w.l(`const prisma = new PrismaClient();`);
    const ks = r2.pickN(ANTI_KEYS.filter((k) => k !== 'extended-client-length'), 2);
    const names = [];
    for (const k of ks) {
      w.l('');
      names.push(ANTI_PATTERNS[k]({ r: r2, w, style: 'js', recv: 'prisma', e }));
    }
    w.l(`module.exports = { ${[...new Set(names)].join(', ')} };`);
    return w.text();
  };
  for (let i = 0; i < ignoredCount; i++) {
    const e = r.pick(ENTITIES);
    const where = r.weighted([['dist', 5], ['generated', 2], ['coverage', 1], ['gen', 1], ['vendor', 1], ['next', 1]]);
    let rel;
    let text;
    if (where === 'dist') {
      rel = `dist/modules/${r.pick(AREAS)}/${e.k}/${e.k}.service.js`;
      text = prismaAnti(r, e);
    } else if (where === 'generated') {
      rel = `generated/${e.k}/${r.pick(['client', 'models', 'index'])}.ts`;
      const w = new Writer();
      w.l(`import { PrismaClient } from '@prisma/client';`);
      w.l(`const prisma = new PrismaClient();`);
      ANTI_PATTERNS['length-await-paren']({ r, w, style: 'ts', recv: 'prisma', e });
      text = w.text();
    } else if (where === 'coverage') {
      rel = `coverage/lcov-report/${e.k}/prettify.js`;
      text = prismaAnti(r, e);
    } else if (where === 'gen') {
      rel = `src/modules/${r.pick(AREAS)}/${e.k}/${e.k}.queries.gen.ts`;
      const w = new Writer();
      w.l(`import { prisma } from '../../../lib/prisma';`);
      ANTI_PATTERNS['length-var']({ r, w, style: 'ts', recv: 'prisma', e });
      text = w.text();
    } else if (where === 'vendor') {
      rel = `src/legacy/vendor/${e.k}-sdk.js`;
      text = prismaAnti(r, e);
    } else {
      rel = `.next/server/app/${e.k}/page.js`;
      text = prismaAnti(r, e);
    }
    rel = uniquePath(rel);
    write(rel, text);
    manifest.ignored.push(rel);
  }
  const pkgs = ['lodash-es', '@acme/orm-helpers', 'left-pad', 'date-fns', '@prisma/client', 'zod', 'react-dom', '@nestjs/core', 'rxjs', 'tslib'];
  for (let i = 0; i < nmCount; i++) {
    const e = r.pick(ENTITIES);
    const pkg = r.pick(pkgs);
    const file = r.pick(['index.js', `dist/${e.k}.js`, `lib/${e.k}.cjs`, `esm/${e.k}.mjs`, `src/${e.k}.ts`, `types/${e.k}.d.ts`]);
    let rel = uniquePath(`node_modules/${pkg}/${file}`);
    let text;
    if (file.endsWith('.d.ts')) text = `export declare function count${e.Ps}(where?: object): Promise<number>;\nexport declare const findMany: (...args: unknown[]) => Promise<unknown[]>;\n`;
    else if (file.endsWith('.mjs') || file.endsWith('.ts')) {
      const w = new Writer();
      w.l(`import { PrismaClient } from '@prisma/client';`);
      w.l(`const prisma = new PrismaClient();`);
      const fn = ANTI_PATTERNS['length-await-paren']({ r, w, style: file.endsWith('.ts') ? 'ts' : 'js', recv: 'prisma', e });
      if (file.endsWith('.mjs')) w.l(`export { ${fn} };`);
      text = w.text();
    } else text = prismaAnti(r, e);
    write(rel, text);
    manifest.ignored.push(rel);
  }
  write('node_modules/.package-lock.json', '{"lockfileVersion":3}\n');

  counts.support = Object.keys(support).length;
  counts.ignored = manifest.ignored.length;
  counts.sourceFiles = counts.total + counts.support; // what a tool should scan
  manifest.counts = counts;
  manifest.ignored.sort();
  const sortedFiles = {};
  for (const k of Object.keys(manifest.files).sort()) sortedFiles[k] = manifest.files[k];
  manifest.files = sortedFiles;
  fs.writeFileSync(path.join(out, '.bench-manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

// ---------------------------------------------------------------- --check

export async function check(out, manifest) {
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(HERE, '..', 'package.json'));
  const ts = require('typescript');
  const babel = require('@babel/parser');
  const babelPlugins = {
    ts: ['typescript', 'decorators-legacy', 'classProperties', 'classPrivateProperties', 'classPrivateMethods', 'explicitResourceManagement'],
    tsx: ['typescript', 'jsx', 'decorators-legacy', 'classProperties', 'classPrivateProperties', 'classPrivateMethods'],
    babel: ['jsx', 'classProperties', 'classPrivateProperties', 'classPrivateMethods'],
  };
  const problems = [];
  const all = [...Object.keys(manifest.files), ...manifest.ignored];
  for (const rel of all) {
    const abs = path.join(out, rel);
    const text = fs.readFileSync(abs, 'utf8');
    const ext = rel.slice(rel.lastIndexOf('.') + 1);
    const kind = ext === 'tsx' ? ts.ScriptKind.TSX : ext === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, kind);
    for (const d of sf.parseDiagnostics ?? []) {
      const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      problems.push(`${rel}:${line + 1}:${character + 1} tsc: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
    const parser = ext === 'tsx' ? 'tsx' : ext === 'ts' ? 'ts' : 'babel';
    try {
      babel.parse(text, { sourceType: ext === 'cjs' ? 'script' : ext === 'js' ? 'unambiguous' : 'module', plugins: babelPlugins[parser], errorRecovery: false });
    } catch (err) {
      problems.push(`${rel}: babel(${parser}): ${err.message}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- main

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const m = generate(opts);
  const ms = performance.now() - t0;
  if (!opts.quiet) {
    const c = m.counts;
    const lines = Object.values(m.files).reduce((a, f) => a + f.lines, 0);
    console.log(`corpus: ${path.relative(process.cwd(), opts.out) || '.'} (seed ${JSON.stringify(opts.seed)}, generator v${GENERATOR_VERSION}) in ${(ms / 1000).toFixed(1)}s`);
    console.log(`  ${c.sourceFiles} source files to scan (${c.total} generated + ${c.support} support), ${lines.toLocaleString('en-US')} lines`);
    console.log(`  by kind: ${Object.entries(c.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  Prisma files: ${c.prismaFiles} (${((100 * c.prismaFiles) / c.total).toFixed(1)}%), with anti-patterns: ${c.antiFiles}, non-Prisma look-alike files: ${c.lookalikeFiles}`);
    console.log(`  planted snippets: ${Object.entries(c.snippets).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  must-skip files: ${c.ignored} (node_modules/, .gitignore'd dist/ generated/ coverage/ .next/ *.gen.ts, nested src/legacy/.gitignore)`);
  }
  if (opts.check) {
    const problems = await check(opts.out, m);
    if (problems.length) {
      console.error(`--check: ${problems.length} parse problem(s):`);
      for (const p of problems.slice(0, 50)) console.error('  ' + p);
      process.exit(1);
    }
    if (!opts.quiet) console.log('  --check: every file parses with tsc and @babel/parser');
  }
}
