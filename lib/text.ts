/** Source-text helpers: rewrites are text edits, so new code is built from slices of the old. */
import type { Node, ObjectExpression, ObjectProperty } from '@babel/types';

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
 * original formatting, separators and trailing comma. Returns undefined when
 * nothing is kept.
 */
export function objectTextKeeping(source: string, obj: ObjectExpression, keep: (p: ObjectProperty) => boolean): string | undefined {
  const props = obj.properties;
  const kept = props.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && keep(p));
  if (kept.length === 0) return undefined;
  if (kept.length === props.length) return textOf(source, obj);
  const start = obj.start ?? 0;
  const end = obj.end ?? 0;
  const lead = source.slice(start + 1, props[0].start ?? 0);
  const trail = source.slice(props[props.length - 1].end ?? 0, end - 1);
  let body = '';
  kept.forEach((p, i) => {
    body += textOf(source, p);
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

/** A name based on `base` that appears nowhere in the source, so it can collide with no binding. */
export function freshName(source: string, base: string, taken: ReadonlySet<string> = new Set()): string {
  const used = (n: string) => taken.has(n) || new RegExp(`(?<![\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(source);
  if (!used(base)) return base;
  for (let i = 2; ; i++) if (!used(`${base}${i}`)) return `${base}${i}`;
}

/**
 * Move the second and later lines of `text`, cut from a line indented
 * `from`, to a line indented `to`, so a multi-line slice keeps its shape.
 */
export function reindent(text: string, from: string, to: string): string {
  if (from === to || !text.includes('\n')) return text;
  return text.replace(/\n([ \t]*)/g, (_m, ws: string) => '\n' + (ws.startsWith(from) ? to + ws.slice(from.length) : ws));
}
