/**
 * Where a run's time went (`--timing`, as ESLint's TIMING=1): milliseconds by stage, summed over the
 * files, and over the threads when workers ran. The keys are stable (the JSON report carries them):
 *
 *   start                                       the CLI only: node's start and loading pushdown, until the run began
 *   discover, read, project, prefilter, cache   the run's own stages, before any file is parsed
 *   load                                        loading @babel/traverse (and @babel/types) for the first file analysed
 *   parse                                       each file's first parse
 *   crawl                                       babel's scope crawl of a tree (paid by the first rule that reads bindings)
 *   rule:<id>                                   a rule's own work on a tree, its crawl left out
 *   reparse                                     parsing a file again after a rule edited it (the next rules read the new tree)
 *   release                                     taking each tree apart when its file is done (lib/engine.ts takeApart)
 *   diff                                        the unified diff of a changed file
 *   write                                       --write's atomic writes
 *   format                                      the CLI only (stderr table): formatting the report
 *   analysis                                    the wall time from the first file handed to the analysis to the last result
 *   total                                       the run's wall time (runPushdown, start to end)
 */
export type Timings = Record<string, number>;

export class StageClock {
  readonly ms: Timings = {};

  add(stage: string, ms: number): void {
    this.ms[stage] = (this.ms[stage] ?? 0) + ms;
  }

  /** Runs `fn`, adding its wall time to `stage`. */
  time<T>(stage: string, fn: () => T): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.add(stage, performance.now() - t0);
    }
  }

  merge(other: Timings | undefined): void {
    if (other) for (const [stage, ms] of Object.entries(other)) this.add(stage, ms);
  }
}

const LABELS: Record<string, string> = {
  start: 'node start, loading pushdown',
  load: 'loading @babel/traverse',
  release: 'taking trees apart',
  discover: 'discovery (walk, .gitignore)',
  read: 'reading files',
  project: 'ORM projects (plugins, hooks, models, schemas)',
  prefilter: 'prefilter',
  cache: 'result cache',
  parse: 'parse',
  crawl: 'scope crawl',
  reparse: 're-parse after edits',
  diff: 'diffs',
  write: 'writing files',
  format: 'formatting the report',
  analysis: 'analysis, wall',
  total: 'total, wall',
};

/** The stages present, in pipeline order (rules in the order given), the two walls left out (the bench orders its table by it too). */
export function stageOrder(timings: Timings, ruleIds: readonly string[]): string[] {
  const head = ['start', 'discover', 'read', 'project', 'prefilter', 'cache', 'load', 'parse', 'crawl'];
  const rules = [...ruleIds.map((id) => `rule:${id}`), ...Object.keys(timings).filter((k) => k.startsWith('rule:') && !ruleIds.includes(k.slice(5))).sort()];
  const tail = ['reparse', 'release', 'diff', 'write', 'format'];
  const known = new Set([...head, ...rules, ...tail, 'analysis', 'total']);
  const other = Object.keys(timings).filter((k) => !known.has(k)).sort();
  return [...head, ...rules, ...tail, ...other].filter((k) => timings[k] !== undefined);
}

/** The table `--timing` prints on stderr. */
export function timingTable(timings: Timings, ruleIds: readonly string[], workers: number): string {
  // Shares of the process's wall when the CLI gave its start, else of the run's.
  const total = timings.start !== undefined ? timings.start + (timings.total ?? 0) + (timings.format ?? 0) : (timings.total ?? 0);
  const rows = stageOrder(timings, ruleIds).map((k) => [k.startsWith('rule:') ? `rule ${k.slice(5)}` : (LABELS[k] ?? k), timings[k]] as const);
  const width = Math.max(...rows.map(([label]) => label.length), 16);
  const line = (label: string, ms: number, share: boolean) => `  ${label.padEnd(width)} ${ms.toFixed(1).padStart(9)} ms${share && total > 0 ? `${((100 * ms) / total).toFixed(1).padStart(7)}%` : ''}`;
  const out = [`pushdown: where the time went (--timing)${workers > 0 ? `: file stages summed over ${workers} worker thread(s), so they may add up to more than the wall` : ''}`];
  for (const [label, ms] of rows) out.push(line(label, ms, workers === 0));
  for (const k of ['analysis', 'total']) if (timings[k] !== undefined) out.push(line(LABELS[k], timings[k], false));
  if (timings.start !== undefined) out.push(line('process, wall (start + total + format)', total, false));
  return out.join('\n') + '\n';
}
