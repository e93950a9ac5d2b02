import { useOverlay, useOverlayState } from './context';

/**
 * What the admin's last action did ("Đã chèn … hãy tự bấm Gửi", "Đã ghi …"), kept on screen after
 * the card has moved on, until closed or replaced: at the top of the card while one is open, else
 * floating where the card was. Polite live region: read out without moving focus.
 */
export function Notice({ inline = false }: { inline?: boolean }) {
  const { t, store } = useOverlay();
  const notice = useOverlayState((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={inline ? 'zgg-notice zgg-notice--inline' : 'zgg-notice'} role="status" aria-live="polite" data-testid="zgg-toast">
      <p>{notice}</p>
      <button type="button" className="zgg-icon-btn" aria-label={t('notice.close')} onClick={() => store.set({ notice: '' })}>
        ×
      </button>
    </div>
  );
}
