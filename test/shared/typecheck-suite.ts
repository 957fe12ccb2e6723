// `tsc --strict` over every rewrite fixture (input and output) of one ORM,
// against that ORM's real types, with test/tsconfig.fixtures.json (plus any
// options the ORM needs). Emitted code that does not compile is a broken
// rewrite even if it runs.

import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../prisma/setup.js';
import { findRewriteFixtures } from '../fixtures.js';

const CONFIG_PATH = join(REPO_ROOT, 'test', 'tsconfig.fixtures.json');
/** "The 'files' list in config file is empty": the file list comes from the fixtures. */
const EMPTY_FILES_LIST = 18002;
/** The checker is lazy: the first file asked for pays for the whole program. Generous, never a speed assertion. */
const CHECK_TIMEOUT_MS = 120_000;

export function fixtureCompilerOptions(extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  const read = ts.readConfigFile(CONFIG_PATH, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(formatDiagnostics([read.error]));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(CONFIG_PATH), undefined, CONFIG_PATH);
  const errors = parsed.errors.filter((d) => d.code !== EMPTY_FILES_LIST);
  if (errors.length > 0) throw new Error(formatDiagnostics(errors));
  return { ...parsed.options, ...extra };
}

/** `path:line:col - error TS1234: message`, paths relative to the repository. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
      const category = ts.DiagnosticCategory[d.category].toLowerCase();
      if (!d.file || d.start === undefined) return `${category} TS${d.code}: ${message}`;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${relative(REPO_ROOT, d.file.fileName)}:${line + 1}:${character + 1} - ${category} TS${d.code}: ${message}`;
    })
    .join('\n');
}

/** Declares the vitest suite typechecking every rewrite fixture of `orm`. */
export function typecheckRewriteFixtures(orm: string, extra: ts.CompilerOptions = {}): void {
  const fixtures = findRewriteFixtures(orm);
  let program: ts.Program;
  beforeAll(() => {
    program = ts.createProgram({ rootNames: fixtures.flatMap((f) => [f.input, f.output]), options: fixtureCompilerOptions(extra) });
  }, 120_000);

  const diagnosticsFor = (file: string): readonly ts.Diagnostic[] => {
    const sf = program.getSourceFile(file) ?? program.getSourceFiles().find((s) => resolve(s.fileName) === resolve(file));
    if (!sf) throw new Error(`${relative(REPO_ROOT, file)} is not in the program`);
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  };

  describe(`typecheck: ${orm} rewrite fixtures (strict, against the ORM's real types)`, () => {
    test('fixtures are found and compiler options are sound', () => {
      expect(fixtures.length).toBeGreaterThan(0);
      const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
      if (diagnostics.length > 0) expect.fail(formatDiagnostics(diagnostics));
    }, CHECK_TIMEOUT_MS);
    for (const fixture of fixtures) {
      test(fixture.id, () => {
        const diagnostics = [...diagnosticsFor(fixture.input), ...diagnosticsFor(fixture.output)];
        if (diagnostics.length > 0) expect.fail(`${diagnostics.length} type error(s) in ${fixture.id}:\n${formatDiagnostics(diagnostics)}`);
      }, CHECK_TIMEOUT_MS);
    }
  });
}
