import { CATEGORY_IDS, type CategoryId } from '../domain/categories';
import { LOG_ACTIONS, LOG_KINDS, type LogAction, type LogKind } from '../log/schema';

/**
 * Dashboard location ↔ URL hash: "#log?period=this-month&cat=scam&q=lua dao". The hash is the only
 * state that survives a reload, so a link from the overlay ("xem nhật ký nhóm này") can open a view.
 */
export const TABS = ['log', 'reports', 'xa', 'health', 'templates', 'settings'] as const;
export type Tab = (typeof TABS)[number];

export const PERIOD_PRESETS = ['all', 'this-month', 'last-month', 'this-quarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type LogFilterState = {
  period: PeriodPreset;
  /** "YYYY-MM-DD" Vietnam calendar days, inclusive; only for period "custom". */
  from?: string;
  to?: string;
  group?: string;
  category?: CategoryId;
  kind?: LogKind;
  action?: LogAction;
  member?: string;
  q?: string;
};

export const EMPTY_FILTERS: LogFilterState = { period: 'all' };

export type Route = { tab: Tab; filters: LogFilterState };

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

function text(v: string | null): string | undefined {
  const t = v?.trim();
  return t ? t.slice(0, 200) : undefined;
}

/** Unknown tabs and values are dropped, never thrown: a mistyped link still opens the dashboard. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [name = '', query = ''] = raw.split(/\?(.*)/s);
  const tab = oneOf(TABS, name) ?? 'log';
  const p = new URLSearchParams(query);
  const filters: LogFilterState = { period: oneOf(PERIOD_PRESETS, p.get('period')) ?? 'all' };
  if (filters.period === 'custom') {
    const from = p.get('from');
    const to = p.get('to');
    if (from && DAY_RE.test(from)) filters.from = from;
    if (to && DAY_RE.test(to)) filters.to = to;
  }
  const group = text(p.get('group'));
  if (group) filters.group = group;
  const category = oneOf(CATEGORY_IDS, p.get('cat'));
  if (category) filters.category = category;
  const kind = oneOf(LOG_KINDS, p.get('kind'));
  if (kind) filters.kind = kind;
  const action = oneOf(LOG_ACTIONS, p.get('action'));
  if (action) filters.action = action;
  const member = text(p.get('member'));
  if (member) filters.member = member;
  const q = text(p.get('q'));
  if (q) filters.q = q;
  return { tab, filters };
}

/** Inverse of parseHash; default values are left out so plain tabs stay "#reports". */
export function formatHash(route: Route): string {
  const f = route.filters;
  const p = new URLSearchParams();
  if (route.tab === 'log') {
    if (f.period !== 'all') p.set('period', f.period);
    if (f.period === 'custom') {
      if (f.from) p.set('from', f.from);
      if (f.to) p.set('to', f.to);
    }
    if (f.group) p.set('group', f.group);
    if (f.category) p.set('cat', f.category);
    if (f.kind) p.set('kind', f.kind);
    if (f.action) p.set('action', f.action);
    if (f.member) p.set('member', f.member);
    if (f.q) p.set('q', f.q);
  }
  const qs = p.toString();
  return `#${route.tab}${qs ? `?${qs}` : ''}`;
}
