// The Zalo adapter (lib/zalo, bundled into the page) against the replica's harder behaviours:
// menus that differ by build and language, a mention list without titles, a virtualised member
// list, the newer stable anchors, and a composer whose send button waits for an InputEvent.
import { test, expect, chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type * as Zalo from '../../lib/zalo';
import { CHROMIUM_ARGS, CHROMIUM_PATH, routeReplica } from './support/extension';
import { injectAdapter } from './support/adapter';

type Hook = {
  ready: Promise<void>;
  state(): { pinned: string[]; composerText: string; sent: string[] };
  memberNames(threadId?: string): string[];
  pushIncoming(m: Record<string, unknown>): string;
};
type W = Window & { __zgg: typeof Zalo; __zaloReplica: Hook };

let browser: Browser;
let context: BrowserContext;
let page: Page;

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});
test.afterAll(async () => {
  await browser.close();
});
test.beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  await routeReplica(context);
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});
test.afterEach(async () => {
  await context.close();
});

async function open(query: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams({ readyDelay: '50', ...query });
  await page.goto(`https://chat.zalo.me/?${q}`);
  await page.waitForFunction(() => (window as unknown as W).__zaloReplica !== undefined);
  await page.evaluate(() => (window as unknown as W).__zaloReplica.ready);
  await injectAdapter(page);
}

const TARGET = 'Nhắc lại: họp thôn sáng Chủ nhật';
const VARIANTS: Record<string, string>[] = [{}, { lang: 'en' }, { menu: 'v2' }, { menu: 'v2', lang: 'en' }];

async function pin(text: string) {
  return page.evaluate(async (want) => {
    const z = (window as unknown as W).__zgg;
    const bubble = z.findBubbleByText(document, want) ?? [...document.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]')].find((b) => z.readBubble(b).text.startsWith(want));
    if (!bubble) throw new Error('bubble not found');
    return z.pinMessage(document, bubble, { timeoutMs: 1500 });
  }, text);
}

test.describe('pin and poll entries across Zalo builds and languages', () => {
  for (const query of VARIANTS) {
    test(`pins through ${query.menu === 'v2' ? 'the right-click menu' : 'the hover menu'} (${JSON.stringify(query)})`, async () => {
      await open(query);
      const res = await pin(TARGET);
      expect(res).toMatchObject({ ok: true });
      const pinned = await page.evaluate(() => (window as unknown as W).__zaloReplica.state().pinned);
      expect(pinned[0]).toContain(TARGET);
      // The menu is closed afterwards.
      await expect(page.locator('.popover-v3')).toHaveCount(0);
    });
  }

  test('no pin entry: the message is highlighted and the admin is told the two clicks', async () => {
    await open({ menu: 'nopin' });
    const res = await pin(TARGET);
    expect(res).toMatchObject({ ok: false, reason: 'no-pin-item', manual: true });
    await expect(page.locator('[data-zgg-highlight="pin"]')).toHaveCount(1);
    await expect(page.locator('[data-zgg-highlight="pin"]')).toContainText(TARGET);
    await expect(page.locator('.popover-v3')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as W).__zaloReplica.state().pinned.length)).toBe(2);
  });

  for (const query of VARIANTS) {
    test(`opens the poll dialog (${JSON.stringify(query)})`, async () => {
      await open(query);
      const res = await page.evaluate(() => (window as unknown as W).__zgg.openPollDialog(document));
      expect(res).toEqual({ ok: true });
      await expect(page.locator('.zl-modal input[placeholder="Lựa chọn 1"]')).toHaveCount(1);
    });
  }

  test('no poll entry: a clear reason and nothing left open', async () => {
    await open({ menu: 'nopin' });
    const res = await page.evaluate(() => (window as unknown as W).__zgg.openPollDialog(document, { timeoutMs: 500 }));
    expect(res).toMatchObject({ ok: false, reason: 'no-poll-item', manual: true });
    await expect(page.locator('.popover-v3')).toHaveCount(0);
  });
});

