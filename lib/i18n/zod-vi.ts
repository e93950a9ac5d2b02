// Namespace import: `import { z }` drags every zod locale into the bundle. Only the Vietnamese one is loaded.
import type * as z from 'zod';
import viLocale from 'zod/v4/locales/vi.js';

/**
 * zod's own Vietnamese messages. Its dictionary leaves a few type names in English ("mong đợi
 * string", "nhận được undefined"); those words are translated here so no English reaches the admin.
 */
const WORDS: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'đúng/sai',
  bigint: 'số nguyên lớn',
  object: 'đối tượng',
  array: 'danh sách',
  undefined: 'không có giá trị',
  null: 'rỗng',
  date: 'ngày',
  file: 'tệp',
  symbol: 'ký hiệu',
  function: 'hàm',
};
const WORD_RE = new RegExp(`\\b(${Object.keys(WORDS).join('|')})\\b`, 'g');

const base = viLocale().localeError;

export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  const raw = base(issue);
  const message = typeof raw === 'string' ? raw : raw?.message;
  if (!message) return undefined;
  return message
    .replace(WORD_RE, (w) => WORDS[w] ?? w)
    .replace(/>=/g, '≥ ')
    .replace(/<=/g, '≤ ')
    .replace(/ {2,}/g, ' ');
};

/**
 * A JSON.parse failure in Vietnamese, with line and column when the engine reports a position
 * ("… at position 57", "… (line 3 column 5)").
 */
export function jsonErrorVi(text: string, error: unknown): string {
  const msg = error instanceof Error ? error.message : String(error);
  let line: number | undefined;
  let column: number | undefined;
  const lc = /line (\d+) column (\d+)/.exec(msg);
  const pos = /position (\d+)/.exec(msg);
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (pos) {
    const before = text.slice(0, Number(pos[1]));
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  const where = line !== undefined ? ` (dòng ${line}, cột ${column})` : '';
  if (/unexpected end/i.test(msg)) return `tệp JSON bị cắt cụt, thiếu phần cuối${where}`;
  return `không phải JSON hợp lệ${where}`;
}
