/**
 * Runs rules on one source text: parse once, every rule on that AST in
 * registry order, their rewrites applied as text edits, the output re-parsed.
 *
 * A rule's accepted edits are applied before the next rule runs (the file is
 * re-parsed only then), so filter-to-where's narrowed query is what
 * length-to-count sees. A rewrite that overlaps one already accepted is retried
 * in a second pass, as ESLint does with overlapping fixes.
 */
import type { NodePath, TraverseOptions } from '@babel/traverse';
import type { File, Node, Program } from '@babel/types';
import { importEdits } from './imports.js';
import { parseSource, SourceParseError } from './parse.js';
import { mayAct, type FindingDetails, type Rewrite, type Rule, type RuleContext, type RuleOptions, type TextEdit } from './rule.js';
import type { EditRecord, EditTier, FindingRecord } from './types.js';
import { fingerprint } from './fingerprint.js';
import { describeDirective, readDirectives, suppressing, unusedDirectives } from './suppressions.js';
import { babelTraverse, visitorKeys, type BabelTraverse } from './babel.js';
import { installCrawl } from './crawl.js';
import type { StageClock } from './runner/timing.js';

export interface EngineOptions {
  rules: readonly Rule[];
  ruleOptions: RuleOptions;
  /** Tiers whose rewrites are applied; the others are only reported. */
  applyTiers: ReadonlySet<EditTier>;
  /**
   * Every rule id there is. Given, `pushdown-ignore` comments that silenced
   * nothing, or name a rule that does not exist, are reported (as findings of
   * the pseudo-rule `pushdown-ignore`); a comment naming no rule is judged only
   * when every rule ran. Not given (a lone jscodeshift transform), they are not.
   */
  allRuleIds?: readonly string[];
  /**
   * The caller gives up the tree it passes (or has none): every tree of the run is taken apart
   * (takeApart) as soon as the run is done with it (the one before a re-parse then, the last when the run
   * ends), so that its garbage dies young. Only for a caller that keeps no node.
   */
  releaseTrees?: boolean;
  /** --timing: where the time goes (crawl, each rule, re-parses, taking trees apart). */
  clock?: StageClock;
}

export interface EngineResult {
  output: string;
  edits: EditRecord[];
  findings: FindingRecord[];
  /** Findings and edits a `pushdown-ignore` comment silenced. */
  suppressed: number;
  /** The accepted splices, batch by batch, each sorted and in offsets of the text before it (inserted text not yet given the file's line ending): the diff reads them instead of searching. */
  batches: TextEdit[][];
}

/** The pseudo-rule unused or mistaken suppression comments are reported under. */
export const SUPPRESSION_RULE = 'pushdown-ignore';

/** The rewritten text did not parse: a bug in a rule. Never written. */
export class InvalidOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOutputError';
  }
}

const MAX_PASSES = 4;

let traverse: BabelTraverse['traverse'] | undefined;
/** Where a node keeps its child NodePaths (see babel() below). */
const CHILD_PATHS = Symbol('pushdown.childPaths');

/**
 * @babel/traverse with pushdown's four changes to it (below), loaded and set
 * up on the first file analysed: the rule modules (hence this one) are loaded
 * by runs that analyse nothing, such as one answered whole from the --cache.
 */
