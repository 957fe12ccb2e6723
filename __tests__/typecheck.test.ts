// Every rewrite fixture (input and output) must typecheck under `strict`
// against its ORM's real types (the generated Prisma client; MikroORM's
// packages and test/mikro-orm/entities.ts), with test/tsconfig.fixtures.json.
// Emitted code that does not compile is a broken rewrite even if it runs.
// Must-not-touch inputs (no .output.ts) are not checked: some are
// deliberately not ORM code.

import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { findRewriteFixtures, REPO_ROOT } from '../test/fixtures.js';
import { fixtureCompilerOptions, formatDiagnostics } from '../test/shared/typecheck-suite.js';

/** The first file checked pays for the program's global types (MikroORM's are heavy): generous, never a measure. */
const CHECK_TIMEOUT_MS = 120_000;

/** The ORMs whose rewrite fixtures are typechecked, each against its real types. */
const TYPECHECKED_ORMS = ['prisma', 'mikro-orm'];
const fixtures = TYPECHECKED_ORMS.flatMap((orm) => findRewriteFixtures(orm));

const loadCompilerOptions = (): ts.CompilerOptions => fixtureCompilerOptions();
const format = formatDiagnostics;

let program: ts.Program;

beforeAll(() => {
  program = ts.createProgram({
    rootNames: fixtures.flatMap((f) => [f.input, f.output]),
    options: loadCompilerOptions(),
  });
}, 120_000);

function diagnosticsFor(file: string): readonly ts.Diagnostic[] {
  const sourceFile = program.getSourceFile(file) ?? program.getSourceFiles().find((sf) => resolve(sf.fileName) === resolve(file));
  if (!sourceFile) throw new Error(`${relative(REPO_ROOT, file)} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
}

describe('typecheck: rewrite fixtures (strict, against each ORM\'s real types)', () => {
  test('compiler options and global types are sound', () => {
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    if (diagnostics.length > 0) expect.fail(format(diagnostics));
  });

  for (const fixture of fixtures) {
    test(fixture.id, () => {
      const diagnostics = [...diagnosticsFor(fixture.input), ...diagnosticsFor(fixture.output)];
      if (diagnostics.length > 0) expect.fail(`${diagnostics.length} type error(s) in ${fixture.id}:\n${format(diagnostics)}`);
    }, CHECK_TIMEOUT_MS);
  }
});

// loop-to-batches reads a field of the last row of a batch: that must compile
// with noUncheckedIndexedAccess too, which many strict codebases turn on.
// (Other rules' inputs index rows unguarded, so only these outputs are checked.)
const UNCHECKED_INDEX_RULES = new Set(['loop-to-batches']);
const uncheckedIndexFixtures = fixtures.filter((f) => UNCHECKED_INDEX_RULES.has(f.rule));

describe('typecheck: loop-to-batches outputs under noUncheckedIndexedAccess', () => {
  let unchecked: ts.Program;
  beforeAll(() => {
    unchecked = ts.createProgram({ rootNames: uncheckedIndexFixtures.map((f) => f.output), options: { ...loadCompilerOptions(), noUncheckedIndexedAccess: true } });
  }, 120_000);

  for (const fixture of uncheckedIndexFixtures) {
    test(fixture.id, () => {
      const sourceFile = unchecked.getSourceFile(fixture.output) ?? unchecked.getSourceFiles().find((sf) => resolve(sf.fileName) === resolve(fixture.output));
      if (!sourceFile) throw new Error(`${relative(REPO_ROOT, fixture.output)} is not in the program`);
      const diagnostics = [...unchecked.getSyntacticDiagnostics(sourceFile), ...unchecked.getSemanticDiagnostics(sourceFile)];
      if (diagnostics.length > 0) expect.fail(`${diagnostics.length} type error(s) in ${fixture.id}:\n${format(diagnostics)}`);
    }, CHECK_TIMEOUT_MS);
  }
});
