/**
 * From argv, the config file and PUSHDOWN_* variables to one validated set of
 * option values. Precedence: flags, then environment, then config file. Every
 * mistake is one line naming where the bad value came from.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { envName, OPTIONS, type OptionSpec } from './options.js';
import { didYouMean } from './suggest.js';

/** A mistake in how pushdown was called: one line on stderr, exit 2, no stack. */
export class CliUsageError extends Error {
  override name = 'UsageError';
}

export type Raw = boolean | string | string[];
export type Value = boolean | string | string[] | number;

export interface ParsedArgv {
  values: Map<string, Raw>;
  positionals: string[];
}

const flagNames = () => OPTIONS.flatMap((s) => [`--${s.name}`, ...(s.alias ? [`-${s.alias}`] : [])]);

/**
 * Flags and paths from argv. yargs, strictly: unknown flags get a suggestion;
 * `--write=yes` and missing values are errors. The common shape (flags and
 * aliases, each value as the next word, paths) is read without yargs, whose
 * loading is ~50 ms of start-up; anything else goes to yargs, and the two give
 * the same result where both apply (__tests__/args.test.ts).
 */
export async function parseArgv(argv: readonly string[]): Promise<ParsedArgv> {
  for (const arg of argv) {
    if (arg === '--') break;
    const eq = /^(--?)([^=]+)=/.exec(arg);
    const spec = eq && OPTIONS.find((s) => (eq[1] === '--' ? s.name === eq[2] : s.alias === eq[2]));
    if (spec && spec.kind === 'flag') throw new CliUsageError(`${eq![1]}${eq![2]} takes no value (got '${arg}')`);
  }
  return toParsed(parsePlain(argv) ?? (await parseWithYargs(argv)));
}

interface Words {
  /** Option name -> what yargs gives for it: a value, or an array when the flag was repeated. */
  named: Record<string, unknown>;
  positionals: Array<string | number>;
}

/**
 * argv made only of `--<option>` or `-<alias>` (a flag alone, any other option
 * with the next word as its value) and paths: the options as yargs would give
 * them, or undefined when anything else appears (`=`, `--`, an unknown flag, a
 * word starting with `-` or empty where a value or path stands, `true`/`false`
 * after a flag, which yargs would take as its value).
 */
export function parsePlain(argv: readonly string[]): Words | undefined {
  const named: Record<string, unknown> = {};
  const positionals: string[] = [];
  const add = (name: string, value: unknown) => {
    const had = named[name];
    named[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '') return undefined;
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const spec = arg.startsWith('--') ? OPTIONS.find((s) => s.name === arg.slice(2)) : OPTIONS.find((s) => s.alias !== undefined && arg === `-${s.alias}`);
    if (spec === undefined) return undefined;
    const next = argv[i + 1];
    if (spec.kind === 'flag') {
      if (next === 'true' || next === 'false') return undefined;
      named[spec.name] = true;
      continue;
    }
    if (next === undefined || next === '' || next.startsWith('-')) return undefined;
    add(spec.name, next);
    i++;
  }
  return { named, positionals };
}

export async function parseWithYargs(argv: readonly string[]): Promise<Words> {
  const { default: yargs } = await import('yargs');
  let failure: string | undefined;
  const parser = yargs([...argv])
    .parserConfiguration({
      'boolean-negation': false,
      'camel-case-expansion': false,
      'dot-notation': false,
      'duplicate-arguments-array': true,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'strip-aliased': true,
    })
    .help(false)
    .version(false)
    .options(
      Object.fromEntries(
        OPTIONS.map((s) => [s.name, { type: s.kind === 'flag' ? ('boolean' as const) : ('string' as const), ...(s.alias ? { alias: s.alias } : {}) }]),
      ),
    )
    .strictOptions()
    .exitProcess(false)
    .fail((message) => {
      failure ??= message;
    });
  const parsed = parser.parseSync() as Record<string, unknown> & { _: Array<string | number> };
  if (failure !== undefined) {
    const unknown = /^Unknown arguments?: (.*)$/.exec(failure);
    if (unknown) {
      const first = unknown[1]!.split(', ')[0]!;
      const shown = first.length === 1 ? `-${first}` : `--${first}`;
      throw new CliUsageError(`unknown option '${shown}'${didYouMean(shown, flagNames())} (see --help)`);
    }
    throw new CliUsageError(`${failure.split('\n')[0]} (see --help)`);
  }
  return { named: parsed, positionals: parsed._ };
}

