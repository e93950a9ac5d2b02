/**
 * npm run --silent classify -- FILE.jsonl   (or "-" for stdin)
 * Input lines {"id","text"} → output lines {"id","flags":[{"category","clause","severity","evidence":[...]}]}, same order.
 * A malformed line is reported on stderr with its line number, skipped, and the exit status becomes 1.
 * A large file (PARALLEL_MIN_BYTES or more) is classified by one worker thread per core, in batches of lines whose
 * results are written back in input order; `--workers N` sets the count (0: this thread only).
 */
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Flag } from '../lib/rules/index';

export interface ClassifyResult {
  lines: number;
  errors: number;
}

const EMPTY_FLAGS = '[]';

/** One output line, written by hand: category/clause/severity are known-safe ASCII ids, only free text is escaped. */
function outputLine(id: unknown, text: string, check: (text: string) => readonly Flag[]): string {
  const flags = check(text);
  let f = EMPTY_FLAGS;
  if (flags.length > 0) {
    f = '[';
    for (let i = 0; i < flags.length; i++) {
      const fl = flags[i];
      if (i > 0) f += ',';
      f += `{"category":"${fl.category}","clause":${JSON.stringify(fl.clause)},"severity":"${fl.severity}","evidence":[`;
      for (let k = 0; k < fl.evidence.length; k++) f += (k > 0 ? ',' : '') + JSON.stringify(fl.evidence[k].text);
      f += ']}';
    }
    f += ']';
  }
  return `{"id":${id === undefined ? 'null' : JSON.stringify(id)},"flags":${f}}\n`;
}

/** The output line for one input line ('' for a blank or bad line, which is reported through `onError`). */
function classifyLine(raw: string, lineNo: number, check: (text: string) => readonly Flag[], onError: (msg: string) => void): string {
  const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
  if (line.trim() === '') return '';
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    onError(`line ${lineNo}: invalid JSON`);
    return '';
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    onError(`line ${lineNo}: expected an object {"id","text"}`);
    return '';
  }
  const rec = obj as { id?: unknown; text?: unknown };
  if (typeof rec.text !== 'string') {
    onError(`line ${lineNo}: "text" must be a string`);
    return '';
  }
  return outputLine(rec.id ?? null, rec.text, check);
}

/**
 * Stream JSONL from `input` to `output`; errors go to `onError`. Lines are split by hand and output is written in
 * batches. `check` is checkMessage against a ruleset (`checkWith`), or any other checker (the benchmark passes one
 * that flags nothing to time the reading and writing alone).
 */
export async function classifyStream(
  input: Readable,
  output: Writable,
  check: (text: string) => readonly Flag[],
  onError: (msg: string) => void,
): Promise<ClassifyResult> {
  let lineNo = 0;
  let buf = '';
  const flush = async () => {
    if (!buf) return;
    const chunk = buf;
    buf = '';
    if (!output.write(chunk)) await new Promise<void>((r) => output.once('drain', () => r()));
  };
  const errorOut = { errors: 0 };
  const handle = (raw: string) => {
    lineNo++;
    buf += classifyLine(raw, lineNo, check, (m) => {
      errorOut.errors++;
      onError(m);
    });
  };
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const data = rest + chunk;
    let from = 0;
    let nl = data.indexOf('\n');
    while (nl >= 0) {
      handle(data.slice(from, nl));
      from = nl + 1;
      nl = data.indexOf('\n', from);
    }
    rest = data.slice(from);
    if (buf.length > 1 << 16) await flush();
  }
  if (rest !== '') handle(rest);
  await flush();
  return { lines: lineNo, errors: errorOut.errors };
}

/** From this file size on, worker threads pay for their start-up (each compiles the rules: a few hundred ms). */
const PARALLEL_MIN_BYTES = 2 << 20;
/** Lines per message to a worker: large enough that posting costs little, small enough to keep both cores busy. */
const BATCH_LINES = 1000;
/** Batches in flight per worker: bounds memory while a slow writer catches up. */
const IN_FLIGHT_PER_WORKER = 4;

interface Batch {
  /** Line number of the batch's first line. */
  first: number;
  /** Complete lines joined by '\n' (no trailing newline). */
  text: string;
}

interface BatchResult {
  out: string;
  errors: string[];
}

/** The rules, loaded on demand: the parallel path's main thread never needs them. */
async function cliChecker(): Promise<(text: string) => readonly Flag[]> {
  const rules = await import('./classify-rules');
  return rules.cliChecker();
}

