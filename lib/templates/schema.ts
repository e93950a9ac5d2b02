/**
 * Data contract of notice and poll templates and of template-set files (export/import).
 * Messages are Vietnamese because they reach village officials verbatim (prefixed by the field
 * path, see io.ts).
 */
// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { formatPath } from '../validation';
import { checkText, VARIABLE_SOURCES, VARIABLE_TYPES } from './variables';
import { checkDeadlineLiteral } from './deadline';

export const TEMPLATE_KINDS = [
  'noi-quy',
  'hop-thon',
  'lich-ho-tro',
  'dich-vu-cong',
  'canh-bao-lua-dao',
  'khan-cap',
  'tien-dien-nuoc',
  'tiem-chung',
  'binh-chon',
  'khac',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const KIND_LABELS: Record<TemplateKind, string> = {
  'noi-quy': 'Nội quy nhóm',
  'hop-thon': 'Họp thôn',
  'lich-ho-tro': 'Lịch hỗ trợ của Tổ CNS',
  'dich-vu-cong': 'Dịch vụ công trực tuyến, VNeID',
  'canh-bao-lua-dao': 'Cảnh báo lừa đảo',
  'khan-cap': 'Thông báo khẩn cấp',
  'tien-dien-nuoc': 'Tiền điện, nước',
  'tiem-chung': 'Tiêm chủng',
  'binh-chon': 'Bình chọn',
  khac: 'Khác',
};

export const TEMPLATE_SET_FORMAT = 'zalo-group-guard/templates';
export const TEMPLATE_SCHEMA_VERSION = 1;

/** Size bounds are sanity limits for imported files, not Zalo's own limits (those are unknown). */
export const LIMITS = {
  id: 64,
  title: 120,
  body: 8000,
  question: 1000,
  option: 300,
  minOptions: 2,
  maxOptions: 20,
  templates: 500,
  variables: 40,
} as const;

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VAR_NAME_RE = /^[a-z][a-z0-9_]*$/;

const EMPTY = 'không được để trống';
const MISSING = 'thiếu trường bắt buộc';
/** Custom wording for a wrong value, but still "thiếu trường bắt buộc" when the field is absent. */
const orMissing =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? MISSING : message;
const nonEmpty = (max: number) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, { error: EMPTY })
    .refine((s) => s.length <= max, { error: `dài quá ${max} ký tự` });

export const variableSpecSchema = z.object({
  name: z.string().regex(VAR_NAME_RE, {
    error: 'tên biến chỉ gồm chữ thường không dấu, số và dấu _ (ví dụ: ngay_hop)',
  }),
  label: nonEmpty(80),
  type: z.enum(VARIABLE_TYPES, { error: orMissing(`phải là một trong: ${VARIABLE_TYPES.join(', ')}`) }),
  /** 'group' = from group settings, 'form' (default) = asked before sending. */
  source: z.enum(VARIABLE_SOURCES, { error: `phải là một trong: ${VARIABLE_SOURCES.join(', ')}` }).optional(),
  /** Defaults to true: a missing value blocks sending. */
  required: z.boolean().optional(),
  default: z.string().max(2000).optional(),
  example: z.string().max(2000).optional(),
  hint: z.string().max(300).optional(),
  /** Bounds for type 'number'. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
});
export type VariableSpec = z.infer<typeof variableSpecSchema>;

export const pollSettingsSchema = z.object({
  multipleChoice: z.boolean(),
  allowAddOptions: z.boolean(),
  /** "+3d", "+12h", "+1w", an absolute date "2026-11-30[ 17:00]" or variables like "{han_chot}". */
  deadline: z.string().max(100).optional(),
  anonymous: z.boolean(),
  hideResults: z.boolean(),
});
export type PollSettings = z.infer<typeof pollSettingsSchema>;

export const pollSchema = z.object({
  question: nonEmpty(LIMITS.question),
  options: z
    .array(nonEmpty(LIMITS.option))
    .min(LIMITS.minOptions, { error: `cần ít nhất ${LIMITS.minOptions} lựa chọn` })
    .max(LIMITS.maxOptions, { error: `tối đa ${LIMITS.maxOptions} lựa chọn` }),
  settings: pollSettingsSchema,
});
export type Poll = z.infer<typeof pollSchema>;

const templateShape = z.object({
  id: z
    .string()
    .max(LIMITS.id, { error: `dài quá ${LIMITS.id} ký tự` })
    .regex(SLUG_RE, { error: 'mã mẫu chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: hop-thon)' }),
  title: nonEmpty(LIMITS.title),
  kind: z.enum(TEMPLATE_KINDS, { error: orMissing(`loại mẫu không hợp lệ (dùng: ${TEMPLATE_KINDS.join(', ')})`) }),
  body: nonEmpty(LIMITS.body).optional(),
  poll: pollSchema.optional(),
  pinAfterSend: z.boolean(),
  variables: z.array(variableSpecSchema).max(LIMITS.variables).optional(),
  version: z.number().int().min(1, { error: 'phải là số nguyên từ 1 trở lên' }),
  updatedAt: z.iso.datetime({ offset: true, error: orMissing('phải là thời điểm ISO 8601') }).optional(),
});

