/**
 * Exactly one JSON document: `{ "version": 1, "files": [...], "totals": {...} }` (plus
 * `"warnings": [...]` when the run had any). A file is
 * listed when it has something to report (a diff, an edit, a finding, an error,
 * a refused write); file contents and absolute paths are left out.
 */
import type { EditRecord, FileResult, FileStatus, FindingRecord, RunResult, Totals } from '../types.js';
import { isReportable } from './hunks.js';

export interface JsonFileRecord {
  path: string;
  status: FileStatus;
  edits: EditRecord[];
  findings: FindingRecord[];
  diff: string;
  error?: FileResult['error'];
  written?: boolean;
  writeRefused?: string;
  testFile?: boolean;
}

/** The shape of this document; raised when a field changes meaning or goes away (added fields do not raise it). */
export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: number;
  files: JsonFileRecord[];
  totals: Totals;
  /** Problems that did not stop the run; present only when there are some. */
  warnings?: string[];
  /** `--timing`: milliseconds by stage (lib/runner/timing.ts names them); present only then. */
  timing?: Record<string, number>;
}

function toRecord(file: FileResult): JsonFileRecord {
  const record: JsonFileRecord = {
    path: file.path,
    status: file.status,
    edits: file.edits.map(({ rule, tier, line, column, message, applied }) => ({
      rule,
      tier,
      line,
      column,
      message,
      applied,
    })),
    findings: file.findings.map(({ rule, messageId, severity, line, column, message, suggestion, fingerprint }) => ({
      rule,
      messageId,
      severity,
      line,
      column,
      message,
      ...(suggestion !== undefined ? { suggestion } : {}),
      fingerprint,
    })),
    diff: file.diff,
  };
  if (file.error !== undefined) record.error = file.error;
  if (file.written !== undefined) record.written = file.written;
  if (file.writeRefused !== undefined) record.writeRefused = file.writeRefused;
  if (file.testFile) record.testFile = true;
  return record;
}

export function renderJson(result: RunResult): string {
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    files: result.files.filter(isReportable).map(toRecord),
    totals: result.totals,
  };
  if (result.warnings && result.warnings.length > 0) report.warnings = result.warnings;
  if (result.timing) report.timing = result.timing;
  return JSON.stringify(report, null, 2) + '\n';
}
