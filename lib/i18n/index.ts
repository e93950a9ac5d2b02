import vi from '../../locales/vi.json';
import en from '../../locales/en.json';

/** Vietnamese is the source of truth: every key must exist in vi; en is checked against it by a test. */
export type MessageKey = keyof typeof vi;
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const TABLES: Record<Lang, Partial<Record<MessageKey, string>>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Placeholders are {name}; a missing English string falls back to Vietnamese, never to the key. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = TABLES[lang][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function createT(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

export function localeKeys(lang: Lang): string[] {
  return Object.keys(TABLES[lang]).sort();
}
