import vi from '../../locales/vi.json';
import en from '../../locales/en.json';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export type Params = Record<string, string | number>;

/**
 * One string catalog (a vi table and its en translation). Vietnamese is the source of truth: every
 * key exists in vi, a missing English string falls back to Vietnamese, never to the key; a test
 * checks both tables have the same keys. Placeholders are {name}.
 */
export function catalog<K extends string>(tables: { vi: Record<K, string>; en: Partial<Record<K, string>> }) {
  const byLang: Record<Lang, Partial<Record<K, string>>> = tables;
  function translate(lang: Lang, key: K, params?: Params): string {
    const template = byLang[lang][key] ?? tables.vi[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }
  return {
    translate,
    create: (lang: Lang) => (key: K, params?: Params) => translate(lang, key, params),
    keys: (lang: Lang) => Object.keys(byLang[lang]).sort(),
  };
}

/** Strings of the overlay, popup and exports (locales/vi.json, en.json). */
const core = catalog<keyof typeof vi>({ vi, en });
export type MessageKey = keyof typeof vi;
export type Translate = (key: MessageKey, params?: Params) => string;
export const translate = core.translate;
export const createT: (lang: Lang) => Translate = core.create;
export const localeKeys = core.keys;
