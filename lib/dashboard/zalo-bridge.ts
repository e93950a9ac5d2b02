import { browser } from 'wxt/browser';
import type { RequestInput } from '../messages/protocol';
import { unwrap } from '../messages/router';
import { storedPackSchema, type StoredPack } from '../background/selector-pack-store';
import { diagnosisSchema, type Diagnosis } from '../zalo/diagnostics';
import type { SelectorPack } from '../zalo/selector-pack';

const ask = <T>(req: RequestInput) => unwrap<T>(browser.runtime.sendMessage(req));

/**
 * The dashboard's way to the selector pack (kept by the background) and to the open Zalo tab
 * (through the background). Answers are validated here too: the worker may be an older version.
 */
export const zaloBridge = {
  async getPack(): Promise<StoredPack | null> {
    const v = await ask<unknown>({ type: 'selectorPack.get' });
    return v === null ? null : storedPackSchema.parse(v);
  },
  async savePack(pack: SelectorPack): Promise<StoredPack> {
    return storedPackSchema.parse(await ask<unknown>({ type: 'selectorPack.save', pack }));
  },
  async clearPack(): Promise<void> {
    await ask({ type: 'selectorPack.clear' });
  },
  async diagnose(): Promise<Diagnosis | null> {
    const v = await ask<unknown>({ type: 'zalo.diagnose' });
    return v === null ? null : diagnosisSchema.parse(v);
  },
  async skeleton(): Promise<string | null> {
    const v = await ask<unknown>({ type: 'zalo.skeleton' });
    return typeof v === 'string' ? v : null;
  },
};
