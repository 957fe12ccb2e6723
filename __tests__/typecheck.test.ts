// Every rewrite fixture (input and output) must typecheck under `strict`
// against the ORM's real types: Prisma's against the generated client, with
// test/tsconfig.fixtures.json; TypeORM's against typeorm, with
// test/tsconfig.typeorm-fixtures.json (its decorator settings).
// Emitted code that does not compile is a broken rewrite even if it runs.
// Must-not-touch inputs (no .output.ts) are not checked: some are
// deliberately not ORM code.

import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { findRewriteFixtures, REPO_ROOT } from '../test/fixtures.js';

/** "The 'files' list in config file is empty": the file list comes from here, not the config. */
const EMPTY_FILES_LIST = 18002;

interface Suite {
  orm: string;
  title: string;
  config: string;
}

const suites: Suite[] = [
  { orm: 'prisma', title: 'Prisma rewrite fixtures (strict, against the generated client)', config: join(REPO_ROOT, 'test', 'tsconfig.fixtures.json') },
  { orm: 'typeorm', title: 'TypeORM rewrite fixtures (strict, decorators, against typeorm)', config: join(REPO_ROOT, 'test', 'tsconfig.typeorm-fixtures.json') },
];

function loadCompilerOptions(configPath: string): ts.CompilerOptions {
  const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(format([read.error]));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
  const errors = parsed.errors.filter((d) => d.code !== EMPTY_FILES_LIST);
  if (errors.length > 0) throw new Error(format(errors));
  return parsed.options;
}

/** `path:line:col - error TS1234: message`, paths relative to the repository. */
function format(diagnostics: readonly ts.Diagnostic[]): string {
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

function diagnosticsFor(program: ts.Program, file: string): readonly ts.Diagnostic[] {
  const sourceFile = program.getSourceFile(file) ?? program.getSourceFiles().find((sf) => resolve(sf.fileName) === resolve(file));
  if (!sourceFile) throw new Error(`${relative(REPO_ROOT, file)} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
}

// loop-to-batches reads a field of the last row of a batch: that must compile
// with noUncheckedIndexedAccess too, which many strict codebases turn on.
// (Other rules' inputs index rows unguarded, so only these outputs are checked.)
const UNCHECKED_INDEX_RULES = new Set(['loop-to-batches']);

for (const suite of suites) {
  const fixtures = findRewriteFixtures(suite.orm);

  describe(`typecheck: ${suite.title}`, () => {
    let program: ts.Program;
    beforeAll(() => {
      program = ts.createProgram({ rootNames: fixtures.flatMap((f) => [f.input, f.output]), options: loadCompilerOptions(suite.config) });
    }, 120_000);

    test('fixtures are found', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });

    test('compiler options and global types are sound', () => {
      const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
      if (diagnostics.length > 0) expect.fail(format(diagnostics));
    });

    for (const fixture of fixtures) {
      test(fixture.id, () => {
        const diagnostics = [...diagnosticsFor(program, fixture.input), ...diagnosticsFor(program, fixture.output)];
        if (diagnostics.length > 0) expect.fail(`${diagnostics.length} type error(s) in ${fixture.id}:\n${format(diagnostics)}`);
      });
    }
  });

  const uncheckedIndexFixtures = fixtures.filter((f) => UNCHECKED_INDEX_RULES.has(f.rule));
  describe(`typecheck: ${suite.orm} loop-to-batches outputs under noUncheckedIndexedAccess`, () => {
    let unchecked: ts.Program;
    beforeAll(() => {
      unchecked = ts.createProgram({ rootNames: uncheckedIndexFixtures.map((f) => f.output), options: { ...loadCompilerOptions(suite.config), noUncheckedIndexedAccess: true } });
    }, 120_000);

    for (const fixture of uncheckedIndexFixtures) {
      test(fixture.id, () => {
        const diagnostics = diagnosticsFor(unchecked, fixture.output);
        if (diagnostics.length > 0) expect.fail(`${diagnostics.length} type error(s) in ${fixture.id}:\n${format(diagnostics)}`);
      });
    }
  });
}