/** Classifies one batch: the same lines, numbers and messages as the single-thread path. */
function classifyBatch(b: Batch, check: (text: string) => readonly Flag[]): BatchResult {
  const errors: string[] = [];
  let out = '';
  let lineNo = b.first;
  let from = 0;
  const t = b.text;
  for (;;) {
    const nl = t.indexOf('\n', from);
    out += classifyLine(nl < 0 ? t.slice(from) : t.slice(from, nl), lineNo++, check, (m) => errors.push(m));
    if (nl < 0) return { out, errors };
    from = nl + 1;
  }
}

/** Worker side: compile once, then answer each batch in the order it came. */
async function serveBatches(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  // Batches posted while the rules compile wait in the port's queue until the listener is attached.
  const check = await cliChecker();
  port.on('message', (b: Batch) => port.postMessage(classifyBatch(b, check)));
}

/**
 * Classify `file` with `workers` worker threads: the main thread only cuts the input into batches of whole lines
 * and writes the results back in input order (batch i goes to worker i mod n, and each worker answers in order).
 */
export async function classifyParallel(file: string, output: Writable, workers: number, onError: (msg: string) => void): Promise<ClassifyResult> {
  const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { zggClassifyWorker: true } }));
  const waiting: Array<Array<(r: BatchResult) => void>> = pool.map(() => []);
  pool.forEach((w, i) => w.on('message', (r: BatchResult) => waiting[i].shift()?.(r)));
  const failed = new Promise<never>((_, reject) => {
    for (const w of pool) {
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`classify worker stopped (exit ${code})`)));
    }
  });
  failed.catch(() => undefined);
  const pending: Array<Promise<BatchResult>> = [];
  let sent = 0;
  let lineNo = 0;
  let errors = 0;
  const send = (text: string, lines: number) => {
    const i = sent++ % workers;
    pending.push(new Promise<BatchResult>((resolve) => waiting[i].push(resolve)));
    pool[i].postMessage({ first: lineNo + 1, text } satisfies Batch);
    lineNo += lines;
  };
  const writeUntil = async (keep: number) => {
    while (pending.length > keep) {
      const r = await Promise.race([pending.shift() as Promise<BatchResult>, failed]);
      for (const e of r.errors) onError(e);
      errors += r.errors.length;
      if (r.out && !output.write(r.out)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  };
  try {
    const input = createReadStream(file, { encoding: 'utf8' });
    let rest = '';
    for await (const chunk of input as AsyncIterable<string>) {
      const data = rest + chunk;
      let from = 0;
      let lines = 0;
      let at = 0;
      for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n', nl + 1)) {
        at = nl;
        if (++lines === BATCH_LINES) {
          send(data.slice(from, nl), lines);
          from = nl + 1;
          lines = 0;
        }
      }
      if (lines > 0) {
        send(data.slice(from, at), lines);
        from = at + 1;
      }
      rest = data.slice(from);
      await writeUntil(workers * IN_FLIGHT_PER_WORKER);
    }
    if (rest !== '') send(rest, 1);
    await writeUntil(0);
    return { lines: lineNo, errors };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** `--workers N` when given, else one worker per core (at most 4) for a large file and none otherwise. */
function workerCount(file: string, flag: string | undefined): number {
  if (flag !== undefined) return Math.max(0, Math.floor(Number(flag)) || 0);
  if (file === '-') return 0;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 0;
  }
  const cores = Math.min(availableParallelism(), 4);
  return size >= PARALLEL_MIN_BYTES && cores >= 2 ? cores : 0;
}

/** Entry point (scripts/cli.mjs runs it from a bundle; `tsx scripts/classify.ts` runs it directly). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const wi = argv.indexOf('--workers');
  const workersFlag = wi >= 0 ? argv[wi + 1] : undefined;
  const args = wi >= 0 ? argv.filter((_, i) => i !== wi && i !== wi + 1) : argv;
  const file = args[0];
  if (!file) {
    process.stderr.write('usage: npm run --silent classify -- FILE.jsonl [--workers N]   ("-" reads stdin)\n');
    return 2;
  }
  const input = file === '-' ? process.stdin : createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    else input.once('open', () => resolve()).once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const onError = (m: string) => process.stderr.write(m + '\n');
  const workers = workerCount(file, workersFlag);
  if (workers > 0 && file !== '-') {
    input.destroy();
    const r = await classifyParallel(file, process.stdout, workers, onError);
    return r.errors > 0 ? 1 : 0;
  }
  const r = await classifyStream(input, process.stdout, await cliChecker(), onError);
  return r.errors > 0 ? 1 : 0;
}

if (!isMainThread && (workerData as { zggClassifyWorker?: unknown } | null)?.zggClassifyWorker === true) {
  void serveBatches();
} else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`classify failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
