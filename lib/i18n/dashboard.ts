import vi from '../../locales/dashboard.vi.json';
import en from '../../locales/dashboard.en.json';
import { catalog, type Lang, type Params } from './index';

/** Dashboard strings live in their own files, so the dashboard's wording changes without touching the overlay's. */
const dashboard = catalog<keyof typeof vi>({ vi, en });
export type DashKey = keyof typeof vi;
export type DashParams = Params;
export type TDash = (key: DashKey, params?: DashParams) => string;
export const tDash = dashboard.translate;
export const createTDash: (lang: Lang) => TDash = dashboard.create;
export const dashKeys = dashboard.keys;
