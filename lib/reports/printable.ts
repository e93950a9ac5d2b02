import { CATEGORY_IDS } from '../domain/categories';
import { LOG_ACTIONS, eventTime, type Place } from '../log/schema';
import { ACTION_LABELS_VI, CATEGORY_LABELS_VI, DEFAULT_CLAUSE, SEVERITY_LABELS_VI } from './labels';
import { formatVnDateTime, periodFilter, reportDeadline, vnParts, type Period } from './period';
import type { ExportEntry } from './redact';
import { actionsFor, notableCases, summarize, type ReportSummary } from './summary';

export type PrintableInput = {
  /** Entries to report on (already redacted if the admin chose so). */
  entries: readonly ExportEntry[];
  period: Period;
  place: Place;
  group?: { name: string };
  /** Name under "Người lập báo cáo". */
  preparedBy?: string;
  /** Name under "Tổ trưởng Tổ CNS". */
  leaderName?: string;
  /** Date printed in the place/date line; default now. */
  reportDate?: Date;
  summary?: ReportSummary;
  topMembers?: number;
  maxCases?: number;
};

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;
const upper = (s: string) => s.toLocaleUpperCase('vi');

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

const CSS = `
@page { size: A4; margin: 20mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", serif; font-size: 13pt; line-height: 1.4; color: #000; margin: 0; }
table.head { width: 100%; border-collapse: collapse; }
table.head td { vertical-align: top; text-align: center; padding: 0; }
.unit { width: 42%; font-size: 12.5pt; }
.nation { font-weight: bold; font-size: 12.5pt; }
.motto { font-weight: bold; font-size: 13pt; display: inline-block; padding-bottom: 2px; border-bottom: 1px solid #000; }
.unit .name { font-weight: bold; display: inline-block; padding-bottom: 2px; border-bottom: 1px solid #000; }
.dateline { text-align: right; font-style: italic; margin: 10pt 0 14pt; }
h1 { text-align: center; font-size: 14pt; margin: 8pt 0 2pt; }
.period { text-align: center; font-weight: bold; margin: 0 0 12pt; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; }
table.data { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; page-break-inside: auto; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; font-size: 12pt; vertical-align: top; }
table.data th { background: #eee; }
table.data td.n { text-align: right; white-space: nowrap; }
table.data tr { page-break-inside: avoid; }
.muted { font-style: italic; }
table.sign { width: 100%; margin-top: 18pt; page-break-inside: avoid; break-inside: avoid; }
/* The signatures never stand alone on the last page: the last section travels with them (it holds
   at most maxCases rows, well under a page). */
.tail { page-break-inside: avoid; break-inside: avoid; }
.tail h2 { page-break-after: avoid; break-after: avoid; }
table.sign td { width: 50%; text-align: center; vertical-align: top; }
.sign .role { font-weight: bold; }
.sign .hint { font-style: italic; font-size: 11pt; }
.sign .who { margin-top: 60pt; font-weight: bold; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }
`;

const XA_UNITS = /^(?:xã|phường|thị trấn|đặc khu)\s/iu;
const THON_UNITS = /^(?:thôn|xóm|bản|ấp|làng|khu phố|tổ dân phố|tdp)\s/iu;
/** "An Bình" → "XÃ AN BÌNH"; "Phường Đình Bảng" stays a phường: the admin may type the unit or not. */
function withUnit(name: string, units: RegExp, unit: string): string {
  const n = name.trim();
  if (!n) return '';
  return upper(units.test(n) ? n : `${unit} ${n}`);
}

