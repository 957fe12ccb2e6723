/**
 * The records that flow from the runner to the reporters. Workers build them,
 * reporters render them, the CLI maps them to an exit code. Nothing here prints.
 */

/** safe: applied by --write. review: applied only with --unsafe. finding: never rewritten. */
export type Tier = 'safe' | 'review' | 'finding';
export type EditTier = Exclude<Tier, 'finding'>;

export interface RuleMeta {
  /** Rule id, old form to new: `length-to-count`. */
  id: string;
  /** One line: what it rewrites into what. */
  description: string;
  /** The tier of its rewrites (a rule may still emit review edits for some matches). */
  tier: EditTier;
  /** What it leaves alone or declines whatever the ORM (usage patterns), in a few words each. Each ORM's own examples and declines are in its plugin's `docs`. */
  declines?: string[];
}

/** One rewrite made (or withheld because its tier was not enabled). */
export interface EditRecord {
  rule: string;
  tier: EditTier;
  /** 1-based line and column in the ORIGINAL file. */
  line: number;
  column: number;
  message: string;
  /** false when the edit was found but not applied (review tier without --unsafe). */
  applied: boolean;
}

/**
 * error: the load can grow with the data; `--check` fails on it.
 * hint: nothing in the code says whether the set is large (rows scoped to one
 * parent row, say); reported only when asked for.
 */
export type Severity = 'error' | 'hint';

