/**
 * SARIF 2.1.0 for code scanning: one run, one reportingDescriptor per rule
 * (with its description and what it declines as help), a result
 * per edit (its diff as a SARIF fix: replacements of whole lines, by character
 * offset in the original file) and per finding, and parse/processing failures
 * as tool notifications. partialFingerprints do not contain line numbers, so a
 * result keeps its identity when code above it moves.
 */
import { createHash } from 'node:crypto';
import type { EditRecord, FileResult, RuleMeta, RunResult } from '../types.js';
import { parseDiff, type Hunk } from './hunks.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  rules: readonly RuleMeta[];
  toolVersion: string;
}

interface Replacement {
  deletedRegion: { charOffset: number; charLength: number };
  insertedContent: { text: string };
  /** Old lines covered (1-based, inclusive); for assigning blocks to edits, not emitted. */
  lines: [number, number];
}

function ruleHelp(meta: RuleMeta): { text: string; markdown: string } {
  const declines = meta.declines ?? [];
  const text = [meta.description, ...(declines.length > 0 ? ['Declines:', ...declines.map((d) => `- ${d}`)] : [])].join('\n');
  const markdown = [
    meta.description,
    ...(declines.length > 0 ? ['', 'Declines:', '', ...declines.map((d) => `- ${d}`)] : []),
  ].join('\n');
  return { text, markdown };
}

/** The change blocks of a hunk as replacements of whole original lines, in character offsets (no BOM). */
function replacements(hunk: Hunk, lineOffsets: readonly number[]): Replacement[] {
  const out: Replacement[] = [];
  let oldLine = hunk.oldStart;
  let block: { from: number; to: number; inserted: string[] } | undefined;
  const close = () => {
    if (!block) return;
    const start = lineOffsets[block.from - 1] ?? lineOffsets[lineOffsets.length - 1]!;
    const end = lineOffsets[block.to - 1] ?? start;
    out.push({
      deletedRegion: { charOffset: start, charLength: end - start },
      insertedContent: { text: block.inserted.join('') },
      lines: [block.from, Math.max(block.from, block.to - 1)],
    });
    block = undefined;
  };
  for (let i = 0; i < hunk.lines.length; i++) {
    const line = hunk.lines[i]!;
    const kind = line[0];
    if (kind === '\\') continue;
    const eol = hunk.lines[i + 1]?.startsWith('\\') ? '' : '\n';
    if (kind === ' ') {
      close();
      oldLine++;
    } else if (kind === '-') {
      block ??= { from: oldLine, to: oldLine, inserted: [] };
      oldLine++;
      block.to = oldLine;
    } else if (kind === '+') {
      block ??= { from: oldLine, to: oldLine, inserted: [] };
      block.inserted.push(line.slice(1) + eol);
    }
  }
  close();
  return out;
}

/** Character offset of the start of each line (and one past the end). */
function lineOffsetsOf(text: string): number[] {
  const offsets = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) offsets.push(i + 1);
  if (offsets[offsets.length - 1] !== text.length) offsets.push(text.length);
  return offsets;
}

/** Which edit each replacement belongs to: the edit on its lines, else the hunk's first edit. */
function fixesByEdit(file: FileResult): Map<EditRecord, Replacement[]> {
  const fixes = new Map<EditRecord, Replacement[]>();
  if (file.diff === '' || file.before === undefined) return fixes;
  const before = file.before.charCodeAt(0) === 0xfeff ? file.before.slice(1) : file.before;
  const offsets = lineOffsetsOf(before);
  for (const hunk of parseDiff(file.diff, file.edits.filter((e) => e.applied)).hunks) {
    if (hunk.edits.length === 0) continue;
    for (const r of replacements(hunk, offsets)) {
      const owner = hunk.edits.find((e) => e.line >= r.lines[0] && e.line <= r.lines[1]) ?? hunk.edits[0]!;
      fixes.set(owner, [...(fixes.get(owner) ?? []), r]);
    }
  }
  return fixes;
}

function fingerprint(parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export function renderSarif(result: RunResult, opts: SarifOptions): string {
  const ruleIndex = new Map(opts.rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const file of result.files) {
    const artifactLocation = { uri: encodeURI(file.path) };
    const fixes = fixesByEdit(file);
    // Same rule, message and column twice in a file: told apart by their order, never by line.
    const seen = new Map<string, number>();
    const identity = (kind: string, rule: string, message: string, column: number) => {
      const key = [kind, rule, file.path, message, column].join('\u0000');
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return { 'pushdown/v1': `${fingerprint([kind, rule, file.path, message, column])}:${n}` };
    };
    const region = (line: number, column: number) => ({ startLine: line, startColumn: column });
    for (const edit of file.edits) {
      const replacementsOfEdit = fixes.get(edit) ?? [];
      results.push({
        ruleId: edit.rule,
        ...(ruleIndex.has(edit.rule) ? { ruleIndex: ruleIndex.get(edit.rule) } : {}),
        level: 'warning',
        kind: 'fail',
        message: { text: `${edit.message} [${edit.tier}${edit.applied ? '' : ', withheld'}]` },
        locations: [{ physicalLocation: { artifactLocation, region: region(edit.line, edit.column) } }],
        partialFingerprints: identity('edit', edit.rule, edit.message, edit.column),
        properties: { tier: edit.tier, applied: edit.applied },
        ...(replacementsOfEdit.length > 0
          ? {
              fixes: [
                {
                  description: { text: `${edit.rule} (${edit.tier})` },
                  artifactChanges: [
                    { artifactLocation, replacements: replacementsOfEdit.map(({ deletedRegion, insertedContent }) => ({ deletedRegion, insertedContent })) },
                  ],
                },
              ],
            }
          : {}),
      });
    }
    for (const finding of file.findings) {
      results.push({
        ruleId: finding.rule,
        ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
        level: 'warning',
        kind: 'fail',
        message: { text: `${finding.message} [finding: no rewrite offered]` },
        locations: [{ physicalLocation: { artifactLocation, region: region(finding.line, finding.column) } }],
        partialFingerprints: identity('finding', finding.rule, finding.message, finding.column),
        properties: { tier: 'finding' },
      });
    }
    if (file.status === 'parse-error' || file.status === 'error') {
      const where = file.error?.line !== undefined ? { region: region(file.error.line, file.error.column ?? 1) } : {};
      notifications.push({
        level: 'error',
        message: { text: `${file.path}: ${file.error?.message ?? 'could not be processed'}` },
        locations: [{ physicalLocation: { artifactLocation, ...where } }],
      });
    }
  }
  for (const warning of result.warnings ?? []) notifications.push({ level: 'warning', message: { text: warning } });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pushdown',
            version: opts.toolVersion,
            rules: opts.rules.map((meta) => ({
              id: meta.id,
              name: meta.id,
              shortDescription: { text: meta.description },
              fullDescription: { text: meta.description },
              help: ruleHelp(meta),
              defaultConfiguration: { level: 'warning' },
              properties: { tier: meta.tier, tags: ['performance', 'database'] },
            })),
          },
        },
        invocations: [{ executionSuccessful: !result.files.some((f) => f.status === 'parse-error' || f.status === 'error'), toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
