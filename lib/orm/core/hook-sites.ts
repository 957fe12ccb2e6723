/**
 * Where a project hooks queries per operation, for the message of every edit
 * the hooks make review: the first file (as the run names it, with the hook's
 * line) and how many other files hook too. Which file it was matters: the tier
 * of an edit can depend on which folders were scanned.
 */
export class HookSites {
  private first: { path: string | undefined; line: number } | undefined;
  private others = 0;

  /** A hook at `offset` of `text`, in the file at `path` (relative to the run's cwd; undefined when the text came from elsewhere). */
  add(text: string, offset: number, path: string | undefined): void {
    if (this.first) {
      this.others++;
      return;
    }
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    this.first = { path, line };
  }

  get found(): boolean {
    return this.first !== undefined;
  }

  /** `src/db.ts:12`, `src/db.ts:12 (and 2 other files)`, or undefined when no hook was seen. */
  describe(): string | undefined {
    if (!this.first) return undefined;
    const where = this.first.path !== undefined ? `${this.first.path}:${this.first.line}` : `line ${this.first.line} of a file outside the scanned paths`;
    return this.others === 0 ? where : `${where} (and ${this.others} other file${this.others === 1 ? '' : 's'})`;
  }
}
