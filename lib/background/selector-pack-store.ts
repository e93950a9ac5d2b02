/**
 * Where the imported selector pack lives (extension storage, read by the background worker).
 * Whatever is read back is validated again; a damaged value reads as "no pack" and a bad pack
 * is refused before anything is written, so the stored pack is never lost to a bad import.
 */
import { formatPath, vietnameseIssue } from '../templates/schema';
import { selectorPackSchema, storedPackSchema, type SelectorPack, type StoredPack } from '../messages/zalo-page';

export const SELECTOR_PACK_STORAGE_KEY = 'selectorPack';

export { storedPackSchema, type StoredPack };

export interface PackStorage {
  read(): Promise<unknown>;
  write(value: StoredPack): Promise<void>;
  remove(): Promise<void>;
}

export class SelectorPackError extends Error {}

export function createSelectorPackStore(storage: PackStorage, now: () => Date = () => new Date()) {
  return {
    async get(): Promise<StoredPack | null> {
      const r = storedPackSchema.safeParse(await storage.read());
      return r.success ? r.data : null;
    },
    /** Validates again (the sender may be stale or hostile), then replaces the stored pack. */
    async save(pack: unknown): Promise<StoredPack> {
      const r = selectorPackSchema.safeParse(pack, { error: vietnameseIssue });
      if (!r.success) {
        const i = r.error.issues[0]!;
        throw new SelectorPackError(`${formatPath(i.path) || 'tệp'}: ${i.message}`);
      }
      const stored: StoredPack = { pack: r.data satisfies SelectorPack, importedAt: now().toISOString() };
      await storage.write(stored);
      return stored;
    },
    clear: () => storage.remove(),
  };
}

export type SelectorPackStore = ReturnType<typeof createSelectorPackStore>;
