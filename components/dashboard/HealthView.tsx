import { useEffect, useMemo, useRef, useState } from 'react';
import { CADENCE, currentReportPeriod, provinceDeadline } from '@/lib/health/cadence';
import { CHECK_ITEMS, CHECK_LABEL_VI, CHECK_SOURCE, CHECK_STEPS_VI, RECHECK_DAYS } from '@/lib/health/checklist';
import { checkGroupName } from '@/lib/health/group-name';
import { groupPoster } from '@/lib/health/poster';
import { PROVINCE_NAME_VI, provinceRuleOf } from '@/lib/health/province';
import { initials, matchRoster, parseRosterCsv, parseRosterXlsx } from '@/lib/health/roster';
import { loadGroupHealth, saveGroupHealth, type GroupHealth } from '@/lib/health/store';
import { teamReportFor } from '@/lib/health/team-input';
import { teamReportHtml, teamReportXlsx } from '@/lib/health/team-report';
import { downloadBlob, slugify } from '@/lib/dashboard/download';
import { listKnownGroups, type KnownGroup } from '@/lib/dashboard/groups';
import { loadGroupChain } from '@/lib/dashboard/report-data';
import { formatVnDate, summarize, xlsxBlob } from '@/lib/reports';
import { loadGroupSettings, saveGroupSettings } from '@/lib/settings/store';
import { useDash } from './context';
import { FilePickButton } from './FilePickButton';

