import { useCallback, useEffect, useState } from 'react';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { Diagnosis } from '@/lib/zalo/diagnostics';

export interface DiagnosticsDeps {
  t: Translate;
  /** Diagnosis of the open Zalo tab; null when no Zalo tab is open; throws when the page does not answer. */
  load: () => Promise<Diagnosis | null>;
  /** Asks the Zalo tab for the page skeleton and saves it as a file. */
  exportStructure: () => Promise<void>;
}

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'error' } | { kind: 'ok'; d: Diagnosis };

/** "Chẩn đoán trang Zalo": each feature's health and which selector candidate matched (popup and dashboard). */
export function DiagnosticsView({ t, load, exportStructure }: DiagnosticsDeps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const refresh = useCallback(() => {
    setState({ kind: 'loading' });
    load()
      .then((d) => setState(d ? { kind: 'ok', d } : { kind: 'none' }))
      .catch(() => setState({ kind: 'error' }));
  }, [load]);
  useEffect(refresh, [refresh]);

  const onExport = () => {
    exportStructure()
      .then(() => setMsg({ ok: true, text: t('diag.exported') }))
      .catch((e: unknown) => setMsg({ ok: false, text: t('diag.exportFailed', { message: e instanceof Error ? e.message : String(e) }) }));
  };

  return (
    <section className="diag" data-testid="diag" aria-labelledby="diag-title">
      <h2 id="diag-title">{t('diag.title')}</h2>
      {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'none' && <p>{t('diag.notZalo')}</p>}
      {state.kind === 'error' && <p className="warn">{t('diag.noAnswer')}</p>}
      {state.kind === 'ok' && (
        <>
          <p data-testid="diag-pack">{state.d.pack ? t('diag.pack', { name: state.d.pack.name }) : t('diag.noPack')}</p>
          <ul className="diag__areas">
            {state.d.areas.map((a) => (
              <li key={a.area} data-testid={`diag-area-${a.area}`} data-status={a.status}>
                <strong>{t(`area.${a.area}` as MessageKey)}</strong>: {t(`diag.status.${a.status}` as MessageKey)}
              </li>
            ))}
          </ul>
          <details>
            <summary>{t('diag.details')}</summary>
            <table className="diag__rows">
              <tbody>
                {state.d.areas.flatMap((a) =>
                  a.rows
                    .filter((r) => r.status !== 'not-applicable')
                    .map((r) => (
                      <tr key={r.key} data-testid={`diag-row-${r.key}`} data-status={r.status}>
                        <td>
                          <code>{r.key}</code>
                        </td>
                        <td>{t(`diag.row.${r.status}` as MessageKey)}</td>
                        <td>
                          {r.selector !== undefined && <code>{r.selector}</code>}
                          {r.candidate !== undefined && r.candidate > 0 && ` (${t('diag.candidate', { n: r.candidate + 1 })})`}
                          {r.fromPack && ` – ${t('diag.fromPack')}`}
                        </td>
                      </tr>
                    )),
                )}
              </tbody>
            </table>
          </details>
        </>
      )}
      <div className="actions">
        <button type="button" className="btn btn--ghost" onClick={refresh}>
          {t('diag.recheck')}
        </button>
        <button type="button" className="btn" data-testid="diag-export" onClick={onExport} disabled={state.kind !== 'ok'}>
          {t('diag.export')}
        </button>
      </div>
      <p className="muted">{t('diag.exportHelp')}</p>
      {msg && (
        <p role="status" className={msg.ok ? 'ok' : 'warn'} data-testid="diag-message">
          {msg.text}
        </p>
      )}
    </section>
  );
}
