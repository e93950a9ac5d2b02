import { fold, type ProvinceRule } from './province';

/**
 * Group names by the province's pattern, parsed into thôn/xã to prefill a group's settings, and the
 * two-level name to suggest when a name still carries a huyện. The one place that reads them.
 *
 * Patterns from the seeds: Bắc Ninh "Tổ CNS - [Thôn/TDP] - [Xã/Phường]"; Sóc Trăng (now Cần Thơ)
 * "CNCĐ_Ấp_Xã_Huyện"; Thanh Hóa "CNS-Thôn-xã-huyện"; and a pattern the admin writes with
 * {thon} {xa} {huyen} placeholders.
 */
export type ParsedName = {
  /** Which pattern matched. */
  pattern: ProvinceRule | 'custom';
  thon: string;
  xa: string;
  /** Present when the name still names a district (abolished 1 July 2025). */
  huyen?: string;
};

type Matcher = { id: ProvinceRule | 'custom'; re: RegExp; groups: ('thon' | 'xa' | 'huyen')[] };

const DASH = '\\s*[-–—]\\s*';
const BUILTIN: Matcher[] = [
  { id: 'bac-ninh', re: new RegExp(`^tổ\\s+cns(?:cđ)?${DASH}(.+?)${DASH}(.+?)(?:${DASH}(.+?))?$`, 'iu'), groups: ['thon', 'xa', 'huyen'] },
  { id: 'can-tho', re: /^(?:tổ\s+)?cncđ\s*_\s*([^_]+?)\s*_\s*([^_]+?)(?:\s*_\s*([^_]+?))?$/iu, groups: ['thon', 'xa', 'huyen'] },
  { id: 'thanh-hoa', re: /^cns\s*-\s*([^-]+?)\s*-\s*([^-]+?)(?:\s*-\s*([^-]+?))?$/iu, groups: ['thon', 'xa', 'huyen'] },
];

/** Words that say what kind of place follows; kept out of the prefilled fields. */
const THON_WORDS = /^(thôn|tdp|tổ dân phố|ấp|khóm|bản|khu phố|xóm|làng)\s+/iu;
const XA_WORDS = /^(xã|phường|thị trấn|tt\.?|p\.)\s+/iu;
const HUYEN_WORDS = /^(huyện|thị xã|thành phố|tp\.?|h\.)\s+/iu;

const clean = (s: string | undefined, words: RegExp) => (s ?? '').replace(/\s+/g, ' ').trim().replace(words, '').trim();

export type CustomPatternResult = { ok: true; matcher: Matcher } | { ok: false; error: string };

/** "{thon} - {xa}" style pattern → matcher; the text between placeholders must appear literally. */
export function compileCustomPattern(pattern: string): CustomPatternResult {
  const parts = pattern.split(/(\{thon\}|\{xa\}|\{huyen\})/);
  const groups: Matcher['groups'] = [];
  let re = '^';
  for (const p of parts) {
    const m = /^\{(thon|xa|huyen)\}$/.exec(p);
    if (m) {
      const g = m[1] as 'thon' | 'xa' | 'huyen';
      if (groups.includes(g)) return { ok: false, error: `Mẫu tên có {${g}} hai lần.` };
      groups.push(g);
      re += '(.+?)';
    } else {
      re += p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
    }
  }
  if (!groups.includes('thon') || !groups.includes('xa')) return { ok: false, error: 'Mẫu tên phải có {thon} và {xa}.' };
  return { ok: true, matcher: { id: 'custom', re: new RegExp(`${re}$`, 'iu'), groups } };
}

function tryMatch(name: string, m: Matcher): ParsedName | null {
  const hit = m.re.exec(name.normalize('NFC').trim());
  if (!hit) return null;
  const at = (g: 'thon' | 'xa' | 'huyen') => {
    const i = m.groups.indexOf(g);
    return i < 0 ? undefined : hit[i + 1];
  };
  const thon = clean(at('thon'), THON_WORDS);
  const xa = clean(at('xa'), XA_WORDS);
  const huyen = clean(at('huyen'), HUYEN_WORDS);
  if (!thon || !xa) return null;
  return { pattern: m.id, thon, xa, ...(huyen ? { huyen } : {}) };
}

/**
 * Parses a group name: the province's own pattern first (then the custom one), then the others, so
 * a Bắc Giang name in a Thanh Hóa install still prefills. null when no pattern fits.
 */
export function parseGroupName(name: string, rule: ProvinceRule = 'other', custom?: string): ParsedName | null {
  const order: Matcher[] = [];
  if (custom) {
    const c = compileCustomPattern(custom);
    if (c.ok) order.push(c.matcher);
  }
  const own = BUILTIN.find((m) => m.id === rule);
  if (own) order.unshift(own);
  for (const m of BUILTIN) if (m !== own) order.push(m);
  for (const m of order) {
    const p = tryMatch(name, m);
    if (p) return p;
  }
  return null;
}

/** The name by the province's pattern, two levels (no huyện). */
export function twoLevelName(rule: ProvinceRule, p: Pick<ParsedName, 'thon' | 'xa'>, custom?: string): string {
  switch (rule) {
    case 'bac-ninh':
      return `Tổ CNS - ${p.thon} - ${p.xa}`;
    case 'can-tho':
      return `CNCĐ_${p.thon}_${p.xa}`;
    case 'thanh-hoa':
      return `CNS-${p.thon}-${p.xa}`;
    case 'other':
      return custom && compileCustomPattern(custom).ok
        ? custom.replace('{thon}', p.thon).replace('{xa}', p.xa).replace(/\s*[-_–]?\s*\{huyen\}/, '')
        : `Tổ CNS - ${p.thon} - ${p.xa}`;
  }
}

export type NameCheck =
  | { status: 'ok'; parsed: ParsedName }
  /** Follows a pattern but still names a huyện, or follows another province's pattern. */
  | { status: 'rename'; parsed: ParsedName; suggestion: string; reason: 'huyen' | 'other-pattern' }
  | { status: 'unparsed'; suggestion?: string };

/** Name against the province's pattern, with the suggested current name when it should change. */
export function checkGroupName(name: string, rule: ProvinceRule, custom?: string, fallback?: { thon: string; xa: string }): NameCheck {
  const parsed = parseGroupName(name, rule, custom);
  if (!parsed) return fallback?.thon && fallback.xa ? { status: 'unparsed', suggestion: twoLevelName(rule, fallback, custom) } : { status: 'unparsed' };
  const suggestion = twoLevelName(rule, parsed, custom);
  if (parsed.huyen) return { status: 'rename', parsed, suggestion, reason: 'huyen' };
  const ownPattern = parsed.pattern === rule || parsed.pattern === 'custom' || rule === 'other';
  if (!ownPattern && fold(suggestion) !== fold(name)) return { status: 'rename', parsed, suggestion, reason: 'other-pattern' };
  return { status: 'ok', parsed };
}
