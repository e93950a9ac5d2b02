import { useEffect, useState } from 'react';
import { formatVnDate } from '@/lib/reports';
import { ensureInstallKey, type InstallKey } from '@/lib/trust/store';
import { useDash } from './context';
import { QrCode } from './QrCode';

/** The installation's key fingerprint, as text and QR, to hand to the xã once. */
export function KeyPanel() {
  const { trustDb, t, now } = useDash();
  const [key, setKey] = useState<InstallKey | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ensureInstallKey(trustDb, now())
      .then(setKey)
      .catch(() => setError(t('key.unsupported')));
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
    </section>
  );
}
