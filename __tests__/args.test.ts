/**
 * The CLI reads the common argv shapes without yargs (bin/args.ts parsePlain):
 * wherever that reader answers, yargs, configured as the CLI configures it,
 * gives the same options and paths. Checked over every short sequence of a
 * set of words, tricky ones included.
 */
import { describe, expect, it } from 'vitest';
import { parsePlain, parseWithYargs } from '../bin/args.js';
import { OPTIONS } from '../bin/options.js';

const WORDS = [
  'src',
  'a.ts',
  '--write',
  '--format',
  'json',
  '-t',
  'length-to-count,first-row',
  '--transform',
  '-q',
  '--jobs',
  '1',
  'true',
  'false',
  '--ignore',
  '-',
  '--',
  '',
  '--nope',
  '-z',
  '--format=json',
  '-qh',
  '--no-write',
  '-1',
];

function* sequences(maxLength: number): Generator<string[]> {
  yield [];
  let level: string[][] = [[]];
  for (let n = 1; n <= maxLength; n++) {
    const next: string[][] = [];
    for (const seq of level) for (const w of WORDS) next.push([...seq, w]);
    yield* next;
    level = next;
  }
}

/** What the CLI reads from a parse: each option's value and the paths. */
function shape(words: { named: Record<string, unknown>; positionals: Array<string | number> }) {
  return { named: Object.fromEntries(OPTIONS.filter((s) => words.named[s.name] !== undefined).map((s) => [s.name, words.named[s.name]])), positionals: words.positionals.map(String) };
}

describe('argv without yargs', () => {
  it('agrees with yargs wherever it answers, and leaves the odd shapes to yargs', async () => {
    let answered = 0;
    let declined = 0;
    for (const argv of sequences(3)) {
      const plain = parsePlain(argv);
      if (plain === undefined) {
        declined++;
        continue;
      }
      answered++;
      expect(shape(plain), argv.join(' ')).toEqual(shape(await parseWithYargs(argv)));
    }
    // Both kinds occur among these words; neither branch is vacuous.
    expect(answered).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(1000);
  }, 120_000);

  it('reads the everyday command lines itself', () => {
    for (const argv of [[], ['.'], ['src', '--format', 'json'], ['--write', '-t', 'length-to-count', 'apps/web'], ['--help'], ['--version'], ['-q', '--check', '--jobs', '2']]) {
      expect(parsePlain(argv), argv.join(' ')).toBeDefined();
    }
    expect(parsePlain(['--format', 'json', '--format', 'pretty'])?.named.format).toEqual(['json', 'pretty']);
  });

  it('leaves to yargs what it does not read', () => {
    for (const argv of [['--format=json'], ['--', '-x'], ['-qh'], ['--write', 'true'], ['--format'], ['--format', '-q'], ['--nope'], [''], ['-']]) {
      expect(parsePlain(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
