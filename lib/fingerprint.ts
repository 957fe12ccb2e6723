/**
 * Fingerprints that survive moved lines and reformatting: the rule and the
 * code of the load with whitespace, trailing commas and the quote style
 * normalised away. Lines and columns are not part of it; the path is added by
 * whoever compares (a baseline pairs path and fingerprint).
 */
import { createHash } from 'node:crypto';

/** The code, whitespace-insensitive: no whitespace, no trailing commas, one quote style, no semicolons. */
export function normaliseCode(code: string): string {
  return code
    .replace(/\/\/[^\n]*|\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, '')
    .replace(/,([}\])])/g, '$1')
    .replace(/;/g, '')
    .replace(/'/g, '"');
}

export function fingerprint(rule: string, code: string): string {
  return createHash('sha1').update(`${rule}\n${normaliseCode(code)}`).digest('hex').slice(0, 16);
}