function toParsed({ named: parsed, positionals }: Words): ParsedArgv {
  const values = new Map<string, Raw>();
  for (const spec of OPTIONS) {
    const v = parsed[spec.name];
    if (v === undefined) continue;
    if (spec.kind === 'flag') {
      values.set(spec.name, Array.isArray(v) ? v.some(Boolean) : Boolean(v));
      continue;
    }
    const list = (Array.isArray(v) ? v : [v]).map(String);
    if (list.some((x) => x === '')) {
      throw new CliUsageError(`--${spec.name} needs ${spec.kind === 'list' ? 'a comma-separated list with no empty entries' : 'a value'} (see --help)`);
    }
    // A repeated single-value flag: the last one wins, as in most CLIs.
    values.set(spec.name, spec.kind === 'list' ? list : list[list.length - 1]!);
  }
  return { values, positionals: positionals.map(String) };
}

// --------------------------------------------------------------------------- config

export interface ConfigFile {
  path: string;
  values: Record<string, unknown>;
}

const CONFIG_NAMES = ['pushdown.config.mjs', 'pushdown.config.json'];
/** Names people try that pushdown does not read: said once, not ignored silently. */
const NOT_READ = ['.pushdownrc', '.pushdownrc.json', 'pushdown.config.js', 'pushdown.config.cjs', 'pushdown.config.ts'];

