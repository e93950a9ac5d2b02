import { afterEach, describe, expect, it } from 'vitest';
import { memberKey, nextStep, strikeHistory } from '@/lib/moderation/ladder';
import { proposeStep } from '@/lib/moderation/ladder-db';
import { appendLog, correctEntry } from '@/lib/log/append';
import type { LogEntry } from '@/lib/log/schema';
import { DEFAULT_GLOBAL_SETTINGS, ladderSettingsSchema } from '@/lib/settings/schema';
import { GROUP_A, flagInput, freshDb } from '../log/helpers';

const L = DEFAULT_GLOBAL_SETTINGS.ladder;
const An = { name: 'Nguyễn Văn An', uid: 'u-an' };
const Binh = { name: 'Lê Thị Bình' };

/** Builds entries without hashing: strikeHistory only reads bodies. */
let seq = 0;
function e(kind: LogEntry['kind'], over: Partial<LogEntry> = {}): LogEntry {
  seq++;
  return {
    chainId: 'g1',
    seq,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
    time: new Date(Date.UTC(2025, 0, seq)).toISOString(),
    kind,
    group: { threadId: 'g1', name: 'Thôn Đông' },
    place: { thon: '', xa: '', tinh: '' },
    admin: 'Bình',
    ...over,
  };
}
const flag = (member: { name: string; uid?: string }, category: LogEntry['category'] = 'advertising') => e('flag', { member, category });
const act = (action: LogEntry['action'], ref?: number, member?: { name: string; uid?: string }) => e('action', { action, ref, member });
const fix = (ref: number, outcome: string = 'void') => e('correction', { ref, outcome });

describe('nextStep', () => {
  it.each([
    [0, 'advertising', 'remind', 1, false],
    [1, 'advertising', 'warn', 2, false],
    [2, 'abusive-language', 'propose-removal', 3, false],
    [7, 'abusive-language', 'propose-removal', 8, false],
    [0, 'scam', 'propose-removal', 1, true],
    [0, 'classified-info', 'propose-removal', 1, true],
    [0, 'sensitive-topic', 'remind', 1, false],
    [0, undefined, 'remind', 1, false],
  ] as const)('%i earlier strikes, %s → %s', (strikes, category, step, strikeNumber, immediate) => {
    expect(nextStep(strikes, category, L)).toEqual({ step, strikeNumber, immediate });
  });

  it.each([
    [{ steps: ['remind', 'remind', 'warn', 'propose-removal'] }, 1, 'advertising', 'remind'],
    [{ steps: ['propose-removal'] }, 0, 'advertising', 'propose-removal'],
    [{ immediateCategories: [] }, 0, 'scam', 'remind'],
    [{ immediateCategories: ['sensitive-topic', 'scam', 'strange-link', 'advertising', 'gambling-fortune', 'abusive-language', 'unverified-news', 'classified-info'] }, 0, 'advertising', 'propose-removal'],
  ] as const)('group settings %o', (patch, strikes, category, step) => {
    expect(nextStep(strikes, category, ladderSettingsSchema.parse(patch)).step).toBe(step);
  });

  it('ignores strikes older than strikeWindowDays', () => {
    const settings = ladderSettingsSchema.parse({ strikeWindowDays: 90 });
    const now = new Date('2025-06-01T00:00:00Z');
    const strikes = [{ time: '2025-01-01T00:00:00Z' }, { time: '2025-05-01T00:00:00Z' }];
    expect(nextStep(strikes, 'advertising', settings, now)).toMatchObject({ step: 'warn', strikeNumber: 2 });
    expect(nextStep(strikes, 'advertising', L, now)).toMatchObject({ step: 'propose-removal', strikeNumber: 3 });
  });
});

describe('memberKey', () => {
  it.each([
    [{ name: 'An', uid: '123' }, 'uid:123'],
    [{ name: '  Nguyễn   Văn AN ' }, 'name:nguyễn văn an'],
    [{ name: 'Nguye\u0302\u0303n Văn An' }, 'name:nguyễn văn an'],
  ])('%o → %s', (m, key) => expect(memberKey(m)).toBe(key));
});

