/**
 * Accent-insensitive template search: officials often type without diacritics ("hop thon",
 * "lua dao"), so both query and text are folded (NFD, marks removed, đ→d) before matching.
 * Every query word must match somewhere; title hits outrank kind-label hits, which outrank body.
 */
import { KIND_LABELS, type Template, type TemplateKind } from './schema';
import { foldText } from '../domain/text';

/** foldText, then words only: punctuation and runs of spaces become one space. */
export function foldVietnamese(s: string): string {
  return foldText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const lowerNfc = (s: string): string => s.normalize('NFC').toLowerCase();

interface Fields {
  title: string;
  kind: string;
  body: string;
  rawTitle: string;
  rawAll: string;
}

function fieldsOf(t: Template): Fields {
  const body = t.poll ? [t.poll.question, ...t.poll.options].join(' ') : (t.body ?? '');
  const kind = `${KIND_LABELS[t.kind]} ${t.kind.replace(/-/g, ' ')}`;
  return {
    title: ` ${foldVietnamese(t.title)} `,
    kind: ` ${foldVietnamese(kind)} `,
    body: ` ${foldVietnamese(body)} `,
    rawTitle: lowerNfc(t.title),
    rawAll: lowerNfc(`${t.title} ${KIND_LABELS[t.kind]} ${body}`),
  };
}

/**
 * Score of one folded word in one padded folded field: whole word > word prefix > inside.
 * Short words ("lo", "de") match only whole words, except the last one, which may still be
 * being typed ("hop th").
 */
function wordScore(field: string, word: string, weight: number, isLast: boolean): number {
  if (field.includes(` ${word} `)) return weight * 3;
  const short = word.length <= 2;
  if ((!short || isLast) && field.includes(` ${word}`)) return weight * 2;
  if (!short && field.includes(word)) return weight;
  return 0;
}

export function scoreTemplate(t: Template, query: string): number {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (!words.length) return 0;
  const f = fieldsOf(t);
  let total = 0;
  for (const [i, w] of words.entries()) {
    const last = i === words.length - 1;
    const s = wordScore(f.title, w, 10, last) + wordScore(f.kind, w, 5, last) + wordScore(f.body, w, 1, last);
    if (s === 0) return 0;
    total += s;
  }
  const phrase = words.join(' ');
  if (words.length > 1 && f.title.includes(` ${phrase}`)) total += 30;
  else if (words.length > 1 && f.body.includes(` ${phrase}`)) total += 5;
  // Typing the accents exactly ("họp", not "hộp") is a stronger signal than the folded match.
  const raw = lowerNfc(query).trim();
  if (raw !== phrase && raw) {
    if (f.rawTitle.includes(raw)) total += 8;
    else if (f.rawAll.includes(raw)) total += 3;
  }
  return total;
}

/**
 * Templates matching the query (and kind, if given), best first; ties keep library order.
 * An empty query lists every template of the kind in library order.
 */
export function searchTemplates(templates: readonly Template[], query: string, kind?: TemplateKind): Template[] {
  const pool = kind ? templates.filter((t) => t.kind === kind) : [...templates];
  if (!foldVietnamese(query)) return pool;
  return pool
    .map((t, i) => ({ t, i, s: scoreTemplate(t, query) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.t);
}