function babel(): BabelTraverse['traverse'] {
  if (traverse) return traverse;
  const lib = babelTraverse();
  const { Scope } = lib;
  // TypeScript lets a type-only import and a value share a name (`import { User }`
  // used as a type, `const User = ...`); babel's scope tracker throws "Duplicate
  // declaration" on it. pushdown compiles nothing, so it takes the second
  // declaration as a reassignment instead: the binding is then not constant, and
  // rules decline anything that depends on it.
  Scope.prototype.checkBlockScopedCollisions = function ignoreCollisions(): void {};

  // babel's Binding.reference checks `referencePaths.includes(path)` before adding one: a name referenced
  // 47,000 times in one file (a client, an accumulator) costs a quadratic crawl. Same checks, with a Set
  // once the list is long. Binding is not exported: its class is taken from a binding of a tiny program.
  type BindingLike = { referencePaths: NodePath[]; referenced: boolean; references: number; [REFERENCE_SET]?: { of: NodePath[]; paths: Set<NodePath> } };
  const REFERENCE_SET = Symbol('pushdown.referenceSet');
  const BindingClass = ((): { prototype: { reference(path: NodePath): void } } => {
    let cls: unknown;
    lib.traverse(parseSource('let a;', 'binding.ts'), {
      Program(path: NodePath<Program>) {
        cls = path.scope.getBinding('a')?.constructor;
        path.stop();
      },
    });
    return cls as { prototype: { reference(path: NodePath): void } };
  })();
  BindingClass.prototype.reference = function reference(this: BindingLike, path: NodePath): void {
    const refs = this.referencePaths;
    if (refs.length < 16) {
      if (refs.includes(path)) return;
    } else {
      let known = this[REFERENCE_SET];
      // Rebuilt when something else changed the list (babel itself only adds through here).
      if (!known || known.of !== refs || known.paths.size !== refs.length) known = this[REFERENCE_SET] = { of: refs, paths: new Set(refs) };
      if (known.paths.has(path)) return;
      known.paths.add(path);
    }
    this.referenced = true;
    this.references++;
    refs.push(path);
  };

  // babel keeps each parent node's child NodePaths in a WeakMap keyed by the node. A crawl puts every parent
  // node of the file in it, and V8 handles weak-map entries apart in every collection, scavenges included:
  // on a 6 MB file the crawl's share of garbage collection fell by about a fifth with the list kept on the
  // node itself, under a symbol (invisible to for-in, JSON and the trees' printers). Same lookups, same
  // paths. Skipped, leaving babel's own, if this babel's cache module does not look as expected.
  type PathsCache = { getCachedPaths(path: { parent: object }): Map<Node, NodePath> | undefined; getOrCreateCachedPaths(node: object, parentPath?: unknown): Map<Node, NodePath> };
  const babelCache = (lib.traverse as unknown as { cache?: Partial<PathsCache> }).cache;
  if (babelCache && typeof babelCache.getCachedPaths === 'function' && typeof babelCache.getOrCreateCachedPaths === 'function') {
    type Holder = { [CHILD_PATHS]?: Map<Node, NodePath> };
    babelCache.getCachedPaths = (path) => (path.parent as Holder)[CHILD_PATHS];
    babelCache.getOrCreateCachedPaths = (node) => {
      const holder = node as Holder;
      let paths = holder[CHILD_PATHS];
      if (!paths) {
        paths = new Map();
        Object.defineProperty(holder, CHILD_PATHS, { value: paths, writable: true, configurable: true, enumerable: false });
      }
      return paths;
    };
  }
  // The Program crawl walked by pushdown (lib/crawl.ts): the same scopes, bindings and paths, without
  // @babel/traverse's general traversal.
  installCrawl({ default: lib.traverse, NodePath: lib.NodePath, Scope: lib.Scope } as unknown as Parameters<typeof installCrawl>[0]);
  traverse = lib.traverse;
  return traverse;
}

// Taking each file's tree apart when its run ends (EngineOptions.releaseTrees). V8's young-generation
// collector (the scavenger) counts as roots pointers a full collection would not: from old objects dead
// or alive, and weak ones (type feedback, weak-map values) as strong. Some such pointer reaches into each
// file's tree (without optimised code, --no-opt, half as much survived), and through it all its nodes,
// NodePaths, scopes and bindings hang together: with a file's work done and nothing of it kept, 35-50 % of
// what it allocated was still "alive" at the next scavenge (measured on dub), so it was copied,
// promoted, and filled the old generation until a full collection, whose timing made peak RSS vary
// 134-261 MiB between identical runs. With the links cut, such a pointer holds one empty object.
// dub, --jobs 1, 6 alternated runs (with bin/pushdown.ts no longer capping the young generation):
// scavenges 0.8-1.7 s -> 0.1 s, CPU 5.2 -> 4.1 s (median), peak RSS 134-261 -> 121-122 MiB.
/**
 * Cuts the links of a tree: its nodes' children and child lists, and the NodePaths, scopes and bindings
 * babel made for it (their fields named as in @babel/traverse 7; a field it adds later is left, which
 * costs only some of the gain). Walks the visitor keys, as the crawl does: ~0.1 s over dub's 375 trees.
 */
