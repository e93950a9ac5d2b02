// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { ACTION_LABELS_VI, CATEGORY_LABELS_VI } from '../reports/labels';
import { LOG_ACTIONS } from '../log/schema';
import { CATEGORY_IDS } from '../rules/categories';
import { buildXlsx, type Cell } from '../reports/xlsx-writer';
import { escapeHtml } from '../reports/printable';
import { formatVnDate, type Period } from '../reports/period';
import type { ReportSummary } from '../reports/summary';
import { CHECK_LABEL_VI, checklistProgress, type Checklist } from './checklist';
import type { RosterMatch } from './roster';

/**
 * The team's report for a period, in the province's cadence: what the seeds ask the village team
 * to report (members and household coverage, notices and polls, pins, violations and how they were
 * handled, open items). It travels inside the signed bundle so the xã can total villages.
 */
export const teamReportSchema = z.object({
  deadline: z.string(),
  /** Group members when the admin last listed them; null = not known. */
  members: z.number().int().nonnegative().nullable(),
  households: z.number().int().nonnegative().nullable(),
  householdsInGroup: z.number().int().nonnegative().nullable(),
  notices: z.number().int().nonnegative(),
  polls: z.number().int().nonnegative(),
  pins: z.number().int().nonnegative(),
  violations: z.number().int().nonnegative(),
  handled: z.partialRecord(z.enum(LOG_ACTIONS), z.number().int().nonnegative()),
  openViolations: z.number().int().nonnegative(),
  settingsDone: z.number().int().nonnegative(),
  settingsTotal: z.number().int().positive(),
  openItems: z.array(z.string()),
});
export type TeamReport = z.infer<typeof teamReportSchema>;

export type TeamReportInput = {
  summary: ReportSummary;
  deadline: string;
  members?: number;
  roster?: Pick<RosterMatch, 'covered' | 'missing' | 'coverage'>;
  checklist: Checklist;
  now: Date;
};

export function buildTeamReport(input: TeamReportInput): TeamReport {
  const s = input.summary;
  const handled: TeamReport['handled'] = {};
  for (const a of LOG_ACTIONS) if (s.byAction[a]) handled[a] = s.byAction[a];
  const progress = checklistProgress(input.checklist, input.now);
  const openItems: string[] = [];
  if (s.openFlags.length) openItems.push(`${s.openFlags.length} vi phạm chưa xử lý`);
  for (const id of progress.open) openItems.push(`Chưa làm: ${CHECK_LABEL_VI[id]}`);
  for (const id of progress.stale) openItems.push(`Cần kiểm tra lại: ${CHECK_LABEL_VI[id]}`);
  if (input.roster && input.roster.missing.length) openItems.push(`${input.roster.missing.length} hộ chưa vào nhóm`);
  const households = input.roster ? input.roster.covered.length + input.roster.missing.length : null;
  return teamReportSchema.parse({
    deadline: input.deadline,
    members: input.members ?? null,
    households,
    householdsInGroup: input.roster ? input.roster.covered.length : null,
    notices: s.notices,
    polls: s.polls,
    pins: s.pinned,
    violations: s.flags,
    handled,
    openViolations: s.openFlags.length,
    settingsDone: progress.done,
    settingsTotal: progress.total,
    openItems,
  });
}

const pct = (a: number | null, b: number | null) => (a !== null && b ? `${Math.round((a / b) * 1000) / 10}%` : '—');

/** Label/value lines shared by the XLSX and the A4 page. */
export function teamReportLines(r: TeamReport): [string, string | number][] {
  return [
    ['Số thành viên nhóm', r.members ?? 'chưa đếm'],
    ['Số hộ trong danh sách', r.households ?? 'chưa nhập danh sách hộ'],
    ['Số hộ đã vào nhóm', r.householdsInGroup ?? '—'],
    ['Tỷ lệ hộ đã vào nhóm', pct(r.householdsInGroup, r.households)],
    ['Thông báo đã gửi', r.notices],
    ['Bình chọn đã tạo', r.polls],
    ['Tin đã ghim', r.pins],
    ['Vi phạm phát hiện', r.violations],
    ...LOG_ACTIONS.filter((a) => r.handled[a]).map((a): [string, number] => [`  — ${ACTION_LABELS_VI[a]}`, r.handled[a]!]),
    ['Vi phạm chưa xử lý', r.openViolations],
    ['Cài đặt nhóm đã làm', `${r.settingsDone}/${r.settingsTotal}`],
  ];
}

