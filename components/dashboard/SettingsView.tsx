import { useEffect, useState } from 'react';
import { FilePickButton } from './FilePickButton';
import { CATEGORY_IDS, SEVERITIES, type CategoryId, type Severity } from '@/lib/domain/categories';
import { LADDER_STEPS, defaultGroupSettings, type GroupSettings, type LadderStep } from '@/lib/settings/schema';
import { parseGlobalSettings, parseGroupSettings } from '@/lib/settings/parse';
import { loadGroupSettings, saveGlobalSettings, saveGroupSettings } from '@/lib/settings/store';
import { parseBlocklist } from '@/lib/rules/links/blocklist';
import type { BlocklistRow } from '@/lib/db/types';
import { errorField, linesToList, listToLines, parseWhole } from '@/lib/dashboard/settings-form';
import { applyGroupPack, exportGroupPack, parseGroupPack } from '@/lib/dashboard/group-pack';
import { listKnownGroups, type KnownGroup } from '@/lib/dashboard/groups';
import { downloadText, slugify } from '@/lib/dashboard/download';
import { formatVnDateTime, vnDateKey } from '@/lib/reports/period';
import type { DashKey } from '@/lib/i18n/dashboard';
import { useDash } from './context';
import { SelectorPackSection } from './SelectorPackSection';

type Msg = { ok: boolean; text: string } | null;

/** Form label of a settings field, for "Lỗi ở «…»" messages. */
const FIELD_LABELS: Record<string, DashKey> = {
  adminName: 'set.adminName',
  language: 'set.language',
  retentionDays: 'set.retention',
  'redaction.phones': 'set.redactPhones',
  'redaction.idNumbers': 'set.redactIds',
  'ladder.steps': 'set.ladderSteps',
  'ladder.immediateCategories': 'set.immediate',
  'ladder.strikeWindowDays': 'set.strikeWindow',
  name: 'grp.name',
  thon: 'grp.thon',
  xa: 'grp.xa',
  tinh: 'grp.tinh',
  leaderName: 'grp.leaderName',
  leaderPhone: 'grp.leaderPhone',
  'overrides.allowedTerms': 'grp.allowedTerms',
  'overrides.allowDomains': 'grp.allowDomains',
  'overrides.ownInvites': 'grp.ownInvites',
  'overrides.blockDomains': 'grp.blockDomains',
  'overrides.disabledCategories': 'grp.enabledCol',
  'overrides.severity': 'grp.severityCol',
  'overrides.extraTerms': 'grp.extraCol',
};

function useFieldError() {
  const { t, tl } = useDash();
  return (path: string, error: string): { field: string; text: string } => {
    const { field, line } = errorField(path);
    const base = Object.keys(FIELD_LABELS).find((k) => field === k || field.startsWith(`${k}.`));
    const cat = /^overrides\.(?:extraTerms|severity)\.([a-z-]+)/.exec(field)?.[1];
    let label = base ? t(FIELD_LABELS[base]) : field;
    if (cat) label += ` — ${tl(`category.${cat as CategoryId}`)}`;
    const detail = error.startsWith(`${path}: `) ? error.slice(path.length + 2) : error;
    return { field, text: t(line ? 'set.errorAtLine' : 'set.errorAt', { field: label, line: line ?? 0, message: detail }) };
  };
}

/** Message and invalid-field state of a settings form: one place that turns a parse error into both. */
function useFormStatus() {
  const describe = useFieldError();
  const [msg, setMsg] = useState<Msg>(null);
  const [badField, setBadField] = useState<string | null>(null);
  return {
    msg,
    setMsg,
    describe,
    reset() {
      setMsg(null);
      setBadField(null);
    },
    rejected(path: string, error: string) {
      const d = describe(path, error);
      setBadField(d.field);
      setMsg({ ok: false, text: d.text });
    },
    saved(text: string) {
      setBadField(null);
      setMsg({ ok: true, text });
    },
    bad: (f: string) => (badField === f || badField?.startsWith(`${f}.`) ? true : undefined),
  };
}

