import { afterEach, describe, expect, it } from 'vitest';
import type { GuardDb } from '@/lib/db/db';
import { appendLog } from '@/lib/log/append';
import {
  MAX_SAMPLES_PER_KIND,
  addSample,
  exportSamples,
  importSamples,
  learnFromDecision,
  loadSamples,
  putSample,
  saveImportedSamples,
} from '@/lib/moderation/samples';
import { judgeBySamples } from '@/lib/moderation/similarity';
import { flagInput, freshDb } from '../log/helpers';

const R = { phones: true, idNumbers: true };
const SCAM = 'Chúc mừng số thuê bao 0912 345 678 đã trúng thưởng xe Honda SH từ chương trình tri ân, vui lòng chuyển 1.500.000đ phí trước bạ vào STK 1903 5678 9012 để nhận xe.';
const MARKET = 'Chợ phiên thôn Đông sáng Chủ nhật có bán cây giống, bà con ai cần thì ra sớm, hợp tác xã hỗ trợ vận chuyển.';

const dbs: GuardDb[] = [];
function db() {
  const d = freshDb();
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

async function decide(d: GuardDb, text: string, action: 'deleted' | 'remind' | 'dismissed' | 'note') {
  const flag = (await appendLog(d, flagInput({ text, category: 'scam' }), { redaction: R })).entry;
  const act = (await appendLog(d, { ...flagInput(), kind: 'action', action, ref: flag.seq, text: undefined }, { redaction: R })).entry;
  return learnFromDecision(d, { flag, action: act, text }, R);
}

describe('learning from admin decisions', () => {
  it.each([
    ['deleted', 'violation'],
    ['remind', 'violation'],
    ['dismissed', 'clean'],
    ['note', null],
  ] as const)('%s → %s sample', async (action, kind) => {
    const d = db();
    const sample = await decide(d, SCAM, action);
    expect(sample?.kind ?? null).toBe(kind);
    if (sample) {
      expect(sample.groupId).toBe(flagInput().group.threadId);
      expect(sample.excerpt).not.toContain('0912');
      expect(sample.source?.seq).toBe(1);
    }
  });

  it('then flags the reposted scam with a new phone number and suppresses the dismissed notice', async () => {
    const d = db();
    await decide(d, SCAM, 'deleted');
    await decide(d, MARKET, 'dismissed');
    const samples = await loadSamples(d, flagInput().group.threadId);
    expect(judgeBySamples(SCAM.replace('0912 345 678', '0388 222 111'), samples).verdict).toBe('violation');
    expect(judgeBySamples(`${MARKET} 🌱`, samples).verdict).toBe('clean');
    expect(judgeBySamples('Kính mời bà con dự họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa.', samples).verdict).toBe('none');
  });

  it('does not store the same message twice, and a later opposite decision replaces the sample', async () => {
    const d = db();
    await decide(d, SCAM, 'deleted');
    expect(await decide(d, SCAM, 'remind')).toBeNull();
    await decide(d, SCAM, 'dismissed');
    const samples = await loadSamples(d, flagInput().group.threadId);
    expect(samples.map((s) => s.kind)).toEqual(['clean']);
  });

  it('ignores texts too short to compare', async () => {
    const d = db();
    expect(await addSample(d, { groupId: 'g', kind: 'violation', text: 'vl' }, R)).toBeNull();
  });

  it(`keeps at most ${MAX_SAMPLES_PER_KIND} samples per kind, dropping the oldest`, async () => {
    const d = db();
    for (let i = 0; i < MAX_SAMPLES_PER_KIND + 5; i++) {
      // Disjoint sketches: every sample is a different message.
      const signature = Array.from({ length: 20 }, (_, k) => i * 100 + k);
      await putSample(d, { groupId: 'g', kind: 'violation', signature, excerpt: `mẫu ${i}`, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() });
    }
    const rows = await loadSamples(d, 'g');
    expect(rows).toHaveLength(MAX_SAMPLES_PER_KIND);
    expect(rows.map((r) => r.excerpt)).not.toContain('mẫu 4');
    expect(rows.map((r) => r.excerpt)).toContain('mẫu 5');
  });
});

describe('export / import with a rule pack', () => {
  it('round-trips and works in another group; clean excerpts are left out', async () => {
    const d = db();
    await decide(d, SCAM, 'deleted');
    await decide(d, MARKET, 'dismissed');
    const exported = exportSamples(await loadSamples(d, flagInput().group.threadId));
    expect(exported.samples.find((s) => s.kind === 'clean')?.excerpt).toBe('');
    const json = JSON.stringify(exported);
    const result = await saveImportedSamples(d, 'g-other', json);
    expect(result).toEqual({ ok: true, value: { added: 2, skipped: 0 } });
    expect(await saveImportedSamples(d, 'g-other', json)).toEqual({ ok: true, value: { added: 0, skipped: 2 } });
    const other = await loadSamples(d, 'g-other');
    expect(judgeBySamples(SCAM.replace('Honda SH', 'Honda Vision'), other).verdict).toBe('violation');
  });

  it.each([
    ['not JSON', '{oops', '(root)'],
    ['wrong format', { format: 'other', version: 1, samples: [] }, 'format'],
    ['future version', { format: 'zgg-samples', version: 2, samples: [] }, 'version'],
    ['bad kind', { format: 'zgg-samples', version: 1, samples: [{ kind: 'spam', signature: [], createdAt: '2025-01-01T00:00:00Z' }] }, 'samples[0].kind'],
    ['unknown category', { format: 'zgg-samples', version: 1, samples: [{ kind: 'clean', category: 'spam', signature: [], createdAt: '2025-01-01T00:00:00Z' }] }, 'samples[0].category'],
    ['signature too short', { format: 'zgg-samples', version: 1, samples: [{ kind: 'clean', signature: [1, 2, 3], createdAt: '2025-01-01T00:00:00Z' }] }, 'samples[0].signature'],
    ['signature unsorted', { format: 'zgg-samples', version: 1, samples: [{ kind: 'clean', signature: Array.from({ length: 20 }, (_, i) => 100 - i), createdAt: '2025-01-01T00:00:00Z' }] }, 'samples[0].signature'],
    ['hash out of range', { format: 'zgg-samples', version: 1, samples: [{ kind: 'clean', signature: [...Array.from({ length: 19 }, (_, i) => i), 2 ** 40], createdAt: '2025-01-01T00:00:00Z' }] }, 'samples[0].signature[19]'],
    ['bad date', { format: 'zgg-samples', version: 1, samples: [{ kind: 'clean', signature: Array.from({ length: 20 }, (_, i) => i), createdAt: 'hôm qua' }] }, 'samples[0].createdAt'],
  ])('rejects %s naming %s', (_l, input, path) => {
    const r = importSamples(input, 'g');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe(path);
  });
});
