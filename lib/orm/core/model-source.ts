/**
 * Is an identifier really the model a plugin's facts name? Facts are keyed by
 * the name code gives a model (`User`), and any other `User` (a cache, an
 * in-memory fake, another library's class) has the same name. A name counts
 * as the model only when the file declares it itself (`declaredHere`), or
 * imports or requires it by that name from a relative module that declares
 * it (read once per path, in the worker). Anything else, including re-exports
 * through an index file and path aliases, is not trusted: a missed rewrite
 * beats a wrong one.
 */
import type { Binding, NodePath } from '@babel/traverse';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const declaredCache = new Map<string, ReadonlySet<string>>();

/** The module a binding was imported or required from, and the name it has there. */
function importedFrom(binding: Binding): { source: string; name: string } | undefined {
  const path = binding.path;
  if (binding.kind === 'module') {
    const decl = path.parentPath?.node;
    if (decl?.type !== 'ImportDeclaration' || decl.importKind === 'type') return undefined;
    const spec = path.node;
    if (spec.type === 'ImportSpecifier') return { source: decl.source.value, name: spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value };
    return undefined; // default or namespace: what the module exports under it is not read
  }
  // const { User } = require('./models') / const User = require('./models').User
  const node = path.node;
  if (node.type !== 'VariableDeclarator' || !node.init) return undefined;
  const init = node.init;
  const requireOf = (e: typeof init): string | undefined =>
    e.type === 'CallExpression' && e.callee.type === 'Identifier' && e.callee.name === 'require' && e.arguments[0]?.type === 'StringLiteral' ? e.arguments[0].value : undefined;
  if (node.id.type === 'ObjectPattern') {
    const source = requireOf(init);
    const prop = node.id.properties.find((p) => p.type === 'ObjectProperty' && p.value.type === 'Identifier' && p.value.name === binding.identifier.name);
    if (!source || !prop || prop.type !== 'ObjectProperty' || prop.computed || prop.key.type !== 'Identifier') return undefined;
    return { source, name: prop.key.name };
  }
  if (init.type === 'MemberExpression' && !init.computed && init.property.type === 'Identifier') {
    const source = requireOf(init.object);
    return source ? { source, name: init.property.name } : undefined;
  }
  return undefined;
}

function moduleFile(fromFile: string, source: string): string | undefined {
  if (!source.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), source);
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`, `${base}/index.ts`, `${base}/index.js`];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}

/**
 * Does `name` at `path` stand for the model named `model`? `declaredHere`
 * says whether the binding's own declaration declares it (a `model(...)`,
 * `define(...)` or `class X extends Model`); `declares(text)` lists the model
 * names a module's text declares.
 */
export function isDeclaredModel(
  path: NodePath,
  name: string,
  filePath: string,
  declaredHere: (binding: Binding) => boolean,
  declares: (text: string) => readonly string[],
): boolean {
  const binding = path.scope.getBinding(name);
  if (!binding) return false;
  if (declaredHere(binding)) return true;
  const from = importedFrom(binding);
  if (!from) return false;
  const file = moduleFile(filePath, from.source);
  if (!file) return false;
  let names = declaredCache.get(file);
  if (!names) {
    try {
      names = new Set(declares(readFileSync(file, 'utf8')));
    } catch {
      names = new Set();
    }
    declaredCache.set(file, names);
  }
  return names.has(from.name);
}
