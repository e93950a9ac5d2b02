import { describe, expect, it } from 'vitest';
import vi from '@/locales/dashboard.vi.json';
import en from '@/locales/dashboard.en.json';
import { dashKeys, tDash } from '@/lib/i18n/dashboard';

describe('dashboard strings', () => {
  it('en has exactly the keys of vi', () => {
    expect(dashKeys('en')).toEqual(dashKeys('vi'));
  });

  it.each(Object.keys(vi))('%s: non-empty, same placeholders in both languages', (key) => {
    const a = (vi as Record<string, string>)[key];
    const b = (en as Record<string, string>)[key];
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(a.trim()).not.toBe('');
    expect(b.trim()).not.toBe('');
    // tpl.bodyHint shows literal {thon}… examples, which are placeholders in both languages too.
    expect(ph(b)).toEqual(ph(a));
  });

  it.each([
    ['vi', 'integrity.broken', { seq: 17, group: 'Nhóm Zalo thôn Đông' }, 'Phát hiện sửa đổi tại mục số 17 của nhóm Nhóm Zalo thôn Đông.'],
    ['en', 'log.count', { n: '1.234' }, '1.234 entries found'],
    ['vi', 'log.textPurged', undefined, '(đã xóa theo thời hạn lưu)'],
    ['vi', 'set.errorAtLine', { field: 'Tên miền chặn', line: 2 }, 'Lỗi ở «Tên miền chặn», dòng 2: {message}'],
  ] as const)('tDash(%s, %s)', (lang, key, params, out) => {
    expect(tDash(lang, key, params)).toBe(out);
  });
});
