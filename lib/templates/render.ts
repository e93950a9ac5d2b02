/**
 * Fills a template with values. Pure: the clock is a parameter (poll deadlines), output is NFC,
 * line by line trimmed, with at most one blank line in a row, ready for the Zalo composer
 * (one composer line per entry of `lines`).
 */
import type { Template, VariableSpec } from './schema';
import { optionKey } from './schema';
import { tokenize } from './syntax';
import { DEFAULT_FORMAT, FORMATS_BY_TYPE, resolveVariable } from './variables';
import { formatDate, formatTime, parseDate, parseInteger, parsePhone, parseTime, VIETNAM_UTC_OFFSET_MINUTES } from './format';
import { resolveDeadline, type Deadline } from './deadline';

export type VariableValue = string | number | Date | null | undefined;
export type VariableValues = Readonly<Record<string, VariableValue>>;

export interface RenderOptions {
  /** Sending time, for relative poll deadlines. Defaults to the current time. */
  now?: Date;
  /** Offset of local time used for deadlines and Date values; Vietnam (UTC+7) by default. */
  utcOffsetMinutes?: number;
}

export interface RenderIssue {
  /** Where: "body", "poll.question", "poll.options[1]", "poll.settings.deadline". */
  field: string;
  variable?: string;
  message: string;
}

export interface RenderedPoll {
  question: string;
  options: string[];
  settings: {
    multipleChoice: boolean;
    allowAddOptions: boolean;
    anonymous: boolean;
    hideResults: boolean;
    deadline?: Deadline;
  };
}

export type RenderResult =
  | { ok: true; text: string; lines: string[]; pinAfterSend: boolean; poll?: RenderedPoll }
  | { ok: false; missing: string[]; invalid: RenderIssue[]; unknown: string[] };

const MAX_VALUE = 2000;

/** NFC, LF, trimmed lines, no blank line at either end, never two blank lines in a row. */
export function cleanLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

type Mode = 'display' | 'canonical';

type ValueResult = { ok: true; text: string } | { ok: false; missing: true } | { ok: false; missing: false; message: string };

/** Turns one raw value into text for the given spec; `canonical` feeds the deadline parser. */
function formatValue(
  spec: VariableSpec,
  raw: VariableValue,
  format: string | undefined,
  mode: Mode,
  offset: number,
): ValueResult {
  let value: string | number | Date | undefined;
  if (typeof raw === 'string') value = raw.normalize('NFC').trim() || undefined;
  else if (raw instanceof Date || typeof raw === 'number') value = raw;
  if (value === undefined && spec.default !== undefined && spec.default.trim()) value = spec.default.normalize('NFC').trim();
  if (value === undefined) return spec.required === false ? { ok: true, text: '' } : { ok: false, missing: true };
  if (typeof value === 'string' && value.length > MAX_VALUE) {
    return { ok: false, missing: false, message: `dài quá ${MAX_VALUE} ký tự` };
  }
  const fail = (message: string): ValueResult => ({ ok: false, missing: false, message });
  const fmt = format ?? DEFAULT_FORMAT[spec.type];

  switch (spec.type) {
    case 'date': {
      const d = parseDate(value, offset);
      if (!d.ok) return fail(d.message);
      return { ok: true, text: formatDate(d.value, mode === 'canonical' ? 'iso' : fmt === 'ngan' ? 'ngan' : 'thu') };
    }
    case 'time': {
      const t = parseTime(value, offset);
      if (!t.ok) return fail(t.message);
      return { ok: true, text: formatTime(t.value, mode === 'canonical' || fmt === '24h' ? '24h' : 'h') };
    }
    case 'number': {
      if (value instanceof Date) return fail('cần một số');
      const n = parseInteger(value, spec.min, spec.max);
      return n.ok ? { ok: true, text: n.value } : fail(n.message);
    }
    case 'phone': {
      if (typeof value !== 'string') return fail('cần số điện thoại dạng chữ số, ví dụ 0912 345 678');
      const p = parsePhone(value);
      return p.ok ? { ok: true, text: p.value } : fail(p.message);
    }
    case 'multiline':
      if (value instanceof Date) return fail('cần nội dung dạng chữ');
      return { ok: true, text: String(value).replace(/\r\n?/g, '\n') };
    case 'text':
    default:
      if (value instanceof Date) return fail('cần nội dung dạng chữ');
      // A one-line field must not break the surrounding sentence.
      if (fmt === 'hoa') return { ok: true, text: String(value).replace(/\s+/g, ' ').toUpperCase() };
      return { ok: true, text: String(value).replace(/\s+/g, ' ') };
  }
}

interface Collector {
  missing: string[];
  invalid: RenderIssue[];
  unknown: string[];
}

function pushUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

