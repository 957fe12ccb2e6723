/**
 * The HTML review page in a real browser: Debian's chromium, headless, driven
 * by playwright-core. It opens the page pushdown wrote, checks that every hunk
 * is there with its labels, that the rule and tier filters hide and show them,
 * that side by side works, that the page makes no request and logs no error,
 * and takes a screenshot. Skips (saying why) where chromium is not installed;
 * CI installs it (.ci/run). UPDATE_SCREENSHOT=1 also writes docs/review-page.png.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/bin/pushdown.js');
const SLOW = 120_000;

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      /* not here */
    }
  }
  return undefined;
}
const chromium = findChromium();

const SCHEMA = `datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id     Int     @id\n  email  String  @unique\n  age    Int\n  active Boolean\n}\n\nmodel Post {\n  id    Int @id\n  views Int\n}\n`;
const FILES: Record<string, string> = {
  'prisma/schema.prisma': SCHEMA,
  'src/users.ts': `import { prisma } from './db';

export async function counts() {
  const n = (await prisma.user.findMany({ where: { active: true } })).length;
  const d = (await prisma.user.findMany({ distinct: ['email'] })).length;
  return [n, d];
}

// Far enough from the counts above
// that the diff puts this rewrite
// in a hunk of its own.
//
//

export async function adults(minAge: number) {
  const users = (await prisma.user.findMany({ orderBy: { id: 'asc' } })).filter((u) => u.age >= minAge);
  return users.map((u) => u.email);
}
`,
  'src/posts.ts': `import { prisma } from './db';

export async function newest() {
  const [post] = await prisma.post.findMany({ orderBy: { id: 'desc' } });
  return post;
}
`,
};

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('--format html in a browser', () => {
  it.skipIf(!chromium)('shows every hunk labelled, filters by rule and tier, no request, no console error; screenshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pushdown-html-'));
    temps.push(dir);
    for (const [p, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    const r = spawnSync(process.execPath, [CLI, 'src', '--format', 'html'], { cwd: dir, encoding: 'utf8', timeout: SLOW });
    expect(r.status, r.stderr).toBe(0);
    const page = join(dir, 'review.html');
    writeFileSync(page, r.stdout);
    const json = JSON.parse(spawnSync(process.execPath, [CLI, 'src', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: SLOW }).stdout) as {
      files: Array<{ diff: string; edits: Array<{ rule: string; tier: string }>; findings: unknown[] }>;
    };
    const hunks = json.files.reduce((n, f) => n + (f.diff.match(/^@@ /gm) ?? []).length, 0);
    const tiers = json.files.flatMap((f) => f.edits.map((e) => e.tier));
    expect(hunks).toBeGreaterThanOrEqual(3);
    expect(tiers).toContain('review');

    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      tab.on('pageerror', (e) => problems.push(String(e)));
      tab.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await tab.goto(pathToFileURL(page).href);

      const visible = () => tab.locator('.hunk:visible').count();
      expect(await tab.locator('.hunk').count()).toBe(hunks);
      expect(await visible()).toBe(hunks);
      // Each hunk says rule, tier and message.
      for (const label of await tab.locator('.hunk .labels li').allInnerTexts()) expect(label).toMatch(/^[a-z-]+ (safe|review)( ,? ?withheld)? line \d+ \S/);
      expect(await tab.locator('.findings li').count()).toBe(json.files.reduce((n, f) => n + f.findings.length, 0));
      await expect(tab.locator('.findings li a').first().getAttribute('href')).resolves.toMatch(/^#f\d+(-L\d+)?$/);

      // Rule filter: unticking length-to-count hides the hunks made only by it, and its findings.
      const onlyCount = await tab.locator('.hunk[data-rules="length-to-count"]').count();
      expect(onlyCount).toBeGreaterThan(0);
      await tab.locator('input[data-kind="rule"][value="length-to-count"]').uncheck();
      expect(await visible()).toBe(hunks - onlyCount);
      expect(await tab.locator('.findings li:visible').count()).toBe(0);
      await tab.locator('input[data-kind="rule"][value="length-to-count"]').check();
      expect(await visible()).toBe(hunks);

      // Tier filter: unticking safe leaves the review hunk.
      await tab.locator('input[data-kind="tier"][value="safe"]').uncheck();
      expect(await visible()).toBe(await tab.locator('.hunk[data-tiers~="review"]').count());
      expect(await visible()).toBeGreaterThan(0);
      expect(await visible()).toBeLessThan(hunks);
      await tab.locator('input[data-kind="tier"][value="safe"]').check();
      expect(await tab.locator('#shown').innerText()).toBe(String(hunks + json.files.reduce((n, f) => n + f.findings.length, 0)));

      // Side by side.
      expect(await tab.locator('table.split:visible').count()).toBe(0);
      await tab.locator('#split').check();
      expect(await tab.locator('table.split:visible').count()).toBe(hunks);
      expect(await tab.locator('table.unified:visible').count()).toBe(0);
      await tab.locator('#split').uncheck();

      const shot = join(dir, 'review.png');
      await tab.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(shot, join(ROOT, 'docs/review-page.png'));
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, SLOW);

  it.runIf(!chromium)('is skipped: no chromium on this machine (apt-get install chromium; CI installs it in .ci/run)', () => {
    expect(chromium).toBeUndefined();
  });
});
