import { beforeAll, describe, expect, it } from 'vitest';
import { makeLog } from '../reports/make-log';
import { fileOf, forgeRehashed, registerOf } from './signed-fixtures';
import type { LogEntry } from '../../../lib/log/schema';
import { AggregateCancelled, aggregateBundles, combineChecked, slimResult, type AggregateFile, type FileResult, type RejectedFile } from '../../../lib/reports/aggregate';
import { makeBundle, type Bundle } from '../../../lib/reports/bundle';
import { monthPeriod } from '../../../lib/reports/period';
import { inThreadVerifier, serveVerifyRequests, workerPoolVerifier, type Verifier, type WorkerLike } from '../../../lib/reports/verify-pool';
import { signBundle } from '../../../lib/trust/bundle-signature';
import { generateSigningKey } from '../../../lib/trust/keys';
import type { VillageKeyRow } from '../../../lib/trust/register';

/**
 * A worker run in this thread: messages cross through structuredClone, as between a page and a real
 * worker, and terminate() cuts the line both ways.
 */
function fakeWorker(log: { spawned: number; terminated: number }): WorkerLike {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  let alive = true;
  log.spawned++;
  const page: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => {
      const data = structuredClone(m);
      if (alive) setTimeout(() => listeners.forEach((l) => l({ data })), 0);
    },
    terminate: () => {
      alive = false;
      log.terminated++;
    },
  };
  serveVerifyRequests({
    addEventListener: (_t, l) => listeners.push(l),
    postMessage: (m) => {
      const data = structuredClone(m);
      if (alive) page.onmessage?.({ data });
    },
  });
  return page;
}

const nov = monthPeriod(2026, 11);
const place = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
let signed: Bundle;
let forgedResigned: Bundle;
let register: VillageKeyRow[];
let files: AggregateFile[];
let rewrittenByVillage: Bundle;

beforeAll(async () => {
  const log: LogEntry[] = await makeLog({ n: 60, seed: 8, threadId: 'g-dong', place, start: '2026-11-01T01:00:00Z', spanDays: 25 });
  const village = await generateSigningKey();
  const b = makeBundle({ entries: log, period: nov, place, group: { threadId: 'g-dong', name: 'Tổ CNS - Thôn Đông' }, exporter: { adminName: 'Trần Văn Bình', extensionVersion: '0.2.0' }, previous: null });
  signed = await signBundle(b, village);
  forgedResigned = await signBundle(await forgeRehashed(signed), await generateSigningKey());
  register = await registerOf(signed);
  const other = await signBundle(makeBundle({ entries: await makeLog({ n: 40, seed: 9, threadId: 'g-doai', place: { ...place, thon: 'Đoài' }, start: '2026-11-02T01:00:00Z', spanDays: 20 }), period: nov, place: { ...place, thon: 'Đoài' }, group: { threadId: 'g-doai', name: 'Tổ CNS - Thôn Đoài' }, exporter: { adminName: 'Lê Thị Hoa', extensionVersion: '0.2.0' } }), await generateSigningKey());
  // The village's own key over a rewritten history: only continuity (entry hashes) can tell.
  rewrittenByVillage = await signBundle(await forgeRehashed(signed), village);
  files = [fileOf('dong.json', signed), fileOf('gia.json', forgedResigned), { name: 'hong.json', text: '{"format":' }, fileOf('doai.json', other), ...Array.from({ length: 8 }, (_, i) => fileOf(`ban-sao-${i}.json`, signed))];
});

