import { useEffect, useState } from 'react';
import type { Translate, MessageKey } from '@/lib/i18n';
import type { TabStatus } from '@/lib/messages/protocol';
import type { Diagnosis } from '@/lib/zalo/diagnostics';
import { DiagnosticsView } from '../diagnostics/DiagnosticsView';
import { SHORTCUT_PAGES, type BrowserFamily } from '@/lib/shortcuts';

export interface PopupDeps {
  t: Translate;
  /** Status of the active Zalo tab; null when the active tab is not Zalo Web; throws when the page does not answer. */
  status: () => Promise<TabStatus | null>;
  openPanel: () => Promise<void>;
  openPicker: (templateId?: string) => Promise<void>;
  openDashboard: () => Promise<void>;
  openZalo: () => Promise<void>;
  quickTemplates: { id: string; title: string }[];
  /** "Chẩn đoán trang Zalo" of the active tab (null when it is not Zalo Web). */
  diagnose?: () => Promise<Diagnosis | null>;
  /** Saves the active Zalo tab's page skeleton as a file. */
  exportStructure?: () => Promise<void>;
  /** The templates shortcut as the browser assigned it; '' when unassigned. */
  shortcut: () => Promise<string>;
  browserFamily: BrowserFamily;
  /** Opens the browser's shortcut settings; false when this browser cannot open them for us. */
  openShortcutSettings: () => Promise<boolean>;
  lang?: 'vi' | 'en';
}

export function PopupApp(deps: PopupDeps) {
  const { t, status, openPanel, openPicker, openDashboard, openZalo, quickTemplates, diagnose, exportStructure } = deps;
  const [showDiag, setShowDiag] = useState(false);
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'none' } | { kind: 'error' } | { kind: 'ok'; s: TabStatus }>({
    kind: 'loading',
  });
  useEffect(() => {
    status()
      .then((s) => setState(s ? { kind: 'ok', s } : { kind: 'none' }))
      .catch(() => setState({ kind: 'error' }));
  }, [status]);

  const close = (p: Promise<void>) => void p.then(() => window.close());

  return (
    <main className="popup" lang={deps.lang ?? 'vi'}>
      <header className="popup__head">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{t('popup.title')}</h1>
      </header>
      {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'none' && (
        <section>
          <p>{t('popup.notZalo')}</p>
          <button type="button" className="btn" onClick={() => close(openZalo())}>
            {t('popup.openZalo')}
          </button>
        </section>
      )}
      {state.kind === 'error' && <p className="warn">{t('popup.noAnswer')}</p>}
      {state.kind === 'ok' && (
        <section data-testid="popup-status">
          <dl className="dl">
            <dt>{t('popup.group')}</dt>
            <dd>{state.s.thread?.name ?? t('popup.noGroup')}</dd>
            <dt>{t('popup.flags')}</dt>
            <dd data-testid="popup-flags">{state.s.openFlags}</dd>
            <dt>{t('popup.health')}</dt>
            <dd data-testid="popup-health">
              {state.s.areas.every((f) => f.state === 'ok') && state.s.errors.length === 0
                ? t('popup.healthOk')
                : [
                    ...state.s.areas.filter((f) => f.state !== 'ok').map((f) => t(`area.${f.id}` as MessageKey)),
                    ...state.s.errors.slice(-1),
                  ].join(', ')}
            </dd>
          </dl>
          <div className="actions">
            <button type="button" className="btn" onClick={() => close(openPanel())}>
              {t('popup.openPanel')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => close(openPicker())}>
              {t('popup.openTemplates')}
            </button>
          </div>
          {quickTemplates.length > 0 && (
            <>
              <h2>{t('popup.quickTemplates')}</h2>
              <ul className="quick">
                {quickTemplates.map((q) => (
                  <li key={q.id}>
                    <button type="button" className="link" onClick={() => close(openPicker(q.id))}>
                      {q.title}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {diagnose && exportStructure && (
        <section>
          <button type="button" className="link" aria-expanded={showDiag} data-testid="popup-diag-toggle" onClick={() => setShowDiag((v) => !v)}>
            {t('diag.title')}
          </button>
          {showDiag && <DiagnosticsView t={t} load={diagnose} exportStructure={exportStructure} />}
        </section>
      )}
      <ShortcutInfo {...deps} />
      <footer>
        <button type="button" className="btn btn--ghost wide" onClick={() => close(openDashboard())}>
          {t('popup.openDashboard')}
        </button>
      </footer>
    </main>
  );
}

/** Shows the assigned shortcut, or how to assign one: browsers silently skip a suggested key that is taken. */
function ShortcutInfo({ t, shortcut, browserFamily, openShortcutSettings }: PopupDeps) {
  const [keys, setKeys] = useState<string | null>(null);
  const [cannotOpen, setCannotOpen] = useState(false);
  useEffect(() => {
    shortcut()
      .then(setKeys)
      .catch(() => setKeys(''));
  }, [shortcut]);
  if (keys === null) return null;
  const open = () => void openShortcutSettings().then((ok) => (ok ? window.close() : setCannotOpen(true)));
  return (
    <section className="shortcut" data-testid="popup-shortcut">
      <dl className="dl">
        <dt>{t('popup.shortcut')}</dt>
        <dd>{keys ? <kbd data-testid="popup-shortcut-keys">{keys}</kbd> : t('popup.shortcutNone')}</dd>
      </dl>
      {!keys && (
        <p className="warn" data-testid="popup-shortcut-help">
          {browserFamily === 'firefox' ? t('popup.shortcutHelpFirefox') : t('popup.shortcutHelp', { page: SHORTCUT_PAGES.chromium })}
        </p>
      )}
      {!cannotOpen && (
        <button type="button" className="link" data-testid="popup-shortcut-open" onClick={open}>
          {keys ? t('popup.shortcutChange') : t('popup.shortcutOpen')}
        </button>
      )}
    </section>
  );
}
