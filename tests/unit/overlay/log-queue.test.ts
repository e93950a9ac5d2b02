import { describe, expect, it } from 'vitest';
import { isPermanentLogError, storageAreaQueue } from '@/lib/overlay/log-queue';

describe('content log queue', () => {
  it.each([
    [new Error('invalid message: body.kind: Invalid option'), true],
    [new Error('LogValidationError: ref: no entry 9'), true],
    [new Error('Could not establish connection. Receiving end does not exist.'), false],
    [new Error('QuotaExceededError: quota'), false],
    ['no answer from the extension background', false],
  ])('%s → permanent %s', (error, expected) => {
    expect(isPermanentLogError(error)).toBe(expected);
  });

  it('persists to a chrome.storage-like area under one key', async () => {
    const data: Record<string, unknown> = {};
    const area = {
      get: async (k: string) => ({ [k]: data[k] }),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    };
    const storage = storageAreaQueue(area);
    expect(await storage.get()).toEqual([]);
    await storage.set([{ key: 'a' }]);
    expect(await storage.get()).toEqual([{ key: 'a' }]);
  });
});