export type TeamReportDoc = { report: TeamReport; period: Period; groupName: string; place: { thon: string; xa: string; tinh: string }; preparedBy?: string; at: Date; summary: ReportSummary };

export function teamReportXlsx(d: TeamReportDoc): Uint8Array {
  const rows: Cell[][] = [
    [{ v: `BÁO CÁO HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG — ${d.period.label.toUpperCase()}`, style: 'title' }],
    ['Nhóm', d.groupName],
    ['Đơn vị', [d.place.thon && `Thôn ${d.place.thon}`, d.place.xa && `xã ${d.place.xa}`, d.place.tinh && `tỉnh ${d.place.tinh}`].filter(Boolean).join(', ')],
    ['Kỳ báo cáo', `${d.period.label} (${formatVnDate(d.period.from)} – ${formatVnDate(Date.parse(d.period.to) - 1)})`],
    ['Hạn nộp', d.report.deadline],
    ['Người lập', d.preparedBy ?? ''],
    ['Ngày lập', formatVnDate(d.at)],
    [],
    [{ v: 'Nội dung', style: 'header' }, { v: 'Kết quả', style: 'header' }],
    ...teamReportLines(d.report),
    [],
    [{ v: 'Vi phạm theo loại', style: 'header' }, { v: 'Số lượng', style: 'header' }],
    ...CATEGORY_IDS.filter((c) => d.summary.byCategory[c]).map((c): Cell[] => [CATEGORY_LABELS_VI[c], d.summary.byCategory[c]]),
    [],
    [{ v: 'Việc còn tồn đọng', style: 'header' }],
    ...(d.report.openItems.length ? d.report.openItems.map((t): Cell[] => [t]) : [['Không có']]),
  ];
  return buildXlsx([{ name: 'Báo cáo tổ CNS', rows, widths: [44, 40], merges: ['A1:B1'] }]);
}

export function teamReportHtml(d: TeamReportDoc): string {
  const e = escapeHtml;
  const lines = teamReportLines(d.report)
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(String(v))}</td></tr>`)
    .join('');
  const open = d.report.openItems.length ? d.report.openItems.map((t) => `<li>${e(t)}</li>`).join('') : '<li>Không có</li>';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${e(`Báo cáo ${d.period.label}`)}</title>
<style>@page{size:A4;margin:20mm 18mm}body{font:13pt/1.45 "Times New Roman",serif;color:#000}h1{font-size:15pt;text-align:center;margin:8mm 0 2mm}
.sub{text-align:center;margin:0 0 6mm}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:3px 6px;text-align:left}td{text-align:right}
.head{display:flex;justify-content:space-between;font-weight:bold}.sign{margin-top:14mm;text-align:right}</style></head><body>
<div class="head"><div>TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG<br>${e(d.place.thon ? `THÔN ${d.place.thon.toUpperCase()}` : '')}</div><div>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</div></div>
<h1>BÁO CÁO KẾT QUẢ HOẠT ĐỘNG — ${e(d.period.label.toUpperCase())}</h1>
<p class="sub">Nhóm Zalo: ${e(d.groupName)}<br>${e(d.report.deadline)}</p>
<table>${lines}</table>
<h2 style="font-size:13pt">Việc còn tồn đọng</h2><ul>${open}</ul>
<div class="sign">Ngày ${e(formatVnDate(d.at))}<br><b>Người lập</b><br><br><br>${e(d.preparedBy ?? '')}</div>
</body></html>`;
}
