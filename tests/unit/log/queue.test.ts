import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendLog, type AppendInput } from '@/lib/log/append';
import { LogValidationError } from '@/lib/log/errors';
import { createRetryQueue, jsonStorage, type QueueStorage, type RetryQueue } from '@/lib/log/queue';
import { verifyLog } from '@/lib/log/verify';
import type { GuardDb } from '@/lib/db/db';
import { flagInput, freshDb } from './helpers';

/** A Map-backed Storage stand-in (what sessionStorage offers). */
function memoryBackend() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

/** Manual clock + timers so backoff is tested without waiting. */
function fakeTime() {
  let t = 1_000_000;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => t,
    schedule: (fn: () => void, ms: number) => {
      const timer = { at: t + ms, fn, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
    armed: () => timers.filter((x) => x.live).length,
    advance(ms: number) {
      t += ms;
      for (const timer of timers.splice(0)) {
        if (timer.live && timer.at <= t) timer.fn();
        else if (timer.live) timers.push(timer);
      }
    },
  };
}

const R = { redaction: { phones: true, idNumbers: true } };
const dbs: GuardDb[] = [];
const queues: RetryQueue<AppendInput>[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) q.dispose();
  for (const d of dbs.splice(0)) await d.delete();
});

function setup(failures: number, opts: { failAfterWrite?: boolean } = {}) {
  const db = freshDb();
  dbs.push(db);
  const backend = memoryBackend();
  const clock = fakeTime();
  let left = failures;
  let calls = 0;
  const send = async (item: AppendInput, key: string) => {
    calls++;
    if (left > 0 && !opts.failAfterWrite) {
      left--;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    const result = await appendLog(db, { ...item, key }, R);
    if (left > 0) {
      left--;
      throw new Error('The message port closed before a response was received.');
    }
    return result;
  };
  const make = () => {
    const q = createRetryQueue<AppendInput>({ send, storage: jsonStorage(backend), now: clock.now, schedule: clock.schedule, baseDelayMs: 100 });
    queues.push(q);
    return q;
  };
  return { db, backend, clock, make, calls: () => calls };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('createRetryQueue', () => {
  it.each([
    ['worker asleep 3 times, then up', { failAfterWrite: false }],
    ['writes succeed but replies get lost 3 times', { failAfterWrite: true }],
  ])('%s → exactly one append', async (_l, opts) => {
    const { db, clock, make, calls } = setup(3, opts);
    const q = make();
    await q.enqueue(flagInput());
    await vi.waitFor(() => expect(clock.armed()).toBe(1));
    expect(q.pending).toBe(1);
    expect(q.lastError?.kind).toBe('send');
    for (const [step, n] of [[100, 2], [200, 3], [400, 4]]) {
      await vi.waitFor(() => expect(clock.armed()).toBe(1));
      clock.advance(step);
      await vi.waitFor(() => expect(calls()).toBe(n));
    }
    await vi.waitFor(() => expect(q.pending).toBe(0));
    expect(q.lastError).toBeNull();
    expect(await db.log.count()).toBe(1);
    expect((await verifyLog(db))[0].ok).toBe(true);
  });

  it('backs off exponentially: nothing is sent before the delay', async () => {
    const { clock, make, calls } = setup(5);
    const q = make();
    await q.enqueue(flagInput());
    await vi.waitFor(() => expect(clock.armed()).toBe(1));
    clock.advance(99);
    await settle();
    expect(calls()).toBe(1);
    clock.advance(1);
    await vi.waitFor(() => expect(calls()).toBe(2));
    await vi.waitFor(() => expect(clock.armed()).toBe(1));
    clock.advance(199);
    await settle();
    expect(calls()).toBe(2);
    clock.advance(1);
    await vi.waitFor(() => expect(calls()).toBe(3));
  });

  it('a new queue over the same storage resumes after a restart, in order', async () => {
    const { db, backend, make } = setup(100);
    const q1 = make();
    await q1.enqueue(flagInput({ messageId: 'first' }), 'k-1');
    await q1.enqueue(flagInput({ messageId: 'second' }), 'k-2');
    await vi.waitFor(() => expect(q1.lastError?.kind).toBe('send'));
    await q1.flush(); // let in-flight passes finish: the old page is gone before the new one loads
    q1.dispose();
    expect(JSON.parse(backend.m.get('zgg-log-queue') ?? '[]')).toHaveLength(2);

    // Page reloaded and the worker is back: a fresh queue with a working sender.
    const q2 = createRetryQueue<AppendInput>({ send: (item, key) => appendLog(db, { ...item, key }, R), storage: jsonStorage(backend) });
    queues.push(q2);
    expect(await q2.flush({ force: true })).toEqual({ sent: 2, pending: 0 });
    const entries = await db.log.orderBy('[chainId+seq]').toArray();
    expect(entries.map((e) => e.messageId)).toEqual(['first', 'second']);
    expect(JSON.parse(backend.m.get('zgg-log-queue') ?? '')).toEqual([]);
  });

  it('de-duplicates by idempotency key on enqueue', async () => {
    const { make } = setup(100);
    const q = make();
    await q.enqueue(flagInput(), 'same');
    await q.enqueue(flagInput(), 'same');
    expect(q.pending).toBe(1);
  });

  it('drops items the background rejects as invalid and reports them', async () => {
    const db = freshDb();
    dbs.push(db);
    const q = createRetryQueue<AppendInput>({
      send: (item, key) => appendLog(db, { ...item, key }, R),
      storage: jsonStorage(memoryBackend()),
      isPermanent: (e) => e instanceof LogValidationError,
    });
    queues.push(q);
    await q.enqueue(flagInput({ category: 'spam' as never }), 'bad');
    await q.enqueue(flagInput(), 'good');
    await q.flush({ force: true });
    expect(q.pending).toBe(0);
    expect(await db.log.count()).toBe(1);
  });

  it.each([
    ['QuotaExceededError', Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }), 'quota'],
    ['chrome.storage quota', new Error('QUOTA_BYTES quota exceeded'), 'quota'],
    ['other storage failure', new Error('IO error'), 'storage'],
  ])('storage failing with %s is reported as %s and the item is still sent', async (_l, error, kind) => {
    const sent: string[] = [];
    const storage: QueueStorage = { get: () => [], set: () => { throw error; } };
    const q = createRetryQueue<{ id: string }>({ send: async (i) => void sent.push(i.id), storage });
    await q.enqueue({ id: 'x' });
    expect(q.lastError?.kind).toBe(kind);
    await q.flush();
    expect(sent).toEqual(['x']);
  });

  it('ignores garbage left in storage', async () => {
    const storage: QueueStorage = { get: () => [{ nope: 1 }, 'x', { key: 'k', item: { id: 'ok' }, attempts: 0, nextAt: 0 }], set: () => undefined };
    const sent: string[] = [];
    const q = createRetryQueue<{ id: string }>({ send: async (i) => void sent.push(i.id), storage });
    await q.flush();
    expect(sent).toEqual(['ok']);
  });
});
