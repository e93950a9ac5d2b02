import { useEffect, useMemo, useState } from 'react';
import { FilePickButton } from './FilePickButton';
import {
  KIND_LABELS,
  TEMPLATE_KINDS,
  exportTemplateSet,
  importTemplateSet,
  renderTemplate,
  sampleValues,
  searchTemplates,
  variableSpecs,
  type MergePolicy,
  type Template,
  type TemplateKind,
} from '@/lib/templates';
import { checkDraft, draftFromTemplate, emptyDraft, issuesByField, optionCount, type TemplateDraft } from '@/lib/dashboard/template-draft';
import { deleteTemplate, loadLibrary, saveTemplate, storeImported, type BrokenRow, type LibraryItem } from '@/lib/dashboard/template-store';
import { downloadText } from '@/lib/dashboard/download';
import { vnDateKey } from '@/lib/reports/period';
import type { DashKey } from '@/lib/i18n/dashboard';
import { useDash } from './context';

type Editing = { draft: TemplateDraft; isNew: boolean; origin?: LibraryItem['origin'] };

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul className="field-error" id={id} role="alert">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function TemplatesView() {
  const { db, t, doc, now, settings } = useDash();
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [broken, setBroken] = useState<BrokenRow[]>([]);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<TemplateKind | ''>('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string; issues?: string[] } | null>(null);
  const [policy, setPolicy] = useState<MergePolicy>('skip');

  const reload = async () => {
    const lib = await loadLibrary(db);
    setItems(lib.items);
    setBroken(lib.broken);
    return lib.items;
  };
  useEffect(() => {
    void reload();
    // Reload when the database changes only; reload() itself is recreated every render.
  }, [db]);

  const origin = useMemo(() => new Map((items ?? []).map((i) => [i.template.id, i.origin])), [items]);
  const list = useMemo(
    () => searchTemplates((items ?? []).map((i) => i.template), query, kind || undefined),
    [items, query, kind],
  );

  const check = editing ? checkDraft(editing.draft) : null;
  const errors = check && !check.ok ? issuesByField(check.issues) : new Map<string, string[]>();
  const duplicateId = editing?.isNew && editing.draft.id.trim() !== '' && origin.has(editing.draft.id.trim());
  const specs = check?.ok ? variableSpecs(check.template) : [];
  const rendered = check?.ok ? renderTemplate(check.template, values, { now: now() }) : null;

  const open = (tpl: Template) => {
    setEditing({ draft: draftFromTemplate(tpl), isNew: false, origin: origin.get(tpl.id) });
    setValues(sampleValues(tpl));
    setStatus(null);
  };
  const openNew = () => {
    setEditing({ draft: emptyDraft(), isNew: true });
    setValues({});
    setStatus(null);
  };
  const patch = (p: Partial<TemplateDraft>) => {
    if (!editing) return;
    const draft = { ...editing.draft, ...p };
    setEditing({ ...editing, draft });
    // Sample values follow newly used variables without wiping what the admin typed.
    const c = checkDraft(draft);
    if (c.ok) setValues((v) => ({ ...sampleValues(c.template), ...v }));
  };

  const save = async () => {
    if (!editing || !check?.ok || duplicateId) return;
    await saveTemplate(db, check.template, now());
    await reload();
    setEditing({ draft: draftFromTemplate(check.template), isNew: false, origin: origin.get(check.template.id) ?? 'user' });
    setStatus({ ok: true, text: t('tpl.saved', { title: check.template.title }) });
  };
  const remove = async () => {
    if (!editing) return;
    const id = editing.draft.id;
    const wasDefault = editing.origin === 'modified';
    if (!doc.defaultView?.confirm(wasDefault ? t('tpl.confirmReset') : t('tpl.confirmDelete'))) return;
    await deleteTemplate(db, id);
    const next = await reload();
    const back = next.find((i) => i.template.id === id);
    if (back) open(back.template);
    else setEditing(null);
    setStatus({ ok: true, text: wasDefault ? t('tpl.reset') : t('tpl.deleted') });
  };

  const onImport = async (file: File | undefined) => {
    if (!file || !items) return;
    const text = await file.text();
    const r = importTemplateSet(
      items.map((i) => i.template),
      text,
      policy,
    );
    if (!r.ok) {
      // Nothing is written: the stored library is exactly as before.
      setStatus({ ok: false, text: t('tpl.importFailed', { error: r.error }), issues: r.issues });
      return;
    }
    await storeImported(db, r.result.merged, [...r.result.added, ...r.result.replaced], now());
    await reload();
    setStatus({
      ok: true,
      text: t('tpl.imported', {
        name: r.set.name,
        added: r.result.added.length,
        replaced: r.result.replaced.length,
        skipped: r.result.skipped.length,
      }),
    });
  };

  const onExport = () => {
    if (!items) return;
    const text = exportTemplateSet(
      items.map((i) => i.template),
      { name: t('tpl.setName', { admin: settings.adminName || t('tpl.setNameAnon') }), author: settings.adminName || undefined, exportedAt: now() },
    );
    downloadText(doc, text, `bo-mau-thong-bao-${vnDateKey(now())}.json`, 'application/json');
  };

  const originLabel: Record<LibraryItem['origin'], DashKey> = { default: 'tpl.origin.default', modified: 'tpl.origin.modified', user: 'tpl.origin.user' };
  const d = editing?.draft;
  const err = (f: string) => errors.get(f);
  const describedBy = (f: string) => (err(f) ? `err-${f.replace(/\W/g, '-')}` : undefined);

  return (
    <section aria-labelledby="tpl-h">
      <h2 id="tpl-h">{t('tpl.title')}</h2>
      <div className="actions">
        <button type="button" className="btn" onClick={openNew} data-testid="tpl-new">
          {t('tpl.new')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onExport} data-testid="tpl-export">
          {t('tpl.export')}
        </button>
        <label>
          {t('tpl.policy')}
          <select value={policy} onChange={(e) => setPolicy(e.target.value as MergePolicy)} data-testid="tpl-policy">
            <option value="skip">{t('tpl.policy.skip')}</option>
            <option value="replace">{t('tpl.policy.replace')}</option>
            <option value="keep-both">{t('tpl.policy.keepBoth')}</option>
          </select>
        </label>
        <FilePickButton label={t('tpl.import')} accept=".json,application/json" testId="tpl-import" onFile={onImport} />
      </div>
      {status && (
        <div role="status" className={status.ok ? 'notice notice--ok' : 'notice notice--bad'} data-testid="tpl-status">
          <p>{status.text}</p>
          {status.issues && status.issues.length > 1 && (
            <ul>
              {status.issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {broken.length > 0 && (
        <div className="notice notice--warn">
          <p>{t('tpl.broken')}</p>
          <ul>
            {broken.map((b) => (
              <li key={b.id}>
                {b.id}: {b.issues.map((i) => `${i.path} ${i.message}`).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="split">
        <div className="split__list">
          <label>
            {t('tpl.search')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('tpl.searchHint')} data-testid="tpl-search" />
          </label>
          <label>
            {t('tpl.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as TemplateKind | '')}>
              <option value="">{t('tpl.allKinds')}</option>
              {TEMPLATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {items === null ? (
            <p className="muted">{t('common.loading')}</p>
          ) : (
            <ul className="tpl-list" data-testid="tpl-list" aria-label={t('tpl.listLabel', { n: list.length })}>
              {list.map((tpl) => (
                <li key={tpl.id}>
                  <button
                    type="button"
                    className={`tpl-item${editing?.draft.id === tpl.id && !editing.isNew ? ' tpl-item--active' : ''}`}
                    onClick={() => open(tpl)}
                    aria-current={editing?.draft.id === tpl.id && !editing.isNew ? 'true' : undefined}
                  >
                    <span className="tpl-item__title">{tpl.title}</span>
                    <span className="muted small">
                      {KIND_LABELS[tpl.kind]} · {t(originLabel[origin.get(tpl.id) ?? 'user'])}
                    </span>
                  </button>
                </li>
              ))}
              {list.length === 0 && <li className="muted">{t('tpl.none')}</li>}
            </ul>
          )}
        </div>

        {editing && d && (
          <form className="split__edit" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={t('tpl.editor')} data-testid="tpl-editor">
            <h3>{editing.isNew ? t('tpl.newTitle') : t('tpl.editTitle')}</h3>
            <label>
              {t('tpl.id')}
              <input
                value={d.id}
                readOnly={!editing.isNew}
                onChange={(e) => patch({ id: e.target.value })}
                aria-invalid={Boolean(err('id') || duplicateId)}
                aria-describedby={describedBy('id')}
                data-testid="tpl-id"
              />
              <span className="muted small">{t('tpl.idHint')}</span>
            </label>
            <FieldErrors id="err-id" errors={duplicateId ? [...(err('id') ?? []), t('tpl.idTaken')] : err('id')} />
            <label>
              {t('tpl.titleField')}
              <input value={d.title} onChange={(e) => patch({ title: e.target.value })} aria-invalid={Boolean(err('title'))} aria-describedby={describedBy('title')} data-testid="tpl-title" />
            </label>
            <FieldErrors id="err-title" errors={err('title')} />
            <label>
              {t('tpl.kind')}
              <select value={d.kind} onChange={(e) => patch({ kind: e.target.value as TemplateKind })}>
                {TEMPLATE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <FieldErrors id="err-kind" errors={err('kind')} />
            <fieldset>
              <legend>{t('tpl.mode')}</legend>
              <label className="check">
                <input type="radio" name="mode" checked={d.mode === 'body'} onChange={() => patch({ mode: 'body' })} />
                {t('tpl.mode.body')}
              </label>
              <label className="check">
                <input type="radio" name="mode" checked={d.mode === 'poll'} onChange={() => patch({ mode: 'poll' })} />
                {t('tpl.mode.poll')}
              </label>
            </fieldset>
            {d.mode === 'body' ? (
              <>
                <label>
                  {t('tpl.body')}
                  <textarea rows={10} value={d.body} onChange={(e) => patch({ body: e.target.value })} aria-invalid={Boolean(err('body'))} aria-describedby={describedBy('body')} data-testid="tpl-body" />
                  <span className="muted small">{t('tpl.bodyHint')}</span>
                </label>
                <FieldErrors id="err-body" errors={err('body')} />
              </>
            ) : (
              <>
                <label>
                  {t('tpl.question')}
                  <input value={d.question} onChange={(e) => patch({ question: e.target.value })} aria-invalid={Boolean(err('poll.question'))} />
                </label>
                <FieldErrors id="err-q" errors={err('poll.question') ?? err('poll')} />
                <label>
                  {t('tpl.options', { n: optionCount(d) })}
                  <textarea rows={5} value={d.options} onChange={(e) => patch({ options: e.target.value })} aria-invalid={Boolean(err('poll.options'))} />
                </label>
                <FieldErrors id="err-opts" errors={err('poll.options')} />
                <div className="checks">
                  {(['multipleChoice', 'allowAddOptions', 'anonymous', 'hideResults'] as const).map((k) => (
                    <label className="check" key={k}>
                      <input type="checkbox" checked={d[k]} onChange={(e) => patch({ [k]: e.target.checked })} />
                      {t(`tpl.poll.${k}` as DashKey)}
                    </label>
                  ))}
                </div>
                <label>
                  {t('tpl.deadline')}
                  <input value={d.deadline} onChange={(e) => patch({ deadline: e.target.value })} placeholder="+3d" />
                </label>
                <FieldErrors id="err-deadline" errors={err('poll.settings')} />
              </>
            )}
            <label className="check">
              <input type="checkbox" checked={d.pinAfterSend} onChange={(e) => patch({ pinAfterSend: e.target.checked })} />
              {t('tpl.pin')}
            </label>
            {[...errors.entries()]
              .filter(([f]) => !['id', 'title', 'kind', 'body', 'poll', 'poll.question', 'poll.options', 'poll.settings'].includes(f))
              .map(([f, msgs]) => (
                <FieldErrors key={f} id={`err-${f}`} errors={msgs.map((m) => `${f}: ${m}`)} />
              ))}

            <div className="actions">
              <button type="submit" className="btn" disabled={!check?.ok || Boolean(duplicateId)} data-testid="tpl-save">
                {t('common.saveBtn')}
              </button>
              {editing.origin === 'user' && (
                <button type="button" className="btn btn--danger" onClick={() => void remove()}>
                  {t('tpl.delete')}
                </button>
              )}
              {editing.origin === 'modified' && (
                <button type="button" className="btn btn--ghost" onClick={() => void remove()}>
                  {t('tpl.resetDefault')}
                </button>
              )}
              <button type="button" className="btn btn--ghost" onClick={() => setEditing(null)}>
                {t('common.close')}
              </button>
            </div>

            <h4>{t('tpl.samples')}</h4>
            {specs.length === 0 ? (
              <p className="muted small">{check?.ok ? t('tpl.noVars') : t('tpl.fixFirst')}</p>
            ) : (
              <div className="grid2">
                {specs.map((s) => (
                  <label key={s.name}>
                    {s.label} <code>{`{${s.name}}`}</code>
                    <input value={values[s.name] ?? ''} onChange={(e) => setValues({ ...values, [s.name]: e.target.value })} />
                  </label>
                ))}
              </div>
            )}
            <h4>{t('tpl.preview')}</h4>
            <div className="preview-box" aria-live="polite" data-testid="tpl-preview">
              {!rendered ? (
                <p className="muted">{t('tpl.fixFirst')}</p>
              ) : rendered.ok ? (
                <>
                  <div className="preview-text">{rendered.text}</div>
                  {rendered.poll && (
                    <ol>
                      {rendered.poll.options.map((o) => (
                        <li key={o}>{o}</li>
                      ))}
                    </ol>
                  )}
                  {rendered.pinAfterSend && <p className="muted small">{t('tpl.willPin')}</p>}
                </>
              ) : (
                <ul className="field-error">
                  {rendered.missing.map((m) => (
                    <li key={m}>{t('tpl.missing', { name: m })}</li>
                  ))}
                  {rendered.invalid.map((i) => (
                    <li key={`${i.field}-${i.variable}`}>
                      {i.variable ? `{${i.variable}}: ` : ''}
                      {i.message}
                    </li>
                  ))}
                  {rendered.unknown.map((u) => (
                    <li key={u}>{t('tpl.unknownVar', { name: u })}</li>
                  ))}
                </ul>
              )}
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
