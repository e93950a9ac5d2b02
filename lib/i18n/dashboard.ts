import vi from '../../locales/dashboard.vi.json';
import en from '../../locales/dashboard.en.json';
import type { Lang } from './index';

/** Dashboard strings live in their own files (the lead owns locales/vi.json and en.json). */
export type DashKey = keyof typeof vi;
export type DashParams = Record<string, string | number>;
export type TDash = (key: DashKey, params?: DashParams) => string;

const TABLES: Record<Lang, Partial<Record<DashKey, string>>> = { vi, en };

/** {name} placeholders; a missing English string falls back to Vietnamese, never to the key. */
export function tDash(lang: Lang, key: DashKey, params?: DashParams): string {
  const template = TABLES[lang]?.[key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function createTDash(lang: Lang): TDash {
  return (key, params) => tDash(lang, key, params);
}

export function dashKeys(lang: Lang): string[] {
  return Object.keys(TABLES[lang]).sort();
}
