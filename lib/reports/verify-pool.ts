// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { villageKeyRowSchema } from '../trust/register';
import { AggregateCancelled, checkBundleFile, slimResult, type AggregateFile, type FileCheckOptions, type FileResult } from './aggregate';

/**
 * Checking a province's files (2,000 bundles × 200 entries) off the page's thread: a small pool of
 * workers each checks a few files at a time and posts the results back as soon as they are ready,
 * so the xã view stays responsive, shows progress and results as they come, and stops at once when
 * the xã cancels (the workers are terminated). The per-file check is the same checkBundleFile the
 * in-thread path runs; only the cross-file step (combineChecked) runs on the page.
 */

export const verifyOptionsSchema = z.object({
  expectedPeriod: z.object({ from: z.string(), to: z.string(), label: z.string() }).optional(),
  allowSubPeriod: z.boolean().optional(),
  register: z.array(villageKeyRowSchema).optional(),
});
export type VerifyOptions = z.infer<typeof verifyOptionsSchema>;

const fileSchema = z.object({ index: z.number().int().nonnegative(), name: z.string(), text: z.string() });

export const verifyRequestSchema = z.object({
  type: z.literal('verify'),
  /** Which batch of the pool's job this is, echoed in the replies. */
  batch: z.number().int().nonnegative(),
  files: z.array(fileSchema),
  /**
   * Sent with a worker's first batch only, kept by the worker for the rest: a province's register
   * (2,000 rows) cloned and validated with every batch of four files cost a fifth of the check.
   */
  options: verifyOptionsSchema.optional(),
});
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

/** A result the worker sent; it comes from our own checkBundleFile, so only its envelope is checked. */
const isFileResult = (v: unknown): v is FileResult =>
  typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && typeof (v as { ok?: unknown }).ok === 'boolean';

export const verifyReplySchema = z.discriminatedUnion('type', [
  /**
   * The result as JSON text: a parsed bundle is a large tree of small objects, and JSON.parse on the
   * page rebuilds it several times faster than structured clone does.
   */
  z.object({ type: z.literal('result'), batch: z.number().int(), index: z.number().int().nonnegative(), json: z.string() }),
  z.object({ type: z.literal('batch-done'), batch: z.number().int() }),
  z.object({ type: z.literal('error'), batch: z.number().int(), message: z.string() }),
]);
export type VerifyReply = z.infer<typeof verifyReplySchema>;

/** The worker-side end: `scope` is the worker's global (self). */
export type WorkerScope = {
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
};

const toCheckOptions = (o: VerifyOptions): FileCheckOptions => ({
  ...(o.expectedPeriod ? { expectedPeriod: o.expectedPeriod } : {}),
  ...(o.allowSubPeriod !== undefined ? { allowSubPeriod: o.allowSubPeriod } : {}),
  ...(o.register ? { trust: { register: o.register } } : {}),
});

/** Runs inside the worker: checks each file of a request and posts each result as soon as it is known. */
export function serveVerifyRequests(scope: WorkerScope): void {
  let opts: FileCheckOptions | undefined;
  scope.addEventListener('message', (e) => {
    const parsed = verifyRequestSchema.safeParse(e.data);
    if (!parsed.success) {
      const batch = (e.data as { batch?: unknown } | null)?.batch;
      scope.postMessage({ type: 'error', batch: typeof batch === 'number' ? batch : -1, message: parsed.error.issues[0]?.message ?? 'bad request' } satisfies VerifyReply);
      return;
    }
    const req = parsed.data;
    if (req.options) opts = toCheckOptions(req.options);
    const options = opts;
    if (!options) {
      scope.postMessage({ type: 'error', batch: req.batch, message: 'Luồng phụ chưa nhận điều kiện kiểm tra.' } satisfies VerifyReply);
      return;
    }
    void (async () => {
      try {
        // The batch's files all at once: the signature check waits for WebCrypto (another thread),
        // and one file at a time left the worker idle for that wait, worst on a busy machine.
        await Promise.all(
          req.files.map(async (f) => {
            // Slim: 2,000 full bundles would not fit comfortably in the page's memory (see slimResult).
            const result = slimResult(await checkBundleFile(f, options));
            scope.postMessage({ type: 'result', batch: req.batch, index: f.index, json: JSON.stringify(result) } satisfies VerifyReply);
          }),
        );
        scope.postMessage({ type: 'batch-done', batch: req.batch } satisfies VerifyReply);
      } catch (err) {
        scope.postMessage({ type: 'error', batch: req.batch, message: err instanceof Error ? err.message : String(err) } satisfies VerifyReply);
      }
    })();
  });
}

