import { CATEGORY_IDS } from '../domain/categories';
import { LOG_ACTIONS, type Place } from '../log/schema';
import { householdCoverage, householdCoverageTotal, rowStatusVi, villageRow, type AggregateTotals, type VillageRow } from './aggregate';
import type { Bundle } from './bundle';
import { ACTION_LABELS_VI, CATEGORY_LABELS_VI, DEFAULT_CLAUSE } from './labels';
import { formatVnDate, reportDeadline, type Period } from './period';
import type { ExportEntry } from './redact';
import { DETAIL_HEADERS, DETAIL_WIDTHS, detailCells, exportOrder } from './rows';
import { summarize, type ReportSummary } from './summary';
import { buildXlsx, type Cell, type SheetSpec } from './xlsx-writer';

export type XlsxReportInput = {
  entries: readonly ExportEntry[];
  period: Period;
  place: Place;
  group?: { threadId: string; name: string };
  /** Defaults to summarize(entries, period). */
  summary?: ReportSummary;
  generatedAt?: Date;
  preparedBy?: string;
};

const h = (v: string): Cell => ({ v, style: 'header' });
const b = (v: string | number): Cell => ({ v, style: 'bold' });

export function unitLine(place: Place): string {
  const parts = [place.thon && `Tổ CNS thôn ${place.thon}`, place.xa && `xã ${place.xa}`, place.tinh && `tỉnh ${place.tinh}`].filter(Boolean);
  return parts.join(', ');
}

function summaryBlocks(s: ReportSummary, rows: Cell[][]): void {
  rows.push([h('Vi phạm theo loại'), h('Điều khoản'), h('Số vụ')]);
  for (const c of CATEGORY_IDS) rows.push([CATEGORY_LABELS_VI[c], s.clauseByCategory[c] ?? DEFAULT_CLAUSE[c], s.byCategory[c]]);
  rows.push([b('Tổng số vi phạm'), null, b(s.flags)]);
  rows.push([]);
  rows.push([h('Xử lý'), h('Số lần')]);
  for (const a of LOG_ACTIONS) rows.push([ACTION_LABELS_VI[a], s.byAction[a]]);
  rows.push([]);
  rows.push([h('Tuần'), h('Số vi phạm')]);
  if (!s.flagsPerWeek.length) rows.push([{ v: 'Không có vi phạm trong kỳ', style: 'italic' }, 0]);
  for (const w of s.flagsPerWeek) rows.push([w.label, w.flags]);
  rows.push([]);
  rows.push([h('Chỉ số khác'), h('Số lượng')]);
  rows.push(['Vi phạm chưa xử lý', s.openFlags.length]);
  rows.push(['Thành viên bị nhắc tên', s.members.length]);
  rows.push(['Tin được ghim', s.pinned]);
  rows.push(['Thông báo', s.notices]);
  rows.push(['Bình chọn', s.polls]);
  rows.push(['Đính chính', s.corrections]);
  rows.push(['Tổng số mục nhật ký', s.entries]);
}

function headerRows(title: string, lines: [string, Cell][]): Cell[][] {
  return [[{ v: title, style: 'title' }], [], ...lines.map(([k, v]) => [b(k), v])];
}

function periodLines(period: Period, generatedAt: Date): [string, Cell][] {
  const deadline = reportDeadline(period);
  const lines: [string, Cell][] = [
    ['Kỳ báo cáo', period.label],
    ['Từ ngày', { v: new Date(period.from), style: 'date' }],
    ['Đến hết ngày', { v: new Date(Date.parse(period.to) - 1), style: 'date' }],
  ];
  if (deadline) lines.push(['Hạn gửi', deadline.label]);
  lines.push(['Ngày lập', formatVnDate(generatedAt)]);
  return lines;
}

function detailSheet(entries: readonly ExportEntry[]): SheetSpec {
  const rows: Cell[][] = [DETAIL_HEADERS.map(h)];
  for (const e of entries) rows.push(detailCells(e));
  return { name: 'Chi tiết', rows, widths: DETAIL_WIDTHS, freezeRows: 1, landscape: true };
}

const MEMBER_HEADERS = ['Thành viên', 'Mã Zalo', 'Số lần bị phát hiện', 'Số lần vi phạm (tính)', 'Loại vi phạm', 'Xử lý gần nhất', 'Thời gian xử lý'];
const MEMBER_WIDTHS = [26, 16, 12, 12, 50, 24, 17];

function memberRowCells(m: ReportSummary['members'][number]): Cell[] {
  return [
    m.name,
    m.uid ?? '',
    m.flags,
    m.strikes,
    m.categories.map((c) => CATEGORY_LABELS_VI[c]).join('; '),
    m.lastAction ? ACTION_LABELS_VI[m.lastAction] : '',
    m.lastActionTime ? new Date(m.lastActionTime) : null,
  ];
}

/** One group's report: "Tổng hợp", "Chi tiết", "Theo thành viên". */
export function reportXlsx(input: XlsxReportInput): Uint8Array {
  const s = input.summary ?? summarize(input.entries, input.period);
  const at = input.generatedAt ?? new Date();
  const lines: [string, Cell][] = [['Đơn vị', unitLine(input.place)]];
  if (input.group) lines.push(['Nhóm Zalo', input.group.name]);
  lines.push(...periodLines(input.period, at));
  if (input.preparedBy) lines.push(['Người lập', input.preparedBy]);
  const summaryRows = headerRows('BÁO CÁO KẾT QUẢ QUẢN TRỊ NHÓM ZALO', lines);
  summaryRows.push([]);
  summaryBlocks(s, summaryRows);

  const memberRows: Cell[][] = [MEMBER_HEADERS.map(h), ...s.members.map(memberRowCells)];
  return buildXlsx([
    { name: 'Tổng hợp', rows: summaryRows, widths: [34, 22, 12], merges: ['A1:C1'] },
    detailSheet(input.entries),
    { name: 'Theo thành viên', rows: memberRows, widths: MEMBER_WIDTHS, freezeRows: 1 },
  ]);
}

