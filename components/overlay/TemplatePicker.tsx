import { useEffect, useRef, useState } from 'react';
import { useOverlay, useOverlayState } from './context';
import type { TemplateView } from '@/lib/overlay/actions';

export function TemplatePicker() {
  const { t, actions } = useOverlay();
  const open = useOverlayState((s) => s.pickerOpen);
  const wanted = useOverlayState((s) => s.pickerTemplate);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [list, setList] = useState<TemplateView[]>([]);
  const [selected, setSelected] = useState<TemplateView | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ ok: boolean; text: string; missing: string[] } | null>(null);
  const [message, setMessage] = useState('');
  const [canPin, setCanPin] = useState(false);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    actions.listTemplates(query, kind).then((l) => {
      if (!live) return;
      setList(l);
      const pre = wanted ? l.find((x) => x.id === wanted) : undefined;
      if (pre) choose(pre);
    });
    return () => {
      live = false;
    };
    // `choose` is recreated every render; it is called here, not a reason to reload the list.
  }, [open, query, kind, actions, wanted]);

  useEffect(() => {
    if (open) searchRef.current?.focus();
    else {
      setSelected(null);
      setMessage('');
      setCanPin(false);
    }
  }, [open]);

  useEffect(() => {
    if (!selected) return setPreview(null);
    let live = true;
    actions.preview(selected.id, values).then((p) => live && setPreview(p));
    return () => {
      live = false;
    };
  }, [selected, values, actions]);

  if (!open) return null;

  const choose = (tpl: TemplateView) => {
    setSelected(tpl);
    setMessage('');
    setCanPin(false);
    setValues(Object.fromEntries(tpl.variables.map((v) => [v.name, v.value])));
  };
  const insert = async () => {
    if (!selected) return;
    setBusy(true);
    try {
      const out = await actions.insertTemplate(selected.id, values);
      setMessage(out.message);
      setCanPin(out.ok && selected.pinAfterSend && !selected.isPoll);
    } finally {
      setBusy(false);
    }
  };
  const pin = async () => {
    setBusy(true);
    try {
      const out = await actions.pinLastSent();
      setMessage(out.message);
      if (out.ok) setCanPin(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zgg-picker" role="dialog" aria-modal="false" aria-labelledby="zgg-picker-title" data-testid="zgg-picker">
      <header className="zgg-card__head">
        <h2 id="zgg-picker-title" className="zgg-card__title">
          {t('picker.title')}
        </h2>
        <button type="button" className="zgg-icon-btn" aria-label={t('picker.close')} onClick={() => actions.togglePicker(false)}>
          ×
        </button>
      </header>
      <div className="zgg-picker__search">
        <input
          ref={searchRef}
          className="zgg-input"
          type="search"
          placeholder={t('picker.search')}
          aria-label={t('picker.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="zgg-picker-search"
        />
        <select className="zgg-input" value={kind} onChange={(e) => setKind(e.currentTarget.value)} aria-label={t('picker.allKinds')}>
          <option value="">{t('picker.allKinds')}</option>
          {actions.templateKinds().map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="zgg-picker__body">
        <ul className="zgg-list zgg-picker__list" role="listbox" aria-label={t('picker.title')}>
          {list.length === 0 && <li className="zgg-muted">{t('picker.empty')}</li>}
          {list.map((tpl) => (
            <li key={tpl.id}>
              <button
                type="button"
                role="option"
                aria-selected={selected?.id === tpl.id}
                className="zgg-picker__item"
                data-template={tpl.id}
                onClick={() => choose(tpl)}
              >
                <strong>{tpl.title}</strong>
                <span className="zgg-muted">{tpl.kindLabel}</span>
              </button>
            </li>
          ))}
        </ul>
        {selected && (
          <div className="zgg-picker__detail">
            {selected.variables.length > 0 && (
              <form className="zgg-form" onSubmit={(e) => e.preventDefault()}>
                {selected.variables.map((v) => (
                  <label key={v.name} className="zgg-field">
                    <span>
                      {v.label}
                      {v.fromSettings && <em className="zgg-muted"> ({t('picker.fromSettings')})</em>}
                    </span>
                    <input
                      className="zgg-input"
                      type={v.type === 'date' ? 'date' : v.type === 'time' ? 'time' : 'text'}
                      value={values[v.name] ?? ''}
                      data-var={v.name}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setValues((old) => ({ ...old, [v.name]: value }));
                      }}
                    />
                  </label>
                ))}
              </form>
            )}
            <h3 className="zgg-subtitle">{t('picker.preview')}</h3>
            <pre className="zgg-preview" data-testid="zgg-preview">
              {preview?.text ?? ''}
            </pre>
            {preview && !preview.ok && (
              <p className="zgg-warn" data-testid="zgg-picker-missing">
                {t('picker.missing', {
                  // Field labels, not variable names: "Giờ, Ngày", not "gio, ngay".
                  fields: preview.missing.map((n) => selected.variables.find((v) => v.name === n)?.label ?? n).join(', '),
                })}
              </p>
            )}
            <div className="zgg-actions">
              <button
                type="button"
                className="zgg-btn"
                disabled={busy || !preview?.ok}
                onClick={insert}
                data-testid="zgg-picker-insert"
              >
                {selected.isPoll ? t('picker.fillPoll') : t('picker.insert')}
              </button>
              {canPin && (
                <button type="button" className="zgg-btn zgg-btn--ghost" disabled={busy} onClick={pin} data-testid="zgg-picker-pin">
                  {t('picker.pin')}
                </button>
              )}
            </div>
            {message && (
              <p className="zgg-message" role="status" data-testid="zgg-picker-message">
                {message}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
