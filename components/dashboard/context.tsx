import { createContext, useContext } from 'react';
import type { GuardDb } from '@/lib/db/db';
import type { Lang, Translate } from '@/lib/i18n';
import type { TDash } from '@/lib/i18n/dashboard';
import type { GlobalSettings } from '@/lib/settings/schema';
import type { TrustDb } from '@/lib/trust/store';

/** Everything with a side effect or a global is handed in here, so tests render with their own. */
export type DashboardDeps = {
  db: GuardDb;
  /** Signing key, the xã's key register and its memory of received bundles. */
  trustDb: TrustDb;
  doc: Document;
  now: () => Date;
  /** Extension version for bundle metadata. */
  version: string;
  /** Reads a file packaged with the extension (e.g. the blocklist attribution). */
  fetchText: (path: string) => Promise<string>;
};

export type DashboardCtx = DashboardDeps & {
  lang: Lang;
  t: TDash;
  /** Shared labels (categories, actions, kinds) from locales/vi.json and en.json. */
  tl: Translate;
  settings: GlobalSettings;
  setSettings: (s: GlobalSettings) => void;
};

export const Ctx = createContext<DashboardCtx | null>(null);

export function useDash(): DashboardCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error('Dashboard context missing');
  return c;
}
