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

/** An anti-pattern reported with no rewrite. */
export interface FindingRecord {
  rule: string;
  line: number;
  column: number;
  message: string;
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
  elapsedMs: number;
}

export interface RunResult {
  files: FileResult[];
  totals: Totals;
  /** Problems that did not stop the run (an unreadable schema): one line each. */
  warnings?: string[];
  /** Worker threads used; 0 when the files were processed in-process. */
  workers?: number;
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
}
