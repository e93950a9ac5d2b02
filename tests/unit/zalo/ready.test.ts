import { afterEach, describe, expect, it } from 'vitest';
import { isReady, whenReady } from '@/lib/zalo/ready';
import { settle } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isReady / whenReady', () => {
  it.each<[string, string, boolean]>([
    ['splash only', '<div id="app"><div class="zl-splash"></div></div>', false],
    ['#app-page', '<div id="app"><div id="app-page"></div></div>', true],
    ['renamed #app-page, conversation list present', '<div id="app"><div id="zl-app-page"><div id="conversationListId"></div></div></div>', true],
    ['search box only', '<div id="app"><input data-id="txt_Main_Search"></div>', true],
  ])('%s → %s', (_name, markup, want) => {
    document.body.innerHTML = markup;
    expect(isReady(document)).toBe(want);
  });

  it('resolves once Zalo adds #app-page (about 1 s after load in the replica)', async () => {
    document.body.innerHTML = '<div id="app"><div class="zl-splash"></div></div>';
    let done = false;
    const p = whenReady(document).then(() => {
      done = true;
    });
    await settle(10);
    expect(done).toBe(false);
    const page = document.createElement('div');
    page.id = 'app-page';
    document.getElementById('app')!.replaceChildren(page);
    await p;
    expect(done).toBe(true);
  });

  it('rejects with the abort reason and stops observing', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const abort = new AbortController();
    const p = whenReady(document, abort.signal);
    abort.abort(new Error('trang đã đóng'));
    await expect(p).rejects.toThrow('trang đã đóng');
    await expect(whenReady(document, abort.signal)).rejects.toThrow('trang đã đóng');
  });

  it('resolves immediately when already ready', async () => {
    document.body.innerHTML = '<div id="app"><div id="app-page"></div></div>';
    await expect(whenReady(document)).resolves.toBeUndefined();
  });
});