/** Normalises an option for the duplicate check (Zalo shows both, but voters cannot tell them apart). */
export const optionKey = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export const templateSchema = templateShape.superRefine((t, ctx) => {
  if (t.body !== undefined && t.poll !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['poll'], message: 'một mẫu chỉ có nội dung (body) hoặc bình chọn (poll), không có cả hai' });
  } else if (t.body === undefined && t.poll === undefined) {
    ctx.addIssue({ code: 'custom', path: ['body'], message: 'cần nội dung thông báo (body) hoặc bình chọn (poll)' });
  }
  if (t.kind === 'binh-chon' && t.poll === undefined) {
    ctx.addIssue({ code: 'custom', path: ['poll'], message: 'mẫu loại "Bình chọn" phải có phần bình chọn (poll)' });
  }

  const names = new Set<string>();
  t.variables?.forEach((v, i) => {
    if (names.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `biến {${v.name}} khai báo hai lần` });
    names.add(v.name);
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) {
      ctx.addIssue({ code: 'custom', path: ['variables', i, 'max'], message: 'giá trị lớn nhất nhỏ hơn giá trị nhỏ nhất' });
    }
  });

  const texts: { path: (string | number)[]; text: string }[] = [];
  if (t.body !== undefined) texts.push({ path: ['body'], text: t.body });
  if (t.poll) {
    texts.push({ path: ['poll', 'question'], text: t.poll.question });
    t.poll.options.forEach((o, i) => texts.push({ path: ['poll', 'options', i], text: o }));
    if (t.poll.settings.deadline !== undefined) texts.push({ path: ['poll', 'settings', 'deadline'], text: t.poll.settings.deadline });
  }
  for (const { path, text } of texts) {
    for (const issue of checkText(text, t)) ctx.addIssue({ code: 'custom', path, message: issue.message });
  }

  if (t.poll) {
    const seen = new Map<string, number>();
    t.poll.options.forEach((o, i) => {
      const key = optionKey(o);
      if (!key) return;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['poll', 'options', i], message: `trùng với lựa chọn ${first + 1}` });
      } else seen.set(key, i);
    });
    const d = t.poll.settings.deadline;
    if (d !== undefined) {
      const msg = checkDeadlineLiteral(d);
      if (msg) ctx.addIssue({ code: 'custom', path: ['poll', 'settings', 'deadline'], message: msg });
    }
  }
});
export type Template = z.infer<typeof templateSchema>;

export const templateSetSchema = z
  .object({
    format: z.literal(TEMPLATE_SET_FORMAT, { error: orMissing(`phải là "${TEMPLATE_SET_FORMAT}"`) }),
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION, { error: orMissing(`phải là ${TEMPLATE_SCHEMA_VERSION}`) }),
    name: nonEmpty(120),
    author: z.string().max(120).optional(),
    exportedAt: z.iso.datetime({ offset: true, error: orMissing('phải là thời điểm ISO 8601') }),
    templates: z.array(templateSchema).max(LIMITS.templates, { error: `tối đa ${LIMITS.templates} mẫu` }),
  })
  .superRefine((s, ctx) => {
    const first = new Map<string, number>();
    s.templates.forEach((t, i) => {
      const j = first.get(t.id);
      if (j !== undefined) ctx.addIssue({ code: 'custom', path: ['templates', i, 'id'], message: `trùng mã "${t.id}" với templates[${j}]` });
      else first.set(t.id, i);
    });
  });
export type TemplateSet = z.infer<typeof templateSetSchema>;

export { formatPath };

/** Vietnamese wording for zod's built-in issues that have no message of ours. */
export function vietnameseIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return MISSING;
      return `sai kiểu dữ liệu (cần ${typeName(issue.expected)})`;
    case 'too_small':
      return issue.origin === 'array' ? `cần ít nhất ${String(issue.minimum)} phần tử` : `phải từ ${String(issue.minimum)} trở lên`;
    case 'too_big':
      return issue.origin === 'array'
        ? `tối đa ${String(issue.maximum)} phần tử`
        : issue.origin === 'string'
          ? `dài quá ${String(issue.maximum)} ký tự`
          : `không được lớn hơn ${String(issue.maximum)}`;
    case 'invalid_value':
      return `giá trị không hợp lệ (dùng: ${issue.values.map((v) => String(v)).join(', ')})`;
    case 'invalid_format':
      return 'sai định dạng';
    default:
      return undefined;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    boolean: 'true/false',
    array: 'danh sách',
    object: 'đối tượng',
  };
  return names[expected] ?? expected;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

/** Validates one template; returns readable issues ("poll.options[1]: không được để trống"). */
export function validateTemplate(
  input: unknown,
): { ok: true; template: Template } | { ok: false; issues: ValidationIssue[] } {
  const r = templateSchema.safeParse(input, { error: vietnameseIssue });
  if (r.success) return { ok: true, template: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