/** One village group's health: name, settings checklist, household coverage, poster, team report. */
export function HealthView() {
  const { db, trustDb, t, now, doc, settings } = useDash();
  const [groups, setGroups] = useState<KnownGroup[] | null>(null);
  const [threadId, setThreadId] = useState('');
  const [health, setHealth] = useState<GroupHealth | null>(null);
  const [membersText, setMembersText] = useState('');
  const [redact, setRedact] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [link, setLink] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);
  const shownHealth = useRef<GroupHealth | null>(null);
  shownHealth.current = health;

  useEffect(() => {
    listKnownGroups(db)
      .then((g) => {
        setGroups(g);
        if (g[0]) setThreadId(g[0].threadId);
      })
      .catch(() => setGroups([]));
  }, [db]);

  useEffect(() => {
    if (!threadId) return;
    void loadGroupHealth(trustDb, threadId).then((h) => {
      setHealth(h);
      setMembersText(h.members?.names.join('\n') ?? '');
      setLink(h.inviteLink);
    });
    // The Zalo panel writes member names and page facts while this page is open in another tab:
    // coming back to it shows them (what the admin is typing in the fields is kept).
    const win = doc.defaultView;
    const onVisible = () => {
      if (doc.visibilityState !== 'visible') return;
      void loadGroupHealth(trustDb, threadId).then((h) => {
        if (h.members?.at !== shownHealth.current?.members?.at) setMembersText(h.members?.names.join('\n') ?? '');
        setHealth(h);
      });
    };
    doc.addEventListener('visibilitychange', onVisible);
    win?.addEventListener('focus', onVisible);
    return () => {
      doc.removeEventListener('visibilitychange', onVisible);
      win?.removeEventListener('focus', onVisible);
    };
  }, [trustDb, threadId, doc]);

  const group = groups?.find((g) => g.threadId === threadId);
  const rule = provinceRuleOf(group?.place.tinh ?? '');
  const nameCheck = useMemo(
    () => (group ? checkGroupName(group.name, rule, health?.customPattern || undefined, group.place) : null),
    [group, rule, health?.customPattern],
  );
  const match = useMemo(
    () => (health?.roster && health.members ? matchRoster(health.roster.households, health.members.names) : null),
    [health?.roster, health?.members],
  );
  const period = currentReportPeriod(rule, now());
  const deadline = provinceDeadline(rule, period);

  // Shown at once, then replaced by what was stored: a ticked box must not flick back while IndexedDB writes.
  const save = async (next: GroupHealth) => {
    setHealth(next);
    setHealth(await saveGroupHealth(trustDb, next));
  };
  const shown = (name: string) => (redact ? initials(name) : name);

  const prefill = async () => {
    if (!nameCheck || nameCheck.status === 'unparsed' || !group) return;
    const current = await loadGroupSettings(db, group.threadId);
    await saveGroupSettings(db, { ...current, name: current.name || group.name, thon: nameCheck.parsed.thon, xa: nameCheck.parsed.xa });
    setGroups(await listKnownGroups(db));
    setMessage({ ok: true, text: t('health.prefilled') });
  };

  const importRoster = async (file: File | undefined) => {
    if (!file || !health) return;
    const r = /\.xlsx$/i.test(file.name) ? parseRosterXlsx(new Uint8Array(await file.arrayBuffer())) : parseRosterCsv(await file.text());
    if (!r.ok) {
      setMessage({ ok: false, text: r.error });
      return;
    }
    await save({ ...health, roster: { households: r.households, fileName: file.name, importedAt: now().toISOString() } });
    setMessage({ ok: true, text: t('health.rosterSkipped', { n: r.households.length, s: r.skipped }) });
  };

  const report = async () => {
    if (!group || !health) return null;
    const chain = await loadGroupChain(db, group.threadId);
    const r = teamReportFor(chain.stored, period, group.place.tinh, health, now());
    return { report: r, period, groupName: group.name, place: group.place, preparedBy: settings.adminName || undefined, at: now(), summary: summarize(chain.stored, period) };
  };

  const printPreview = () => {
    const win = doc.defaultView;
    if (!preview || !win) return;
    const url = win.URL.createObjectURL(new Blob([preview], { type: 'text/html;charset=utf-8' }));
    win.open(url, '_blank', 'noopener');
    win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
  };

  if (groups === null) return <p className="muted">{t('common.loading')}</p>;
  if (!groups.length) return <p className="muted">{t('health.noGroups')}</p>;

  return (
    <section aria-labelledby="health-h">
      <h2 id="health-h">{t('health.title')}</h2>
      <p className="muted">{t('health.intro')}</p>
      <label className="inline">
        {t('health.group')}{' '}
        <select value={threadId} onChange={(e) => setThreadId(e.target.value)} data-testid="health-group">
          {groups.map((g) => (
            <option key={g.threadId} value={g.threadId}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <p data-testid="health-province">
        {group?.place.tinh
          ? t('health.province', { tinh: PROVINCE_NAME_VI[rule] || group.place.tinh, cadence: CADENCE[rule].text })
          : t('health.noProvince', { cadence: CADENCE[rule].text })}
      </p>
      {message && (
        <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="health-message">
          {message.text}
        </p>
      )}

      <h3>{t('health.name')}</h3>
      {nameCheck && (
        <div data-testid="health-name" data-status={nameCheck.status}>
          {nameCheck.status === 'ok' ? (
            <p>✓ {t('health.nameOk', { thon: nameCheck.parsed.thon, xa: nameCheck.parsed.xa })}</p>
          ) : nameCheck.status === 'rename' ? (
            <p>
              ⚠ {nameCheck.reason === 'huyen' ? t('health.nameHuyen', { huyen: nameCheck.parsed.huyen ?? '' }) : t('health.nameOther')}{' '}
              <strong data-testid="health-suggestion">{nameCheck.suggestion}</strong>
              <br />
              <span className="muted">{t('health.nameNote')}</span>
            </p>
          ) : (
            <p>
              ⚠ {t('health.nameUnparsed')}
              {nameCheck.suggestion && (
                <>
                  {' '}
                  {t('health.nameSuggest')} <strong data-testid="health-suggestion">{nameCheck.suggestion}</strong>
                </>
              )}
            </p>
          )}
          {nameCheck.status !== 'unparsed' && (
            <button type="button" className="btn btn--ghost" onClick={() => void prefill()} data-testid="health-prefill">
              {t('health.prefill', { thon: nameCheck.parsed.thon, xa: nameCheck.parsed.xa })}
            </button>
          )}
        </div>
      )}
      {health && (
        <label className="inline">
          {t('health.customPattern')}{' '}
          <input type="text" defaultValue={health.customPattern} onBlur={(e) => void save({ ...health, customPattern: e.target.value.trim() })} data-testid="health-pattern" />
        </label>
      )}

      {health && (
        <>
          <h3>{t('health.checklist')}</h3>
          <ul className="checklist" data-testid="health-checklist">
            {CHECK_ITEMS.map((id) => {
              const state = health.checklist[id];
              const autoName = id === 'name-pattern';
              const done = autoName ? nameCheck?.status === 'ok' : Boolean(state?.done);
              const stale = state?.done && now().getTime() - Date.parse(state.at) > RECHECK_DAYS * 86_400_000;
              const steps = CHECK_STEPS_VI[id];
              return (
                <li key={id} data-item={id} data-done={done ? 'true' : 'false'}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={done}
                      disabled={autoName}
                      onChange={(e) => void save({ ...health, checklist: { ...health.checklist, [id]: { done: e.target.checked, at: now().toISOString(), by: 'admin' } } })}
                    />
                    {CHECK_LABEL_VI[id]}
                  </label>
                  {state?.by === 'page' ? (
                    <span className="muted" data-testid={`health-page-${id}`}>
                      {' '}
                      ({t(state.done ? 'health.pageYes' : 'health.pageNo', { date: formatVnDate(state.at) })}
                      {stale ? `, ${t('health.stale')}` : ''})
                    </span>
                  ) : (
                    state?.done &&
                    !autoName && (
                      <span className="muted">
                        {' '}
                        ({t('health.checkedOn', { date: formatVnDate(state.at) })}
                        {stale ? `, ${t('health.stale')}` : ''})
                      </span>
                    )
                  )}
                  {CHECK_SOURCE[id] === 'page' && <p className="muted">{t('health.fromPage')}</p>}
                  {steps && (
                    <details>
                      <summary>{t('health.steps')}</summary>
                      <ol>
                        {steps.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ol>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>

          <h3>{t('health.members')}</h3>
          <label>
            {t('health.membersHelp')}
            <textarea rows={5} value={membersText} onChange={(e) => setMembersText(e.target.value)} data-testid="health-members" />
          </label>
          <button
            type="button"
            className="btn btn--ghost"
            data-testid="health-save-members"
            onClick={() => {
              const names = membersText.split('\n').map((s) => s.trim()).filter(Boolean);
              void save({ ...health, members: { names, at: now().toISOString() } });
            }}
          >
            {t('health.saveMembers')}
          </button>{' '}
          {health.members && <span className="muted">{t('health.membersCount', { n: health.members.names.length })}</span>}
          {health.members?.source === 'page' && (
            <p className="muted" data-testid="health-members-source" data-complete={health.members.complete ? 'true' : 'false'}>
              {t('health.membersFromPage', { date: formatVnDate(health.members.at) })}
              {!health.members.complete &&
                ` ${health.members.headerCount !== undefined ? t('health.membersPartial', { n: health.members.names.length, total: health.members.headerCount }) : t('health.membersPartialNoTotal')}`}
            </p>
          )}

          <h3>{t('health.roster')}</h3>
          <p className="muted">{t('health.rosterHelp')}</p>
          <div className="actions">
            <FilePickButton label={t('health.rosterImport')} accept=".csv,.xlsx,text/csv" testId="health-roster-input" onFile={importRoster} />
            {health.roster && (
              <button type="button" className="btn btn--ghost" onClick={() => void save({ ...health, roster: undefined })} data-testid="health-roster-delete">
                {t('health.rosterDelete')}
              </button>
            )}
          </div>
          {health.roster && !health.members && <p className="muted">{t('health.needMembers')}</p>}
          {match && health.roster && (
            <div data-testid="health-coverage">
              <p>
                <strong>{t('health.coverage', { covered: match.covered.length, total: health.roster.households.length, pct: match.coverage })}</strong>
              </p>
              <label className="check">
                <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} data-testid="health-redact" /> {t('health.redact')}
              </label>
              {match.missing.length > 0 && (
                <>
                  <h4>{t('health.missing')}</h4>
                  <ul data-testid="health-missing">
                    {match.missing.map((h, i) => {
                      const maybe = match.possible.find((p) => p.household === h);
                      return (
                        <li key={`${h.head}-${i}`}>
                          {shown(h.head)}
                          {h.address ? ` — ${h.address}` : ''}
                          {maybe ? ` (${t('health.possible', { names: maybe.members.map(shown).join(', ') })})` : ''}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
            </div>
          )}

          <h3>{t('health.poster')}</h3>
          <label>
            {t('health.inviteLink')}
            <input type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://zalo.me/g/…" data-testid="health-invite" />
          </label>
          <button
            type="button"
            className="btn"
            data-testid="health-poster"
            onClick={() => {
              if (!group) return;
              const p = groupPoster({ groupName: group.name, inviteLink: link, thon: group.place.thon, xa: group.place.xa });
              if (!p.ok) {
                setMessage({ ok: false, text: p.error });
                return;
              }
              void save({ ...health, inviteLink: link.trim() });
              setPreview(p.html);
            }}
          >
            {t('health.posterMake')}
          </button>

          <h3>{t('health.report')}</h3>
          <p data-testid="health-deadline">{t('health.reportPeriod', { period: period.label, deadline: deadline.label })}</p>
          <div className="actions">
            <button
              type="button"
              className="btn"
              data-testid="health-report-xlsx"
              onClick={() =>
                void report().then((d) => {
                  if (d) downloadBlob(doc, xlsxBlob(teamReportXlsx(d)), `bao-cao-to-cns-${slugify(group?.place.thon || d.groupName)}-${slugify(period.label)}.xlsx`);
                })
              }
            >
              {t('health.reportXlsx')}
            </button>
            <button type="button" className="btn btn--ghost" data-testid="health-report-a4" onClick={() => void report().then((d) => d && setPreview(teamReportHtml(d)))}>
              {t('health.reportA4')}
            </button>
          </div>
          <p className="muted">{t('health.reportInBundle')}</p>
        </>
      )}

      {preview && (
        <div className="preview">
          <div className="actions">
            <button type="button" className="btn" onClick={printPreview}>
              {t('health.print')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setPreview(null)}>
              {t('common.close')}
            </button>
          </div>
          <iframe ref={frame} title={t('health.poster')} srcDoc={preview} className="preview__frame" data-testid="health-preview" />
        </div>
      )}
    </section>
  );
}
