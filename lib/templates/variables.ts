/**
 * Variables usable in template text. Group-level ones (thôn, xã, tỉnh, tổ trưởng, số điện thoại)
 * come from the group's settings and are filled once; form-level ones are asked in the small
 * form shown before sending. A template may declare extra variables (or relabel these) in
 * `template.variables`; anything else is rejected as "Biến {x} không được hỗ trợ".
 */
import type { Template, VariableSpec } from './schema';
import { tokenize, type Segment, type SyntaxIssue } from './syntax';

export const VARIABLE_TYPES = ['text', 'multiline', 'date', 'time', 'phone', 'number'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const VARIABLE_SOURCES = ['group', 'form'] as const;
export type VariableSource = (typeof VARIABLE_SOURCES)[number];

export const SOURCE_LABELS: Record<VariableSource, string> = {
  group: 'Lấy từ cài đặt nhóm',
  form: 'Điền khi gửi',
};

/** Display formats selectable with `{bien|dinh_dang}`. */
export const FORMATS_BY_TYPE: Partial<Record<VariableType, readonly string[]>> = {
  date: ['thu', 'ngan'], // "Thứ Bảy, 28/11/2026" | "28/11/2026"
  time: ['h', '24h'], // "8h00" | "08:00"
  text: ['hoa'], // "THÔN ĐÔNG XUYÊN", for headings
};

/** Format used when the placeholder names none; text is inserted as typed. */
export const DEFAULT_FORMAT: Partial<Record<VariableType, string>> = { date: 'thu', time: 'h' };

export const FORMAT_LABELS: Record<string, string> = {
  thu: 'Có thứ trong tuần (Thứ Bảy, 28/11/2026)',
  ngan: 'Chỉ ngày tháng (28/11/2026)',
  h: 'Kiểu 8h00',
  '24h': 'Kiểu 08:00',
  hoa: 'VIẾT HOA (dùng cho dòng tiêu đề)',
};

const spec = (s: VariableSpec): VariableSpec => s;

/** The built-in registry, keyed by name. Order here is the order shown in the settings/form UI. */
export const VARIABLES: Readonly<Record<string, VariableSpec>> = Object.freeze({
  thon: spec({ name: 'thon', label: 'Tên thôn/tổ dân phố', type: 'text', source: 'group', example: 'thôn Đông Xuyên', hint: 'Ghi cả chữ "thôn" hoặc "tổ dân phố"' }),
  xa: spec({ name: 'xa', label: 'Tên xã/phường', type: 'text', source: 'group', example: 'xã Yên Hòa', hint: 'Ghi cả chữ "xã" hoặc "phường"' }),
  tinh: spec({ name: 'tinh', label: 'Tên tỉnh/thành phố', type: 'text', source: 'group', example: 'tỉnh Bắc Ninh' }),
  to_truong: spec({ name: 'to_truong', label: 'Tổ trưởng Tổ công nghệ số', type: 'text', source: 'group', example: 'Nguyễn Văn Hùng' }),
  sdt: spec({ name: 'sdt', label: 'Số điện thoại liên hệ', type: 'phone', source: 'group', example: '0912 345 678' }),
  ngay: spec({ name: 'ngay', label: 'Ngày', type: 'date', source: 'form', example: '2026-11-28' }),
  gio: spec({ name: 'gio', label: 'Giờ', type: 'time', source: 'form', example: '08:00' }),
  gio_ket_thuc: spec({ name: 'gio_ket_thuc', label: 'Giờ kết thúc', type: 'time', source: 'form', example: '11:00' }),
  dia_diem: spec({ name: 'dia_diem', label: 'Địa điểm', type: 'text', source: 'form', example: 'Nhà văn hóa thôn' }),
  noi_dung: spec({ name: 'noi_dung', label: 'Nội dung', type: 'multiline', source: 'form', example: 'Triển khai kế hoạch chuyển đổi số năm 2027' }),
  han_chot: spec({ name: 'han_chot', label: 'Hạn chót', type: 'date', source: 'form', example: '2026-11-30' }),
  thang: spec({ name: 'thang', label: 'Tháng', type: 'number', source: 'form', example: '11', min: 1, max: 12 }),
  nam: spec({ name: 'nam', label: 'Năm', type: 'number', source: 'form', example: '2026', min: 2000, max: 2100 }),
  don_vi: spec({ name: 'don_vi', label: 'Đơn vị thực hiện', type: 'text', source: 'form', example: 'Điện lực Yên Phong' }),
  su_kien: spec({ name: 'su_kien', label: 'Tên sự kiện, hoạt động', type: 'text', source: 'form', example: 'Ngày hội Đại đoàn kết toàn dân tộc' }),
  tinh_huong: spec({ name: 'tinh_huong', label: 'Tình huống khẩn cấp', type: 'text', source: 'form', example: 'Bão số 3 và mưa lớn diện rộng' }),
  doi_tuong: spec({ name: 'doi_tuong', label: 'Đối tượng', type: 'text', source: 'form', example: 'Trẻ em từ 1 đến 5 tuổi' }),
  vac_xin: spec({ name: 'vac_xin', label: 'Loại vắc xin', type: 'text', source: 'form', example: 'Sởi – Rubella' }),
  ngay_1: spec({ name: 'ngay_1', label: 'Ngày dự kiến 1', type: 'date', source: 'form', example: '2026-12-05' }),
  ngay_2: spec({ name: 'ngay_2', label: 'Ngày dự kiến 2', type: 'date', source: 'form', example: '2026-12-06' }),
  ngay_3: spec({ name: 'ngay_3', label: 'Ngày dự kiến 3', type: 'date', source: 'form', example: '2026-12-13' }),
});

type TextParts = Pick<Template, 'body' | 'poll'>;

/** Every piece of text in a template that may hold placeholders, in reading order. */
export function templateTexts(t: TextParts): { path: (string | number)[]; text: string }[] {
  const out: { path: (string | number)[]; text: string }[] = [];
  if (typeof t.body === 'string') out.push({ path: ['body'], text: t.body });
  if (t.poll) {
    out.push({ path: ['poll', 'question'], text: t.poll.question });
    t.poll.options.forEach((o, i) => out.push({ path: ['poll', 'options', i], text: o }));
    if (t.poll.settings.deadline) out.push({ path: ['poll', 'settings', 'deadline'], text: t.poll.settings.deadline });
  }
  return out;
}

function varSegments(text: string): Extract<Segment, { type: 'var' }>[] {
  return tokenize(text).segments.filter((s): s is Extract<Segment, { type: 'var' }> => s.type === 'var');
}

/** Variable names in order of first appearance (body, then question, options, deadline), deduped. */
export function listVariables(template: TextParts): string[] {
  const seen = new Set<string>();
  for (const { text } of templateTexts(template)) {
    for (const v of varSegments(text)) seen.add(v.name);
  }
  return [...seen];
}

/** The effective spec of a variable: the template's own declaration wins over the registry. */
export function resolveVariable(
  name: string,
  template?: Pick<Template, 'variables'>,
): VariableSpec | undefined {
  const own = template?.variables?.find((v) => v.name === name);
  // Own-property check: "{constructor}" must not resolve to Object.prototype.constructor.
  const base = Object.prototype.hasOwnProperty.call(VARIABLES, name) ? VARIABLES[name] : undefined;
  if (own && base) return { ...base, ...own };
  return own ?? base;
}

/** Specs for every variable the template uses, in order; unknown names are left out. */
export function variableSpecs(template: TextParts & Pick<Template, 'variables'>): VariableSpec[] {
  return listVariables(template)
    .map((n) => resolveVariable(n, template))
    .filter((s): s is VariableSpec => s !== undefined);
}

/** Splits the used variables into what group settings provide and what the form must ask. */
export function splitBySource(
  template: TextParts & Pick<Template, 'variables'>,
): Record<VariableSource, VariableSpec[]> {
  const out: Record<VariableSource, VariableSpec[]> = { group: [], form: [] };
  for (const s of variableSpecs(template)) out[s.source ?? 'form'].push(s);
  return out;
}

/**
 * Values for the "Xem thử" preview: each variable's example (template declaration first), else
 * its default.
 */
export function sampleValues(template: TextParts & Pick<Template, 'variables'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of variableSpecs(template)) out[s.name] = s.example ?? s.default ?? '';
  return out;
}

/**
 * Syntax problems, unknown variables and unusable formats in one text.
 * Used by the schema (so imports fail with a field path) and by editors (live hints).
 */
export function checkText(text: string, template?: Pick<Template, 'variables'>): SyntaxIssue[] {
  const { segments, issues } = tokenize(text);
  const out = [...issues];
  for (const s of segments) {
    if (s.type !== 'var') continue;
    const v = resolveVariable(s.name, template);
    if (!v) {
      out.push({ index: s.index, message: `Biến {${s.name}} không được hỗ trợ` });
      continue;
    }
    if (s.format !== undefined) {
      const allowed = FORMATS_BY_TYPE[v.type] ?? [];
      if (!allowed.includes(s.format)) {
        const hint = allowed.length ? ` (dùng: ${allowed.join(', ')})` : '';
        out.push({
          index: s.index,
          message: `Định dạng "${s.format}" không dùng được cho biến {${s.name}}${hint}`,
        });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
