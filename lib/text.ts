/** Source-text helpers: rewrites are text edits, so new code is built from slices of the old. */
import type { File, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { NodePath } from '@babel/traverse';
import { walkNodes } from './walk.js';

export function textOf(source: string, node: Node): string {
  return source.slice(node.start ?? 0, node.end ?? 0);
}

/** The name of a plain object key (`where`, `'where'`), or undefined for computed keys. */
export function propertyName(prop: ObjectProperty): string | undefined {
  if (prop.computed) return undefined;
  if (prop.key.type === 'Identifier') return prop.key.name;
  if (prop.key.type === 'StringLiteral') return prop.key.value;
  return undefined;
}

/**
 * The text of an object literal keeping only `keep` of its properties, with the
 * original formatting, separators and trailing comma; `replace` may give a kept
 * property new text. Returns undefined when nothing is kept.
 */
export function objectTextKeeping(source: string, obj: ObjectExpression, keep: (p: ObjectProperty) => boolean, replace?: (p: ObjectProperty) => string | undefined): string | undefined {
  const props = obj.properties;
  const kept = props.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && keep(p));
  if (kept.length === 0) return undefined;
  const replaced = replace ? kept.some((p) => replace(p) !== undefined) : false;
  if (kept.length === props.length && !replaced) return textOf(source, obj);
  const start = obj.start ?? 0;
  const end = obj.end ?? 0;
  const lead = source.slice(start + 1, props[0].start ?? 0);
  const trail = source.slice(props[props.length - 1].end ?? 0, end - 1);
  let body = '';
  kept.forEach((p, i) => {
    body += replace?.(p) ?? textOf(source, p);
    if (i < kept.length - 1) {
      const idx = props.indexOf(p);
      const next = props[idx + 1];
      body += idx < props.length - 1 && next ? separatorBetween(source, p, next) : ', ';
    }
  });
  return '{' + lead + body + trail + '}';
}

/** The separator after `a` up to `b`: its comma and whitespace, without comments that belong to `b`. */
function separatorBetween(source: string, a: Node, b: Node): string {
  const between = source.slice(a.end ?? 0, b.start ?? 0);
  const m = /^\s*,[ \t]*(\r?\n[ \t]*)?/.exec(between);
  return m ? m[0] : ', ';
}

/** Add `text` (e.g. `take: 2`) as the last property of an object literal, keeping its layout. */
export function objectTextAdding(source: string, obj: ObjectExpression, text: string): string {
  const props = obj.properties;
  if (props.length === 0) return `{ ${text} }`;
  const last = props[props.length - 1];
  const before = source.slice(obj.start ?? 0, last.end ?? 0);
  const after = source.slice(last.end ?? 0, obj.end ?? 0);
  const firstGap = source.slice((obj.start ?? 0) + 1, props[0].start ?? 0);
  const multiline = firstGap.includes('\n');
  if (multiline) {
    const indent = /\n([ \t]*)$/.exec(firstGap)?.[1] ?? '  ';
    const hasTrailingComma = /^\s*,/.test(after);
    const rest = hasTrailingComma ? after.replace(/^\s*,/, '') : after;
    return `${before},\n${indent}${text}${hasTrailingComma ? ',' : ''}${rest}`;
  }
  const rest = after.replace(/^\s*,/, '');
  return `${before}, ${text}${rest}`;
}

/** The indentation (spaces/tabs) of the line that holds `offset`. */
export function indentAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
}


/**
 * Move the second and later lines of `text`, cut from a line indented
 * `from`, to a line indented `to`, so a multi-line slice keeps its shape.
 */
export function reindent(text: string, from: string, to: string): string {
  if (from === to || !text.includes('\n')) return text;
  return text.replace(/\n([ \t]*)/g, (_m, ws: string) => '\n' + (ws.startsWith(from) ? to + ws.slice(from.length) : ws));
}

/** Every identifier, JSX name and label written in the file: what a new name must not be (comments and strings do not count). */
const namesByAst = new WeakMap<File, Set<string>>();

function namesIn(ast: File): Set<string> {
  const cached = namesByAst.get(ast);
  if (cached) return cached;
  const names = new Set<string>();
  walkNodes(ast.program, (o) => {
    if (o.type === 'Identifier' || o.type === 'JSXIdentifier') names.add(o.name);
  });
  namesByAst.set(ast, names);
  return names;
}

/** Every identifier, JSX name and label written inside `node`. */
function namesWithin(node: Node): Set<string> {
  const names = new Set<string>();
  walkNodes(node, (o) => {
    if (o.type === 'Identifier' || o.type === 'JSXIdentifier') names.add(o.name);
  });
  return names;
}

/** A taken name and where it was declared: `name@start-end` of the function it lives in (no range: the whole file). */
function takenKey(name: string, region: Node | undefined): string {
  return region ? `${name}@${region.start ?? 0}-${region.end ?? 0}` : name;
}

function takenClashes(taken: ReadonlySet<string>, name: string, region: Node | undefined): boolean {
  if (taken.has(name)) return true;
  for (const t of taken) {
    const at = t.lastIndexOf('@');
    if (at === -1 || t.slice(0, at) !== name) continue;
    if (!region) return true;
    const [start, end] = t.slice(at + 1).split('-').map(Number);
    // Nested or the same function: one declaration could capture the other's references.
    if (start < (region.end ?? 0) && (region.start ?? 0) < end) return true;
  }
  return false;
}

