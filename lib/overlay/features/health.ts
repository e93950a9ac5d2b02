import type { Feature } from './types';
import { health, featureHealth } from '../../zalo';

const OVERLAY_FEATURES = ['read-messages', 'thread-info', 'composer', 'pin', 'poll', 'members', 'pinned-bar'];

/** Re-checks Zalo's DOM against the selector table; a renamed part shows as degraded in the chip. */
export const healthFeature: Feature = {
  id: 'health',
  description: 'Kiểm tra định kỳ các thành phần giao diện Zalo mà tiện ích dựa vào; phần nào hỏng thì chip trạng thái báo rõ.',
  run({ doc, store }, signal) {
    const update = () => {
      const report = featureHealth(health(doc));
      store.set({
        features: report
          .filter((f) => OVERLAY_FEATURES.includes(f.feature))
          .map((f) => ({ id: f.feature, state: f.status === 'ok' ? 'ok' : f.status === 'broken' ? 'broken' : 'degraded', missing: f.missing })),
      });
    };
    update();
    const timer = setInterval(update, 5000);
    signal.addEventListener('abort', () => clearInterval(timer));
  },
};
