import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createT } from '@/lib/i18n';
import { createTDash, type DashKey } from '@/lib/i18n/dashboard';
import { formatHash, parseHash, TABS, type LogFilterState, type Route, type Tab } from '@/lib/dashboard/hash';
import { DEFAULT_GLOBAL_SETTINGS, type GlobalSettings } from '@/lib/settings/schema';
import { loadGlobalSettings } from '@/lib/settings/store';
import { needsSetup } from '@/lib/dashboard/setup';
import { FirstRunSetup } from './FirstRunSetup';
import { Ctx, type DashboardCtx, type DashboardDeps } from './context';
import { LogView } from './LogView';
import { ReportsView } from './ReportsView';
import { XaView } from './XaView';
import { HealthView } from './HealthView';
import { TemplatesView } from './TemplatesView';
import { SettingsView } from './SettingsView';

const TAB_LABEL: Record<Tab, DashKey> = {
  log: 'tab.log',
  reports: 'tab.reports',
  xa: 'tab.xa',
  health: 'tab.health',
  templates: 'tab.templates',
  settings: 'tab.settings',
};

export function App(deps: DashboardDeps & { initialHash: string; onHash: (hash: string, push: boolean) => void }) {
  const { initialHash, onHash, ...rest } = deps;
  const [route, setRoute] = useState<Route>(() => parseHash(initialHash));
  const [settings, setSettings] = useState<GlobalSettings | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ log: null, reports: null, xa: null, health: null, templates: null, settings: null });

  useEffect(() => {
    loadGlobalSettings(rest.db)
      .then(setSettings)
      .catch(() => setSettings(DEFAULT_GLOBAL_SETTINGS));
  }, [rest.db]);

  // Back/forward and links from the overlay change the hash: follow them.
  useEffect(() => {
    const win = rest.doc.defaultView;
    if (!win) return;
    const onChange = () => setRoute(parseHash(win.location.hash));
    win.addEventListener('hashchange', onChange);
    return () => win.removeEventListener('hashchange', onChange);
  }, [rest.doc]);

  const lang = settings?.language ?? 'vi';
  const ctx = useMemo<DashboardCtx>(
    () => ({ ...rest, lang, t: createTDash(lang), tl: createT(lang), settings: settings ?? DEFAULT_GLOBAL_SETTINGS, setSettings }),
    // The remaining props are stable callbacks; listing `rest` itself would rebuild the context every render.
    [rest.db, rest.trustDb, rest.doc, rest.version, lang, settings],
  );

  useEffect(() => {
    rest.doc.documentElement.lang = lang;
    rest.doc.title = ctx.t('app.title');
  }, [lang, rest.doc, ctx]);

  const go = useCallback(
    (tab: Tab) => {
      const next = { ...route, tab };
      setRoute(next);
      onHash(formatHash(next), true);
    },
    [route, onHash],
  );

  const setFilters = useCallback(
    (filters: LogFilterState) => {
      setRoute((r) => {
        const next = { ...r, filters };
        onHash(formatHash(next), false);
        return next;
      });
    },
    [onHash],
  );

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, tab: Tab) => {
    const i = TABS.indexOf(tab);
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = TABS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    go(TABS[j]);
    tabRefs.current[TABS[j]]?.focus();
  };

  const t = ctx.t;
  return (
    <Ctx.Provider value={ctx}>
      <div className="dash">
        <a className="skip" href="#dash-main" onClick={(e) => { e.preventDefault(); rest.doc.getElementById('dash-main')?.focus(); }}>
          {t('app.skip')}
        </a>
        <header className="dash__head">
          <img src="/icon/32.png" alt="" width={28} height={28} />
          <div>
            <h1>{t('app.title')}</h1>
            <p className="muted">{t('app.subtitle')}</p>
          </div>
        </header>
        <nav className="dash__tabs" role="tablist" aria-label={t('app.sections')}>
          {TABS.map((tab) => (
            <button
              key={tab}
              ref={(el) => {
                tabRefs.current[tab] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-selected={route.tab === tab}
              aria-controls="dash-main"
              tabIndex={route.tab === tab ? 0 : -1}
              className="dash__tab"
              data-testid={`tab-${tab}`}
              onClick={() => go(tab)}
              onKeyDown={(e) => onTabKey(e, tab)}
            >
              {t(TAB_LABEL[tab])}
            </button>
          ))}
        </nav>
        <main id="dash-main" className="dash__main" role="tabpanel" aria-labelledby={`tab-${route.tab}`} tabIndex={-1}>
          {settings && needsSetup(settings) && <FirstRunSetup />}
          {!settings ? (
            <p className="muted">{t('common.loading')}</p>
          ) : route.tab === 'log' ? (
            <LogView filters={route.filters} onFilters={setFilters} />
          ) : route.tab === 'reports' ? (
            <ReportsView />
          ) : route.tab === 'xa' ? (
            <XaView />
          ) : route.tab === 'health' ? (
            <HealthView />
          ) : route.tab === 'templates' ? (
            <TemplatesView />
          ) : (
            <SettingsView />
          )}
        </main>
      </div>
    </Ctx.Provider>
  );
}
