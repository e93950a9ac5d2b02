import { useState } from 'react';
import { completeSetup } from '@/lib/dashboard/setup';
import { useDash } from './context';
import { FormMessage, useFormStatus } from './settings/form-status';

/**
 * Asked until the admin's name and xã are known, so no report or bundle goes out with a blank
 * "Quản trị viên" or "UBND XÃ ……". Groups whose names follow the usual pattern get their own thôn/xã.
 */
export function FirstRunSetup() {
  const { db, t, settings, setSettings } = useDash();
  const status = useFormStatus();
  const [form, setForm] = useState({
    adminName: settings.adminName,
    thon: settings.place.thon,
    xa: settings.place.xa,
    tinh: settings.place.tinh,
  });
  const set = (p: Partial<typeof form>) => setForm({ ...form, ...p });
  const save = async () => {
    const r = await completeSetup(db, form);
    if (!r.ok) return status.rejected(r.path, r.error);
    setSettings(r.value);
  };
  const field = (key: keyof typeof form, label: string, required: boolean) => (
    <label>
      {label}
      {required && <span aria-hidden="true"> *</span>}
      <input
        value={form[key]}
        required={required}
        onChange={(e) => set({ [key]: e.target.value })}
        aria-invalid={status.bad(key) ?? status.bad(`place.${key}`)}
        data-testid={`setup-${key}`}
      />
    </label>
  );
  return (
    <form
      className="setup"
      aria-labelledby="setup-h"
      data-testid="first-run"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="setup-h">{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <div className="grid2">
        {field('adminName', t('set.adminName'), true)}
        {field('thon', t('grp.thon'), false)}
        {field('xa', t('grp.xa'), true)}
        {field('tinh', t('grp.tinh'), true)}
      </div>
      <div className="actions">
        <button type="submit" className="btn" data-testid="setup-save">
          {t('setup.save')}
        </button>
      </div>
      <FormMessage msg={status.msg} testId="setup-msg" />
    </form>
  );
}