/** An anti-pattern reported with no rewrite. */
export interface FindingRecord {
  rule: string;
  /** Stable id of the kind of finding (`rows-used-besides-loop`); tests and JSON consumers match it, not the text. */
  messageId: string;
  severity: Severity;
  line: number;
  column: number;
  /** What is wrong, for the code it points at. */
  message: string;
  /** What to do about it, when there is something to suggest. */
  suggestion?: string;
  /**
   * Survives moved lines and reformatting: a hash of the rule and the
   * whitespace-insensitive code of the load (or of the node reported). A
   * baseline pairs it with the file's path.
   */
  fingerprint: string;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'parse-error' | 'error';

export interface FileResult {
  /** Path relative to the run's cwd, with forward slashes. */
  path: string;
  absPath: string;
  status: FileStatus;
  edits: EditRecord[];
  findings: FindingRecord[];
  /** Unified diff (with `a/` `b/` prefixes) when status is changed, else ''. */
  diff: string;
  /** Present when changed. */
  before?: string;
  after?: string;
  /** For parse-error / error: one line, and where. */
  error?: { message: string; line?: number; column?: number };
  /** Did the prefilter let it through to the parser? */
  parsed: boolean;
  /** Set after --write: was the file written? */
  written?: boolean;
  /** Set when --write refused this file (e.g. uncommitted changes). */
  writeRefused?: string;
  /** A test file (RunOptions.testFiles): its findings are withheld unless RunOptions.includeTests. */
  testFile?: boolean;
  /** Findings not reported, by why: suppression comments, the baseline, test file, hint severity. */
  withheld?: Withheld;
}

/** Counts of what was found but not reported. */
export interface Withheld {
  /** Findings and edits silenced by a `pushdown-ignore` comment. */
  suppressed: number;
  /** Findings already in the baseline. */
  baselined: number;
  /** Findings in test files. */
  inTestFiles: number;
  /** Hints (lower severity), when not asked for. */
  hints: number;
}

export interface Totals {
  filesScanned: number;
  filesParsed: number;
  filesChanged: number;
  filesWritten: number;
  filesFailed: number;
  edits: number;
  editsApplied: number;
  editsByRule: Record<string, { safe: number; review: number }>;
  findings: number;
  findingsByRule: Record<string, number>;
  /** What was found but not reported, summed over files. */
  withheld: Withheld;
  elapsedMs: number;
}

export interface RunResult {
  files: FileResult[];
  totals: Totals;
  /** Problems that did not stop the run (an unreadable schema): one line each. */
  warnings?: string[];
  /** Worker threads used; 0 when the files were processed in-process. */
  workers?: number;
  /** Set when the baseline was written (RunOptions.updateBaseline): the findings it now lists. */
  baselineWritten?: number;
  /** The run was stopped by RunOptions.signal: files not reached are missing, files not yet written are unchanged. */
  interrupted?: boolean;
  /** Files discovered (the run's denominator when it was interrupted). */
  filesDiscovered?: number;
  /** With RunOptions.timing: milliseconds by stage (lib/runner/timing.ts names them). */
  timing?: Record<string, number>;
  /** With RunOptions.cache: files whose result came from the cache instead of being analysed again. */
  filesFromCache?: number;
}

/** Where a run is: files analysed, or files written, out of how many. */
export interface Progress {
  phase: 'analyse' | 'write';
  done: number;
  total: number;
}

export type Mode = 'dry-run' | 'write' | 'check';

export interface RunOptions {
  /** Paths to scan (files or directories). Default ['.']. */
  paths: string[];
  cwd: string;
  mode: Mode;
  /** Apply review-tier edits too (--unsafe). In dry-run and check modes review edits are shown anyway, unless previewAsWritten. */
  unsafe: boolean;
  /**
   * In dry-run and check modes, put in the output only what --write would apply
   * (safe edits, plus review ones with --unsafe); the others are reported as not
   * applied. Used for patches, which are made to be applied.
   */
  previewAsWritten?: boolean;
  /** Rule ids to run, in registry order. Default all. */
  transforms?: string[];
  /** Extra ignore globs. */
  ignore: string[];
  /** Extensions without dots. */
  extensions: string[];
  /** Write even when the file has uncommitted changes in git (--force). */
  force: boolean;
  /** Worker threads; 0 or 1 = in-process. Default: chosen by the runner. */
  jobs?: number;
  /** Identifiers every active ORM plugin takes to be its client (--client-names); default: each plugin's conventional names. */
  clientNames?: string[];
  /** A facts source the user named (--schema): a schema file or folder, passed to every active plugin. */
  schema?: string;
  /** ORM plugin ids to use for every file (--orm); default: detected per file from package.json (lib/orm/core/activation.ts). */
  orms?: string[];
  /** Batch size for loop-to-batches. */
  batchSize?: number;
  /** Globs (relative to cwd) of test files; default TEST_FILE_GLOBS. Their findings are withheld unless includeTests. */
  testFiles?: string[];
  /** Report findings in test files too. */
  includeTests?: boolean;
  /** Report hints (lower-severity findings, e.g. rows scoped to one parent) too. */
  hints?: boolean;
  /** Report `pushdown-ignore` comments that silenced nothing (default true). */
  reportUnusedSuppressions?: boolean;
  /** A baseline file (JSON): findings it lists are known and not reported again; only new ones are. */
  baseline?: string;
  /** Write the baseline file (`baseline`) with every finding of this run (entries for files not scanned are kept); nothing is then reported as new. */
  updateBaseline?: boolean;
  /** Model sizes the project knows: `small` models' scoped loads are not reported, `large` ones' are errors, not hints. */
  models?: { small?: string[]; large?: string[] };
  /** Stops the run between two files (SIGINT): a file is written whole or not at all. */
  signal?: AbortSignal;
  /**
   * The result cache file (--cache): files whose bytes, path, ORM facts and options match an entry of a run
   * of the same pushdown build and configuration are not analysed again (lib/runner/cache.ts). Absolute, or
   * relative to cwd. Undefined: no cache.
   */
  cache?: string;
  /** Measure where the run's time goes, by stage (--timing); RunResult.timing has it. */
  timing?: boolean;
  /** Called as files are analysed and written; the runner itself never prints. */
  onProgress?: (progress: Progress) => void;
  /** Called once the files to parse are known, before any is parsed: how many, and the largest one's size (UTF-16 code units). */
  onPlan?: (plan: { files: number; largestFile: number }) => void;
}
