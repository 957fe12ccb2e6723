/**
 * Adding the imports a rewrite needs (`MoreThan` from one package, `eq` from
 * another) as text edits, so the rest of the file stays byte-identical:
 * - a name already imported from that module (or required from it) needs nothing;
 * - else it joins an existing named import from the module
 *   (`import { A } from 'm'` -> `import { A, X } from 'm'`, also
 *   `const { A } = require('m')`);
 * - else a new import goes after the last import (ES modules) or a
 *   `const { X } = require('m');` after the last top-level require (CommonJS),
 *   or at the top of the file (after directives) when there is none.
 * A name the file already binds to something else is a conflict: the caller
 * must not rewrite (the new code would read the wrong binding).
 */
import type { File, ImportDeclaration, Node, ObjectPattern, Statement, VariableDeclaration } from '@babel/types';
import type { ImportSpec } from './orm/core/types.js';
import type { TextEdit } from './rule.js';

export interface ImportPlan {
  edits: TextEdit[];
  /** Names the file binds at its top level to something other than the import the rewrite needs. */
  conflicts: string[];
}

export function importEdits(source: string, ast: File, filePath: string, wanted: readonly ImportSpec[]): ImportPlan {
  const byModule = new Map<string, string[]>();
  for (const spec of wanted) {
    const names = byModule.get(spec.from) ?? [];
    for (const n of spec.names) if (!names.includes(n)) names.push(n);
    byModule.set(spec.from, names);
  }
  const body = ast.program.body;
  const cjs = isCommonJs(ast, filePath);
  const edits: TextEdit[] = [];
  const conflicts: string[] = [];
  const bound = topLevelNames(body);
  for (const [from, names] of byModule) {
    const missing: string[] = [];
    for (const name of names) {
      const has = importedFrom(body, from, name);
      if (has) continue;
      if (bound.has(name)) conflicts.push(name);
      else missing.push(name);
    }
    if (missing.length === 0) continue;
    const merged = cjs ? mergeIntoRequire(body, from, missing) : mergeIntoImport(source, body, from, missing);
    edits.push(merged ?? newImport(source, ast, from, missing, cjs));
  }
  return { edits, conflicts };
}

/** CommonJS: a .cjs/.cts file, or a .js/.jsx file with no import or export statement that calls require. */
function isCommonJs(ast: File, filePath: string): boolean {
  if (/\.c[jt]s$/.test(filePath)) return true;
  if (!/\.jsx?$/.test(filePath)) return false;
  const body = ast.program.body;
  if (body.some((s) => s.type === 'ImportDeclaration' || s.type.startsWith('Export'))) return false;
  return body.some((s) => requireOf(s) !== undefined);
}

/** `const … = require('m')` at the top level: the module and the declaration's pattern. */
function requireOf(s: Statement): { from: string; decl: VariableDeclaration; pattern: Node } | undefined {
  if (s.type !== 'VariableDeclaration' || s.declarations.length !== 1) return undefined;
  const d = s.declarations[0];
  const init = d.init;
  if (!init || init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const arg = init.arguments[0];
  if (init.arguments.length !== 1 || arg.type !== 'StringLiteral') return undefined;
  return { from: arg.value, decl: s, pattern: d.id };
}

function valueImports(body: Statement[], from: string): ImportDeclaration[] {
  return body.filter((s): s is ImportDeclaration => s.type === 'ImportDeclaration' && s.source.value === from && s.importKind !== 'type' && s.importKind !== 'typeof');
}

function importedFrom(body: Statement[], from: string, name: string): boolean {
  for (const imp of valueImports(body, from)) {
    for (const sp of imp.specifiers) {
      if (sp.type !== 'ImportSpecifier' || sp.importKind === 'type') continue;
      const imported = sp.imported.type === 'Identifier' ? sp.imported.name : sp.imported.value;
      if (imported === name && sp.local.name === name) return true;
    }
  }
  for (const s of body) {
    const req = requireOf(s);
    if (!req || req.from !== from || req.pattern.type !== 'ObjectPattern') continue;
    for (const p of req.pattern.properties) {
      if (p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === name && p.value.type === 'Identifier' && p.value.name === name) return true;
    }
  }
  return false;
}

/** Names the top level binds (imports, declarations). */
function topLevelNames(body: Statement[]): Set<string> {
  const out = new Set<string>();
  const addPattern = (n: Node | null | undefined): void => {
    if (!n) return;
    if (n.type === 'Identifier') out.add(n.name);
    else if (n.type === 'ObjectPattern') n.properties.forEach((p) => addPattern(p.type === 'RestElement' ? p.argument : p.value));
    else if (n.type === 'ArrayPattern') n.elements.forEach((e) => addPattern(e));
    else if (n.type === 'AssignmentPattern') addPattern(n.left);
    else if (n.type === 'RestElement') addPattern(n.argument);
  };
  for (const raw of body) {
    const s = raw.type === 'ExportNamedDeclaration' && raw.declaration ? raw.declaration : raw;
    if (s.type === 'ImportDeclaration') s.specifiers.forEach((sp) => out.add(sp.local.name));
    else if (s.type === 'VariableDeclaration') s.declarations.forEach((d) => addPattern(d.id));
    else if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && s.id) out.add(s.id.name);
    else if (s.type === 'TSEnumDeclaration') out.add(s.id.name);
  }
  return out;
}