export type CombinedXlsxInput = {
  bundles: readonly Bundle[];
  /** Rows from aggregateBundles (carry chain status); computed from the bundles when absent. */
  rows?: readonly VillageRow[];
  totals?: Pick<AggregateTotals, 'flagsPerWeek'>;
  period?: Period;
  xa?: string;
  generatedAt?: Date;
};

const VILLAGE_HEADERS = [
  'Thôn',
  'Xã',
  'Nhóm Zalo',
  'Kỳ',
  'Số vi phạm',
  ...CATEGORY_IDS.map((c) => CATEGORY_LABELS_VI[c]),
  ...LOG_ACTIONS.map((a) => ACTION_LABELS_VI[a]),
  'Chưa xử lý',
  'Tin ghim',
  'Thông báo',
  'Bình chọn',
  'Hộ trong nhóm',
  'Người gửi',
  'Tình trạng nhật ký',
];

/** The xã workbook: per-village table with totals, combined summary, all details with the Thôn column. */
export function combinedXlsx(input: CombinedXlsxInput): Uint8Array {
  const at = input.generatedAt ?? new Date();
  const rows =
    input.rows ??
    input.bundles.map((bd, i) => villageRow(`#${i + 1}`, bd, summarize(bd.entries, bd.period), { level: bd.redaction ? 'links-only' : 'full' }));
  // Message texts travel beside the chain in a bundle; show them in the details sheet.
  const allEntries = input.bundles
    .flatMap((bd) => {
      const text = new Map(bd.texts.map((t) => [t.seq, t.text]));
      return bd.entries.map((e) => (text.has(e.seq) ? { ...e, text: text.get(e.seq) } : e));
    })
    .sort(exportOrder);
  const period = input.period ?? input.bundles[0]?.period;
  const xa = input.xa ?? input.bundles[0]?.place.xa ?? '';
  const s = summarize(allEntries, undefined);

  const villageRows: Cell[][] = [VILLAGE_HEADERS.map(h)];
  for (const r of rows) {
    villageRows.push([
      r.thon,
      r.xa,
      r.group,
      r.period,
      r.flags,
      ...CATEGORY_IDS.map((c) => r.byCategory[c]),
      ...LOG_ACTIONS.map((a) => r.byAction[a]),
      r.openFlags,
      r.pinned,
      r.notices,
      r.polls,
      householdCoverage(r),
      r.admin,
      rowStatusVi(r),
    ]);
  }
  const sum = (f: (r: VillageRow) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  villageRows.push([
    b('Tổng cộng'),
    null,
    b(`${rows.length} nhóm`),
    null,
    b(sum((r) => r.flags)),
    ...CATEGORY_IDS.map((c) => b(sum((r) => r.byCategory[c]))),
    ...LOG_ACTIONS.map((a) => b(sum((r) => r.byAction[a]))),
    b(sum((r) => r.openFlags)),
    b(sum((r) => r.pinned)),
    b(sum((r) => r.notices)),
    b(sum((r) => r.polls)),
    b(householdCoverageTotal({ households: sum((r) => r.households ?? 0), householdsInGroup: sum((r) => r.householdsInGroup ?? 0), villagesWithRoster: sum((r) => (r.households !== null ? 1 : 0)) })),
  ]);

  const lines: [string, Cell][] = [
    ['Đơn vị', xa ? `Xã ${xa}` : ''],
    ['Số thôn/nhóm đã gửi', `${new Set(rows.map((r) => r.thon)).size} thôn / ${rows.length} nhóm`],
  ];
  if (period) lines.push(...periodLines(period, at));
  else lines.push(['Ngày lập', formatVnDate(at)]);
  const summaryRows = headerRows('TỔNG HỢP KẾT QUẢ QUẢN TRỊ NHÓM ZALO CÁC THÔN', lines);
  summaryRows.push([]);
  // Flags per week from aggregation totals when given (same numbers, already merged).
  summaryBlocks(input.totals ? { ...s, flagsPerWeek: input.totals.flagsPerWeek } : s, summaryRows);

  const memberRows: Cell[][] = [['Thôn', ...MEMBER_HEADERS].map(h)];
  for (const bd of input.bundles) {
    for (const m of summarize(bd.entries, bd.period).members) memberRows.push([bd.place.thon, ...memberRowCells(m)]);
  }

  return buildXlsx([
    { name: 'Tổng hợp', rows: summaryRows, widths: [34, 22, 12], merges: ['A1:C1'] },
    {
      name: 'Theo thôn',
      rows: villageRows,
      widths: [16, 14, 26, 14, 10, ...CATEGORY_IDS.map(() => 14), ...LOG_ACTIONS.map(() => 12), 10, 9, 10, 10, 14, 20, 30],
      freezeRows: 1,
      landscape: true,
    },
    detailSheet(allEntries),
    { name: 'Theo thành viên', rows: memberRows, widths: [16, ...MEMBER_WIDTHS], freezeRows: 1 },
  ]);
}
