// Where the real-database harnesses live, shared by every ORM's proof.

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const FIXTURES_DIR = join(REPO_ROOT, '__testfixtures__');
/** Scratch space for seeded templates and per-run copies (`.tmp/` is gitignored). */
export const TMP_DIR = join(REPO_ROOT, '.tmp', 'realdb');