function mergeIntoImport(source: string, body: Statement[], from: string, names: string[]): TextEdit | undefined {
  for (const imp of valueImports(body, from)) {
    const named = imp.specifiers.filter((sp) => sp.type === 'ImportSpecifier');
    if (named.length > 0) {
      const sorted = sortedMerge(source, named, names);
      if (sorted) return sorted;
      const last = named[named.length - 1];
      return { start: last.end ?? 0, end: last.end ?? 0, text: `, ${names.join(', ')}` };
    }
    const only = imp.specifiers[0];
    if (imp.specifiers.length === 1 && only.type === 'ImportDefaultSpecifier') {
      return { start: only.end ?? 0, end: only.end ?? 0, text: `, { ${names.join(', ')} }` };
    }
    // `import {} from 'm'`: fill the braces.
    if (imp.specifiers.length === 0) {
      const text = source.slice(imp.start ?? 0, imp.end ?? 0);
      const open = text.indexOf('{');
      const close = text.indexOf('}', open);
      if (open !== -1 && close !== -1) return { start: (imp.start ?? 0) + open, end: (imp.start ?? 0) + close + 1, text: `{ ${names.join(', ')} }` };
    }
  }
  return undefined;
}

/**
 * `import { asc, eq } from 'm'` kept in order: when two or more named imports
 * are sorted and on one line (`, ` between them), the new names go where they sort.
 */
function sortedMerge(source: string, named: ImportDeclaration['specifiers'], names: string[]): TextEdit | undefined {
  const nameOf = (sp: ImportDeclaration['specifiers'][number]) => (sp.type === 'ImportSpecifier' && sp.imported.type === 'Identifier' ? sp.imported.name : sp.local.name);
  const key = (n: string) => n.toLowerCase();
  if (named.length < 2) return undefined; // one name says nothing about order
  const existing = named.map((sp) => ({ key: key(nameOf(sp)), text: source.slice(sp.start ?? 0, sp.end ?? 0) }));
  for (let i = 1; i < named.length; i++) {
    if (existing[i - 1].key > existing[i].key || source.slice(named[i - 1].end ?? 0, named[i].start ?? 0) !== ', ') return undefined;
  }
  const merged = [...existing, ...names.map((n) => ({ key: key(n), text: n }))].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { start: named[0].start ?? 0, end: named[named.length - 1].end ?? 0, text: merged.map((e) => e.text).join(', ') };
}

function mergeIntoRequire(body: Statement[], from: string, names: string[]): TextEdit | undefined {
  for (const s of body) {
    const req = requireOf(s);
    if (!req || req.from !== from || req.pattern.type !== 'ObjectPattern') continue;
    const props = (req.pattern as ObjectPattern).properties;
    if (props.some((p) => p.type === 'RestElement')) continue;
    if (props.length === 0) continue;
    const last = props[props.length - 1];
    return { start: last.end ?? 0, end: last.end ?? 0, text: `, ${names.join(', ')}` };
  }
  return undefined;
}

function newImport(source: string, ast: File, from: string, names: string[], cjs: boolean): TextEdit {
  const body = ast.program.body;
  const quote = quoteStyle(source, body);
  const semi = semicolons(source, body) ? ';' : '';
  const text = cjs
    ? `const { ${names.join(', ')} } = require(${quote}${from}${quote})${semi}`
    : `import { ${names.join(', ')} } from ${quote}${from}${quote}${semi}`;
  const anchors = cjs ? body.filter((s) => requireOf(s) !== undefined) : body.filter((s) => s.type === 'ImportDeclaration');
  const last = anchors[anchors.length - 1];
  if (last) return { start: last.end ?? 0, end: last.end ?? 0, text: `\n${text}` };
  const directives = ast.program.directives;
  if (directives.length > 0) {
    const end = directives[directives.length - 1].end ?? 0;
    return { start: end, end, text: `\n${text}` };
  }
  const first = body[0];
  // Before the first statement, after any comments above it (a license header stays first).
  const at = first ? (first.start ?? 0) : source.length;
  return { start: at, end: at, text: `${text}\n${first ? '\n' : ''}` };
}

function quoteStyle(source: string, body: Statement[]): string {
  for (const s of body) {
    const lit = s.type === 'ImportDeclaration' ? s.source : undefined;
    if (lit) return source.charAt(lit.start ?? 0) === '"' ? '"' : "'";
  }
  return "'";
}

function semicolons(source: string, body: Statement[]): boolean {
  const s = body[0];
  if (!s) return true;
  return source.slice(s.start ?? 0, s.end ?? 0).trimEnd().endsWith(';');
}
