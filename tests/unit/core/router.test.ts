import { describe, expect, it } from 'vitest';
import { createRouter, unwrap } from '@/lib/messages/router';
import { tabRequestSchema } from '@/lib/messages/protocol';

const router = createRouter(tabRequestSchema, {
  'tab.status': () => ({ ready: true }),
  'tab.openPanel': () => {
    throw new Error('panel failed');
  },
  'tab.openPicker': async (req) => ({ id: req.templateId ?? null }),
  'tab.diagnose': () => null,
  'tab.skeleton': () => null,
  'tab.selectorPack': () => true,
});

describe('message router', () => {
  it('answers a valid request', async () => {
    await expect(router({ type: 'tab.status' }, undefined)).resolves.toEqual({ ok: true, data: { ready: true } });
  });
  it('returns a native Promise (Chromium ignores other thenables)', () => {
    expect(router({ type: 'tab.status' }, undefined)).toBeInstanceOf(Promise);
  });
  it.each([
    [{ type: 'nope' }, 'type'],
    [{}, 'type'],
    [null, '(root)'],
    [{ type: 'tab.openPicker', templateId: 5 }, 'templateId'],
  ])('rejects %j naming the field', async (msg, field) => {
    const res = await router(msg, undefined);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toContain(field);
  });
  it('turns a handler error into an error envelope', async () => {
    await expect(router({ type: 'tab.openPanel' }, undefined)).resolves.toEqual({ ok: false, error: 'panel failed' });
  });
  it('unwrap throws the background error and on no answer', async () => {
    await expect(unwrap(Promise.resolve({ ok: false, error: 'x' }))).rejects.toThrow('x');
    await expect(unwrap(Promise.resolve(undefined))).rejects.toThrow(/no answer/);
    await expect(unwrap(Promise.resolve({ ok: true, data: 7 }))).resolves.toBe(7);
  });
});