test.describe('mentions', () => {
  for (const query of [{}, { mention: 'tg' }] as Record<string, string>[]) {
    test(`picks the member from the popover (${JSON.stringify(query)})`, async () => {
      await open(query);
      const res = await page.evaluate(() => (window as unknown as W).__zgg.insertMention(document, 'Lê Văn Hùng'));
      expect(res).toEqual({ ok: true });
      await expect(page.locator('#richInput span.clnMention[data-mention="@Lê Văn Hùng"]')).toHaveCount(1);
      await expect(page.locator('.mention-popover')).toHaveCount(0);
    });
  }

  test('a name not in the list stays typed and is reported, so the UI can say so', async () => {
    await open({ mention: 'tg' });
    const res = await page.evaluate(() => (window as unknown as W).__zgg.insertMention(document, 'Người Không Có', { timeoutMs: 400 }));
    expect(res).toMatchObject({ ok: false, reason: 'member-not-listed', typed: '@Người Không Có' });
    expect(await page.evaluate(() => (window as unknown as W).__zaloReplica.state().composerText)).toContain('@Người Không Có');
  });
});

test.describe('member list', () => {
  test('reads a virtualised list whole by scrolling it, with progress', async () => {
    await open({ members: 'virtual' });
    const expected = await page.evaluate(() => (window as unknown as W).__zaloReplica.memberNames());
    expect(expected.length).toBe(287);
    const res = await page.evaluate(async () => {
      const progress: number[] = [];
      const out = await (window as unknown as W).__zgg.readAllMembers(document, { onProgress: (n) => progress.push(n) });
      return { ...out, progress };
    });
    expect(res.complete).toBe(true);
    expect(res.headerCount).toBe(287);
    expect(res.members.map((m) => m.name.replace(/ \(Bạn\)$/, '')).sort()).toEqual([...expected].sort());
    expect(res.members.find((m) => m.name === 'Lê Văn Hùng')?.role).toBe('deputy');
    expect(res.progress.length).toBeGreaterThan(3);
    expect(res.progress).toEqual([...res.progress].sort((a, b) => a - b));
  });

  test('cancelled half-way: a partial list, marked partial, with the header count', async () => {
    await open({ members: 'virtual' });
    const res = await page.evaluate(async () => {
      const ctl = new AbortController();
      return (window as unknown as W).__zgg.readAllMembers(document, {
        signal: ctl.signal,
        onProgress: (n) => {
          if (n >= 30) ctl.abort();
        },
      });
    });
    expect(res.complete).toBe(false);
    expect(res.headerCount).toBe(287);
    expect(res.members.length).toBeGreaterThanOrEqual(30);
    expect(res.members.length).toBeLessThan(287);
  });
});

test.describe('newer stable anchors', () => {
  test('pinned banner, conversation list and bubble body are found by the anchors other scripts use', async () => {
    await open({ variant: 'anchors' });
    const out = await page.evaluate(() => {
      const z = (window as unknown as W).__zgg;
      const report = z.health(document);
      const row = (k: string) => report.selectors.find((s) => s.key === k);
      return {
        pinnedBar: row('pinnedBar'),
        conversationList: row('conversationList'),
        bubbleBody: row('bubbleBody'),
        areas: z.areaHealth(report).filter((a) => a.status === 'broken').map((a) => a.area),
        pins: z.readPinnedBar(document).count,
      };
    });
    expect(out.pinnedBar?.selector).toBe('.list-chat-box-banner');
    expect(out.conversationList?.selector).toBe('#conversationList');
    expect(out.bubbleBody).toMatchObject({ status: 'matched', selector: '[data-component="bubble-message"]' });
    expect(out.areas).toEqual([]);
    expect(out.pins).toBe(2);
  });

  test('pinning works in that variant too (the banner confirms it)', async () => {
    await open({ variant: 'anchors' });
    expect(await pin(TARGET)).toMatchObject({ ok: true });
  });
});

