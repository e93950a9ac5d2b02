import { defineFeature } from '../feature';
import { health, areaHealth, type AreaId } from '../../zalo';

/** The areas of Zalo's page the overlay relies on (the app shell is implied by any of them). */
const OVERLAY_AREAS: readonly AreaId[] = ['read-messages', 'thread-info', 'composer', 'pin', 'poll', 'members', 'pinned-bar'];

/** Re-checks Zalo's DOM against the selector table; a renamed part shows as degraded in the chip. */
export const healthFeature = defineFeature({
  id: 'health',
  description: 'Kiểm tra định kỳ các thành phần giao diện Zalo mà tiện ích dựa vào; phần nào hỏng thì chip trạng thái báo rõ.',
  run({ doc, store }, signal) {
    const update = () => {
      store.set({
        areas: areaHealth(health(doc))
          .filter((a) => OVERLAY_AREAS.includes(a.area))
          .map((a) => ({ id: a.area, state: a.status, missing: a.missing })),
      });
    };
    update();
    const timer = setInterval(update, 5000);
    signal.addEventListener('abort', () => clearInterval(timer));
  },
});
