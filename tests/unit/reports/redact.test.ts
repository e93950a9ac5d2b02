import { describe, expect, it } from 'vitest';
import { initials, maskNumbers, redactEntry, stripExportMarkers } from '../../../lib/reports/redact';
import { linkAll, defaultPlace } from './make-log';

describe('initials', () => {
  it.each([
    ['Nguyễn Văn An', 'N.V.A.'],
    ['đặng thị bích', 'Đ.T.B.'],
    ['  Lê   Hoàng  Cường ', 'L.H.C.'],
    ['Ông Út', 'Ô.Ú.'],
    ['Bác Tư 😀', 'B.T.😀.'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('maskNumbers', () => {
  it.each([
    ['Gọi 0912 345 678 nhé', 'Gọi **** *** 678 nhé'],
    ['SĐT: 0912345678', 'SĐT: *******678'],
    ['+84 987 654 321', '*** *** *** 321'],
    ['0988.111.222', '****.***.222'],
    ['CCCD 001203004567', 'CCCD *********567'],
    ['STK 1903-6868-1234-5', 'STK ****-****-**34-5'],
    ['Giá 500.000đ, 20k/kg', 'Giá 500.000đ, 20k/kg'], // short money amounts stay
    ['Họp ngày 15/11/2026 lúc 19h30', 'Họp ngày 15/11/2026 lúc 19h30'],
    ['Hạn 15.11.2026 hoặc 2026-11-15', 'Hạn 15.11.2026 hoặc 2026-11-15'],
    ['mã 1234567', 'mã 1234567'], // 7 digits: not an account number
  ])('%j', (text, expected) => {
    expect(maskNumbers(text)).toBe(expected);
  });
});

describe('redactEntry', () => {
  const base = {
    chainId: 'g1',
    time: '2026-11-05T03:00:00Z',
    group: { threadId: 'g1', name: 'Thôn Đông' },
    place: defaultPlace(),
    admin: 'Trần Văn Bình',
  };

  it('initials + masking + dropping text, listing changed fields; hash kept', async () => {
    const [e] = await linkAll([
      {
        ...base,
        kind: 'flag',
        member: { name: 'Nguyễn Văn An', uid: '7391001' },
        category: 'scam',
        text: 'Chuyển vào STK 0123456789',
        evidence: ['0123456789'],
        note: 'Đã gọi 0912345678',
      },
    ]);
    const r = redactEntry(e!, { names: 'initials', maskNumbers: true, dropText: true });
    expect(r.member).toEqual({ name: 'N.V.A.' });
    expect(r.text).toBeUndefined();
    expect(r.evidence).toBeUndefined();
    expect(r.note).toBe('Đã gọi *******678');
    expect(r.redacted).toBe(true);
    expect(r.redactedFields).toEqual(['member.name', 'member.uid', 'text', 'evidence', 'note']);
    expect(r.hash).toBe(e!.hash);
    expect(r.prevHash).toBe(e!.prevHash);
    // Original untouched (pure function).
    expect(e!.member).toEqual({ name: 'Nguyễn Văn An', uid: '7391001' });
  });

  it('masking only: text and evidence masked, names kept', async () => {
    const [e] = await linkAll([
      { ...base, kind: 'flag', member: { name: 'Trần Thị Bích' }, text: 'Liên hệ 0988.111.222', evidence: ['0988.111.222', 'giá rẻ'] },
    ]);
    const r = redactEntry(e!, { names: 'full', maskNumbers: true, dropText: false });
    expect(r.text).toBe('Liên hệ ****.***.222');
    expect(r.evidence).toEqual(['****.***.222', 'giá rẻ']);
    expect(r.member).toEqual({ name: 'Trần Thị Bích' });
    expect(r.redactedFields).toEqual(['text', 'evidence']);
  });

  it('returns the same object when nothing changes (entry stays fully verifiable)', async () => {
    const [e] = await linkAll([{ ...base, kind: 'notice', text: 'Họp thôn lúc 19h30' }]);
    expect(redactEntry(e!, { names: 'initials', maskNumbers: true, dropText: false })).toBe(e);
    expect(redactEntry(e!, { names: 'full', maskNumbers: false, dropText: false })).toBe(e);
  });

  it('stripExportMarkers restores the LogEntry shape', async () => {
    const [e] = await linkAll([{ ...base, kind: 'flag', member: { name: 'Lê Hoàng Cường' }, text: 'x' }]);
    const r = redactEntry(e!, { names: 'initials', maskNumbers: false, dropText: false });
    const s = stripExportMarkers(r);
    expect('redacted' in s).toBe(false);
    expect('redactedFields' in s).toBe(false);
    expect(s.member).toEqual({ name: 'L.H.C.' });
  });
});