/** A table row; cells at `numeric` positions are right-aligned. */
function row(cells: (string | number)[], numeric: readonly number[] = []): string {
  return `<tr>${cells.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${e(String(c))}</td>`).join('')}</tr>`;
}

/**
 * A complete, standalone A4 report page (Vietnamese administrative layout: quốc hiệu, tiêu ngữ, place and
 * date line, title, tables, signatures). Inline CSS only, no scripts, no remote resources: the dashboard
 * opens it in a new tab and calls print(). Every interpolated value is escaped.
 */
export function printableReport(input: PrintableInput): string {
  const s = input.summary ?? summarize(input.entries, input.period);
  const inPeriodEntries = input.entries.filter(periodFilter(input.period));
  const date = vnParts(input.reportDate ?? new Date());
  const place = input.place;
  const unitTop = `UBND ${withUnit(place.xa, XA_UNITS, 'xã') || 'XÃ ……'}`;
  const thon = withUnit(place.thon, THON_UNITS, 'thôn');
  const unitName = `TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG${thon ? ` ${thon}` : ''}`;
  const placeName = place.xa || '……';
  const deadline = reportDeadline(input.period);
  const topN = input.topMembers ?? 10;
  const cases = notableCases(inPeriodEntries, s, input.maxCases ?? 10);

  const catRows = CATEGORY_IDS.map((c, i) =>
    row([i + 1, CATEGORY_LABELS_VI[c], s.clauseByCategory[c] ?? DEFAULT_CLAUSE[c], s.byCategory[c]], [0, 3]),
  ).join('');
  const actionRows = LOG_ACTIONS.filter((a) => a !== 'note')
    .map((a, i) => row([i + 1, ACTION_LABELS_VI[a], s.byAction[a]], [0, 2]))
    .join('');
  const members = s.members.filter((m) => m.strikes > 0).slice(0, topN);
  const memberRows = members.length
    ? members
        .map((m, i) =>
          row(
            [
              i + 1,
              m.name,
              m.strikes,
              m.categories.map((c) => CATEGORY_LABELS_VI[c]).join('; '),
              m.lastAction ? ACTION_LABELS_VI[m.lastAction] : 'Chưa xử lý',
            ],
            [0, 2],
          ),
        )
        .join('')
    : `<tr><td colspan="5" class="muted">Không có thành viên vi phạm trong kỳ.</td></tr>`;
  const caseRows = cases.length
    ? cases
        .map((f, i) => {
          const acts = actionsFor(input.entries, f)
            .filter((a) => a.action && a.action !== 'note')
            .map((a) => ACTION_LABELS_VI[a.action!]);
          const text = f.text ? `“${truncate(f.text, 160)}”` : '(nội dung đã ẩn)';
          return row([
            i + 1,
            formatVnDateTime(eventTime(f)),
            f.member?.name ?? '',
            `${f.categories.map((c) => CATEGORY_LABELS_VI[c]).join('; ')}${f.severity ? ` (mức ${SEVERITY_LABELS_VI[f.severity].toLowerCase()})` : ''}`,
            text,
            acts.length ? acts.join(', ') : 'Chưa xử lý',
          ]);
        })
        .join('')
    : `<tr><td colspan="6" class="muted">Không có vụ việc nghiêm trọng trong kỳ.</td></tr>`;

  const intro = [
    `Trong kỳ ${s.flags ? `đã phát hiện ${s.flags} tin nhắn có dấu hiệu vi phạm Quy chế nhóm` : 'không phát hiện tin nhắn vi phạm Quy chế nhóm'}`,
    `${s.members.filter((m) => m.strikes > 0).length} thành viên liên quan`,
    `${s.openFlags.length} trường hợp chưa xử lý`,
    `${s.pinned} tin được ghim, ${s.notices} thông báo, ${s.polls} bình chọn`,
  ].join('; ');

  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Báo cáo kết quả quản trị nhóm Zalo - ${input.period.label}`)}</title>
<style>${CSS}</style>
</head>
<body>
<table class="head"><tr>
<td class="unit"><div>${e(unitTop)}</div><div class="name">${e(unitName)}</div></td>
<td><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div></td>
</tr></table>
<p class="dateline">${e(placeName)}, ngày ${date.day} tháng ${date.month} năm ${date.year}</p>
<h1>BÁO CÁO KẾT QUẢ QUẢN TRỊ NHÓM ZALO</h1>
<p class="period">${e(input.period.label)}${input.group ? ` – Nhóm: ${e(input.group.name)}` : ''}</p>
${deadline ? `<p class="muted">${e(deadline.label)}.</p>` : ''}
<h2>I. Tình hình chung</h2>
<p>${e(intro)}.</p>
<h2>II. Vi phạm theo loại</h2>
<table class="data"><thead><tr><th>TT</th><th>Loại vi phạm</th><th>Điều khoản Quy chế</th><th>Số vụ</th></tr></thead>
<tbody>${catRows}<tr><td></td><td><b>Số tin nhắn vi phạm</b></td><td></td><td class="n"><b>${s.flags}</b></td></tr></tbody></table>
${s.flagEntries > s.flags ? '<p class="muted">Một tin nhắn có thể vi phạm nhiều loại nên tổng số vụ theo loại lớn hơn số tin nhắn.</p>' : ''}
<h2>III. Kết quả xử lý</h2>
<table class="data"><thead><tr><th>TT</th><th>Hình thức xử lý</th><th>Số lần</th></tr></thead><tbody>${actionRows}</tbody></table>
<h2>IV. Thành viên vi phạm nhiều nhất</h2>
<table class="data"><thead><tr><th>TT</th><th>Thành viên</th><th>Số lần</th><th>Loại vi phạm</th><th>Xử lý gần nhất</th></tr></thead><tbody>${memberRows}</tbody></table>
<div class="tail">
<h2>V. Các vụ việc đáng chú ý</h2>
<table class="data"><thead><tr><th>TT</th><th>Thời gian</th><th>Thành viên</th><th>Vi phạm</th><th>Nội dung</th><th>Xử lý</th></tr></thead><tbody>${caseRows}</tbody></table>
<table class="sign"><tr>
<td><div class="role">NGƯỜI LẬP BÁO CÁO</div><div class="hint">(Ký, ghi rõ họ tên)</div><div class="who">${e(input.preparedBy ?? '')}</div></td>
<td><div class="role">TỔ TRƯỞNG TỔ CNS</div><div class="hint">(Ký, ghi rõ họ tên)</div><div class="who">${e(input.leaderName ?? '')}</div></td>
</tr></table>
</div>
</body>
</html>
`;
}