/** The page-side view of a worker (a DOM Worker, or a Node worker_threads adapter in the benchmark). */
export type WorkerLike = {
  postMessage(message: unknown): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
};

/** Adapts a DOM Worker; a worker's uncaught error ends the check with its message instead of reaching the console. */
export function domWorker(w: Worker): WorkerLike {
  const like: WorkerLike = { postMessage: (m) => w.postMessage(m), terminate: () => w.terminate(), onmessage: null, onerror: null };
  w.onmessage = (e) => like.onmessage?.({ data: e.data as unknown });
  w.onerror = (e) => {
    e.preventDefault();
    like.onerror?.({ message: e.message });
  };
  return like;
}

/** Called with every result as it arrives (index = position in the input) and the running count. */
export type OnResult = (index: number, result: FileResult, done: number, total: number) => void;

/** Checks every file; resolves with the results in input order, rejects with AggregateCancelled on abort. */
export type Verifier = (files: readonly AggregateFile[], options: VerifyOptions, onResult: OnResult, signal: AbortSignal) => Promise<FileResult[]>;

/** Files handed to a worker at a time: small enough to balance the pool, large enough to keep it busy. */
const BATCH_FILES = 4;

export function workerPoolVerifier(spawn: () => WorkerLike, size: number): Verifier {
  return (files, options, onResult, signal) =>
    new Promise<FileResult[]>((resolve, reject) => {
      const out = new Array<FileResult>(files.length);
      const workers: WorkerLike[] = [];
      let next = 0;
      let done = 0;
      let batch = 0;
      let finished = false;
      const finish = (err?: Error) => {
        if (finished) return;
        finished = true;
        signal.removeEventListener('abort', onAbort);
        for (const w of workers) w.terminate();
        if (err) reject(err);
        else resolve(out);
      };
      const onAbort = () => finish(new AggregateCancelled());
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort);

      const briefed = new Set<WorkerLike>();
      const feed = (w: WorkerLike) => {
        if (next >= files.length) return;
        const slice = files.slice(next, next + BATCH_FILES).map((f, i) => ({ index: next + i, name: f.name, text: f.text }));
        next += slice.length;
        const first = !briefed.has(w);
        briefed.add(w);
        w.postMessage({ type: 'verify', batch: batch++, files: slice, ...(first ? { options } : {}) } satisfies VerifyRequest);
      };
      const count = Math.max(1, Math.min(size, Math.ceil(files.length / BATCH_FILES)));
      if (!files.length) return finish();
      for (let i = 0; i < count; i++) {
        const w = spawn();
        workers.push(w);
        w.onerror = (e) => finish(new Error(e.message || 'Lỗi khi kiểm tra tệp trong luồng phụ.'));
        w.onmessage = (e) => {
          if (finished) return;
          const reply = verifyReplySchema.safeParse(e.data);
          if (!reply.success) return finish(new Error('Luồng phụ trả về dữ liệu không hợp lệ.'));
          const r = reply.data;
          if (r.type === 'error') return finish(new Error(r.message));
          if (r.type === 'batch-done') return feed(w);
          let result: unknown;
          try {
            result = JSON.parse(r.json);
          } catch {
            result = undefined;
          }
          if (r.index >= files.length || out[r.index] || !isFileResult(result)) return finish(new Error('Luồng phụ trả về kết quả lạ.'));
          out[r.index] = result;
          done++;
          onResult(r.index, result, done, files.length);
          if (done === files.length) finish();
        };
        feed(w);
      }
      // A second batch queued per worker (after every worker has its first, so small jobs still
      // spread): it goes on while the page is busy showing results instead of waiting for its answer.
      for (const w of workers) feed(w);
    });
}

/** Same contract on the page's own thread (tests, or a browser without workers); yields between files. */
export function inThreadVerifier(): Verifier {
  return async (files, options, onResult, signal) => {
    const opts = toCheckOptions(options);
    const out: FileResult[] = [];
    for (let i = 0; i < files.length; i++) {
      if (signal.aborted) throw new AggregateCancelled();
      const r = slimResult(await checkBundleFile(files[i]!, opts));
      out.push(r);
      onResult(i, r, i + 1, files.length);
      await new Promise((res) => setTimeout(res, 0));
    }
    if (signal.aborted) throw new AggregateCancelled();
    return out;
  };
}
