import { safeQuery } from './query';
import { AREA_IDS, SELECTORS, SELECTOR_KEYS, type AreaId, type SelectorKey } from './selectors';

export type SelectorStatus = 'matched' | 'fallback' | 'failed' | 'not-applicable';

export interface SelectorHealth {
  key: SelectorKey;
  area: AreaId;
  status: SelectorStatus;
  /** Index of the candidate that matched (0 = preferred). */
  candidate?: number;
  /** The matching selector, handy for a drift log. */
  selector?: string;
}

export interface HealthReport {
  /** Logged in and rendered (any `appReady` candidate). */
  appReady: boolean;
  /** A conversation is open (chat area, header, list, bubbles or composer found). */
  chatOpen: boolean;
  selectors: SelectorHealth[];
}

/** How well one area of Zalo's page (a group of selectors, e.g. `pin`) can still be found. */
export type AreaStatus = 'ok' | 'degraded' | 'broken';

export interface AreaHealth {
  area: AreaId;
  status: AreaStatus;
  /** Keys that matched only through a fallback. */
  fallback: SelectorKey[];
  failed: SelectorKey[];
  /** fallback + failed: what the status chip lists as drifted. */
  missing: SelectorKey[];
  /** How many of the area's selectors applied in the current state (0: nothing to check yet). */
  checked: number;
}

function probe(doc: Document, key: SelectorKey): number {
  const candidates = SELECTORS[key].candidates;
  for (let i = 0; i < candidates.length; i++) {
    if (safeQuery(doc, candidates[i]!)) return i;
  }
  return -1;
}

const CHAT_EVIDENCE: readonly SelectorKey[] = ['chatView', 'header', 'messageList', 'bubble', 'composer'];

/**
 * Which selector candidates match right now. `app` selectors are expected once logged in, `chat`
 * selectors while a conversation is open; `state` selectors (menus, dialogs, some bubble kinds)
 * are reported only when present. Never throws.
 */
export function health(doc: Document): HealthReport {
  const found = new Map<SelectorKey, number>();
  for (const key of SELECTOR_KEYS) found.set(key, probe(doc, key));
  const appReady = (found.get('appReady') ?? -1) >= 0;
  const chatOpen = CHAT_EVIDENCE.some((k) => (found.get(k) ?? -1) >= 0);

  const selectors = SELECTOR_KEYS.map((key): SelectorHealth => {
    const entry = SELECTORS[key];
    const index = found.get(key) ?? -1;
    const base = { key, area: entry.area };
    if (index === 0) return { ...base, status: 'matched', candidate: 0, selector: entry.candidates[0] };
    if (index > 0) return { ...base, status: 'fallback', candidate: index, selector: entry.candidates[index] };
    // Before login only appReady itself is expected; the rest would all "fail" for no reason.
    const expected =
      entry.when === 'app' ? key === 'appReady' || appReady : entry.when === 'chat' ? chatOpen : false;
    return { ...base, status: expected ? 'failed' : 'not-applicable' };
  });
  return { appReady, chatOpen, selectors };
}

/**
 * Per area: broken if an expected selector failed, degraded if one matched only via a fallback,
 * ok otherwise (also when nothing applies yet: see `checked`).
 */
export function areaHealth(report: HealthReport): AreaHealth[] {
  return AREA_IDS.map((area): AreaHealth => {
    const rows = report.selectors.filter((s) => s.area === area);
    const failed = rows.filter((s) => s.status === 'failed').map((s) => s.key);
    const fallback = rows.filter((s) => s.status === 'fallback').map((s) => s.key);
    const checked = rows.filter((s) => s.status !== 'not-applicable').length;
    const status: AreaStatus = failed.length ? 'broken' : fallback.length ? 'degraded' : 'ok';
    return { area, status, fallback, failed, missing: [...failed, ...fallback], checked };
  });
}