/**
 * A name based on `base` that no identifier or label spells (`globals`: names
 * babel's scope reports as unbound, for good measure), so it can collide with
 * no binding. Words in comments and strings do not count.
 *
 * With `at` (where the new declaration goes), only the function around it is
 * searched: a `const` or `let` declared there cannot capture a reference
 * outside it, and every reference inside it is an identifier inside it. So
 * `firstUser` in another function no longer makes this one `firstUser2`.
 * The name is added to `taken` (scoped to that function), so later rewrites
 * of the same pass, which the tree does not show yet, avoid it where it could
 * clash.
 */
export function freshIdentifier(ast: File, base: string, taken: Set<string> = new Set(), globals: Iterable<string> = [], at?: NodePath): string {
  const region = at?.getFunctionParent()?.node;
  const names = region ? namesWithin(region) : namesIn(ast);
  const unbound = new Set(globals);
  const used = (n: string) => takenClashes(taken, n, region) || names.has(n) || unbound.has(n);
  let name = base;
  for (let i = 2; used(name); i++) name = `${base}${i}`;
  taken.add(takenKey(name, region));
  return name;
}

/** How a file writes statements and strings, for code inserted into it. */
export interface SourceStyle {
  /** Does it end statements with `;`? */
  semi: boolean;
  /** The quote its strings use. */
  quote: "'" | '"';
  /** Does a multi-line object or array end with a comma after its last member (prettier's trailingComma)? */
  trailingComma: boolean;
}

const styleByAst = new WeakMap<File, SourceStyle>();

const SEMI_STATEMENTS = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ReturnStatement',
  'BreakStatement',
  'ContinueStatement',
  'ThrowStatement',
  'ImportDeclaration',
  'DoWhileStatement',
]);

/**
 * The file's own style, by majority: statements that may end in `;` (a
 * `for (let ...)` head's declaration does not count) and string literals
 * outside JSX attributes. With no evidence: semicolons and single quotes.
 */
export function sourceStyle(ast: File, source: string): SourceStyle {
  const cached = styleByAst.get(ast);
  if (cached) return cached;
  let withSemi = 0;
  let withoutSemi = 0;
  let single = 0;
  let double = 0;
  let trailing = 0;
  let bare = 0;
  walkNodes(ast.program, (o, parent) => {
    const inForHead = parent !== undefined && (parent.type === 'ForStatement' || parent.type === 'ForOfStatement' || parent.type === 'ForInStatement');
    if (SEMI_STATEMENTS.has(o.type) && !inForHead && o.end != null) {
      if (source[o.end - 1] === ';') withSemi++;
      else withoutSemi++;
    }
    if ((o.type === 'ObjectExpression' || o.type === 'ArrayExpression') && o.start != null && o.end != null) {
      const members = o.type === 'ObjectExpression' ? o.properties : o.elements;
      const last = members[members.length - 1];
      if (last && last.end != null && source.slice(o.start, o.end).includes('\n')) {
        const between = source.slice(last.end, o.end - 1);
        if (between.includes('\n')) {
          if (/^\s*,/.test(between)) trailing++;
          else bare++;
        }
      }
    }
    if (o.type === 'StringLiteral' && parent?.type !== 'JSXAttribute' && o.start != null) {
      if (source[o.start] === "'") single++;
      else if (source[o.start] === '"') double++;
    }
  });
  const style: SourceStyle = { semi: withSemi >= withoutSemi, quote: double > single ? '"' : "'", trailingComma: trailing >= bare };
  styleByAst.set(ast, style);
  return style;
}

/**
 * `{ AND: [a, b] }` for a where value whose property sits on a line indented
 * `at`. When a part spans several lines (each part's text was cut from a line
 * indented `from`), the object is laid out on several lines, one level per
 * bracket (`unit`), and the parts are moved to their new depth.
 */
export function andObjectText(parts: ReadonlyArray<{ text: string; from: string }>, at: string, unit = '  '): string {
  if (!parts.some((p) => p.text.includes('\n'))) return `{ AND: [${parts.map((p) => p.text).join(', ')}] }`;
  const item = at + unit + unit;
  return [
    '{',
    `${at}${unit}AND: [`,
    ...parts.map((p) => `${item}${reindent(p.text, p.from, item)},`),
    `${at}${unit}],`,
    `${at}}`,
  ].join('\n');
}

/**
 * Code quoted in a message, on one line: whitespace collapsed, and a call's
 * arguments cut to `(…)` (then the rest to `…`) when the text is long
 * (`await db.link.update(…)` for a twelve-line call).
 */
export function shortText(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').replace(/([[({]) /g, '$1').replace(/ ([\])}])/g, '$1');
  if (flat.length <= max) return flat;
  if (flat.endsWith(')')) {
    // The last call's argument list: from its matching open parenthesis.
    let depth = 0;
    for (let i = flat.length - 1; i >= 0; i--) {
      if (flat[i] === ')') depth++;
      else if (flat[i] === '(' && --depth === 0) {
        const cut = `${flat.slice(0, i)}(…)`;
        if (cut.length <= max) return cut;
        break;
      }
    }
  }
  return `${flat.slice(0, max - 1)}…`;
}
