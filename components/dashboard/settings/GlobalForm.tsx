import { useState } from 'react';
import { CATEGORY_IDS, type CategoryId } from '@/lib/rules/categories';
import { LADDER_STEPS, type LadderStep } from '@/lib/settings/schema';
import { parseGlobalSettings } from '@/lib/settings/parse';
import { saveGlobalSettings } from '@/lib/settings/store';
import { parseWhole } from '@/lib/dashboard/settings-form';
import { useDash } from '../context';
import { FormMessage, useFormStatus } from './form-status';

/** Settings that apply to every group: admin, language, retention, redaction, the ladder. */
export function GlobalForm() {
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
  const [strikeWindow, setStrikeWindow] = useState(String(settings.ladder.strikeWindowDays));

  const save = async () => {
    const candidate = {
      ...settings,
      adminName,
      language,
      retentionDays: parseWhole(retention) ?? retention,
      redaction: { phones, idNumbers: ids },
      ladder: { steps, immediateCategories: immediate, strikeWindowDays: parseWhole(strikeWindow) ?? strikeWindow },
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
        <input inputMode="numeric" value={strikeWindow} onChange={(e) => setStrikeWindow(e.target.value)} aria-invalid={bad('ladder.strikeWindowDays')} />
        <span className="muted small">{t('set.strikeWindowHint')}</span>
      </label>
      <div className="actions">
        <button type="submit" className="btn" data-testid="set-save">
          {t('common.saveBtn')}
        </button>
      </div>
      <FormMessage msg={msg} testId="set-msg" />
    </form>
  );
}
