import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { AggregateCancelled, combineChecked, combinedXlsx, householdCoverage, householdCoverageTotal, formatVnDate, parseBundle, rowStatusVi, xlsxBlob, type AggregateFile, type AggregateResult, type FileResult, type RejectedFile } from '@/lib/reports';
import { domWorker, inThreadVerifier, workerPoolVerifier, type Verifier } from '@/lib/reports/verify-pool';
import VerifyWorker from './xa-verify.worker?worker';
import type { ReceivedRecord } from '@/lib/trust/continuity';
import { newVillageKeyRow, type VillageKeyRow } from '@/lib/trust/register';
import { KEY_CHANGE_FORMAT } from '@/lib/trust/key-change';
import { addToRegister, applyKeyChangeToRegister, listReceived, listRegister, rememberReceived, removeFromRegister } from '@/lib/trust/store';
import { CATEGORY_IDS } from '@/lib/domain/categories';
import { downloadBlob } from '@/lib/dashboard/download';
import { slugify } from '@/lib/domain/text';
import { useDash } from './context';
import { resolvePeriod } from '@/lib/dashboard/period-filter';

/** Which reporting period the xã expects (none = accept any period). */
type Expected = 'all' | 'this-month' | 'last-month' | 'this-quarter';

/** Workers checking files at once: one per core, at most four (each holds its files' parsed copies). */
const POOL_SIZE = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency || 2));

/** Checks files in a pool of workers; on the page's own thread where workers don't exist (unit tests). */
function defaultVerifier(): Verifier {
  return typeof Worker === 'function' ? workerPoolVerifier(() => domWorker(new VerifyWorker()), POOL_SIZE) : inThreadVerifier();
}

/** Results shown while files are being checked: at most one re-render per this many ms. */
const STREAM_EVERY_MS = 150;

/** Files larger than this are surely not bundles; reading them would only freeze the page. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function readFiles(list: FileList | File[]): Promise<AggregateFile[]> {
  return Promise.all(
    [...list].map(async (f) => ({ name: f.name, text: f.size > MAX_FILE_BYTES ? '' : await f.text() })),
  );
}

/** The parsed JSON when the file is a key-change statement, else undefined. */
function keyChangeJson(text: string): unknown {
  if (!text.includes(KEY_CHANGE_FORMAT)) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === KEY_CHANGE_FORMAT ? v : undefined;
  } catch {
    return undefined;
  }
}