function GlobalForm() {
  const { db, t, tl, settings, setSettings } = useDash();
  const status = useFormStatus();
  const { msg, bad } = status;
  const [adminName, setAdminName] = useState(settings.adminName);
  const [language, setLanguage] = useState(settings.language);
  const [retention, setRetention] = useState(String(settings.retentionDays));
  const [phones, setPhones] = useState(settings.redaction.phones);
  const [ids, setIds] = useState(settings.redaction.idNumbers);
  const [steps, setSteps] = useState<LadderStep[]>([...settings.ladder.steps]);
  const [immediate, setImmediate] = useState<CategoryId[]>([...settings.ladder.immediateCategories]);
  const [window, setWindow] = useState(String(settings.ladder.strikeWindowDays));

  const save = async () => {
    const candidate = {
      adminName,
      language,
      retentionDays: parseWhole(retention) ?? retention,
      redaction: { phones, idNumbers: ids },
      ladder: { steps, immediateCategories: immediate, strikeWindowDays: parseWhole(window) ?? window },
    };
    const parsed = parseGlobalSettings(candidate);
    if (!parsed.ok) return status.rejected(parsed.path, parsed.error);
    const saved = await saveGlobalSettings(db, parsed.value);
    setSettings(saved);
    status.saved(t('set.saved'));
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="set-global-h" data-testid="global-form">
      <h3 id="set-global-h">{t('set.global')}</h3>
      <div className="grid2">
        <label>
          {t('set.adminName')}
          <input value={adminName} onChange={(e) => setAdminName(e.target.value)} aria-invalid={bad('adminName')} data-testid="set-admin" />
        </label>
        <label>
          {t('set.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'vi' | 'en')} data-testid="set-language">
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('set.retention')}
          <input inputMode="numeric" value={retention} onChange={(e) => setRetention(e.target.value)} aria-invalid={bad('retentionDays')} data-testid="set-retention" />
          <span className="muted small">{t('set.retentionHint')}</span>
        </label>
      </div>
      <fieldset>
        <legend>{t('set.redaction')}</legend>
        <label className="check">
          <input type="checkbox" checked={phones} onChange={(e) => setPhones(e.target.checked)} />
          {t('set.redactPhones')}
        </label>
        <label className="check">
          <input type="checkbox" checked={ids} onChange={(e) => setIds(e.target.checked)} />
          {t('set.redactIds')}
        </label>
      </fieldset>
      <fieldset aria-invalid={bad('ladder.steps')}>
        <legend>{t('set.ladderSteps')}</legend>
        <p className="muted small">{t('set.ladderHint')}</p>
        <ol className="ladder">
          {steps.map((s, i) => (
            <li key={i}>
              <label>
                {t('set.stepN', { n: i + 1 })}
                <select value={s} onChange={(e) => setSteps(steps.map((x, j) => (j === i ? (e.target.value as LadderStep) : x)))}>
                  {LADDER_STEPS.map((st) => (
                    <option key={st} value={st}>
                      {tl(`suggest.${st}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setSteps(steps.filter((_, j) => j !== i))} aria-label={t('set.removeStep', { n: i + 1 })}>
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setSteps([...steps, 'propose-removal'])}>
          {t('set.addStep')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('set.immediate')}</legend>
        <div className="checks">
          {CATEGORY_IDS.map((c) => (
            <label className="check" key={c}>
              <input
                type="checkbox"
                checked={immediate.includes(c)}
                onChange={(e) => setImmediate(e.target.checked ? [...immediate, c] : immediate.filter((x) => x !== c))}
              />
              {tl(`category.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t('set.strikeWindow')}
        <input inputMode="numeric" value={window} onChange={(e) => setWindow(e.target.value)} aria-invalid={bad('ladder.strikeWindowDays')} />
        <span className="muted small">{t('set.strikeWindowHint')}</span>
      </label>
      <div className="actions">
        <button type="submit" className="btn" data-testid="set-save">
          {t('common.saveBtn')}
        </button>
      </div>
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'notice notice--ok' : 'notice notice--bad'} data-testid="set-msg">
          {msg.text}
        </p>
      )}
    </form>
  );
}

type GroupForm = {
  name: string;
  enabled: boolean;
  thon: string;
  xa: string;
  tinh: string;
  leaderName: string;
  leaderPhone: string;
  extra: Record<CategoryId, string>;
  allowed: string;
  disabled: CategoryId[];
  severity: Partial<Record<CategoryId, Severity>>;
  allowDomains: string;
  ownInvites: string;
  blockDomains: string;
};

function toForm(g: GroupSettings): GroupForm {
  return {
    name: g.name,
    enabled: g.enabled,
    thon: g.thon,
    xa: g.xa,
    tinh: g.tinh,
    leaderName: g.leaderName,
    leaderPhone: g.leaderPhone,
    extra: Object.fromEntries(CATEGORY_IDS.map((c) => [c, listToLines(g.overrides.extraTerms[c])])) as Record<CategoryId, string>,
    allowed: listToLines(g.overrides.allowedTerms),
    disabled: [...g.overrides.disabledCategories],
    severity: { ...g.overrides.severity },
    allowDomains: listToLines(g.overrides.allowDomains),
    ownInvites: listToLines(g.overrides.ownInvites ?? []),
    blockDomains: listToLines(g.overrides.blockDomains),
  };
}

function GroupEditor({ group, onSaved }: { group: KnownGroup; onSaved: () => void }) {
  const { db, t, tl, doc, now } = useDash();
  const status = useFormStatus();
  const { msg, bad, describe } = status;
  const [current, setCurrent] = useState<GroupSettings | null>(null);
  const [form, setForm] = useState<GroupForm | null>(null);

  useEffect(() => {
    status.reset();
    loadGroupSettings(db, group.threadId).then((g) => {
      // A group known only from the log starts from its name and place in the log.
      const base = group.configured ? g : { ...defaultGroupSettings(group.threadId, group.name), ...group.place };
      setCurrent(base);
      setForm(toForm(base));
    });
    // Only a different group reloads the form: a refreshed group list must not wipe the message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, group.threadId]);

  if (!form || !current) return <p className="muted">{t('common.loading')}</p>;
  const set = (p: Partial<GroupForm>) => setForm({ ...form, ...p });

  const save = async () => {
    const extraTerms: Partial<Record<CategoryId, string[]>> = {};
    for (const c of CATEGORY_IDS) {
      const list = linesToList(form.extra[c]);
      if (list.length) extraTerms[c] = list;
    }
    const candidate = {
      ...current,
      name: form.name,
      enabled: form.enabled,
      thon: form.thon,
      xa: form.xa,
      tinh: form.tinh,
      leaderName: form.leaderName,
      leaderPhone: form.leaderPhone,
      overrides: {
        extraTerms,
        allowedTerms: linesToList(form.allowed),
        disabledCategories: form.disabled,
        severity: form.severity,
        allowDomains: linesToList(form.allowDomains),
        ownInvites: linesToList(form.ownInvites),
        blockDomains: linesToList(form.blockDomains),
      },
    };
    const parsed = parseGroupSettings(candidate);
    if (!parsed.ok) return status.rejected(parsed.path, parsed.error);
    const saved = await saveGroupSettings(db, parsed.value);
    setCurrent(saved);
    setForm(toForm(saved));
    status.saved(t('set.saved'));
    onSaved();
  };

  const exportPack = async () => {
    const pack = await exportGroupPack(db, group.threadId, now());
    downloadText(doc, `${JSON.stringify(pack, null, 1)}\n`, `bo-quy-tac-${slugify(form.name || group.threadId) || 'nhom'}-${vnDateKey(now())}.json`, 'application/json');
  };
  const importPack = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseGroupPack(await file.text());
    if (!parsed.ok) {
      status.setMsg({ ok: false, text: t('grp.packFailed', { error: describe(parsed.path, parsed.error).text }) });
      return;
    }
    const r = await applyGroupPack(db, group.threadId, parsed.pack, now());
    setCurrent(r.group);
    setForm(toForm(r.group));
    status.saved(t('grp.packDone', { packs: r.rulePacks, added: r.samplesAdded, skipped: r.samplesSkipped }));
    onSaved();
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={t('grp.editor', { name: group.name })} data-testid="group-form">
      <div className="grid2">
        <label className="check">
          <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="grp-enabled" />
          {t('grp.enabled')}
        </label>
        <label>
          {t('grp.name')}
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} aria-invalid={bad('name')} />
        </label>
        <label>
          {t('grp.thon')}
          <input value={form.thon} onChange={(e) => set({ thon: e.target.value })} data-testid="grp-thon" />
        </label>
        <label>
          {t('grp.xa')}
          <input value={form.xa} onChange={(e) => set({ xa: e.target.value })} />
        </label>
        <label>
          {t('grp.tinh')}
          <input value={form.tinh} onChange={(e) => set({ tinh: e.target.value })} />
        </label>
        <label>
          {t('grp.leaderName')}
          <input value={form.leaderName} onChange={(e) => set({ leaderName: e.target.value })} aria-invalid={bad('leaderName')} data-testid="grp-leader" />
        </label>
        <label>
          {t('grp.leaderPhone')}
          <input value={form.leaderPhone} inputMode="tel" onChange={(e) => set({ leaderPhone: e.target.value })} aria-invalid={bad('leaderPhone')} />
        </label>
      </div>
      <div className="tablewrap">
        <table className="table">
          <caption>{t('grp.rulesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grp.categoryCol')}</th>
              <th scope="col">{t('grp.enabledCol')}</th>
              <th scope="col">{t('grp.severityCol')}</th>
              <th scope="col">{t('grp.extraCol')}</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORY_IDS.map((c) => (
              <tr key={c}>
                <th scope="row">{tl(`category.${c}`)}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('grp.enableCat', { cat: tl(`category.${c}`) })}
                    checked={!form.disabled.includes(c)}
                    onChange={(e) => set({ disabled: e.target.checked ? form.disabled.filter((x) => x !== c) : [...form.disabled, c] })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('grp.severityFor', { cat: tl(`category.${c}`) })}
                    value={form.severity[c] ?? ''}
                    onChange={(e) => {
                      const severity = { ...form.severity };
                      if (e.target.value) severity[c] = e.target.value as Severity;
                      else delete severity[c];
                      set({ severity });
                    }}
                  >
                    <option value="">{t('grp.severityDefault')}</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {tl(`severity.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <textarea
                    rows={2}
                    aria-label={t('grp.extraFor', { cat: tl(`category.${c}`) })}
                    aria-invalid={bad(`overrides.extraTerms.${c}`)}
                    value={form.extra[c]}
                    onChange={(e) => set({ extra: { ...form.extra, [c]: e.target.value } })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid3">
        <label>
          {t('grp.allowedTerms')}
          <textarea rows={4} value={form.allowed} onChange={(e) => set({ allowed: e.target.value })} aria-invalid={bad('overrides.allowedTerms')} />
        </label>
        <label>
          {t('grp.allowDomains')}
          <textarea rows={4} value={form.allowDomains} onChange={(e) => set({ allowDomains: e.target.value })} aria-invalid={bad('overrides.allowDomains')} />
        </label>
        <label>
          {t('grp.blockDomains')}
          <textarea rows={4} value={form.blockDomains} onChange={(e) => set({ blockDomains: e.target.value })} aria-invalid={bad('overrides.blockDomains')} data-testid="grp-block" />
        </label>
        <label>
          {t('grp.ownInvites')}
          <textarea rows={2} value={form.ownInvites} onChange={(e) => set({ ownInvites: e.target.value })} aria-invalid={bad('overrides.ownInvites')} placeholder="zalo.me/g/…" />
        </label>
      </div>
      <p className="muted small">{t('grp.listHint')}</p>
      <div className="actions">
        <button type="submit" className="btn" data-testid="grp-save">
          {t('common.saveBtn')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => void exportPack()}>
          {t('grp.exportPack')}
        </button>
        <FilePickButton label={t('grp.importPack')} accept=".json,application/json" testId="grp-pack-input" onFile={importPack} />
      </div>
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'notice notice--ok' : 'notice notice--bad'} data-testid="grp-msg">
          {msg.text}
        </p>
      )}
    </form>
  );
}

function Groups() {
  const { db, t } = useDash();
  const [groups, setGroups] = useState<KnownGroup[] | null>(null);
  const [selected, setSelected] = useState<string>('');
  const reload = () =>
    listKnownGroups(db).then((g) => {
      setGroups(g);
      setSelected((s) => s || g[0]?.threadId || '');
    });
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);
  const group = groups?.find((g) => g.threadId === selected);
  return (
    <section aria-labelledby="set-groups-h">
      <h3 id="set-groups-h">{t('grp.title')}</h3>
      {groups === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="muted">{t('grp.none')}</p>
      ) : (
        <>
          <label>
            {t('grp.choose')}
            <select value={selected} onChange={(e) => setSelected(e.target.value)} data-testid="grp-select">
              {groups.map((g) => (
                <option key={g.threadId} value={g.threadId}>
                  {g.name}
                  {g.configured ? '' : ` (${t('grp.notConfigured')})`}
                </option>
              ))}
            </select>
          </label>
          {group && <GroupEditor key={group.threadId} group={group} onSaved={() => void reload()} />}
        </>
      )}
    </section>
  );
}

function Blocklists() {
  const { db, t, now, fetchText } = useDash();
  const [rows, setRows] = useState<BlocklistRow[]>([]);
  const [msg, setMsg] = useState<Msg>(null);
  const [attribution, setAttribution] = useState<string | null>(null);
  const reload = () => db.blocklist.orderBy('importedAt').reverse().toArray().then(setRows);
  useEffect(() => {
    void reload();
    fetchText('/blocklists/ATTRIBUTION.md')
      .then(setAttribution)
      .catch(() => setAttribution(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const r = parseBlocklist(text, file.name);
    if (!r.ok) {
      setMsg({ ok: false, text: t('bl.failed', { error: r.error }) });
      return;
    }
    const importedAt = now().toISOString();
    await db.blocklist.put({ id: `${file.name}@${importedAt}`, name: file.name, text, lineCount: r.count, importedAt, source: file.name });
    await reload();
    setMsg({ ok: true, text: t('bl.done', { n: r.count.toLocaleString('vi-VN'), name: file.name }) });
  };
  const remove = async (row: BlocklistRow) => {
    await db.blocklist.delete(row.id);
    await reload();
    setMsg({ ok: true, text: t('bl.deleted', { name: row.name }) });
  };

  return (
    <section aria-labelledby="set-bl-h">
      <h3 id="set-bl-h">{t('bl.title')}</h3>
      <p className="muted">{t('bl.intro')}</p>
      <FilePickButton label={t('bl.import')} accept=".txt,text/plain" testId="bl-input" onFile={onFile} />
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'notice notice--ok' : 'notice notice--bad'} data-testid="bl-msg">
          {msg.text}
        </p>
      )}
      {rows.length > 0 && (
        <table className="table" data-testid="bl-table">
          <thead>
            <tr>
              <th scope="col">{t('bl.name')}</th>
              <th scope="col">{t('bl.count')}</th>
              <th scope="col">{t('bl.when')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('bl.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td className="n">{r.lineCount.toLocaleString('vi-VN')}</td>
                <td>{formatVnDateTime(r.importedAt)}</td>
                <td>
                  <button type="button" className="btn btn--danger btn--small" onClick={() => void remove(r)} aria-label={t('bl.deleteNamed', { name: r.name })}>
                    {t('bl.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>{t('bl.attribution')}</summary>
        {attribution ? <pre className="attribution">{attribution}</pre> : <p className="muted">{t('bl.noAttribution')}</p>}
      </details>
    </section>
  );
}

export function SettingsView() {
  const { t } = useDash();
  return (
    <section aria-labelledby="set-h">
      <h2 id="set-h">{t('set.title')}</h2>
      <GlobalForm />
      <Groups />
      <Blocklists />
      <SelectorPackSection />
    </section>
  );
}
