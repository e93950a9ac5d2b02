import { useEffect, useState } from 'react';
import { FilePickButton } from '../FilePickButton';
import type { BlocklistRow } from '@/lib/db/types';
import { importBlocklist, listBlocklists, removeBlocklist } from '@/lib/dashboard/blocklists';
import { formatVnDateTime } from '@/lib/reports/period';
import { useDash } from '../context';
import { FormMessage, type Msg } from './form-status';

/** Domain blocklists imported by the admin, beside the bundled ones. */
export function BlocklistSection() {
  const { db, t, now, fetchText } = useDash();
  const [rows, setRows] = useState<BlocklistRow[]>([]);
  const [msg, setMsg] = useState<Msg>(null);
  const [attribution, setAttribution] = useState<string | null>(null);
  const reload = () => listBlocklists(db).then(setRows);
  useEffect(() => {
    void reload();
    fetchText('/blocklists/ATTRIBUTION.md')
      .then(setAttribution)
      .catch(() => setAttribution(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await importBlocklist(db, file.name, await file.text(), now());
    if (!r.ok) {
      setMsg({ ok: false, text: t('bl.failed', { error: r.error }) });
      return;
    }
    await reload();
    setMsg({ ok: true, text: t('bl.done', { n: r.row.lineCount.toLocaleString('vi-VN'), name: file.name }) });
  };
  const remove = async (row: BlocklistRow) => {
    await removeBlocklist(db, row.id);
    await reload();
    setMsg({ ok: true, text: t('bl.deleted', { name: row.name }) });
  };

  return (
    <section aria-labelledby="set-bl-h">
      <h3 id="set-bl-h">{t('bl.title')}</h3>
      <p className="muted">{t('bl.intro')}</p>
      <FilePickButton label={t('bl.import')} accept=".txt,text/plain" testId="bl-input" onFile={onFile} />
      <FormMessage msg={msg} testId="bl-msg" />
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