export function takeApart(root: File): void {
  const keys = visitorKeys();
  const stack: object[] = [root];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      value.length = 0;
      continue;
    }
    const node = value as Record<string, unknown> & { [CHILD_PATHS]?: Map<Node, NodePath> };
    const type = node.type;
    // Already taken apart (comments are shared by the nodes around them), or not a node.
    if (typeof type !== 'string') continue;
    const paths = node[CHILD_PATHS];
    if (paths !== undefined) {
      for (const path of paths.values()) emptyPath(path as unknown as PathFields);
      node[CHILD_PATHS] = undefined;
    }
    node.type = null;
    for (const key of keys[type] ?? []) {
      const child = node[key];
      if (child !== null && typeof child === 'object') {
        stack.push(child);
        node[key] = null;
      }
    }
  }
}

type Fields<K extends string> = Record<K, unknown>;
type BindingFields = Fields<'identifier' | 'scope' | 'path' | 'referencePaths' | 'constantViolations'>;
type ScopeFields = Fields<'path' | 'block' | 'references' | 'globals' | 'uids' | 'data' | 'labels'> & { bindings: Record<string, BindingFields> | null };
type PathFields = Fields<'node' | 'parent' | 'parentPath' | 'container' | 'hub' | 'context' | 'contexts' | 'state' | 'opts' | 'data'> & { scope: ScopeFields | null | undefined };

function emptyPath(path: PathFields): void {
  const scope = path.scope;
  if (scope && scope.bindings !== null) {
    for (const name in scope.bindings) {
      // babel leaves a class scope's own name unbound (undefined) when the class registers no binding (`declare class`).
      const b = scope.bindings[name] as BindingFields | undefined;
      if (b) b.identifier = b.scope = b.path = b.referencePaths = b.constantViolations = null;
    }
    scope.bindings = null;
    scope.path = scope.block = scope.references = scope.globals = scope.uids = scope.data = scope.labels = null;
  }
  path.node = path.parent = path.parentPath = path.container = path.scope = path.hub = null;
  path.context = path.contexts = path.state = path.opts = path.data = null;
}

const programCache = new WeakMap<File, NodePath<Program>>();

/** The Program path of a tree, with its scopes crawled once and shared by every rule that reads that tree. */
export function programPath(ast: File): NodePath<Program> {
  const hit = programCache.get(ast);
  if (hit) return hit;
  const state: { found?: NodePath<Program> } = {};
  babel()(ast, FIND_PROGRAM as TraverseOptions, undefined, state);
  const found = state.found;
  if (!found) throw new Error('no Program node');
  programCache.set(ast, found);
  return found;
}

/** One visitor for every tree: babel prepares (explodes and checks) a visitor object once, not per call. */
const FIND_PROGRAM = {
  Program(path: NodePath<Program>, state: { found?: NodePath<Program> }) {
    state.found = path;
    path.stop();
  },
};

/** `source` has no BOM. Throws SourceParseError when the input does not parse. */
export function transformSource(source: string, filePath: string, opts: EngineOptions, ast?: File): EngineResult {
  // Set up before anything (suppression comments included) makes a NodePath.
  if (opts.clock && !traverse) opts.clock.time('load', babel);
  else babel();
  if (opts.releaseTrees !== true) return runRules(source, filePath, opts, ast);
  const held: HeldTree = {};
  try {
    return runRules(source, filePath, opts, ast, held);
  } finally {
    if (held.tree) release(held.tree, opts.clock);
  }
}

function release(tree: File, clock: StageClock | undefined): void {
  if (clock) clock.time('release', () => takeApart(tree));
  else takeApart(tree);
}

/** The one tree of a run not yet taken apart (EngineOptions.releaseTrees). */
interface HeldTree {
  tree?: File;
}

