// What an admin reads or exports must be Vietnamese words, never the log's codes, rule ids or English.
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/rules/categories';
import { LOG_ACTIONS, LOG_KINDS, type LogBody } from '@/lib/log/schema';
import { entriesToCsv, parseCsv } from '@/lib/reports/csv';
import { reportXlsx } from '@/lib/reports/xlsx';
import { printableReport } from '@/lib/reports/printable';
import { monthPeriod } from '@/lib/reports/period';
import { DETAIL_HEADERS } from '@/lib/reports/rows';
import { OUTCOME_LABELS_VI } from '@/lib/reports/labels';
import { parseGlobalSettings, parseGroupSettings } from '@/lib/settings/parse';
import { parseGroupPack } from '@/lib/dashboard/group-pack';
import { defaultPlace, linkAll } from './make-log';
import { readXlsx } from './xlsx-read';

const CODES = [...LOG_KINDS, ...LOG_ACTIONS, ...CATEGORY_IDS, ...Object.keys(OUTCOME_LABELS_VI)].filter((c) => c !== 'note');
const ENGLISH = /\b(?:the|must|expected|received|invalid|input|too small|too big|unexpected|token|position|filled|pinned|composer|clipboard|rule|void|amend|note)\b/i;
const CODE_RE = new RegExp(`(?<![\\p{L}\\d.-])(?:${CODES.join('|')})(?![\\p{L}\\d-])`, 'u');

/** Fails with the offending text, so a regression names what leaked. */
function expectReadable(texts: readonly string[]) {
  const bad = texts.filter((t) => CODE_RE.test(t) || ENGLISH.test(t) || /rule:/.test(t));
  expect(bad).toEqual([]);
}

const place = defaultPlace();
const group = { threadId: 'g-dong', name: 'Thôn Đông - Tổ CNS' };
const base = { chainId: group.threadId, group, place, admin: 'Trần Văn Bình' };
const member = { name: 'Nguyễn Văn An', uid: '11' };

/** One entry of each kind, each action and each outcome code the extension writes. */
function everything(): LogBody[] {
  const list: LogBody[] = [];
  let day = 1;
  const t = () => `2026-11-${String(day++).padStart(2, '0')}T02:00:00Z`;
  for (const c of CATEGORY_IDS) {
    list.push({ ...base, time: t(), kind: 'flag', member, messageId: `m-${c}`, category: c, severity: 'high', evidence: ['bằng chứng'], text: 'Nội dung tin', note: `rule:${c}:mau` });
  }
  for (const a of LOG_ACTIONS) list.push({ ...base, time: t(), kind: 'action', action: a, member, ref: 1, outcome: a === 'note' ? 'Ghi chú' : a, note: a === 'note' ? 'Đã gọi điện' : undefined });
  list.push({ ...base, time: t(), kind: 'notice', text: 'Thông báo họp', outcome: 'composer', templateId: 'hop-thon' });
  list.push({ ...base, time: t(), kind: 'notice', text: 'Thông báo họp', outcome: 'clipboard', templateId: 'hop-thon' });
  list.push({ ...base, time: t(), kind: 'poll', text: 'Họp?\nCó\nKhông', outcome: 'filled', templateId: 'binh-chon' });
  list.push({ ...base, time: t(), kind: 'pin', text: 'Nội quy', outcome: 'pinned' });
  list.push({ ...base, time: t(), kind: 'correction', ref: 2, outcome: 'void', note: 'Nhầm người' });
  return list;
}

describe('nothing raw or English in what the admin reads', () => {
  it('CSV: every cell but seq and hash', async () => {
    const entries = await linkAll(everything());
    const parsed = parseCsv(entriesToCsv(entries));
    if (!parsed.ok) throw new Error(parsed.error);
    const skip = new Set([DETAIL_HEADERS.indexOf('seq'), DETAIL_HEADERS.indexOf('hash'), DETAIL_HEADERS.indexOf('Mã tin nhắn')]);
    const cells = parsed.rows.slice(1).flatMap((r) => r.filter((_, i) => !skip.has(i)));
    expect(cells.length).toBeGreaterThan(100);
    expectReadable(cells);
  });

  it('XLSX: every sheet', async () => {
    const entries = await linkAll(everything());
    const { sheets } = readXlsx(reportXlsx({ entries, period: monthPeriod(2026, 11), place, group }));
    const texts = sheets.flatMap((s) =>
      [...s.cells.values()].filter((c) => typeof c.value === 'string' && !/^[0-9a-f]{64}$/.test(String(c.value)) && !/^m-/.test(String(c.value)) && c.value !== 'seq' && c.value !== 'hash').map((c) => String(c.value)),
    );
    expectReadable(texts);
  });

  it('A4 printout', async () => {
    const entries = await linkAll(everything());
    const doc = new DOMParser().parseFromString(printableReport({ entries, period: monthPeriod(2026, 11), place }), 'text/html');
    expectReadable([doc.body.textContent ?? '']);
  });

  it.each([
    ['retention not a number', () => parseGlobalSettings({ retentionDays: 'abc' })],
    ['retention negative', () => parseGlobalSettings({ retentionDays: -1 })],
    ['language unknown', () => parseGlobalSettings({ language: 'fr' })],
    ['bad domain', () => parseGroupSettings({ threadId: 'g', overrides: { blockDomains: ['http://sai mien'] } })],
    ['settings file not JSON', () => parseGlobalSettings('{"adminName": "Hoa",')],
    ['group pack not JSON', () => parseGroupPack('{ không phải json }')],
  ])('form and import errors: %s', (_name, run) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expectReadable([r.error.slice(r.path.length + 2)]);
  });
});
