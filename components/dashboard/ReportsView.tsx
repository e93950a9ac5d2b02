import { useEffect, useMemo, useRef, useState } from 'react';
import {
  bundleFileName,
  bundleToJson,
  customPeriod,
  deadlineStatus,
  entriesToCsv,
  monthPeriod,
  printableReport,
  quarterPeriod,
  reportDeadline,
  reportXlsx,
  summarize,
  vnParts,
  xlsxBlob,
  type Period,
  type RedactionOptions,
} from '@/lib/reports';
import { downloadBlob, downloadText, reportFileName } from '@/lib/dashboard/download';
import { listKnownGroups, unitName, type KnownGroup } from '@/lib/dashboard/groups';
import { commonPlace, loadGroupChain, reportEntries } from '@/lib/dashboard/report-data';
import { makeSignedBundle } from '@/lib/trust/export';
import { loadGroupHealth } from '@/lib/health/store';
import { teamReportFor } from '@/lib/health/team-input';
import { useDash } from './context';
import { KeyPanel } from './KeyPanel';

type Kind = 'month' | 'quarter' | 'custom';

export function ReportsView() {
  const { db, trustDb, t, now, doc, settings, version } = useDash();
  const today = vnParts(now());
  const [groups, setGroups] = useState<KnownGroup[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [kind, setKind] = useState<Kind>('month');
  const [year, setYear] = useState(today.year);
  const [month, setMonth] = useState(today.month);
  const [quarter, setQuarter] = useState(Math.ceil(today.month / 3));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [redaction, setRedaction] = useState<RedactionOptions>({ names: 'full', maskNumbers: false, dropText: false });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    listKnownGroups(db)
      .then((g) => {
        setGroups(g);
        setSelected(new Set(g.slice(0, 1).map((x) => x.threadId)));
      })
      .catch(() => setGroups([]));
  }, [db]);

  const period = useMemo((): { ok: true; period: Period } | { ok: false; error: string } => {
    try {
      if (kind === 'month') return { ok: true, period: monthPeriod(year, month) };
      if (kind === 'quarter') return { ok: true, period: quarterPeriod(year, quarter) };
      if (!from || !to) return { ok: false, error: t('filter.needDates') };
      return { ok: true, period: customPeriod(from, to) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }, [kind, year, month, quarter, from, to, t]);

  const deadline = period.ok ? reportDeadline(period.period) : null;
  const status = deadline ? deadlineStatus(deadline, now()) : null;
  const chosen = (groups ?? []).filter((g) => selected.has(g.threadId));
  const ready = period.ok && chosen.length > 0 && !busy;

  async function prepare(p: Period) {
    const chains = await Promise.all(chosen.map((g) => loadGroupChain(db, g.threadId)));
    const { all, rows } = reportEntries(chains, p, redaction);
    const summary = summarize(all, p);
    const single = chosen.length === 1 ? chosen[0] : undefined;
    const place = single ? single.place : commonPlace(chosen.map((g) => g.place));
    const unit = single ? unitName(place) || single.name : place.xa ? unitName({ thon: '', xa: place.xa, tinh: '' }) : 'cac-nhom';
    return { chains, rows, summary, single, place, unit };
  }

  async function run(label: string, task: (p: Period) => Promise<string>) {
    if (!period.ok) return;
    setBusy(label);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await task(period.period) });
    } catch (e) {
      setMessage({ ok: false, text: t('common.errorMsg', { message: (e as Error).message }) });
    } finally {
      setBusy(null);
    }
  }

  const xlsx = () =>
    run('xlsx', async (p) => {
      const r = await prepare(p);
      const bytes = reportXlsx({
        entries: r.rows,
        period: p,
        place: r.place,
        group: r.single ? { threadId: r.single.threadId, name: r.single.name } : undefined,
        summary: r.summary,
        generatedAt: now(),
        preparedBy: settings.adminName || undefined,
      });
      const name = reportFileName('bao-cao', r.unit, p, 'xlsx');
      downloadBlob(doc, xlsxBlob(bytes), name);
      return t('reports.done', { file: name, n: r.rows.length });
    });

  const csv = () =>
    run('csv', async (p) => {
      const r = await prepare(p);
      const name = reportFileName('bao-cao', r.unit, p, 'csv');
      downloadText(doc, entriesToCsv(r.rows), name, 'text/csv;charset=utf-8');
      return t('reports.done', { file: name, n: r.rows.length });
    });

  const print = () =>
    run('print', async (p) => {
      const r = await prepare(p);
      setPreview(
        printableReport({
          entries: r.rows,
          period: p,
          place: r.place,
          group: r.single ? { name: r.single.name } : undefined,
          preparedBy: settings.adminName || undefined,
          reportDate: now(),
          summary: r.summary,
        }),
      );
      return t('reports.previewReady');
    });

  const bundles = () =>
    run('bundle', async (p) => {
      const names: string[] = [];
      for (const g of chosen) {
        const chain = await loadGroupChain(db, g.threadId);
        // Stored entries, unchanged, so their hashes verify at the xã; message texts travel beside them
        // and are checked against each entry's textHash (unless the export drops text).
        const health = await loadGroupHealth(trustDb, g.threadId);
        // Signed with this installation's key and naming the previous export, so the xã can check both;
        // the team's report rides along so the xã can total villages.
        const bundle = await makeSignedBundle(
          trustDb,
          {
            entries: chain.stored,
            texts: chain.snapshots,
            period: p,
            place: g.place,
            group: { threadId: g.threadId, name: g.name },
            exporter: { adminName: settings.adminName, extensionVersion: version },
            redaction,
            exportedAt: now(),
            report: teamReportFor(chain.stored, p, g.place.tinh, health, now()),
          },
          now(),
        );
        const name = bundleFileName(bundle);
        downloadText(doc, bundleToJson(bundle), name, 'application/json');
        names.push(name);
        // Separate clicks so the browser treats each as its own download.
        await new Promise((res) => setTimeout(res, 150));
      }
      return t('reports.bundlesDone', { files: names.join(', ') });
    });

  const openInTab = () => {
    if (!preview) return;
    const win = doc.defaultView;
    if (!win) return;
    const url = win.URL.createObjectURL(new Blob([preview], { type: 'text/html;charset=utf-8' }));
    win.open(url, '_blank', 'noopener');
    win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <section aria-labelledby="rep-h">
      <h2 id="rep-h">{t('reports.title')}</h2>
      <p className="muted">{t('reports.intro')}</p>

      <fieldset>
        <legend>{t('reports.groups')}</legend>
        {groups === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : groups.length === 0 ? (
          <p className="muted">{t('reports.noGroups')}</p>
        ) : (
          <div className="checks">
            {groups.map((g) => (
              <label key={g.threadId} className="check">
                <input type="checkbox" checked={selected.has(g.threadId)} onChange={() => toggle(g.threadId)} data-testid={`rep-group-${g.threadId}`} />
                {g.name} <span className="muted">({unitName(g.place) || t('reports.noPlace')})</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('reports.period')}</legend>
        <div className="row">
          <label>
            {t('reports.periodKind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="report-kind">
              <option value="month">{t('reports.month')}</option>
              <option value="quarter">{t('reports.quarter')}</option>
              <option value="custom">{t('period.custom')}</option>
            </select>
          </label>
          {kind !== 'custom' && (
            <label>
              {t('reports.year')}
              <input type="number" min={2000} max={2200} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="report-year" />
            </label>
          )}
          {kind === 'month' && (
            <label>
              {t('reports.monthLabel')}
              <select value={month} onChange={(e) => setMonth(Number(e.target.value))} data-testid="report-month">
                {Array.from({ length: 12 }, (_, i) => (
                  <option key={i + 1} value={i + 1}>
                    {t('reports.monthN', { n: i + 1 })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'quarter' && (
            <label>
              {t('reports.quarterLabel')}
              <select value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    {t('reports.quarterN', { n: q })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'custom' && (
            <>
              <label>
                {t('filter.from')}
                <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </label>
              <label>
                {t('filter.to')}
                <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </label>
            </>
          )}
        </div>
        {period.ok ? (
          <p data-testid="report-period">
            <strong>{period.period.label}</strong>
            {status ? (
              <span className={status.overdue ? 'badge badge--bad' : 'badge'} data-testid="report-deadline">
                {deadline?.label} — {status.overdue ? t('reports.overdue') : t('reports.daysLeft', { n: status.daysLeft })}
              </span>
            ) : (
              <span className="muted"> {t('reports.noDeadline')}</span>
            )}
          </p>
        ) : (
          <p className="error" role="alert">
            {period.error}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('reports.redaction')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={redaction.names === 'initials'}
            onChange={(e) => setRedaction({ ...redaction, names: e.target.checked ? 'initials' : 'full' })}
          />
          {t('reports.initials')}
        </label>
        <label className="check">
          <input type="checkbox" checked={redaction.maskNumbers} onChange={(e) => setRedaction({ ...redaction, maskNumbers: e.target.checked })} />
          {t('reports.maskNumbers')}
        </label>
        <label className="check">
          <input type="checkbox" checked={redaction.dropText} onChange={(e) => setRedaction({ ...redaction, dropText: e.target.checked })} />
          {t('reports.dropText')}
        </label>
      </fieldset>

      <div className="actions">
        <button type="button" className="btn" disabled={!ready} onClick={xlsx} data-testid="btn-xlsx">
          {busy === 'xlsx' ? t('reports.working') : t('reports.xlsx')}
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={csv} data-testid="btn-csv">
          {busy === 'csv' ? t('reports.working') : t('reports.csv')}
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={print} data-testid="btn-print">
          {busy === 'print' ? t('reports.working') : t('reports.print')}
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={bundles} data-testid="btn-bundle">
          {busy === 'bundle' ? t('reports.working') : t('reports.bundle')}
        </button>
      </div>
      <p className="muted small">{t('reports.bundleNote')}</p>
      {message && (
        <p role="status" className={message.ok ? 'notice notice--ok' : 'notice notice--bad'} data-testid="report-message">
          {message.text}
        </p>
      )}

      {preview && (
        <div className="preview">
          <div className="actions">
            <button type="button" className="btn" onClick={() => frame.current?.contentWindow?.print()} data-testid="btn-print-now">
              {t('reports.printNow')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={openInTab}>
              {t('reports.openTab')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setPreview(null)}>
              {t('common.close')}
            </button>
          </div>
          <iframe ref={frame} title={t('reports.previewTitle')} srcDoc={preview} className="preview__frame" data-testid="print-frame" />
        </div>
      )}
      <KeyPanel />
    </section>
  );
}
