/**
 * A file this large (1 MiB) is analysed in a worker of its own, whatever --jobs
 * says: its tree and scopes (~1.2 GB for 6 MB) then live in a heap that is freed
 * whole when it ends, and the worker's heap is sized by the V8 flags set when it
 * starts (the CLI gives it a larger young generation: bin/pushdown.ts).
 *
 * Its own module, so that the CLI can read it without loading the runner (and babel) for --help.
 */
export const LARGE_FILE = 1 << 20;
