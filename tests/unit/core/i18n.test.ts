import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { LANGS, localeKeys, translate } from '@/lib/i18n';
import { CATEGORY_IDS } from '@/lib/domain/categories';
import { LOG_ACTIONS, LOG_KINDS } from '@/lib/log/schema';

describe('locales', () => {
  it.each(LANGS.filter((l) => l !== 'vi'))('%s has exactly the keys of vi', (lang) => {
    expect(localeKeys(lang)).toEqual(localeKeys('vi'));
  });

  it.each(LANGS)('%s has no empty strings and balanced placeholders with vi', (lang) => {
    const vi = JSON.parse(readFileSync('locales/vi.json', 'utf8')) as Record<string, string>;
    const other = JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(other)) {
      expect(value.trim(), key).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(value), key).toEqual(ph(vi[key]));
    }
  });

  it('manifest locales (_locales) have the same message names', () => {
    const dirs = readdirSync('public/_locales');
    expect(dirs.sort()).toEqual(['en', 'vi']);
    const names = (l: string) => Object.keys(JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8'))).sort();
    expect(names('en')).toEqual(names('vi'));
  });

  it.each([...CATEGORY_IDS.map((c) => `category.${c}`), ...LOG_ACTIONS.map((a) => `action.${a}`), ...LOG_KINDS.map((k) => `kind.${k}`)])(
    'label %s exists',
    (key) => {
      expect(localeKeys('vi')).toContain(key);
    },
  );

  it.each([
    ['vi', 'chip.flags', { n: 3 }, '3 cảnh báo'],
    ['en', 'chip.flags', { n: 2 }, '2 warnings'],
    ['vi', 'card.clause', { clause: 'III.2(2)' }, 'Điều khoản III.2(2)'],
  ] as const)('translate(%s, %s)', (lang, key, params, expected) => {
    expect(translate(lang, key, params)).toBe(expected);
  });
});