function runRules(source: string, filePath: string, opts: EngineOptions, ast: File | undefined, held?: HeldTree): EngineResult {
  const eol = detectEol(source);
  const original = lineIndex(source);
  const batches: TextEdit[][] = [];
  const seen = new Set<string>();
  const edits: EditRecord[] = [];
  const findings: FindingRecord[] = [];
  /** Each finding's code, in offsets of the text after `batch` batches: fingerprinted at the end, on the output. */
  const anchors: { record: FindingRecord; span: Span; batch: number }[] = [];
  let text = source;
  let tree = ast ?? parseSource(source, filePath);
  if (held) held.tree = tree;
  const directives = readDirectives(tree, source);
  let suppressed = 0;
  /** Is this rule silenced at this offset of the current text? Counts it once per distinct report. */
  const silenced = (ruleId: string, offset: number) => directives.length > 0 && suppressing(directives, ruleId, toOriginalOffset(batches, offset)) !== undefined;

  const position = (offset: number) => original.position(toOriginalOffset(batches, offset));
  /** Text that applied review-tier edits produced, in current-text offsets. */
  let reviewSpans: Span[] = [];

  const clock = opts.clock;
  /** --timing: the crawl's time so far, taken out of the rule that paid it. */
  let crawlMs = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let retry = false;
    for (const rule of opts.rules) {
      // Words the rule needs absent: it would find nothing, and reading its loads could cost a crawl of a re-parsed tree.
      if (!mayAct(rule, text)) continue;
      const accepted: TextEdit[] = [];
      const acceptedByStart: TextEdit[] = [];
      const acceptedReview = new Set<TextEdit>();
      const currentTree = tree;
      const currentText = text;
      const ctx: RuleContext = {
        ruleId: rule.meta.id,
        source: currentText,
        filePath,
        ast: currentTree,
        // Scopes are crawled on first use only: a tree no rule looks into costs its parse alone.
        get program() {
          if (!clock) return programPath(currentTree);
          const t0 = performance.now();
          const program = programPath(currentTree);
          crawlMs += performance.now() - t0;
          return program;
        },
        options: opts.ruleOptions,
        text: (node: Node) => currentText.slice(node.start ?? 0, node.end ?? 0),
        rewrite(proposed: Rewrite): boolean {
          const hooks = opts.ruleOptions.queryHooks;
          let rw = hooks && proposed.tier === 'safe' ? withHooksCaveat(proposed, hooks) : proposed;
          // Only the rewrite's own code can rest on a review edit: an import merged into a line a review edit also extended does not.
          if (rw.tier === 'safe' && rw.edits.some((e) => reviewSpans.some((r) => e.start <= r.end && r.start <= e.end))) rw = restingOnReview(rw);
          if (rw.imports && rw.imports.length > 0) {
            const plan = importEdits(currentText, currentTree, filePath, rw.imports);
            if (plan.conflicts.length > 0) {
              const names = plan.conflicts.map((n) => `\`${n}\``).join(', ');
              ctx.finding(rw.node, `${rw.message}; but the rewrite needs ${names}, which this file already names otherwise, so it was not made. Fix: rename the local ${names} and run pushdown again`, { messageId: 'import-conflict' });
              return false;
            }
            // The same import another rewrite of this pass already adds is added once.
            const fresh = plan.edits.filter((e) => !accepted.some((a) => a.start === e.start && a.end === e.end && a.text === e.text));
            rw = { ...rw, edits: [...rw.edits, ...fresh] };
          }
          if (silenced(rule.meta.id, rw.node.start ?? 0)) {
            const key = `s|${rule.meta.id}|${rw.node.start}|${rw.message}`;
            if (!seen.has(key)) {
              seen.add(key);
              suppressed++;
            }
            return false;
          }
          const apply = opts.applyTiers.has(rw.tier);
          if (apply && (selfOverlaps(rw.edits) || rw.edits.some((e) => overlapsAny(acceptedByStart, e)))) {
            retry = true;
            return false;
          }
          const { line, column } = position(rw.node.start ?? 0);
          const key = `e|${rule.meta.id}|${line}|${column}|${rw.tier}|${rw.message}`;
          if (!seen.has(key)) {
            seen.add(key);
            edits.push({ rule: rule.meta.id, tier: rw.tier, line, column, message: rw.message, applied: apply });
          }
          if (apply) {
            accepted.push(...rw.edits);
            for (const e of rw.edits) acceptedByStart.splice(firstStartingAtOrAfter(acceptedByStart, e.start + 1), 0, e);
            if (rw.tier === 'review') rw.edits.forEach((e) => acceptedReview.add(e));
          }
          return apply;
        },
        finding(node: Node, message: string, details: FindingDetails): void {
          const { line, column } = position(node.start ?? 0);
          const key = `f|${rule.meta.id}|${line}|${column}|${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          if (silenced(rule.meta.id, node.start ?? 0)) {
            suppressed++;
            return;
          }
          const anchor = details.anchor ?? node;
          const record: FindingRecord = {
            rule: rule.meta.id,
            messageId: details.messageId,
            severity: details.severity ?? 'error',
            line,
            column,
            ...splitSuggestion(message, details.suggestion),
            fingerprint: '',
          };
          findings.push(record);
          anchors.push({ record, span: { start: anchor.start ?? 0, end: anchor.end ?? 0 }, batch: batches.length });
        },
      };
      if (clock) {
        const t0 = performance.now();
        const crawlBefore = crawlMs;
        rule.apply(ctx);
        const crawled = crawlMs - crawlBefore;
        clock.add('crawl', crawled);
        clock.add(`rule:${rule.meta.id}`, performance.now() - t0 - crawled);
      } else rule.apply(ctx);
      if (accepted.length === 0) continue;
      const sorted = sortEdits(accepted);
      text = applyEdits(text, sorted, eol);
      batches.push(sorted);
      reviewSpans = [...reviewSpans.map((r) => mapSpan(sorted, r)), ...insertedSpans(sorted, acceptedReview)];
      let next: File;
      try {
        next = clock ? clock.time('reparse', () => parseSource(text, filePath)) : parseSource(text, filePath);
      } catch (err) {
        const e = err as SourceParseError;
        throw new InvalidOutputError(
          `rule ${rule.meta.id} produced code that does not parse (${e.message}); the file was left alone. This is a pushdown bug: please report it.`,
        );
      }
      // No rule reads the tree before again: taken apart now, a file that several rules rewrite holds one
      // tree at a time, not one per rewriting rule (trigger.dev's peak RSS 177-180 -> 149-152 MiB).
      if (held) {
        release(tree, clock);
        held.tree = next;
      }
      tree = next;
    }
    if (!retry) break;
  }
  // A finding is fingerprinted by its code as the output has it: a later edit (a select added to the load) must not make it new on the next run.
  for (const { record, span, batch } of anchors) {
    let at = span;
    for (let b = batch; b < batches.length; b++) at = mapSpan(batches[b], at);
    record.fingerprint = fingerprint(record.rule, text.slice(at.start, at.end));
  }
  if (opts.allRuleIds) findings.push(...suppressionProblems(directives, opts, source));
  edits.sort(byPosition);
  findings.sort(byPosition);
  return { output: text, edits, findings, suppressed, batches };
}

/** `what. Fix: how.` becomes message `what.` and suggestion `how.`, unless the rule gave its suggestion apart. */
function splitSuggestion(message: string, suggestion: string | undefined): { message: string; suggestion?: string } {
  if (suggestion !== undefined) return { message, suggestion };
  const at = message.indexOf(' Fix: ');
  if (at === -1) return { message };
  return { message: message.slice(0, at), suggestion: message.slice(at + ' Fix: '.length) };
}

/** Suppression comments that silenced nothing, or name rules that do not exist. */
function suppressionProblems(directives: ReturnType<typeof readDirectives>, opts: EngineOptions, source: string): FindingRecord[] {
  if (directives.length === 0) return [];
  const known = new Set(opts.allRuleIds);
  const ran = new Set(opts.rules.map((r) => r.meta.id));
  const out: FindingRecord[] = [];
  const record = (d: (typeof directives)[number], messageId: string, message: string, suggestion: string): FindingRecord => ({
    rule: SUPPRESSION_RULE,
    messageId,
    severity: 'error',
    line: d.line,
    column: d.column,
    message,
    suggestion,
    fingerprint: fingerprint(SUPPRESSION_RULE, `${describeDirective(d)}\n${source.slice(d.start, d.end)}`),
  });
  for (const d of directives) {
    const unknown = d.rules.filter((r) => !known.has(r));
    if (unknown.length > 0) {
      out.push(record(d, 'unknown-rule', `\`${describeDirective(d)}\` names ${unknown.map((u) => `\`${u}\``).join(', ')}, which is not a pushdown rule.`, `name rules from \`pushdown --list\`: ${[...known].join(', ')}.`));
    }
  }
  const allRan = opts.allRuleIds !== undefined && opts.allRuleIds.every((id) => ran.has(id));
  for (const d of unusedDirectives(directives, ran, allRan)) {
    if (d.rules.some((r) => !known.has(r))) continue;
    const where = d.kind === 'file' ? 'this file' : 'the line after it';
    out.push(record(d, 'unused-suppression', `\`${describeDirective(d)}\` silences nothing: no ${d.rules.length > 0 ? d.rules.join(' or ') : 'pushdown'} finding or edit on ${where}.`, 'remove the comment.'));
  }
  return out;
}