describe('verifiers (pool of workers, page thread) give what aggregateBundles gives', () => {
  const pool = () => workerPoolVerifier(() => fakeWorker({ spawned: 0, terminated: 0 }), 3);
  it.each<[string, () => Verifier]>([
    ['worker pool', pool],
    ['page thread', inThreadVerifier],
  ])('%s: same verdicts, in file order, each result reported as it arrives', async (_n, make) => {
    const seen: number[] = [];
    const checked = await make()(files, { expectedPeriod: nov, register }, (i, _r, done, total) => {
      seen.push(i);
      expect(done).toBe(seen.length);
      expect(total).toBe(files.length);
    }, new AbortController().signal);
    expect(seen.sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    const viaPool = combineChecked(files.length, checked, { expectedPeriod: nov, trust: { register, history: [] }, now: new Date('2026-12-01T00:00:00Z') });
    const direct = await aggregateBundles(files, { expectedPeriod: nov, trust: { register, history: [] }, now: new Date('2026-12-01T00:00:00Z') });
    expect(viaPool.files.map((f) => [f.name, f.ok, f.ok ? '' : f.reason])).toEqual(direct.files.map((f) => [f.name, f.ok, f.ok ? '' : f.reason]));
    expect(viaPool.totals).toEqual(direct.totals);
    expect(viaPool.rows).toEqual(direct.rows);
    expect(viaPool.received).toEqual(direct.received);
    // What crossed from the worker is the result without entries and texts, plus the entry hashes.
    expect(checked[0]).toEqual(slimResult(direct.files[0]!));
    expect(checked[0]!.bundle!.entries).toEqual([]);
    expect((checked[0] as { entryHashes?: string[] }).entryHashes).toEqual(signed.entries.map((e) => e.hash));
    // The forgery (re-hashed entries, valid chain, another key) is refused; the stranger is unregistered.
    const byName = new Map(viaPool.files.map((f) => [f.name, f]));
    expect((byName.get('gia.json') as RejectedFile).key?.kind).toBe('other-key');
    expect((byName.get('doai.json') as RejectedFile).reason).toMatch(/^Chưa đăng ký khóa của thôn/);
    expect((byName.get('hong.json') as RejectedFile).reason).toMatch(/không phải JSON hợp lệ/);
    expect(byName.get('dong.json')!.ok).toBe(true);
    expect(viaPool.totals.accepted).toBe(1);
  });
});

describe('continuity from slim results', () => {
  it.each<[string, () => Verifier]>([
    ['worker pool', () => workerPoolVerifier(() => fakeWorker({ spawned: 0, terminated: 0 }), 2)],
    ['page thread', inThreadVerifier],
  ])('%s: a history rewritten under the village key is caught from the entry hashes alone', async (_n, make) => {
    const at = new Date('2026-12-01T00:00:00Z');
    const history = (await aggregateBundles([fileOf('dong.json', signed)], { trust: { register, history: [] }, now: at })).received;
    const batch = [fileOf('dong-viet-lai.json', rewrittenByVillage)];
    const checked = await make()(batch, { register }, () => undefined, new AbortController().signal);
    const viaPool = combineChecked(1, checked, { trust: { register, history }, now: at });
    const direct = await aggregateBundles(batch, { trust: { register, history }, now: at });
    expect(viaPool.warnings).toEqual(direct.warnings);
    expect(viaPool.warnings.join(' ')).toMatch(/viết lại|làm lại/);
  });
});

describe('worker pool', () => {
  it('cancel: rejects with AggregateCancelled, terminates every worker, reports nothing after', async () => {
    const log = { spawned: 0, terminated: 0 };
    const ctrl = new AbortController();
    const arrived: number[] = [];
    const run = workerPoolVerifier(() => fakeWorker(log), 2)(files, { register }, (i, _r, done) => {
      arrived.push(i);
      if (done === 2) ctrl.abort();
    }, ctrl.signal);
    await expect(run).rejects.toBeInstanceOf(AggregateCancelled);
    expect(log.spawned).toBe(2);
    expect(log.terminated).toBe(2);
    const count = arrived.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(arrived.length).toBe(count);
    expect(count).toBeLessThan(files.length);
  });

  it('a worker that fails or answers nonsense ends the check with an error, and all workers stop', async () => {
    const log = { spawned: 0, terminated: 0 };
    const broken = (): WorkerLike => {
      log.spawned++;
      const w: WorkerLike = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => w.onmessage?.({ data: { type: 'result', batch: 0, index: 999, result: {} } }), 0), terminate: () => void log.terminated++ };
      return w;
    };
    await expect(workerPoolVerifier(broken, 2)(files, {}, () => undefined, new AbortController().signal)).rejects.toThrow('Luồng phụ');
    expect(log.terminated).toBe(log.spawned);
    const crashing = (): WorkerLike => {
      const w: WorkerLike = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => w.onerror?.({ message: 'Out of memory' }), 0), terminate: () => undefined };
      return w;
    };
    await expect(workerPoolVerifier(crashing, 2)(files, {}, () => undefined, new AbortController().signal)).rejects.toThrow('Out of memory');
  });

  it('the worker refuses a malformed request by name instead of crashing', async () => {
    const replies: unknown[] = [];
    let handler: ((e: { data: unknown }) => void) | undefined;
    serveVerifyRequests({ addEventListener: (_t, l) => (handler = l), postMessage: (m) => replies.push(m) });
    handler!({ data: { type: 'verify', batch: 4, files: [{ index: -1, name: 'x', text: '' }], options: {} } });
    expect(replies).toEqual([expect.objectContaining({ type: 'error', batch: 4 })]);
  });

  it('sends the register with the first batch of each worker only; a worker never told the options refuses to check', async () => {
    const log = { spawned: 0, terminated: 0 };
    const sent: { worker: number; options: boolean }[] = [];
    const spawn = (): WorkerLike => {
      const w = fakeWorker(log);
      const id = log.spawned;
      const post = w.postMessage;
      w.postMessage = (m) => {
        sent.push({ worker: id, options: typeof m === 'object' && m !== null && 'options' in m });
        post(m);
      };
      return w;
    };
    const many = Array.from({ length: 5 }, () => files).flat();
    const checked = await workerPoolVerifier(spawn, 2)(many, { expectedPeriod: nov, register }, () => undefined, new AbortController().signal);
    // Every later batch was checked against the register all the same.
    expect(checked.map((r) => r.ok)).toEqual(many.map((_f, i) => checked[i % files.length]!.ok));
    expect(sent.length).toBeGreaterThan(log.spawned);
    for (let w = 1; w <= log.spawned; w++) expect(sent.filter((m) => m.worker === w).map((m) => m.options)[0]).toBe(true);
    expect(sent.filter((m) => m.options)).toHaveLength(log.spawned);

    const replies: unknown[] = [];
    let handler: ((e: { data: unknown }) => void) | undefined;
    serveVerifyRequests({ addEventListener: (_t, l) => (handler = l), postMessage: (m) => replies.push(m) });
    handler!({ data: { type: 'verify', batch: 0, files: [{ index: 0, name: files[0]!.name, text: files[0]!.text }] } });
    expect(replies).toEqual([{ type: 'error', batch: 0, message: 'Luồng phụ chưa nhận điều kiện kiểm tra.' }]);
  });

  it('keeps two batches queued per worker, the first ones spread over every worker', async () => {
    const count = async (n: number) => {
      const received: number[] = [];
      const silent = (): WorkerLike => {
        const id = received.push(0) - 1;
        return { onmessage: null, onerror: null, postMessage: () => void received[id]!++, terminate: () => undefined };
      };
      const stop = new AbortController();
      const job = workerPoolVerifier(silent, 2)(Array.from({ length: n }, () => files[0]!), {}, () => undefined, stop.signal);
      stop.abort();
      await expect(job).rejects.toBeInstanceOf(AggregateCancelled);
      return received;
    };
    expect(await count(40)).toEqual([2, 2]);
    expect(await count(5)).toEqual([1, 1]);
  });

  it('no files: resolves at once without starting a worker', async () => {
    const log = { spawned: 0, terminated: 0 };
    const out: FileResult[] = await workerPoolVerifier(() => fakeWorker(log), 4)([], {}, () => undefined, new AbortController().signal);
    expect(out).toEqual([]);
    expect(log.spawned).toBe(0);
  });
});