export function XaView() {
  const { t, tl, doc, now, trustDb } = useDash();
  const [register, setRegister] = useState<VillageKeyRow[]>([]);
  // What the xã had received before the files on screen: the snapshot continuity is checked against. Files of this
  // session are compared with each other directly, so re-checking them (after registering a key) doesn't compare a
  // file with itself. Until "Làm lại từ đầu" it is the one loaded with the view; that button takes a new one. A check
  // waits for the snapshot, so files dropped right after opening the view or after the button are not compared with
  // nothing or with a stale one.
  const historyLoad = useRef<Promise<ReceivedRecord[]> | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // Files checked so far in the running check, in arrival order (the final list replaces them).
  const [streamed, setStreamed] = useState<FileResult[]>([]);
  const [keyNotes, setKeyNotes] = useState<string[]>([]);
  const running = useRef<AbortController | null>(null);
  const verifier = useMemo(defaultVerifier, []);
  useEffect(() => () => running.current?.abort(), []);

  const initial = useMemo(() => Promise.all([listRegister(trustDb), listReceived(trustDb)]), [trustDb]);
  useEffect(() => {
    void initial.then(([r]) => setRegister(r));
  }, [initial]);
  const [files, setFiles] = useState<AggregateFile[]>([]);
  const [result, setResult] = useState<AggregateResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expected, setExpected] = useState<Expected>('all');
  const input = useRef<HTMLInputElement>(null);

  const check = async (list: AggregateFile[], which: Expected, reg: VillageKeyRow[] = register) => {
    const resolved = resolvePeriod({ period: which, from: '', to: '' }, now());
    const period = resolved.ok && resolved.period ? resolved.period : undefined;
    running.current?.abort();
    const ctrl = new AbortController();
    running.current = ctrl;
    setProgress({ done: 0, total: list.length });
    setStreamed([]);
    const arrived: FileResult[] = [];
    let shownAt = 0;
    try {
      // A village may send a monthly file for a quarterly review: sub-periods are accepted.
      const opts = { ...(period ? { expectedPeriod: period, allowSubPeriod: true } : {}) };
      const checked = await verifier(
        list,
        { ...opts, register: reg },
        (_i, r, done, total) => {
          arrived.push(r);
          const t = Date.now();
          if (t - shownAt >= STREAM_EVERY_MS || done === total) {
            shownAt = t;
            setProgress({ done, total });
            setStreamed([...arrived]);
          }
        },
        ctrl.signal,
      );
      const r = combineChecked(list.length, checked, { ...opts, trust: { register: reg, history: await (historyLoad.current ?? initial.then(([, h]) => h)) }, now: now() });
      await rememberReceived(trustDb, r.received);
      setError(null);
      return r;
    } catch (e) {
      // Cancelled: what was shown before stays, nothing of the stopped check is remembered.
      if (e instanceof AggregateCancelled) {
        if (running.current === ctrl) setError(t('xa.cancelled'));
        return null;
      }
      throw e;
    } finally {
      if (running.current === ctrl) {
        running.current = null;
        setProgress(null);
        setStreamed([]);
      }
    }
  };

  const registerKey = async (f: RejectedFile) => {
    if (!f.bundle || f.key?.kind !== 'unregistered') return;
    const row = newVillageKeyRow(f.bundle.place, f.key, now());
    await addToRegister(trustDb, row);
    const next = await listRegister(trustDb);
    setRegister(next);
    const r = await check(files, expected, next);
    if (r) setResult(r);
  };

  const unregister = async (id: string) => {
    await removeFromRegister(trustDb, id);
    const next = await listRegister(trustDb);
    setRegister(next);
    const r = files.length ? await check(files, expected, next) : null;
    if (r) setResult(r);
  };

  async function add(list: FileList | File[]) {
    if (!list.length) return;
    setBusy(true);
    setError(null);
    try {
      const read = await readFiles(list);
      // Key-change statements go to the register, not into the totals.
      const incoming: AggregateFile[] = [];
      // From the store, not the state: the view may have opened a moment ago, before the register loaded.
      let reg = await listRegister(trustDb);
      const notes: string[] = [];
      for (const f of read) {
        const json = keyChangeJson(f.text);
        if (!json) {
          incoming.push(f);
          continue;
        }
        const r = await applyKeyChangeToRegister(trustDb, json);
        notes.push(r.ok ? t('xa.keyChanged', { file: f.name, thon: r.thon, fp: r.fingerprint }) : `${f.name}: ${r.error}`);
        reg = await listRegister(trustDb);
      }
      setRegister(reg);
      setKeyNotes(notes);
      // Adding the same file name again replaces it (the village sent a corrected file).
      const byName = new Map(files.map((f) => [f.name, f]));
      for (const f of incoming) byName.set(f.name, f);
      const next = [...byName.values()];
      // The new files join the list only once checked: a cancelled check leaves the list as it was.
      const r = next.length ? await check(next, expected, reg) : null;
      if (r) {
        setFiles(next);
        setResult(r);
      }
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
    // Checked files come back without their entries (province scale); the workbook needs them, so
    // the accepted files are parsed again from the very texts that were checked.
    const texts = new Map(files.map((f) => [f.name, f.text]));
    const accepted = result.files.flatMap((f) => {
      if (!f.ok) return [];
      const parsed = parseBundle(texts.get(f.name) ?? '');
      return parsed.ok ? [parsed.bundle] : [];
    });
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
            if (files.length) void check(files, which).then((r) => r && setResult(r));
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
      {keyNotes.length > 0 && (
        <ul className="notice" data-testid="xa-key-notes">
          {keyNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {progress && (
        <div className="progress" data-testid="xa-progress">
          <div
            className="progress__bar"
            role="progressbar"
            aria-label={t('xa.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={t('xa.progress', { done: progress.done, total: progress.total })}
          >
            <div className="progress__fill" style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
          </div>{' '}
          {/* The button before the changing count, so it stays put while the count grows. */}
          <button type="button" className="btn btn--ghost" data-testid="xa-cancel" onClick={() => running.current?.abort()}>
            {t('xa.cancel')}
          </button>{' '}
          <span aria-live="polite">{t('xa.progress', { done: progress.done, total: progress.total })}</span>
          {streamed.length > 0 && (
            <ul className="filelist" data-testid="xa-streamed">
              {streamed.map((f) => (
                // Own attributes, not data-file/data-status: the final list's rows keep one element per file.
                <li key={f.name} className={f.ok ? 'file--ok' : 'file--bad'} data-stream-file={f.name} data-stream-status={f.ok ? 'checked' : 'rejected'}>
                  <strong>{f.name}</strong> {f.ok ? `✓ ${t('xa.checkedOk')}` : `✗ ${f.reason}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
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
              <li key={f.name} className={f.ok ? 'file file--ok' : 'file file--bad'} data-file={f.name} data-status={f.ok ? 'accepted' : 'rejected'}>
                <strong>{f.name}</strong>{' '}
                {f.ok ? (
                  <span>
                    ✓ {t('xa.accepted')} — {f.bundle.place.thon}, {f.bundle.period.label}, <span data-testid="xa-file-status">{rowStatusVi(f.row)}</span>
                  </span>
                ) : f.key?.kind === 'unregistered' ? (
                  <span data-key="unregistered">
                    ⚠ {t('xa.unregistered')}: {f.reason}{' '}
                    <button type="button" className="btn" data-testid="xa-register" onClick={() => void registerKey(f)}>
                      {t('xa.register', { thon: f.bundle?.place.thon ?? '' })}
                    </button>
                  </span>
                ) : (
                  <span data-key={f.key?.kind}>
                    ✗ {t('xa.rejected')}: {f.reason}
                  </span>
                )}
                {f.ok && f.row.continuity.length > 0 && (
                  <ul className="notice notice--warn" data-testid="xa-continuity">
                    {f.row.continuity.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {result.warnings.length > 0 && (
            <ul className="notice notice--warn" data-testid="xa-warnings">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {result.missingVillages.length > 0 && (
            <p className="notice notice--warn" data-testid="xa-missing">
              {t('xa.missingVillages', { list: result.missingVillages.map((v) => v.thon).join(', ') })}
            </p>
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
                      <th scope="col">{t('xa.col.households')}</th>
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
                        <td className="n">{householdCoverage(r)}</td>
                        <td>{rowStatusVi(r)}</td>
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
                      <td className="n" data-testid="xa-total-households">
                        {householdCoverageTotal(totals)}
                      </td>
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
                historyLoad.current = listReceived(trustDb);
              }}
            >
              {t('xa.clear')}
            </button>
          </div>
        </>
      )}

      <h3>{t('xa.registerTitle')}</h3>
      {register.length === 0 ? (
        <p className="muted">{t('xa.registerEmpty')}</p>
      ) : (
        <table className="table" data-testid="xa-register-table">
          <thead>
            <tr>
              <th scope="col">{t('xa.col.thon')}</th>
              <th scope="col">{t('xa.col.xa')}</th>
              <th scope="col">{t('key.fingerprint')}</th>
              <th scope="col">{t('xa.col.registeredAt')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {register.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.thon}</th>
                <td>{k.xa}</td>
                <td className="fingerprint">
                  {k.fingerprint}
                  {k.retiredAt ? ` (${t('xa.retired', { date: formatVnDate(k.retiredAt) })})` : ''}
                </td>
                <td>{formatVnDate(k.registeredAt)}</td>
                <td>
                  <button type="button" className="btn btn--ghost" onClick={() => void unregister(k.id)}>
                    {t('xa.unregister')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