/** Per-operation hooks may not run for the operation a rewrite switches to: `caveat` says so, in the ORM's words. */
function withHooksCaveat(rw: Rewrite, caveat: string): Rewrite {
  return { ...rw, tier: 'review', message: `${rw.message}. ${caveat}` };
}

interface Span {
  start: number;
  end: number;
}

/** A safe rewrite of code that a review edit wrote is only as safe as that edit: --write alone makes neither. */
function restingOnReview(rw: Rewrite): Rewrite {
  return { ...rw, tier: 'review', message: `${rw.message} (it rewrites code a review-tier edit produced, so it comes with that edit)` };
}

/** Where an offset of the text before `sorted` was applied lands after; inside a replaced range, its start (or end). */
function mapOffset(sorted: readonly TextEdit[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of sorted) {
    if (offset < e.start || (offset === e.start && side === 'start')) break;
    if (offset < e.end || (offset === e.end && side === 'start')) return e.start + delta + (side === 'end' ? e.text.length : 0);
    delta += e.text.length - (e.end - e.start);
  }
  return offset + delta;
}

function mapSpan(sorted: readonly TextEdit[], span: Span): Span {
  return { start: mapOffset(sorted, span.start, 'start'), end: mapOffset(sorted, span.end, 'end') };
}

/** The new text written by the given edits, in offsets of the text after the batch. */
function insertedSpans(sorted: readonly TextEdit[], which: ReadonlySet<TextEdit>): Span[] {
  const spans: Span[] = [];
  let delta = 0;
  for (const e of sorted) {
    const start = e.start + delta;
    if (which.has(e)) spans.push({ start, end: start + e.text.length });
    delta += e.text.length - (e.end - e.start);
  }
  return spans;
}

