/**
 * Reading every scanned file for the prefilter and the ORM projects: the bytes as a latin1 string (one
 * character per byte), as `readFileSync(path, 'latin1')` gives them, read into one buffer the run keeps
 * (grown to the largest file) instead of a new one per file. dub's 4,212 files: 57-69 -> 38-42 ms.
 * Throws what `readFileSync` throws (ENOENT, EACCES, EISDIR, ...).
 */
import { closeSync, openSync, readSync } from 'node:fs';

let buffer = Buffer.allocUnsafe(1 << 16);

export function readLatin1(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('latin1', 0, length);
  } finally {
    closeSync(fd);
  }
}