describe('strikeHistory', () => {
  const cases: [string, () => LogEntry[], string | { name: string; uid?: string }, number[]][] = [
    ['one flag, deleted then reminded = one strike', () => { const f = flag(An); return [f, act('deleted', f.seq), act('remind', f.seq)]; }, An, [1]],
    ['dismissed flag is no strike', () => { const f = flag(An); return [f, act('dismissed', f.seq)]; }, An, []],
    ['flag without decision is no strike', () => [flag(An)], An, []],
    ['reminded then dismissed on review = no strike', () => { const f = flag(An); return [f, act('remind', f.seq), act('dismissed', f.seq)]; }, An, []],
    ['void correction on the action cancels it', () => { const f = flag(An); const a = act('remind', f.seq); return [f, a, fix(a.seq)]; }, An, []],
    ['void correction on the flag cancels it', () => { const f = flag(An); const a = act('deleted', f.seq); return [f, a, fix(f.seq)]; }, An, []],
    ['amend correction keeps the strike', () => { const f = flag(An); const a = act('remind', f.seq); return [f, a, fix(a.seq, 'amend')]; }, An, [1]],
    ['voiding the void restores the strike', () => { const f = flag(An); const a = act('remind', f.seq); const c = fix(a.seq); return [f, a, c, fix(c.seq)]; }, An, [1]],
    ['two flags, two strikes', () => { const f1 = flag(An); const a1 = act('remind', f1.seq); const f2 = flag(An, 'scam'); return [f1, a1, f2, act('deleted', f2.seq)]; }, An, [1, 2]],
    ['other members do not count', () => { const f1 = flag(Binh); const f2 = flag(An); return [f1, act('remind', f1.seq), f2, act('remind', f2.seq)]; }, An, [1]],
    ['member by name when uid unknown', () => { const f = flag(Binh); return [f, act('warn', f.seq)]; }, { name: 'lê thị  bình' }, [1]],
    ['member by key string', () => { const f = flag(An); return [f, act('warn', f.seq)]; }, 'uid:u-an', [1]],
    ['same name, different uid is someone else', () => { const f = flag({ name: 'Nguyễn Văn An', uid: 'u-other' }); return [f, act('warn', f.seq)]; }, An, []],
    ['manual action without flag counts', () => [act('remind', undefined, An)], An, [1]],
    ['note is not a decision', () => { const f = flag(An); return [f, act('note', f.seq)]; }, An, []],
  ];
  it.each(cases)('%s', (_l, build, member, expectedCount) => {
    seq = 0;
    const strikes = strikeHistory(build(), member);
    expect(strikes.map((_, i) => i + 1)).toEqual(expectedCount);
  });

  it('reports category and the first confirming action', () => {
    seq = 0;
    const f = flag(An, 'gambling-fortune');
    const d = act('deleted', f.seq);
    const [s] = strikeHistory([f, d, act('remind', f.seq)], An);
    expect(s).toMatchObject({ flagSeq: f.seq, actionSeq: d.seq, action: 'deleted', category: 'gambling-fortune' });
  });
});

describe('proposeStep (from the stored log)', () => {
  const dbs: ReturnType<typeof freshDb>[] = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) await d.delete();
  });

  it('walks the ladder as the admin confirms violations, and a correction steps back', async () => {
    const db = freshDb();
    dbs.push(db);
    const R = { redaction: { phones: true, idNumbers: true } };
    const C = GROUP_A.threadId;
    const confirm = async (action: 'remind' | 'warn' | 'dismissed') => {
      const f = await appendLog(db, flagInput({ category: 'advertising', member: An }), R);
      const a = await appendLog(db, { ...flagInput({ member: An }), kind: 'action', action, ref: f.entry.seq, text: undefined }, R);
      return a.entry.seq;
    };
    expect((await proposeStep(db, C, An, 'advertising', L)).step).toBe('remind');
    await confirm('remind');
    expect((await proposeStep(db, C, An, 'advertising', L)).step).toBe('warn');
    await confirm('dismissed');
    expect((await proposeStep(db, C, An, 'advertising', L)).step).toBe('warn');
    const warned = await confirm('warn');
    expect((await proposeStep(db, C, An, 'advertising', L)).step).toBe('propose-removal');
    await correctEntry(db, warned, C, 'Cảnh cáo nhầm người', { admin: 'Bình', ...R });
    expect(await proposeStep(db, C, An, 'advertising', L)).toMatchObject({ step: 'warn', strikeNumber: 2 });
    expect((await proposeStep(db, C, Binh, 'advertising', L)).step).toBe('remind');
    expect((await proposeStep(db, C, Binh, 'scam', L)).step).toBe('propose-removal');
  });
});
