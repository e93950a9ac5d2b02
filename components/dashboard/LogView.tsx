import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CATEGORY_IDS } from '@/lib/domain/categories';
import { LOG_ACTIONS, LOG_KINDS, eventTime } from '@/lib/log/schema';
import { noteText, outcomeText } from '@/lib/reports/labels';
import { queryLog, type LogRecord } from '@/lib/log/query';
import { verifyLog } from '@/lib/log/verify';
import { formatVnDateTime } from '@/lib/reports/period';
import { DEFAULT_CLAUSE } from '@/lib/reports/labels';
import { PERIOD_PRESETS, type LogFilterState, type PeriodPreset } from '@/lib/dashboard/hash';
import { resolvePeriod, toLogFilter } from '@/lib/dashboard/period-filter';
import { fetchRecords, forEachEntryChunk, forEachRangeChunk, isIndexOnly, resolveKeys, type LogKey } from '@/lib/dashboard/log-index';
import { createChartAccumulator, type ChartData } from '@/lib/dashboard/charts';
import { listKnownGroups, type KnownGroup } from '@/lib/dashboard/groups';
import { summarizeIntegrity, type IntegritySummary } from '@/lib/dashboard/integrity';
import type { DashKey } from '@/lib/i18n/dashboard';
import { useDash } from './context';
import { Charts } from './Charts';

const PAGE = 100;
const ROW_H = 44;
const PERIOD_LABEL: Record<PeriodPreset, DashKey> = {
  all: 'period.all',
  'this-month': 'period.thisMonth',
  'last-month': 'period.lastMonth',
  'this-quarter': 'period.thisQuarter',
  custom: 'period.custom',
};