test.describe('composer', () => {
  test('inserted text makes Zalo show its send button (extra InputEvent); nothing is sent', async () => {
    await open();
    const res = await page.evaluate(() => (window as unknown as W).__zgg.insertIntoComposer(document, 'Họp thôn lúc 8h sáng mai'));
    expect(res).toMatchObject({ ok: true });
    await expect(page.locator('#chatInput [icon="Sent-msg_24_Line"]')).toBeVisible();
    const s = await page.evaluate(() => (window as unknown as W).__zaloReplica.state());
    expect(s.composerText).toBe('Họp thôn lúc 8h sáng mai');
    expect(s.sent).toEqual([]);
  });
});

test.describe('senders', () => {
  test('a name inside the card (.message-sender-name-bubble) is read, and later bubbles of the run get it from the uid cache', async () => {
    await open({ names: 'bubble', window: '10' });
    const out = await page.evaluate(async () => {
      const w = window as unknown as W;
      const z = w.__zgg;
      const senders = z.createSenderDirectory();
      const who = { fromUid: '4400112233445566778', senderName: 'Đinh Thị Thoa' };
      const first = w.__zaloReplica.pushIncoming({ ...who, text: 'Chào cả nhóm' });
      await new Promise((r) => setTimeout(r, 120)); // its row may be a recycled one, data-qid comes back late
      const firstInfo = z.readBubble(document.getElementById(`bb_msg_id_${first}`)!, { senders });
      let last = '';
      for (let i = 0; i < 12; i++) last = w.__zaloReplica.pushIncoming({ ...who, text: `Tin số ${i}` });
      const gone = document.getElementById(`bb_msg_id_${first}`) === null;
      // The recycled row gets its data-qid (and so the uid) back a moment later.
      await new Promise((r) => setTimeout(r, 120));
      const lastInfo = z.readBubble(document.getElementById(`bb_msg_id_${last}`)!, { senders });
      const fresh = z.readBubble(document.getElementById(`bb_msg_id_${last}`)!, { senders: z.createSenderDirectory() });
      return { first: firstInfo.senderName, gone, last: lastInfo.senderName, fresh: fresh.senderName ?? null };
    });
    expect(out).toEqual({ first: 'Đinh Thị Thoa', gone: true, last: 'Đinh Thị Thoa', fresh: null });
  });
});

test.describe('page structure export', () => {
  test('keeps the shape and anchors, leaks no text, names, uids or numbers', async () => {
    await open({ members: 'virtual' });
    const seeded = { fromUid: '7300000000000000001', senderName: 'Nguyễn Bí Mật', text: 'Gọi em 0987 654 321, mã 445566' };
    await page.evaluate((m) => (window as unknown as W).__zaloReplica.pushIncoming(m), seeded);
    await page.locator('[icon="outline-right-bar"]').click();
    await page.locator('[data-id="div_RightMenuGrp_MemList"]').click();
    await expect(page.locator('[data-id="div_MemList_MemItem"]').first()).toBeVisible();
    const names = await page.evaluate(() => (window as unknown as W).__zaloReplica.memberNames());
    const json = await page.evaluate(() => JSON.stringify((window as unknown as W).__zgg.exportSkeleton(document)));
    // The structure is there…
    expect(json).toContain('"bb_msg_id_#############"');
    expect(json).toContain('"data-component":"bubble-message"');
    expect(json).toContain('"data-id":"div_MemList_MemItem"');
    expect(json).toContain('"infoPanel":{');
    // …and nothing personal.
    for (const secret of [seeded.senderName, seeded.fromUid, '0987', '654 321', '445566', 'Thôn Đông', ...names]) {
      expect(json, secret).not.toContain(secret);
    }
    expect(json).not.toMatch(/\d/);
    expect(json).not.toMatch(/"(title|placeholder|src|href|data-qid|data-uid|data-mention)"\s*:/);
  });
});
