/**
 * Every rule is also a plain jscodeshift transform (its default export), so
 * `npx jscodeshift -t dist/transforms/<rule>.js --parser ts <files>` works.
 * It runs the same engine pushdown does: the file is parsed by extension,
 * safe rewrites are applied (review ones too with `--unsafe=true`), findings
 * go to jscodeshift's report channel.
 */
import { transformSource } from './engine.js';
import { defaultRuleOptions, type Rule, type RuleOptions } from './rule.js';
import type { EditTier } from './types.js';

interface FileInfo {
  path: string;
  source: string;
}
interface Api {
  report?: (msg: string) => void;
}

export type JscodeshiftTransform = ((file: FileInfo, api: Api, options?: Record<string, unknown>) => string | undefined) & { parser?: string };

export function toJscodeshift(rule: Rule): JscodeshiftTransform {
  return (file, api, options = {}) => {
    const unsafe = options.unsafe === true || options.unsafe === 'true';
    const tiers = new Set<EditTier>(unsafe ? ['safe', 'review'] : ['safe']);
    const ruleOptions: RuleOptions = {
      ...defaultRuleOptions,
      ...(typeof options.clientNames === 'string' ? { clientNames: options.clientNames.split(',') } : {}),
      ...(options.batchSize !== undefined ? { batchSize: Number(options.batchSize) } : {}),
    };
    const bom = file.source.startsWith('\uFEFF') ? '\uFEFF' : '';
    const result = transformSource(file.source.slice(bom.length), file.path, { rules: [rule], ruleOptions, applyTiers: tiers });
    for (const f of result.findings) api.report?.(`${file.path}:${f.line}:${f.column} ${f.rule}${f.severity === 'hint' ? ' (hint)' : ''}: ${f.message}${f.suggestion ? ` Fix: ${f.suggestion}` : ''}`);
    const output = bom + result.output;
    return output === file.source ? undefined : output;
  };
}
