/**
 * Placeholder syntax of template text: `{ten_bien}` or `{ten_bien|dinh_dang}`.
 * Literal braces are written `{{` and `}}` (as in Python's str.format), so a village official
 * can still type "{" in a notice. The tokenizer never throws: it returns segments plus issues,
 * and callers decide whether an issue is fatal (validation) or reportable (editor hints).
 */

export type Segment =
  | { type: 'text'; value: string }
  | {
      type: 'var';
      name: string;
      /** Optional display format after "|", e.g. "ngan" in `{ngay|ngan}`. */
      format?: string;
      /** The placeholder as written, braces included. */
      raw: string;
      /** UTF-16 offset of the opening brace. */
      index: number;
    };

export interface SyntaxIssue {
  /** UTF-16 offset in the source text. */
  index: number;
  message: string;
}

export interface Tokenized {
  segments: Segment[];
  issues: SyntaxIssue[];
}

const NAME_RE = /^[a-z][a-z0-9_]*$/;
const FORMAT_RE = /^[a-z0-9]+$/;
/** A placeholder never spans lines and stays short; anything longer is a stray brace. */
const MAX_PLACEHOLDER = 60;

export function tokenize(src: string): Tokenized {
  const segments: Segment[] = [];
  const issues: SyntaxIssue[] = [];
  let text = '';
  const flush = (): void => {
    if (text) segments.push({ type: 'text', value: text });
    text = '';
  };

  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '{') {
      if (src[i + 1] === '{') {
        text += '{';
        i += 2;
        continue;
      }
      const close = findClose(src, i + 1);
      if (close < 0) {
        issues.push({ index: i, message: 'Dấu { chưa được đóng (muốn hiện dấu { thì viết {{)' });
        text += '{';
        i += 1;
        continue;
      }
      const raw = src.slice(i, close + 1);
      const inner = src.slice(i + 1, close);
      const bar = inner.indexOf('|');
      const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
      const format = bar < 0 ? undefined : inner.slice(bar + 1).trim();
      if (!inner.trim()) {
        issues.push({ index: i, message: 'Cặp dấu {} trống (muốn hiện dấu ngoặc thì viết {{ và }})' });
      } else if (!NAME_RE.test(name)) {
        issues.push({ index: i, message: `Biến ${raw} không được hỗ trợ` });
      } else if (format !== undefined && !FORMAT_RE.test(format)) {
        issues.push({ index: i, message: `Định dạng "${format}" của biến {${name}} không được hỗ trợ` });
      } else {
        flush();
        segments.push({ type: 'var', name, format, raw, index: i });
      }
      i = close + 1;
      continue;
    }
    if (ch === '}') {
      if (src[i + 1] === '}') {
        text += '}';
        i += 2;
        continue;
      }
      issues.push({ index: i, message: 'Dấu } thừa (muốn hiện dấu } thì viết }})' });
      text += '}';
      i += 1;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return { segments, issues };
}

/** Index of the "}" closing a placeholder opened before `from`, or -1. */
function findClose(src: string, from: number): number {
  const limit = Math.min(src.length, from + MAX_PLACEHOLDER);
  for (let j = from; j < limit; j += 1) {
    const c = src[j];
    if (c === '}') return j;
    if (c === '{' || c === '\n') return -1;
  }
  return -1;
}

/** Escapes literal text so that it survives tokenize() unchanged. */
export function escapeBraces(text: string): string {
  return text.replace(/[{}]/g, (b) => b + b);
}
