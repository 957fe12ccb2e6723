/**
 * @mrleebo/prisma-ast, for the schema files schema-reader.ts leaves to it
 * (block comments, unusual forms, syntax errors), run in a short-lived worker
 * thread by default.
 *
 * Why a thread: prisma-ast brings chevrotain, whose code and parser tables stay
 * in the heap of whoever loads them, ~20 MiB of the CLI's peak RSS for the
 * rest of the run (trigger.dev: 149-150 MiB with it in the main thread,
 * 125-132 without). The thread loads it, parses, answers and ends, and its
 * heap goes with it. The main thread waits for the answer (the project's facts
 * are read synchronously), so nothing else changes: the blocks are plain data
 * (the same after a structured clone), and an error keeps what schema.ts
 * reports of it (message, and chevrotain's token position).
 *
 * When the thread cannot answer (it cannot start, or takes longer than
 * WAIT_MS), the texts are parsed in this thread instead, as before.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Schema } from '@mrleebo/prisma-ast';

/** prisma-ast's `getSchema(text).list`, or what it threw. */
export type Parsed = { list: Schema['list'] } | { error: unknown };

type PrismaAst = typeof import('@mrleebo/prisma-ast');

const require = createRequire(import.meta.url);
let inProcess: PrismaAst | undefined;

/** The worker: CommonJS, given the module's resolved path, the texts, a port and a flag to raise. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { modulePath, texts, port, signal } = workerData;
let reply;
try {
  const ast = require(modulePath);
  reply = texts.map((text) => {
    try {
      return { list: ast.getSchema(text).list };
    } catch (err) {
      const t = err !== null && typeof err === 'object' ? err.token : undefined;
      const token = t ? { image: t.image, startLine: t.startLine, startColumn: t.startColumn } : undefined;
      return { thrown: { isError: err instanceof Error, message: err instanceof Error ? err.message : String(err), token } };
    }
  });
} catch (err) {
  reply = { failed: String(err) };
}
try {
  port.postMessage(reply);
} catch (err) {
  port.postMessage({ failed: String(err) });
} finally {
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
`;

/** How long the main thread waits for the worker before parsing itself (loading chevrotain takes ~0.35 s). */
const WAIT_MS = 60_000;

/** What the worker tells of an error: whether it was an Error, its message (or text), chevrotain's token position. */
type Thrown = { isError: boolean; message: string; token?: { image?: string; startLine?: number; startColumn?: number } };

type Reply = Array<{ list: Schema['list'] } | { thrown: Thrown }> | { failed: string };

/** Parse each text with prisma-ast: in a worker thread (`worker`, the default), else in this one. */
export function prismaAstParse(texts: readonly string[], worker = true): Parsed[] {
  const answer = worker ? parseInWorker(texts) : undefined;
  return Array.isArray(answer) ? answer : texts.map(parseHere);
}

function parseHere(text: string): Parsed {
  inProcess ??= require('@mrleebo/prisma-ast') as PrismaAst;
  try {
    return { list: inProcess.getSchema(text).list };
  } catch (err) {
    return { error: err };
  }
}

/**
 * The worker's answer, or why there is none: what it said went wrong, or that it did not answer in time.
 * Exported for tests (which also give it a module that fails to load).
 */
export function parseInWorker(texts: readonly string[], modulePath = require.resolve('@mrleebo/prisma-ast')): Parsed[] | { failed: string } {
  let thread: Worker | undefined;
  const { port1, port2 } = new MessageChannel();
  try {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, texts, port: port2, signal },
      transferList: [port2],
      // Kept from the terminal: anything it printed would land amid the report (prisma-ast prints nothing here).
      stdout: true,
      stderr: true,
    });
    thread.unref();
    if (Atomics.wait(signal, 0, 0, WAIT_MS) === 'timed-out') return { failed: `no answer in ${WAIT_MS} ms` };
    const reply = receiveMessageOnPort(port1)?.message as Reply | undefined;
    if (!reply) return { failed: 'no answer' };
    if (!Array.isArray(reply)) return reply;
    if (reply.length !== texts.length) return { failed: `${reply.length} answers to ${texts.length} texts` };
    return reply.map((r) => ('list' in r ? { list: r.list } : { error: rebuilt(r.thrown) }));
  } catch (err) {
    return { failed: String(err) };
  } finally {
    port1.close();
    void thread?.terminate();
  }
}

/**
 * What schema.ts reads of an error (oneLine): chevrotain's `token` position when it has one, else an
 * Error's message, or the thrown value as text (the message is `String(value)` then, so an Error made
 * for a token gives the same line either way).
 */
function rebuilt(thrown: Thrown): unknown {
  if (thrown.token) return Object.assign(new Error(thrown.message), { token: thrown.token });
  return thrown.isError ? new Error(thrown.message) : thrown.message;
}
