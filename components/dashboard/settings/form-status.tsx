import { useState } from 'react';
import type { CategoryId } from '@/lib/rules/categories';
import { errorField } from '@/lib/dashboard/settings-form';
import { fieldLabelKey } from '@/lib/settings/labels';
import { useDash } from '../context';

export type Msg = { ok: boolean; text: string } | null;

/** Turns a parse error's path into the field it belongs to and a sentence naming that field's label. */
export function useFieldError() {
  const { t, tl } = useDash();
  return (path: string, error: string): { field: string; text: string } => {
    const { field, line } = errorField(path);
    const key = fieldLabelKey(field);
    const cat = /^overrides\.(?:extraTerms|severity)\.([a-z-]+)/.exec(field)?.[1];
    let label = key ? t(key) : field;
    if (cat) label += ` — ${tl(`category.${cat as CategoryId}`)}`;
    const detail = error.startsWith(`${path}: `) ? error.slice(path.length + 2) : error;
    return { field, text: t(line ? 'set.errorAtLine' : 'set.errorAt', { field: label, line: line ?? 0, message: detail }) };
  };
}

/** Message and invalid-field state of a settings form: one place that turns a parse error into both. */
export function useFormStatus() {
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

/** The status line under a form: announced politely when saved, as an alert when rejected. */
export function FormMessage({ msg, testId }: { msg: Msg; testId: string }) {
  if (!msg) return null;
  return (
    <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'notice notice--ok' : 'notice notice--bad'} data-testid={testId}>
      {msg.text}
    </p>
  );
}
