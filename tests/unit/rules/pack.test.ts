import { describe, expect, it } from 'vitest';
import { applyOverrides, checkMessage, compileRuleset, DEFAULT_PACK, parsePack, replacePack, type RulePack } from '@/lib/rules/index';
import { flagSchema } from '@/lib/rules/flag';

const clone = (): RulePack => structuredClone(DEFAULT_PACK);

type Path = Array<string | number>;
const DELETE = Symbol('delete');

/** Copy of the default pack with the value at `path` replaced (or deleted). */
function withChange(path: Path, value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(DEFAULT_PACK)) as Record<string | number, unknown>;
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return root;
}

describe('parsePack', () => {
  it('accepts the default pack (object and JSON text)', () => {
    expect(parsePack(DEFAULT_PACK).ok).toBe(true);
    expect(parsePack(JSON.stringify(DEFAULT_PACK)).ok).toBe(true);
  });

  it.each<[string, Path, unknown, string]>([
    ['weight as string', ['categories', 'scam', 'terms', 3, 'weight'], 'high', 'categories.scam.terms[3].weight: expected number'],
    ['missing text', ['categories', 'advertising', 'terms', 0, 'text'], DELETE, 'categories.advertising.terms[0].text: expected string'],
    ['empty text', ['categories', 'advertising', 'terms', 1, 'text'], '   ', 'categories.advertising.terms[1].text'],
    ['bad schema version', ['schema'], 2, 'schema'],
    ['bad version format', ['version'], 'v1', 'version'],
    ['unknown category id', ['categories', 'lottery'], { enabled: true }, 'categories'],
    ['enabled not boolean', ['categories', 'scam', 'enabled'], 'yes', 'categories.scam.enabled: expected boolean'],
    ['bad severity', ['categories', 'scam', 'severity'], 'critical', 'categories.scam.severity'],
    ['negative threshold', ['categories', 'scam', 'threshold'], -1, 'categories.scam.threshold'],
    ['allowTerms not array', ['allowTerms'], 'đề nghị', 'allowTerms: expected array'],
    ['weight out of range', ['categories', 'gambling-fortune', 'terms', 0, 'weight'], 99, 'categories.gambling-fortune.terms[0].weight'],
    ['combo without groups', ['categories', 'scam', 'combos', 0, 'groups'], [], 'categories.scam.combos[0].groups'],
  ])('rejects %s and names the field', (_n, at, value, path) => {
    const r = parsePack(withChange(at, value));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(path);
  });

  it.each(['{', 'null', '[]', '"pack"'])('rejects malformed JSON text %j', (text) => {
    const r = parsePack(text);
    expect(r.ok).toBe(false);
  });
});

describe('replacePack keeps the pack in force on error', () => {
  const current = compileRuleset(DEFAULT_PACK);
  it('invalid pack → same ruleset, error names the field', () => {
    const bad = withChange(['categories', 'scam', 'terms', 3, 'weight'], 'x');
    const r = replacePack(current, bad);
    expect(r.ok).toBe(false);
    expect(r.ruleset).toBe(current);
    if (!r.ok) expect(r.error).toMatch(/^categories\.scam\.terms\[3\]\.weight/);
    // the old rules still work
    expect(checkMessage('Nhận ghi lô, đề, xiên, trả thưởng nhanh', r.ruleset).map((f) => f.category)).toContain('gambling-fortune');
  });
  it('valid pack → new ruleset', () => {
    const p = clone();
    p.categories['gambling-fortune'] = { ...p.categories['gambling-fortune']!, enabled: false };
    const r = replacePack(current, p);
    expect(r.ok).toBe(true);
    expect(r.ruleset).not.toBe(current);
    expect(checkMessage('Nhận ghi lô, đề, xiên', r.ruleset)).toEqual([]);
  });
});

describe('applyOverrides', () => {
  it('does not mutate the input pack', () => {
    const p = clone();
    const before = JSON.stringify(p);
    applyOverrides(p, { extraTerms: { advertising: [{ text: 'bán gà', weight: 1 }] }, disabledCategories: ['scam'] });
    expect(JSON.stringify(p)).toBe(before);
  });

  it.each<[string, Parameters<typeof applyOverrides>[1], string, string | null]>([
    ['extra term flags', { extraTerms: { advertising: [{ text: 'gà ri thả vườn', weight: 1 }] } }, 'Nhà em có gà ri thả vườn', 'advertising'],
    ['extra accentless term (foldSafe)', { extraTerms: { 'abusive-language': [{ text: 'đồ dở hơi', weight: 1, foldSafe: true }] } }, 'do do hoi', 'abusive-language'],
    ['allowed term silences', { allowedTerms: ['bán vải thiều'] }, 'Bán vải thiều nhà trồng', null],
    ['disabled category', { disabledCategories: ['gambling-fortune'] }, 'Nhận ghi lô, đề, xiên, trả thưởng nhanh', null],
    ['block domain', { blockDomains: ['example.org'] }, 'Xem ở https://example.org/page', 'strange-link'],
    ['allow domain', { allowDomains: ['cutt.ly'] }, 'Xem ở cutt.ly/abc', null],
  ])('%s', (_n, ov, text, expected) => {
    const rs = compileRuleset(DEFAULT_PACK, { overrides: ov });
    const got = checkMessage(text, rs).map((f) => f.category);
    if (expected) expect(got).toContain(expected);
    else expect(got).toEqual([]);
  });

  it('severity override wins', () => {
    const rs = compileRuleset(DEFAULT_PACK, { overrides: { severity: { advertising: 'high' } } });
    const f = checkMessage('Bán vải thiều 35k/kg, inbox mình', rs)[0];
    expect(f.severity).toBe('high');
    expect(f.action).toBe('delete');
  });
});

describe('evidence offsets point into the original text', () => {
  const rs = compileRuleset(DEFAULT_PACK);
  it.each([
    'Lôôô Đềềề uy tín, 1 ăn 80, ck trước nha',
    'c-h-u-y-e-n k-h-o-a-n ngay cho cán bộ tòa án, tài khoản sắp bị khóa',
    'Ｃａｓｉｎｏ online uy tín, nạp rút nhanh',
    'đ.m thằng nào lấy trộm gà nhà tao',
    'Bán vải thiều Lục Ngạn loại 1, 35k/kg, đặt hàng inbox mình nha',
    'Nhận 500k hỗ trợ người dân, đăng nhập tại vneid-hotro.net bằng số căn cước',
    'Ngân hàng thông báo tài khoản sắp bị khóa, cung cấp mã O\u200bTP để gia hạn.',
    'chuyển khoản'.normalize('NFD') + ' ngay vào tài khoản an toàn theo yêu cầu viện kiểm sát',
    '😀😀 Chốt số đề hôm nay: 39 - 93 😀',
  ])('%s', (text) => {
    const flags = checkMessage(text, rs);
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) {
      expect(flagSchema.safeParse(f).success).toBe(true);
      for (const e of f.evidence) {
        expect(e.start).toBeLessThan(e.end);
        expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });
});
