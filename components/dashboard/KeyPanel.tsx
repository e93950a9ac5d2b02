import { useEffect, useState } from 'react';
import { formatVnDate } from '@/lib/reports';
import { downloadText } from '@/lib/dashboard/download';
import { listKnownGroups } from '@/lib/dashboard/groups';
import { MIN_PASSPHRASE } from '@/lib/trust/backup';
import { ensureInstallKey, loadInstallKey, restoreInstallKey, rotateKeyWithBackup, type InstallKey } from '@/lib/trust/store';
import { FilePickButton } from './FilePickButton';
import { useDash } from './context';
import { QrCode } from './QrCode';

/** The installation's key fingerprint, as text and QR, to hand to the xã once. */
export function KeyPanel() {
  const { trustDb, db, doc, t, now } = useDash();
  const [key, setKey] = useState<InstallKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = async () => setKey((await loadInstallKey(trustDb)) ?? null);

  const rotate = async () => {
    if (pass.length < MIN_PASSPHRASE) return setNote({ ok: false, text: t('key.passShort', { n: MIN_PASSPHRASE }) });
    if (pass !== pass2) return setNote({ ok: false, text: t('key.passMismatch') });
    try {
      // The statement names the village of the first group this installation reports on.
      const place = (await listKnownGroups(db))[0]?.place ?? { thon: '', xa: '', tinh: '' };
      const r = await rotateKeyWithBackup(trustDb, pass, place, now());
      downloadText(doc, JSON.stringify(r.backup, null, 1), `sao-luu-khoa-${r.fingerprint.replace(/ /g, '')}.json`, 'application/json');
      if (r.statement) {
        await new Promise((res) => setTimeout(res, 150));
        downloadText(doc, JSON.stringify(r.statement, null, 1), `doi-khoa-${r.fingerprint.replace(/ /g, '')}.json`, 'application/json');
      }
      setPass('');
      setPass2('');
      await reload();
      setNote({ ok: true, text: r.statement ? t('key.rotatedWithStatement') : t('key.rotated') });
    } catch (e) {
      setNote({ ok: false, text: (e as Error).message });
    }
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    const r = await restoreInstallKey(trustDb, await file.text(), pass);
    if (!r.ok) return setNote({ ok: false, text: r.error });
    setPass('');
    await reload();
    setNote({ ok: true, text: t('key.restored', { fp: r.fingerprint }) });
  };

  useEffect(() => {
    // Key generation can outlive the panel (WebCrypto is slow on first use): no state update after unmount.
    let mounted = true;
    ensureInstallKey(trustDb, now())
      .then((k) => mounted && setKey(k))
      .catch(() => mounted && setError(t('key.unsupported')));
    return () => {
      mounted = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trustDb]);

  return (
    <section aria-labelledby="key-h" className="keypanel" data-testid="key-panel">
      <h3 id="key-h">{t('key.title')}</h3>
      <p className="muted">{t('key.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {key && (
        <div className="keypanel__body">
          <p>
            {t('key.fingerprint')}{' '}
            <strong className="fingerprint" data-testid="key-fingerprint">
              {key.fingerprint}
            </strong>{' '}
            <span className="muted">{t('key.created', { date: formatVnDate(key.createdAt) })}</span>
          </p>
          <QrCode text={`Tổ CNS — mã khóa: ${key.fingerprint}`} label={t('key.qrLabel')} testId="key-qr" />
        </div>
      )}
      <details className="keypanel__backup">
        <summary>{t('key.backupTitle')}</summary>
        <p className="muted">{t('key.backupIntro')}</p>
        <label>
          {t('key.pass')} <input type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" data-testid="key-pass" />
        </label>{' '}
        <label>
          {t('key.pass2')} <input type="password" value={pass2} onChange={(e) => setPass2(e.target.value)} autoComplete="new-password" data-testid="key-pass2" />
        </label>
        <div className="actions">
          <button type="button" className="btn" onClick={() => void rotate()} data-testid="key-rotate">
            {t('key.rotate')}
          </button>
          <FilePickButton label={t('key.restore')} accept=".json,application/json" testId="key-restore" onFile={restore} />
        </div>
        {note && (
          <p className={note.ok ? 'notice' : 'error'} role={note.ok ? 'status' : 'alert'} data-testid="key-note">
            {note.text}
          </p>
        )}
      </details>
    </section>
  );
}
