import { useEffect, useState } from 'react';
import { FilePickButton } from '../FilePickButton';
import { CATEGORY_IDS, SEVERITIES, type CategoryId, type Severity } from '@/lib/rules/categories';
import { defaultGroupSettings, type GroupSettings } from '@/lib/settings/schema';
import { parseGroupSettings } from '@/lib/settings/parse';
import { loadGroupSettings, saveGroupSettings } from '@/lib/settings/store';
import { linesToList, listToLines } from '@/lib/dashboard/settings-form';
import { applyGroupPack, exportGroupPack, parseGroupPack } from '@/lib/dashboard/group-pack';
import type { KnownGroup } from '@/lib/dashboard/groups';
import { downloadText, slugify } from '@/lib/dashboard/download';
import { vnDateKey } from '@/lib/reports/period';
import { useDash } from '../context';
import { FormMessage, useFormStatus } from './form-status';

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

/** One group's settings: place, contact, rules per category, domains, rule pack import/export. */
export function GroupEditor({ group, onSaved }: { group: KnownGroup; onSaved: () => void }) {
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
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} aria-invalid={bad('name')} data-testid="grp-name" />
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
          <input value={form.leaderPhone} inputMode="tel" onChange={(e) => set({ leaderPhone: e.target.value })} aria-invalid={bad('leaderPhone')} data-testid="grp-phone" />
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
      <FormMessage msg={msg} testId="grp-msg" />
    </form>
  );
}
