import { defineFeature } from '../feature';
import { currentThread, onThreadChange } from '../../zalo';
import { recordError } from '../store';

/** Follows the open conversation and loads that group's settings, overrides and samples. */
export const threadFeature = defineFeature({
  id: 'thread',
  description: 'Theo dõi nhóm đang mở và nạp cài đặt, ngoại lệ và mẫu học riêng của nhóm đó.',
  async run({ doc, store, core }, signal) {
    let current: string | null = null;
    const sync = async () => {
      const thread = currentThread(doc);
      if (!thread || thread.id === current) return;
      current = thread.id;
      try {
        await core.openThread(thread);
      } catch (e) {
        current = null;
        recordError(store, 'session', e);
      }
    };
    onThreadChange(doc, () => void sync(), { signal });
    await sync();
  },
});