/** The first config found from `cwd` upwards: pushdown.config.mjs, pushdown.config.json, then package.json#pushdown. */
export async function loadConfig(cwd: string, warn: (message: string) => void): Promise<ConfigFile | undefined> {
  for (let dir = cwd; ; ) {
    for (const name of NOT_READ) {
      if (existsSync(join(dir, name))) warn(`${join(dir, name)} is not read; pushdown reads ${CONFIG_NAMES.join(', ')} or package.json#pushdown`);
    }
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return { path, values: await readConfig(path) };
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(pkg, 'utf8'));
      } catch {
        json = undefined; // not ours to complain about
      }
      if (json && typeof json === 'object' && 'pushdown' in json) {
        const values = (json as { pushdown: unknown }).pushdown;
        if (!isPlainObject(values)) throw new CliUsageError(`${pkg}: "pushdown" must be an object of options`);
        return { path: `${pkg}#pushdown`, values };
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readConfig(path: string): Promise<Record<string, unknown>> {
  let values: unknown;
  try {
    if (path.endsWith('.json')) values = JSON.parse(readFileSync(path, 'utf8'));
    else values = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  } catch (err) {
    throw new CliUsageError(`${path}: cannot read it (${(err as Error).message.split('\n')[0]})`);
  }
  if (!isPlainObject(values)) throw new CliUsageError(`${path}: must ${path.endsWith('.json') ? 'hold' : 'export default'} an object of options`);
  return values;
}

// --------------------------------------------------------------------------- merging and checking

export interface Source {
  /** How to name it in a message: `--jobs`, `PUSHDOWN_JOBS`, `jobs in /x/pushdown.config.json`. */
  label: string;
  /** Relative paths are resolved against this folder. */
  base: string;
  from: 'argv' | 'env' | 'config';
}

export interface ResolvedOptions {
  values: Map<string, Value>;
  sources: Map<string, Source>;
}

/** Config keys besides the options': `tiers: ["safe", "review"]` is `unsafe: true`. */
function configToRaw(spec: OptionSpec, v: unknown, label: string): Raw {
  const bad = (what: string) => new CliUsageError(`${label} must be ${what}, got ${JSON.stringify(v)}`);
  switch (spec.kind) {
    case 'flag':
      if (typeof v !== 'boolean') throw bad('true or false');
      return v;
    case 'int':
      if (typeof v === 'number' || typeof v === 'string') return String(v);
      throw bad('a whole number');
    case 'string':
      if (typeof v !== 'string') throw bad('a string');
      return v;
    case 'list':
      if (typeof v === 'string') return [v];
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
      throw bad('a list of strings');
  }
}

function envToRaw(spec: OptionSpec, v: string, label: string): Raw {
  if (spec.kind !== 'flag') return spec.kind === 'list' ? [v] : v;
  if (/^(1|true|yes)$/i.test(v)) return true;
  if (/^(0|false|no|)$/i.test(v)) return false;
  throw new CliUsageError(`${label} must be 1/true or 0/false, got '${v}'`);
}

export function checkValue(spec: OptionSpec, raw: Raw, source: Source): Value {
  const { label } = source;
  switch (spec.kind) {
    case 'flag':
      return raw as boolean;
    case 'int': {
      const text = String(raw).trim();
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      const min = spec.min ?? 0;
      if (!Number.isSafeInteger(n) || n < min) {
        throw new CliUsageError(`${label} must be ${min > 0 ? 'a positive integer' : 'a non-negative integer'}, got '${String(raw)}'`);
      }
      return n;
    }
    case 'string': {
      const text = String(raw);
      const problem = spec.check?.(text);
      if (problem) throw new CliUsageError(`${label}: ${problem}`);
      if (spec.path) {
        const abs = resolve(source.base, text);
        if (spec.creates ? existsSync(abs) && !statSync(abs).isFile() : !existsSync(abs) || !(statSync(abs).isFile() || statSync(abs).isDirectory())) {
          throw new CliUsageError(spec.creates ? `${label}: not a file: ${text}` : `${label}: no such file or folder: ${text}`);
        }
        return abs;
      }
      return text;
    }
    case 'list': {
      const items = (raw as string[]).flatMap((v) => v.split(',')).map((v) => v.trim());
      if (items.length === 0 || items.some((v) => v === '')) {
        throw new CliUsageError(`${label} needs a comma-separated list with no empty entries`);
      }
      for (const item of items) {
        const problem = spec.check?.(item);
        if (problem) throw new CliUsageError(`${label}: ${problem}`);
      }
      return [...new Set(items)];
    }
  }
}

/** Globs from a config file are relative to its folder: made absolute, unless they match anywhere (`*.gen.ts`, `** /x`). */
function configGlob(glob: string, base: string): string {
  if (!glob.includes('/') || glob.startsWith('**/') || glob.startsWith('/')) return glob;
  return `${base.split(sep).join('/')}/${glob.replace(/^\.\//, '')}`;
}

export function resolveOptions(argv: ParsedArgv, config: ConfigFile | undefined, env: NodeJS.ProcessEnv, cwd: string): ResolvedOptions {
  const values = new Map<string, Value>();
  const sources = new Map<string, Source>();
  const configKeys = new Map(OPTIONS.filter((s) => s.config).map((s) => [s.config!, s]));
  if (config) {
    const base = dirname(config.path.replace(/#pushdown$/, ''));
    for (const key of Object.keys(config.values)) {
      if (!configKeys.has(key) && key !== 'tiers') {
        throw new CliUsageError(`${config.path}: unknown key '${key}'${didYouMean(key, [...configKeys.keys(), 'tiers'])}; valid keys: ${[...configKeys.keys(), 'tiers'].join(', ')}`);
      }
    }
    const tiers = config.values.tiers;
    if (tiers !== undefined) {
      const label = `tiers in ${config.path}`;
      if (!Array.isArray(tiers) || !tiers.every((t) => t === 'safe' || t === 'review') || !tiers.includes('safe')) {
        throw new CliUsageError(`${label} must be ["safe"] or ["safe", "review"], got ${JSON.stringify(tiers)}`);
      }
      if (config.values.unsafe !== undefined) throw new CliUsageError(`${config.path}: give tiers or unsafe, not both`);
      config.values.unsafe = tiers.includes('review');
    }
    for (const [key, v] of Object.entries(config.values)) {
      const spec = configKeys.get(key);
      if (!spec || key === 'tiers') continue;
      const source: Source = { label: `${key} in ${config.path}`, base, from: 'config' };
      let value = checkValue(spec, configToRaw(spec, v, source.label), source);
      if (spec.name === 'ignore') value = (value as string[]).map((g) => configGlob(g, base));
      values.set(spec.name, value);
      sources.set(spec.name, source);
    }
  }
  for (const spec of OPTIONS) {
    if (!spec.config) continue;
    const v = env[envName(spec)];
    if (v === undefined) continue;
    const source: Source = { label: envName(spec), base: cwd, from: 'env' };
    values.set(spec.name, checkValue(spec, envToRaw(spec, v, source.label), source));
    sources.set(spec.name, source);
  }
  for (const [name, raw] of argv.values) {
    const spec = OPTIONS.find((s) => s.name === name)!;
    const source: Source = { label: `--${name}`, base: cwd, from: 'argv' };
    values.set(name, checkValue(spec, raw, source));
    sources.set(name, source);
  }
  return { values, sources };
}
