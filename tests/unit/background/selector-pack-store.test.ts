import { describe, expect, it } from 'vitest';
import { createSelectorPackStore, type PackStorage, type StoredPack } from '@/lib/background/selector-pack-store';

function memory(initial?: unknown): PackStorage & { value: unknown } {
  const box = {
    value: initial,
    read: async () => box.value,
    write: async (v: StoredPack) => {
      box.value = v;
    },
    remove: async () => {
      box.value = undefined;
    },
  };
  return box;
}

const pack = { format: 'zgg-selector-pack', version: 1, name: 'Gói thử', selectors: { pinnedBar: ['.banner-v5'] } };

describe('selector pack store', () => {
  it('saves, reads back and clears', async () => {
    const storage = memory();
    const store = createSelectorPackStore(storage, () => new Date('2026-12-07T03:00:00Z'));
    expect(await store.get()).toBeNull();
    await store.save(pack);
    expect(await store.get()).toEqual({ pack, importedAt: '2026-12-07T03:00:00.000Z' });
    await store.clear();
    expect(await store.get()).toBeNull();
  });

  it.each<[string, unknown, RegExp]>([
    ['a wrong version', { ...pack, version: 9 }, /^version:/],
    ['extra fields', { ...pack, code: 'x' }, /code/],
  ])('refuses %s and keeps the stored pack', async (_n, bad, error) => {
    const storage = memory();
    const store = createSelectorPackStore(storage);
    await store.save(pack);
    await expect(store.save(bad)).rejects.toThrow(error);
    expect((await store.get())?.pack).toEqual(pack);
  });

  it('a damaged stored value reads as no pack', async () => {
    expect(await createSelectorPackStore(memory({ pack: { format: 'x' } })).get()).toBeNull();
    expect(await createSelectorPackStore(memory('garbage')).get()).toBeNull();
  });
});