type Data = { keys: LogKey[] | null; first: LogRecord[] | null; error: string | null };

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function LogView({ filters, onFilters }: { filters: LogFilterState; onFilters: (f: LogFilterState) => void }) {
  const { db, t, tl, now, doc } = useDash();
  const [groups, setGroups] = useState<KnownGroup[]>([]);
  const [data, setData] = useState<Data>({ keys: null, first: null, error: null });
  const [pages, setPages] = useState<Map<number, LogRecord[]>>(new Map());
  const [chart, setChart] = useState<ChartData | null>(null);
  const [integrity, setIntegrity] = useState<{ busy: boolean; result?: IntegritySummary; error?: string }>({ busy: false });
  const inflight = useRef(new Set<number>());
  /** Bumped on every filter change so a page loaded for an older filter is dropped. */
  const generation = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Text inputs update the URL at once but query only when typing pauses.
  const [memberText, setMemberText] = useState(filters.member ?? '');
  const [qText, setQText] = useState(filters.q ?? '');
  const member = useDebounced(memberText, 300);
  const q = useDebounced(qText, 300);
  useEffect(() => {
    if ((filters.member ?? '') !== member.trim() || (filters.q ?? '') !== q.trim()) {
      onFilters({ ...filters, member: member.trim() || undefined, q: q.trim() || undefined });
    }
    // Only typing triggers this; a filter change from elsewhere must not write the typed text back.
  }, [member, q]);

  useEffect(() => {
    listKnownGroups(db).then(setGroups).catch(() => setGroups([]));
  }, [db]);

  const resolved = useMemo(() => resolvePeriod(filters, now()), [filters, now]);
  const filter = useMemo(() => (resolved.ok ? toLogFilter(filters, resolved.period) : null), [filters, resolved]);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    if (!filter) return;
    const abort = new AbortController();
    setData({ keys: null, first: null, error: null });
    setPages(new Map());
    setChart(null);
    inflight.current = new Set();
    generation.current++;
    const fail = (e: unknown) => {
      if ((e as Error).name !== 'AbortError' && !abort.signal.aborted) setData((d) => ({ ...d, error: (e as Error).message }));
    };
    // Count, scroll positions and charts need the key list (100,000 keys cost a few hundred ms of
    // main-thread deserialising), so with index-only filters it waits until the first rows are painted.
    let idle: ReturnType<typeof setTimeout> | undefined;
    const rest = () => {
      idle = setTimeout(() => {
        resolveKeys(db, filter, abort.signal)
          .then(async (keys) => {
            if (abort.signal.aborted) return;
            setData((d) => ({ ...d, keys }));
            const acc = createChartAccumulator();
            if (isIndexOnly(filter)) await forEachRangeChunk(db, filter, (chunk) => acc.add(chunk), abort.signal);
            else await forEachEntryChunk(db, keys, (chunk) => acc.add(chunk), abort.signal);
            if (!abort.signal.aborted) setChart(acc.result());
          })
          .catch(fail);
      }, 50);
    };
    if (isIndexOnly(filter)) {
      queryLog(db, { ...filter, limit: PAGE })
        .then((first) => {
          if (abort.signal.aborted) return;
          setData((d) => ({ ...d, first }));
          rest();
        })
        .catch((e) => {
          fail(e);
          rest();
        });
    } else {
      rest();
    }
    return () => {
      clearTimeout(idle);
      abort.abort();
    };
    // filterKey stands for the whole filter object (a new object with the same fields is no change).
  }, [db, filterKey]);

  const count = data.keys ? data.keys.length : (data.first?.length ?? 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 10,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();

  const record = (i: number): LogRecord | undefined => {
    const page = pages.get(Math.floor(i / PAGE));
    if (page) return page[i % PAGE];
    return data.first?.[i];
  };

  // Load the pages under the visible rows.
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    const keys = data.keys;
    if (!keys || !keys.length) return;
    for (let p = Math.floor(firstIndex / PAGE); p <= Math.floor(lastIndex / PAGE); p++) {
      if (pages.has(p) || inflight.current.has(p)) continue;
      if (p === 0 && data.first && data.first.length >= Math.min(PAGE, keys.length)) continue;
      inflight.current.add(p);
      const gen = generation.current;
      const slice = keys.slice(p * PAGE, (p + 1) * PAGE);
      fetchRecords(db, slice)
        .then((rows) => {
          if (gen !== generation.current) return;
          setPages((m) => new Map(m).set(p, rows));
        })
        .catch((e: Error) => setData((d) => ({ ...d, error: e.message })))
        .finally(() => inflight.current.delete(p));
    }
  }, [db, data.keys, data.first, firstIndex, lastIndex, pages]);

  // First rows painted: a mark the benchmark reads.
  const painted = count > 0 && record(0) !== undefined;
  useEffect(() => {
    if (painted) doc.defaultView?.performance.mark('zgg-log-first-rows');
  }, [painted, doc]);

  const set = (patch: Partial<LogFilterState>) => onFilters({ ...filters, ...patch });

  const runIntegrity = async () => {
    setIntegrity({ busy: true });
    try {
      const reports = await verifyLog(db);
      const names = new Map(groups.map((g) => [g.threadId, g.name]));
      setIntegrity({ busy: false, result: summarizeIntegrity(reports, names) });
    } catch (e) {
      setIntegrity({ busy: false, error: (e as Error).message });
    }
  };

  const textOf = (r: LogRecord): string => {
    if (r.textState === 'kept') return r.text ?? '';
    if (r.textState === 'purged') return t('log.textPurged');
    return noteText(r.entry.note);
  };
  const actionOf = (r: LogRecord): string => {
    const e = r.entry;
    const parts = [tl(`kind.${e.kind}`)];
    if (e.action) parts.push(tl(`action.${e.action}`));
    const outcome = outcomeText(e);
    if (outcome) parts.push(outcome);
    if (e.ref !== undefined) parts.push(t('log.refersTo', { seq: e.ref }));
    return parts.join(' · ');
  };

  return (
    <section aria-labelledby="log-h">
      <h2 id="log-h">{t('log.title')}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('log.filters')}>
        <label>
          {t('filter.period')}
          <select value={filters.period} onChange={(e) => set({ period: e.target.value as PeriodPreset })} data-testid="filter-period">
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(PERIOD_LABEL[p])}
              </option>
            ))}
          </select>
        </label>
        {filters.period === 'custom' && (
          <>
            <label>
              {t('filter.from')}
              <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
            </label>
            <label>
              {t('filter.to')}
              <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
            </label>
          </>
        )}
        <label>
          {t('filter.group')}
          <select value={filters.group ?? ''} onChange={(e) => set({ group: e.target.value || undefined })} data-testid="filter-group">
            <option value="">{t('filter.allGroups')}</option>
            {groups.map((g) => (
              <option key={g.threadId} value={g.threadId}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.category')}
          <select
            value={filters.category ?? ''}
            onChange={(e) => set({ category: (e.target.value || undefined) as LogFilterState['category'] })}
            data-testid="filter-category"
          >
            <option value="">{t('filter.allCategories')}</option>
            {CATEGORY_IDS.map((c) => (
              <option key={c} value={c}>
                {tl(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.kind')}
          <select value={filters.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as LogFilterState['kind'] })}>
            <option value="">{t('filter.allKinds')}</option>
            {LOG_KINDS.map((k) => (
              <option key={k} value={k}>
                {tl(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.action')}
          <select value={filters.action ?? ''} onChange={(e) => set({ action: (e.target.value || undefined) as LogFilterState['action'] })}>
            <option value="">{t('filter.allActions')}</option>
            {LOG_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {tl(`action.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.member')}
          <input type="search" value={memberText} onChange={(e) => setMemberText(e.target.value)} placeholder={t('filter.memberHint')} />
        </label>
        <label className="filters__wide">
          {t('filter.text')}
          <input type="search" value={qText} onChange={(e) => setQText(e.target.value)} placeholder={t('filter.textHint')} data-testid="filter-text" />
        </label>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            setMemberText('');
            setQText('');
            onFilters({ period: 'all' });
          }}
        >
          {t('filter.clear')}
        </button>
      </form>

      {!resolved.ok && (
        <p className="error" role="alert">
          {resolved.error === 'missing-dates' ? t('filter.needDates') : resolved.error}
        </p>
      )}

      <div className="log__bar">
        <p role="status" aria-live="polite" data-testid="log-count">
          {data.error
            ? t('common.errorMsg', { message: data.error })
            : data.keys
              ? t('log.count', { n: data.keys.length.toLocaleString('vi-VN') })
              : t('log.counting')}
        </p>
        <button type="button" className="btn" onClick={runIntegrity} disabled={integrity.busy} data-testid="integrity-btn">
          {integrity.busy ? t('integrity.running') : t('integrity.button')}
        </button>
      </div>
      {(integrity.result || integrity.error) && (
        <div
          role="status"
          aria-live="polite"
          data-testid="integrity-result"
          className={integrity.result?.ok ? 'notice notice--ok' : 'notice notice--bad'}
        >
          {integrity.error ? (
            t('common.errorMsg', { message: integrity.error })
          ) : integrity.result?.ok ? (
            <>
              <strong>{t('integrity.ok')}</strong>{' '}
              {t('integrity.okDetail', { chains: integrity.result.chains, entries: integrity.result.entries })}
              {integrity.result.purgedTexts > 0 && ` ${t('integrity.purged', { n: integrity.result.purgedTexts })}`}
            </>
          ) : (
            <ul>
              {integrity.result?.ok === false &&
                integrity.result.problems.map((p) => (
                  <li key={p.chainId}>
                    <strong>{t('integrity.broken', { seq: p.seq, group: p.group })}</strong> {t(`integrity.reason.${p.reason}` as DashKey)}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}

      <div className="logtable" role="table" aria-label={t('log.title')} aria-rowcount={count + 1} data-testid="log-table">
        <div role="rowgroup" className="logtable__head">
          <div role="row" className="logrow" aria-rowindex={1}>
            {(['time', 'group', 'member', 'category', 'clause', 'action', 'evidence', 'text', 'seq'] as const).map((c) => (
              <div role="columnheader" key={c} className={`cell cell--${c}`}>
                {t(`col.${c}` as DashKey)}
              </div>
            ))}
          </div>
        </div>
        <div ref={scrollRef} className="logtable__scroll" tabIndex={0} aria-label={t('log.scrollHint')}>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const r = record(v.index);
              const e = r?.entry;
              return (
                <div
                  role="row"
                  key={v.key}
                  aria-rowindex={v.index + 2}
                  className={`logrow${e?.kind === 'flag' ? ' logrow--flag' : ''}`}
                  data-seq={e?.seq}
                  data-category={e?.category}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_H, transform: `translateY(${v.start}px)` }}
                >
                  {!r || !e ? (
                    <div role="cell" className="cell cell--loading">
                      {t('common.loading')}
                    </div>
                  ) : (
                    <>
                      <div
                        role="cell"
                        className="cell cell--time"
                        data-testid="log-time"
                        title={e.messageTime ? t('log.loggedAt', { time: formatVnDateTime(e.time) }) : undefined}
                      >
                        {formatVnDateTime(eventTime(e))}
                      </div>
                      <div role="cell" className="cell cell--group" title={e.group.name}>{e.group.name}</div>
                      <div role="cell" className="cell cell--member" title={e.member?.name}>{e.member?.name ?? ''}</div>
                      <div role="cell" className="cell cell--category">{e.category ? tl(`category.${e.category}`) : ''}</div>
                      <div role="cell" className="cell cell--clause">{e.clause ?? (e.category && e.kind === 'flag' ? DEFAULT_CLAUSE[e.category] : '')}</div>
                      <div role="cell" className="cell cell--action" title={actionOf(r)}>{actionOf(r)}</div>
                      <div role="cell" className="cell cell--evidence" title={(e.evidence ?? []).join('; ')}>{(e.evidence ?? []).join('; ')}</div>
                      <div role="cell" className={`cell cell--text${r.textState === 'purged' ? ' muted' : ''}`} title={textOf(r)}>{textOf(r)}</div>
                      <div role="cell" className="cell cell--seq">{e.seq}</div>
                    </>
                  )}
                </div>
              );
            })}
          </div>
          {data.keys && count === 0 && <p className="muted logtable__empty">{t('log.empty')}</p>}
        </div>
      </div>

      <h3>{t('chart.title')}</h3>
      <Charts data={chart} />
    </section>
  );
}
