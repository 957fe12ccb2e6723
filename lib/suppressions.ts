/**
 * Suppression comments, read from a file's original AST:
 *
 *   // pushdown-ignore-next-line [rule ...] -- reason
 *   /* pushdown-ignore-file [rule ...] *\/
 *
 * With no rule named, every rule is silenced. A next-line comment covers the
 * line after it and, when a statement starts on that line, the whole
 * statement (a load spread over several lines is one thing to silence). A
 * silenced rule neither reports findings there nor edits the code. A comment
 * that silenced nothing is reported, as ESLint's
 * `--report-unused-disable-directives` does.
 */
import type { NodePath } from '@babel/traverse';
import type { Comment, File, Statement } from '@babel/types';
import { babelTraverse } from './babel.js';

export interface Directive {
  kind: 'next-line' | 'file';
  /** Rule ids it names; empty = every rule. */
  rules: string[];
  reason?: string;
  /** Where the comment is (1-based). */
  line: number;
  column: number;
  /** Original-text range it covers (the whole file for a file directive). */
  start: number;
  end: number;
  /** Did it silence anything? */
  used: boolean;
}

const DIRECTIVE = /^\s*\*?\s*pushdown-ignore-(next-line|file)\b([^]*)$/;

/** The directives in a file. Cheap when there are none: the comments are scanned only if the text names one. */
export function readDirectives(ast: File, source: string): Directive[] {
  if (!source.includes('pushdown-ignore-')) return [];
  const out: Directive[] = [];
  const nextLines: { directive: Directive; line: number }[] = [];
  for (const c of (ast.comments ?? []) as Comment[]) {
    const m = DIRECTIVE.exec(c.value);
    if (!m || c.loc === undefined || c.loc === null) continue;
    const kind = m[1] as Directive['kind'];
    const [names, ...why] = m[2].replace(/\*\/?\s*$/, '').split(/\s--\s?/);
    const rules = names
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const reason = why.join(' -- ').trim() || undefined;
    const directive: Directive = {
      kind,
      rules,
      ...(reason ? { reason } : {}),
      line: c.loc.start.line,
      column: c.loc.start.column + 1,
      start: 0,
      end: source.length,
      used: false,
    };
    if (kind === 'next-line') {
      const line = c.loc.end.line + 1;
      const start = lineStart(source, line);
      directive.start = start;
      directive.end = lineEnd(source, start);
      nextLines.push({ directive, line });
    }
    out.push(directive);
  }
  if (nextLines.length > 0) widenToStatements(ast, nextLines);
  return out;
}

/** A next-line directive above the first line of a statement covers the whole statement. */
function widenToStatements(ast: File, pending: { directive: Directive; line: number }[]): void {
  const byLine = new Map<number, Directive[]>();
  for (const p of pending) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.directive]);
  babelTraverse().traverse(ast, {
    Statement(path: NodePath<Statement>) {
      const n = path.node;
      const line = n.loc?.start.line;
      if (line === undefined) return;
      for (const d of byLine.get(line) ?? []) {
        // The outermost statement that starts on the line wins (pre-order: it is met first).
        if (d.end < (n.end ?? 0) && d.start <= (n.start ?? 0)) d.end = n.end ?? d.end;
      }
    },
  });
}

function lineStart(source: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', at);
    if (nl === -1) return source.length;
    at = nl + 1;
  }
  return at;
}

function lineEnd(source: string, start: number): number {
  const nl = source.indexOf('\n', start);
  return nl === -1 ? source.length : nl;
}

/** The directive that silences `rule` at an original-text offset, marked used; undefined when none does. */
export function suppressing(directives: readonly Directive[], rule: string, offset: number): Directive | undefined {
  for (const d of directives) {
    if (d.rules.length > 0 && !d.rules.includes(rule)) continue;
    if (offset < d.start || offset > d.end) continue;
    d.used = true;
    return d;
  }
  return undefined;
}

/**
 * Directives worth reporting as unused: they silenced nothing, and every rule
 * they name ran (a comment for a rule left out with -t is not stale). A
 * directive naming no rule is judged only when every rule ran.
 */
export function unusedDirectives(directives: readonly Directive[], ranRules: ReadonlySet<string>, allRulesRan: boolean): Directive[] {
  return directives.filter((d) => !d.used && (d.rules.length === 0 ? allRulesRan : d.rules.every((r) => ranRules.has(r))));
}

export function describeDirective(d: Directive): string {
  const names = d.rules.length > 0 ? ` ${d.rules.join(' ')}` : '';
  return `pushdown-ignore-${d.kind}${names}`;
}
