import { useRef, useState, type DragEvent } from 'react';
import { aggregateBundles, combinedXlsx, xlsxBlob, CHAIN_STATUS_VI, type AggregateFile, type AggregateResult } from '@/lib/reports';
import { CATEGORY_IDS } from '@/lib/domain/categories';
import { downloadBlob } from '@/lib/dashboard/download';
import { slugify } from '@/lib/domain/text';
import { useDash } from './context';
import { resolvePeriod } from '@/lib/dashboard/period-filter';

/** Which reporting period the xã expects (none = accept any period). */
type Expected = 'all' | 'this-month' | 'last-month' | 'this-quarter';

/** Files larger than this are surely not bundles; reading them would only freeze the page. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function readFiles(list: FileList | File[]): Promise<AggregateFile[]> {
  return Promise.all(
    [...list].map(async (f) => ({ name: f.name, text: f.size > MAX_FILE_BYTES ? '' : await f.text() })),
  );
}

export function XaView() {
  const { t, tl, doc, now } = useDash();
  const [files, setFiles] = useState<AggregateFile[]>([]);
  const [result, setResult] = useState<AggregateResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expected, setExpected] = useState<Expected>('all');
  const input = useRef<HTMLInputElement>(null);

  const check = async (list: AggregateFile[], which: Expected) => {
    const resolved = resolvePeriod({ period: which, from: '', to: '' }, now());
    const period = resolved.ok && resolved.period ? resolved.period : undefined;
    // A village may send a monthly file for a quarterly review: sub-periods are accepted.
    return aggregateBundles(list, period ? { expectedPeriod: period, allowSubPeriod: true } : {});
  };

  async function add(list: FileList | File[]) {
    if (!list.length) return;
    setBusy(true);
    setError(null);
    try {
      const incoming = await readFiles(list);
      // Adding the same file name again replaces it (the village sent a corrected file).
      const byName = new Map(files.map((f) => [f.name, f]));
      for (const f of incoming) byName.set(f.name, f);
      const next = [...byName.values()];
      setFiles(next);
      setResult(await check(next, expected));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void add(e.dataTransfer.files);
  };

  const download = () => {
    if (!result) return;
    const accepted = result.files.flatMap((f) => (f.ok ? [f.bundle] : []));
    const bytes = combinedXlsx({ bundles: accepted, rows: result.rows, totals: result.totals, generatedAt: now() });
    const xa = accepted[0]?.place.xa ?? '';
    const period = accepted[0]?.period.label ?? '';
    const name = `tong-hop-${slugify(`xa ${xa}`) || 'xa'}${period ? `-${slugify(period)}` : ''}.xlsx`;
    downloadBlob(doc, xlsxBlob(bytes), name);
  };

  const totals = result?.totals;
  return (
    <section aria-labelledby="xa-h">
      <h2 id="xa-h">{t('xa.title')}</h2>
      <p className="muted">{t('xa.intro')}</p>
      <label className="inline">
        {t('xa.expectedPeriod')}{' '}
        <select
          value={expected}
          data-testid="xa-period"
          onChange={(e) => {
            const which = e.target.value as Expected;
            setExpected(which);
            if (files.length) void check(files, which).then(setResult);
          }}
        >
          <option value="all">{t('xa.anyPeriod')}</option>
          <option value="this-month">{t('period.thisMonth')}</option>
          <option value="last-month">{t('period.lastMonth')}</option>
          <option value="this-quarter">{t('period.thisQuarter')}</option>
        </select>
      </label>
      <div
        className={`dropzone${over ? ' dropzone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="xa-drop"
      >
        <p>{t('xa.drop')}</p>
        <label className="btn">
          {t('xa.choose')}
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            multiple
            className="visually-hidden"
            data-testid="xa-input"
            onChange={(e) => {
              const list = e.target.files ? [...e.target.files] : [];
              e.target.value = '';
              void add(list);
            }}
          />
        </label>
      </div>
      {busy && <p role="status">{t('xa.checking')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {result && (
        <>
          <h3>{t('xa.files')}</h3>
          <p role="status" data-testid="xa-summary">
            {t('xa.summary', { accepted: result.totals.accepted, rejected: result.totals.rejected })}
          </p>
          <ul className="filelist" data-testid="xa-files">
            {result.files.map((f) => (
              <li key={f.name} className={f.ok ? 'file file--ok' : 'file file--bad'} data-status={f.ok ? 'accepted' : 'rejected'}>
                <strong>{f.name}</strong>{' '}
                {f.ok ? (
                  <span>
                    ✓ {t('xa.accepted')} — {f.bundle.place.thon}, {f.bundle.period.label}, {CHAIN_STATUS_VI[f.row.chainStatus]}
                  </span>
                ) : (
                  <span>
                    ✗ {t('xa.rejected')}: {f.reason}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {result.warnings.length > 0 && (
            <ul className="notice notice--warn">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}

          {result.rows.length > 0 && totals && (
            <>
              <h3>{t('xa.table')}</h3>
              <div className="tablewrap">
                <table className="table" data-testid="xa-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('xa.col.thon')}</th>
                      <th scope="col">{t('xa.col.group')}</th>
                      <th scope="col">{t('xa.col.period')}</th>
                      <th scope="col">{t('xa.col.flags')}</th>
                      {CATEGORY_IDS.map((c) => (
                        <th scope="col" key={c}>
                          {tl(`category.${c}`)}
                        </th>
                      ))}
                      <th scope="col">{t('xa.col.open')}</th>
                      <th scope="col">{t('xa.col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((r) => (
                      <tr key={r.file}>
                        <th scope="row">{r.thon}</th>
                        <td>{r.group}</td>
                        <td>{r.period}</td>
                        <td className="n">{r.flags}</td>
                        {CATEGORY_IDS.map((c) => (
                          <td className="n" key={c}>
                            {r.byCategory[c]}
                          </td>
                        ))}
                        <td className="n">{r.openFlags}</td>
                        <td>{CHAIN_STATUS_VI[r.chainStatus]}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('xa.total')}</th>
                      <td>{t('xa.totalGroups', { n: totals.groups, v: totals.villages })}</td>
                      <td />
                      <td className="n" data-testid="xa-total-flags">
                        {totals.flags}
                      </td>
                      {CATEGORY_IDS.map((c) => (
                        <td className="n" key={c}>
                          {totals.byCategory[c]}
                        </td>
                      ))}
                      <td className="n">{totals.openFlags}</td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </div>
            </>
          )}
          <div className="actions">
            <button type="button" className="btn" disabled={!result.rows.length} onClick={download} data-testid="xa-xlsx">
              {t('xa.xlsx')}
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                setFiles([]);
                setResult(null);
              }}
            >
              {t('xa.clear')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