function substitute(
  field: string,
  text: string,
  values: VariableValues,
  template: Pick<Template, 'variables'> | undefined,
  mode: Mode,
  offset: number,
  acc: Collector,
): string | undefined {
  const { segments, issues } = tokenize(text.normalize('NFC'));
  for (const i of issues) acc.invalid.push({ field, message: i.message });
  let out = '';
  let ok = issues.length === 0;
  for (const seg of segments) {
    if (seg.type === 'text') {
      out += seg.value;
      continue;
    }
    const spec = resolveVariable(seg.name, template);
    if (!spec) {
      pushUnique(acc.unknown, seg.name);
      ok = false;
      continue;
    }
    if (seg.format !== undefined && !(FORMATS_BY_TYPE[spec.type] ?? []).includes(seg.format)) {
      acc.invalid.push({ field, variable: seg.name, message: `Định dạng "${seg.format}" không dùng được cho biến {${seg.name}}` });
      ok = false;
      continue;
    }
    const r = formatValue(spec, values[seg.name], seg.format, mode, offset);
    if (r.ok) out += r.text;
    else {
      ok = false;
      if (r.missing) pushUnique(acc.missing, seg.name);
      else if (!acc.invalid.some((x) => x.variable === seg.name && x.message.endsWith(r.message))) {
        acc.invalid.push({ field, variable: seg.name, message: `${spec.label} {${seg.name}}: ${r.message}` });
      }
    }
  }
  return ok ? out : undefined;
}

/** Renders a free text (e.g. an edited body) against the registry and optional template specs. */
export function renderText(
  text: string,
  values: VariableValues,
  template?: Pick<Template, 'variables'>,
  options: RenderOptions = {},
): { ok: true; text: string; lines: string[] } | { ok: false; missing: string[]; invalid: RenderIssue[]; unknown: string[] } {
  const acc: Collector = { missing: [], invalid: [], unknown: [] };
  const offset = options.utcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES;
  const out = substitute('body', text, values, template, 'display', offset, acc);
  if (out === undefined) return { ok: false, ...acc };
  const lines = cleanLines(out);
  return { ok: true, text: lines.join('\n'), lines };
}

export function renderTemplate(template: Template, values: VariableValues, options: RenderOptions = {}): RenderResult {
  const acc: Collector = { missing: [], invalid: [], unknown: [] };
  const offset = options.utcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES;
  const now = options.now ?? new Date();
  const sub = (field: string, text: string, mode: Mode = 'display') =>
    substitute(field, text, values, template, mode, offset, acc);

  if (template.poll === undefined) {
    const body = sub('body', template.body ?? '');
    if (body === undefined) return { ok: false, ...acc };
    const lines = cleanLines(body);
    if (!lines.length) return { ok: false, ...acc, invalid: [{ field: 'body', message: 'Nội dung trống sau khi điền' }] };
    return { ok: true, text: lines.join('\n'), lines, pinAfterSend: template.pinAfterSend };
  }

  const { poll } = template;
  const question = sub('poll.question', poll.question);
  const optionTexts = poll.options.map((o, i) => sub(`poll.options[${i}]`, o));
  const deadlineRaw = poll.settings.deadline === undefined ? undefined : sub('poll.settings.deadline', poll.settings.deadline, 'canonical');

  const qLines = question === undefined ? [] : cleanLines(question);
  if (question !== undefined && !qLines.length) acc.invalid.push({ field: 'poll.question', message: 'Câu hỏi trống sau khi điền' });
  const opts = optionTexts.map((o) => (o === undefined ? undefined : cleanLines(o).join(' ')));
  const seen = new Map<string, number>();
  opts.forEach((o, i) => {
    if (o === undefined) return;
    if (!o) {
      acc.invalid.push({ field: `poll.options[${i}]`, message: `Lựa chọn ${i + 1} trống sau khi điền` });
      return;
    }
    const first = seen.get(optionKey(o));
    if (first !== undefined) {
      acc.invalid.push({ field: `poll.options[${i}]`, message: `Lựa chọn ${i + 1} ("${o}") trùng với lựa chọn ${first + 1}` });
    } else seen.set(optionKey(o), i);
  });

  let deadline: Deadline | undefined;
  if (deadlineRaw !== undefined) {
    const d = resolveDeadline(deadlineRaw, now, offset);
    if (d.ok) deadline = d.value;
    else acc.invalid.push({ field: 'poll.settings.deadline', message: `Hạn chót: ${d.message}` });
  }

  if (acc.missing.length || acc.invalid.length || acc.unknown.length) return { ok: false, ...acc };
  const rendered: RenderedPoll = {
    question: qLines.join('\n'),
    options: opts.map((o) => o ?? ''),
    settings: {
      multipleChoice: poll.settings.multipleChoice,
      allowAddOptions: poll.settings.allowAddOptions,
      anonymous: poll.settings.anonymous,
      hideResults: poll.settings.hideResults,
      ...(deadline ? { deadline } : {}),
    },
  };
  const lines = [
    ...qLines,
    ...rendered.options.map((o, i) => `${i + 1}. ${o}`),
    ...(deadline ? [`Hạn bình chọn: ${deadline.text}`] : []),
  ];
  return { ok: true, text: lines.join('\n'), lines, pinAfterSend: template.pinAfterSend, poll: rendered };
}
