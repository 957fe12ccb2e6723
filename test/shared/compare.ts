// Exact comparison of what an input fixture and its rewritten output return.
// Stricter than deep-equal helpers where a rewrite could hide a change:
// undefined and null differ, a missing key differs from a key set to
// undefined, a number differs from a bigint, a Decimal or a string with the
// same digits. Values compare by value where JS identity would mislead:
// Dates by time, Decimals and bigints by value, numbers within 1e-9
// (relative for large magnitudes, since SQL and JS may sum floats in a
// different order).

import { inspect } from 'node:util';

export type Outcome = { kind: 'returned'; value: unknown } | { kind: 'threw'; error: unknown };

const FLOAT_TOLERANCE = 1e-9;

/** decimal.js instances (e.g. Prisma.Decimal) tag themselves; no import of a particular copy needed. */
interface DecimalLike {
  equals(other: DecimalLike): boolean;
  toString(): string;
  constructor: unknown;
}

function isDecimal(value: unknown): value is DecimalLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.toString.call(value) === '[object Decimal]' &&
    typeof (value as { equals?: unknown }).equals === 'function'
  );
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date';
  if (isDecimal(value)) return 'Decimal';
  if (value instanceof Map) return 'Map';
  if (value instanceof Set) return 'Set';
  if (ArrayBuffer.isView(value)) return 'bytes';
  if (value instanceof Error) return 'Error';
  if (isPlainObject(value)) return 'object';
  return `instance of ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown class'}`;
}

function numbersMatch(a: number, b: number): boolean {
  if (Object.is(a, b) || a === b) return true; // a === b makes 0 and -0 equal
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= FLOAT_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

const show = (value: unknown): string => inspect(value, { depth: 2, breakLength: Infinity });

function describeValue(kind: string, value: unknown): string {
  return kind === 'null' || kind === 'undefined' ? kind : `${kind} ${show(value)}`;
}

/**
 * Returns null when `a` (the input side) and `b` (the output side) are the
 * same result, otherwise a one-line description of the first difference,
 * naming where it is (`$[2].posts.length`).
 */
export function findDifference(a: unknown, b: unknown, path = '$', seen = new Set<unknown>()): string | null {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return `${path}: ${describeValue(ka, a)} vs ${describeValue(kb, b)}`;

  switch (ka) {
    case 'undefined':
    case 'null':
      return null;
    case 'number':
      return numbersMatch(a as number, b as number) ? null : `${path}: ${show(a)} vs ${show(b)}`;
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return a === b ? null : `${path}: ${show(a)} vs ${show(b)}`;
    case 'function':
      return `${path}: functions cannot be compared; return data from run()`;
    case 'Date': {
      const ta = (a as Date).getTime();
      const tb = (b as Date).getTime();
      return Object.is(ta, tb) ? null : `${path}: ${show(a)} vs ${show(b)}`;
    }
    case 'Decimal': {
      const da = a as DecimalLike;
      const db = b as DecimalLike;
      const same = da.constructor === db.constructor ? da.equals(db) : da.toString() === db.toString();
      return same ? null : `${path}: Decimal ${da.toString()} vs Decimal ${db.toString()}`;
    }
    case 'bytes': {
      const va = a as ArrayBufferView;
      const vb = b as ArrayBufferView;
      const ba = Buffer.from(va.buffer, va.byteOffset, va.byteLength);
      const bb = Buffer.from(vb.buffer, vb.byteOffset, vb.byteLength);
      return ba.equals(bb) ? null : `${path}: bytes ${ba.toString('hex')} vs ${bb.toString('hex')}`;
    }
    case 'Error': {
      const ea = a as Error;
      const eb = b as Error;
      return ea.name === eb.name && ea.message === eb.message
        ? null
        : `${path}: ${ea.name}: ${ea.message} vs ${eb.name}: ${eb.message}`;
    }
  }

  // Containers. Guard against cycles: a pair already under comparison is assumed equal.
  if (seen.has(a)) return null;
  seen.add(a);
  try {
    if (ka === 'array' || ka === 'Set') {
      const xa = [...(a as Iterable<unknown>)];
      const xb = [...(b as Iterable<unknown>)];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const d = findDifference(xa[i], xb[i], `${path}[${i}]`, seen);
        if (d) return xa.length === xb.length ? d : `${path}.length: ${xa.length} vs ${xb.length}; first difference ${d}`;
      }
      if (xa.length === xb.length) return null;
      const longer = xa.length > xb.length ? xa : xb;
      const shorter = xa.length > xb.length ? 'output' : 'input';
      return `${path}.length: ${xa.length} vs ${xb.length}; ${shorter} lacks ${path}[${Math.min(xa.length, xb.length)}] = ${show(longer[Math.min(xa.length, xb.length)])}`;
    }
    if (ka === 'Map') {
      const ea = [...(a as Map<unknown, unknown>)];
      const eb = [...(b as Map<unknown, unknown>)];
      if (ea.length !== eb.length) return `${path}.size: ${ea.length} vs ${eb.length}`;
      for (let i = 0; i < ea.length; i++) {
        const [keyA, valueA] = ea[i]!;
        const [keyB, valueB] = eb[i]!;
        const d = findDifference(keyA, keyB, `${path}<key ${i}>`, seen) ?? findDifference(valueA, valueB, `${path}.get(${show(keyA)})`, seen);
        if (d) return d;
      }
      return null;
    }
    // Plain objects and class instances of the same class: own enumerable keys, any order.
    if (ka !== 'object' && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
      return `${path}: ${ka} from different classes`;
    }
    const oa = a as Record<string, unknown>;
    const ob = b as Record<string, unknown>;
    const keysA = Object.keys(oa);
    const keysB = new Set(Object.keys(ob));
    const missing = keysA.filter((k) => !keysB.has(k));
    const extra = [...keysB].filter((k) => !Object.prototype.hasOwnProperty.call(oa, k));
    if (missing.length || extra.length) {
      return `${path}: keys differ (only in input: ${missing.join(', ') || 'none'}; only in output: ${extra.join(', ') || 'none'})`;
    }
    for (const k of keysA) {
      const d = findDifference(oa[k], ob[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, seen);
      if (d) return d;
    }
    return null;
  } finally {
    seen.delete(a);
  }
}

function errorSummary(error: unknown): { name: string; code: unknown } {
  if (error instanceof Error) return { name: error.name, code: (error as { code?: unknown }).code };
  return { name: typeof error, code: undefined };
}

/**
 * Both returned: their values must match. Both threw: the same kind of error
 * (name and driver error code; messages differ because they quote the query).
 * One returned and one threw: a difference.
 */
export function findOutcomeDifference(input: Outcome, output: Outcome): string | null {
  if (input.kind === 'returned' && output.kind === 'returned') return findDifference(input.value, output.value);
  if (input.kind === 'threw' && output.kind === 'threw') {
    const ea = errorSummary(input.error);
    const eb = errorSummary(output.error);
    return ea.name === eb.name && ea.code === eb.code ? null : `both threw, differently: ${show(ea)} vs ${show(eb)}`;
  }
  return input.kind === 'threw' ? 'input threw, output returned' : 'input returned, output threw';
}

export function formatOutcome(outcome: Outcome): string {
  if (outcome.kind === 'returned') return inspect(outcome.value, { depth: null, maxArrayLength: null, maxStringLength: null });
  const e = outcome.error;
  return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : inspect(e)}`;
}
