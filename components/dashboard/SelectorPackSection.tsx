import { useCallback, useEffect, useState } from 'react';
import { FilePickButton } from './FilePickButton';
import { useDash } from './context';
import { DiagnosticsView } from '../diagnostics/DiagnosticsView';
import { parseSelectorPackText, type SelectorPack } from '@/lib/zalo/selector-pack';
import type { Diagnosis } from '@/lib/zalo/diagnostics';
import type { StoredPack } from '@/lib/background/selector-pack-store';
import { formatVnDateTime } from '@/lib/reports/period';
import { downloadText } from '@/lib/dashboard/download';
import { zaloBridge } from '@/lib/dashboard/zalo-bridge';

/** Everything that crosses to the background (and from there to the Zalo tab). */
export interface SelectorPackDeps {
  getPack(): Promise<StoredPack | null>;
  savePack(pack: SelectorPack): Promise<StoredPack>;
  clearPack(): Promise<void>;
  diagnose(): Promise<Diagnosis | null>;
  /** JSON text of the Zalo page's skeleton, or null when no Zalo tab is open. */
  skeleton(): Promise<string | null>;
}

type Msg = { ok: boolean; text: string } | null;

/** Settings → "Gói bộ chọn Zalo": import, show, remove a selector pack, and the page diagnostics. */
export function SelectorPackSection({ deps = zaloBridge }: { deps?: SelectorPackDeps }) {
  const { t, tl, doc, now } = useDash();
  const [stored, setStored] = useState<StoredPack | null>(null);
  const [msg, setMsg] = useState<Msg>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    deps.getPack().then(setStored, () => setStored(null));
  }, [deps, round]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseSelectorPackText(await file.text(), doc);
    if (!parsed.ok) {
      setMsg({ ok: false, text: t('pack.error', { message: parsed.error }) });
      return;
    }
    try {
      const saved = await deps.savePack(parsed.pack);
      setStored(saved);
      setMsg({ ok: true, text: t('pack.imported', { name: saved.pack.name }) });
      setRound((r) => r + 1);
    } catch (e) {
      setMsg({ ok: false, text: t('pack.error', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const onRemove = async () => {
    await deps.clearPack();
    setStored(null);
    setMsg({ ok: true, text: t('pack.removed') });
    setRound((r) => r + 1);
  };

  const load = useCallback(() => deps.diagnose(), [deps]);
  const exportStructure = useCallback(async () => {
    const json = await deps.skeleton();
    if (json === null) throw new Error(tl('diag.notZalo'));
    const stamp = now().toISOString().slice(0, 10);
    downloadText(doc, json, `cau-truc-trang-zalo-${stamp}.json`, 'application/json');
  }, [deps, doc, now, tl]);

  return (
    <section aria-labelledby="pack-h" data-testid="selector-pack">
      <h3 id="pack-h">{t('pack.title')}</h3>
      <p className="muted">{t('pack.help')}</p>
      <p data-testid="pack-current">
        {stored
          ? t('pack.current', {
              name: stored.pack.name,
              date: stored.pack.date ? ` (${stored.pack.date})` : '',
              at: formatVnDateTime(new Date(stored.importedAt)),
              n: Object.keys(stored.pack.selectors).length,
            })
          : t('pack.none')}
      </p>
      <div className="actions">
        <FilePickButton label={t('pack.import')} accept=".json,application/json" testId="pack-file" onFile={onFile} />
        {stored && (
          <button type="button" className="btn btn--danger" data-testid="pack-remove" onClick={() => void onRemove()}>
            {t('pack.remove')}
          </button>
        )}
      </div>
      {msg && (
        <p role="status" className={msg.ok ? 'ok' : 'error'} data-testid="pack-message">
          {msg.text}
        </p>
      )}
      <DiagnosticsView key={round} t={tl} load={load} exportStructure={exportStructure} />
    </section>
  );
}
