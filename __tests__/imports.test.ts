/** lib/imports.ts: the imports a rewrite needs, added as text edits. */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../lib/engine.js';
import { importEdits } from '../lib/imports.js';
import { parseSource } from '../lib/parse.js';

function add(source: string, path: string, specs: { from: string; names: string[] }[]) {
  const plan = importEdits(source, parseSource(source, path), path, specs);
  const sorted = [...plan.edits].sort((a, b) => a.start - b.start);
  return { out: applyEdits(source, sorted), conflicts: plan.conflicts, edits: plan.edits };
}

const typeorm = (...names: string[]) => ({ from: 'typeorm', names });

describe('importEdits', () => {
  it('merges into an existing named import from the module', () => {
    const src = "import { Repository } from 'typeorm';\nimport { x } from './x';\n\nexport const a = 1;\n";
    expect(add(src, 'a.ts', [typeorm('MoreThan')]).out).toBe("import { Repository, MoreThan } from 'typeorm';\nimport { x } from './x';\n\nexport const a = 1;\n");
  });

  it('adds nothing when the name is already imported (or asked for twice)', () => {
    const src = "import { MoreThan, Repository } from 'typeorm';\nconst a = 1;\n";
    const r = add(src, 'a.ts', [typeorm('MoreThan'), typeorm('MoreThan')]);
    expect(r.edits).toEqual([]);
    expect(r.out).toBe(src);
  });

  it('adds a new import after the last import, in the file style, never duplicating names', () => {
    const src = 'import { a } from "./a"\nimport b from "./b"\n\nconst c = 1\n';
    expect(add(src, 'a.ts', [typeorm('MoreThan', 'IsNull'), typeorm('MoreThan')]).out).toBe(
      'import { a } from "./a"\nimport b from "./b"\nimport { MoreThan, IsNull } from "typeorm"\n\nconst c = 1\n',
    );
  });

  it('joins a default-only import, and ignores a type-only import of the module', () => {
    expect(add("import orm from 'typeorm';\n", 'a.ts', [typeorm('MoreThan')]).out).toBe("import orm, { MoreThan } from 'typeorm';\n");
    expect(add("import type { Repository } from 'typeorm';\n", 'a.ts', [typeorm('MoreThan')]).out).toBe(
      "import type { Repository } from 'typeorm';\nimport { MoreThan } from 'typeorm';\n",
    );
  });

  it('puts the first import at the top, after directives', () => {
    expect(add("'use server';\nexport const a = 1;\n", 'a.ts', [typeorm('In')]).out).toBe("'use server';\nimport { In } from 'typeorm';\nexport const a = 1;\n");
    expect(add('export const a = 1;\n', 'a.ts', [typeorm('In')]).out).toBe("import { In } from 'typeorm';\n\nexport const a = 1;\n");
  });

  it('uses require in CommonJS files, merging into an existing destructuring require', () => {
    const src = "const { Repository } = require('typeorm');\nconst x = require('./x');\nmodule.exports = {};\n";
    expect(add(src, 'a.js', [typeorm('MoreThan')]).out).toBe("const { Repository, MoreThan } = require('typeorm');\nconst x = require('./x');\nmodule.exports = {};\n");
    const plain = "const x = require('./x');\nmodule.exports = {};\n";
    expect(add(plain, 'a.cjs', [typeorm('MoreThan')]).out).toBe("const x = require('./x');\nconst { MoreThan } = require('typeorm');\nmodule.exports = {};\n");
    expect(add(src.replace('MoreThan', ''), 'a.js', [typeorm('Repository')]).edits).toEqual([]);
  });

  it('reports a name the file binds otherwise as a conflict, with no edit for it', () => {
    const r = add("import { x } from './x';\nconst MoreThan = 3;\n", 'a.ts', [typeorm('MoreThan', 'In')]);
    expect(r.conflicts).toEqual(['MoreThan']);
    expect(r.out).toBe("import { x } from './x';\nimport { In } from 'typeorm';\nconst MoreThan = 3;\n");
  });
});

describe('the engine adds a rewrite\'s imports', () => {
  it('once, however many rewrites need them, and declines on a conflict', async () => {
    const { transformSource } = await import('../lib/engine.js');
    const { defaultRuleOptions } = await import('../lib/rule.js');
    const rule = {
      meta: { id: 'test-rule', description: 'numbers become calls', tier: 'safe' as const },
      apply(ctx: import('../lib/rule.js').RuleContext) {
        ctx.program.traverse({
          NumericLiteral(p) {
            ctx.rewrite({ node: p.node, tier: 'safe', message: 'm', edits: [{ start: p.node.start!, end: p.node.end!, text: `MoreThan(${p.node.value})` }], imports: [typeorm('MoreThan')] });
          },
        });
      },
    };
    const run = (src: string) => transformSource(src, 'a.ts', { rules: [rule], ruleOptions: defaultRuleOptions, applyTiers: new Set(['safe']) });
    const out = run("import { x } from './x';\nconst a = 1;\nconst b = 2;\n");
    expect(out.output).toBe("import { x } from './x';\nimport { MoreThan } from 'typeorm';\nconst a = MoreThan(1);\nconst b = MoreThan(2);\n");
    const clash = run('const MoreThan = (n: number) => n;\nconst a = 1;\n');
    expect(clash.output).toBe('const MoreThan = (n: number) => n;\nconst a = 1;\n');
    expect(clash.findings.map((f) => f.message)).toEqual([expect.stringContaining('the rewrite needs `MoreThan`, which this file already names otherwise')]);
  });
});