function byPosition(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Index of the first edit (sorted by start) starting at or after offset. */
function firstStartingAtOrAfter(sorted: readonly TextEdit[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does e overlap any of these non-overlapping edits (sorted by start)? Looks only at its neighbours, so a file with thousands of rewrites stays linear. */
function overlapsAny(sorted: readonly TextEdit[], e: TextEdit): boolean {
  const at = firstStartingAtOrAfter(sorted, e.start);
  for (let k = at; k < sorted.length && (sorted[k].start < e.end || sorted[k].start === e.start); k++) if (overlaps(sorted[k], e)) return true;
  for (let k = at - 1; k >= 0 && sorted[k].end > e.start; k--) if (overlaps(sorted[k], e)) return true;
  return false;
}

function selfOverlaps(list: TextEdit[]): boolean {
  const sorted = sortEdits(list);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return true;
  return false;
}

function sortEdits(list: TextEdit[]): TextEdit[] {
  return list.map((e, i) => ({ e, i })).sort((x, y) => x.e.start - y.e.start || x.i - y.i).map((x) => x.e);
}

export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > 0 && crlf >= lf ? '\r\n' : '\n';
}

/** Apply sorted, non-overlapping edits. Inserted text gets the file's line ending. */
export function applyEdits(text: string, sorted: readonly TextEdit[], eol: '\n' | '\r\n' = '\n'): string {
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + (eol === '\n' ? e.text : e.text.replace(/\r?\n/g, eol));
    at = e.end;
  }
  return out + text.slice(at);
}

/** Map an offset in the text after `batches` back to the original text. */
function toOriginalOffset(batches: readonly TextEdit[][], offset: number): number {
  let off = offset;
  for (let b = batches.length - 1; b >= 0; b--) {
    let delta = 0;
    let mapped: number | undefined;
    for (const e of batches[b]) {
      const newStart = e.start + delta;
      const newEnd = newStart + e.text.length;
      if (off < newStart) break;
      if (off < newEnd) {
        mapped = e.start;
        break;
      }
      delta += e.text.length - (e.end - e.start);
    }
    off = mapped ?? off - delta;
  }
  return off;
}

export function lineIndex(text: string) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    /** 1-based line and column of an offset. */
    position(offset: number): { line: number; column: number } {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo] + 1 };
    },
  };
}
