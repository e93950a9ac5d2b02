// Tests the offline Zalo Web replica (tests/fixtures/zalo) on its own, without the extension.
import { test, expect, chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, routeReplica } from './support/extension';

// Mirrors the hook documented in tests/fixtures/zalo/README.md.
type ReplicaState = {
  threadId: string;
  bubblesInDom: number;
  sent: string[];
  pinned: string[];
  poll: { question: string; options: string[]; settings: Record<string, unknown> } | null;
  composerText: string;
  deleted: string[];
  range: { start: number; end: number; total: number } | null;
  hidden: boolean;
};
type IncomingMessage = {
  threadId?: string;
  fromUid: string;
  senderName: string;
  text?: string;
  kind?: 'text' | 'photo' | 'file' | 'link' | 'sticker' | 'recalled';
  quote?: { name: string; text: string };
  caption?: string;
  fileName?: string;
  href?: string;
};
type ReplicaHook = {
  ready: Promise<void>;
  pushIncoming(m: IncomingMessage): string;
  pushSystem(text: string, threadId?: string): string;
  pushPoll(p: { question: string; options: string[] }): string;
  switchThread(threadId: string): void;
  scrollToTop(all?: boolean): Promise<{ start: number; atHistoryStart: boolean }>;
  scrollToBottom(all?: boolean): Promise<{ end: number; atNewest: boolean }>;
  state(): ReplicaState;
  setHidden(hidden: boolean): void;
};
type ReplicaWindow = Window & { __zaloReplica: ReplicaHook; __mark?: Element | null };

const MAIN = 'g6930715542183902841';
const CNS = 'g5512093847712365004';
const WOMEN = 'g4471829305561728390';
const HUNG = { fromUid: '2290174438851123560', senderName: 'Lê Văn Hùng' };
const MAI = { fromUid: '5561029384756102938', senderName: 'Phạm Thị Mai' };

let browser: Browser;
let context: BrowserContext;
let page: Page;

test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});
test.afterAll(async () => { await browser.close(); });

test.beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  await routeReplica(context);
  page = await context.newPage();
  page.on('pageerror', (err) => { throw err; });
});
test.afterEach(async () => { await context.close(); });

async function open(query = ''): Promise<void> {
  const q = new URLSearchParams({ readyDelay: '50', ...Object.fromEntries(new URLSearchParams(query)) });
  await page.goto(`https://chat.zalo.me/?${q}`);
  await page.waitForFunction(() => (window as unknown as ReplicaWindow).__zaloReplica !== undefined);
  await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.ready);
}
const state = () => page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.state());
const bubbleIds = () => page.$$eval('[id^="bb_msg_id_"]', (els) => els.map((e) => e.id));
const scroller = () => page.locator('#messageViewContainer > div');

/** execCommand insertText, then (unless told not to) the extra InputEvent Zalo's send button waits for. */
async function typeWithExecCommand(text: string, selector = '#richInput', inputEvent = true): Promise<void> {
  await page.evaluate(({ text, selector, inputEvent }) => {
    const el = document.querySelector(selector) as HTMLElement;
    el.focus();
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    document.execCommand('insertText', false, text);
    if (inputEvent) el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }, { text, selector, inputEvent });
}

test.describe('shell and list', () => {
  test('#app-page appears only after readyDelay', async () => {
    const t0 = Date.now();
    await page.goto('https://chat.zalo.me/?readyDelay=900');
    await expect(page.locator('#app')).toHaveCount(1);
    expect(await page.locator('#app-page').count()).toBe(0);
    await page.waitForSelector('#app > #app-page > #container > nav#sidebarNav');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(800);
    await expect(page.locator('#conversationListId[data-id="div_TabMsg_ThrdChList"] .msg-item[data-id="div_TabMsg_ThrdChItem"][anim-data-id^="g"]')).toHaveCount(4);
    await expect(page.locator('.msg-item[anim-data-id="7713920054418829013"]')).toHaveCount(1);
    await expect(page.locator(`.msg-item[anim-data-id="${MAIN}"] > .conv-item.conv-rel.selected`)).toHaveCount(1);
    await expect(page.locator('header#header .threadChat__title > .header-title')).toHaveText('Thôn Đông - Thông tin chung');
    await expect(page.locator('header#header .subtitle__groupmember__content')).toHaveText('287 thành viên');
  });

  test('virtualised list keeps ~45 bubbles, honours window=N, starts at the bottom', async () => {
    await open();
    expect(await bubbleIds()).toHaveLength(45);
    const s = await state();
    expect(s.range).toEqual({ start: expect.any(Number), end: s.range!.total, total: s.range!.total });
    expect(s.range!.total).toBeGreaterThanOrEqual(120);
    const dist = await scroller().evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    expect(dist).toBeLessThan(5);
    await expect(page.locator('#chatView > #messageView.message-view > #messageViewContainer.message-view__scroll > div[style*="overflow: scroll"] > #messageViewScroll.message-view__scroll__inner')).toHaveCount(1);
    await open('window=20');
    expect(await bubbleIds()).toHaveLength(20);
  });

  test('bubble anatomy: data-qid, text chain, sender name only on the first bubble of a run, time on the last', async () => {
    await open();
    const bubble = page.locator('[id^="bb_msg_id_"]').filter({ has: page.locator('[data-id$="Msg_Text"]') }).last();
    const id = (await bubble.getAttribute('id'))!;
    expect(id).toMatch(/^bb_msg_id_\d{13}$/);
    await expect(bubble).toHaveClass(/chat-message chat-message-v2 wrap-message/);
    await expect(bubble.locator('.message-wrapper > .message-content-wrapper > [data-id="div_DisabledTargetEventLayer"]')).toHaveCount(1);
    const qid = await bubble.locator('div.card[data-qid]').getAttribute('data-qid');
    expect(qid).toMatch(new RegExp(`^\\d+@${id.slice(10)}_\\d+_${MAIN}$`));
    await expect(bubble.locator('.text-message__container > div > .overflow-hidden[data-component="message-text-content"] > span[id^="mtc-"][data-component="text-container"] > span.text > span-15')).toHaveCount(1);
    // Typed URLs are spans, never anchors.
    const linkBubble = page.locator('[id^="bb_msg_id_"]').filter({ hasText: 'bit.ly/qua-tang-nct' });
    await expect(linkBubble.locator('span.text-is-link')).toHaveText('bit.ly/qua-tang-nct');
    await expect(linkBubble.locator('[data-id$="Msg_Text"] a')).toHaveCount(0);
    // Runs: every received .chat-item has exactly one sender name at most, on its first bubble.
    const runs = await page.$$eval('.chat-item:not(.me)', (items) => items.map((it) => {
      const bubbles = [...it.querySelectorAll('[id^="bb_msg_id_"]')];
      return {
        names: bubbles.map((b) => !!b.querySelector('.message-sender-name-wrapper > .message-sender-name-content.clickable > .truncate')),
        times: bubbles.map((b) => !!b.querySelector('.card-send-time > .card-send-time__sendTime')),
      };
    }));
    expect(runs.length).toBeGreaterThan(5);
    for (const r of runs) {
      expect(r.names.slice(1).every((n) => !n)).toBe(true);
      expect(r.times.slice(0, -1).every((t) => !t)).toBe(true);
    }
    await expect(page.locator('.chat-item.me [id^="bb_msg_id_"] .message-sender-name-wrapper')).toHaveCount(0);
    expect(await page.locator('[data-id="div_LastReceivedMsg_Text"]').count()).toBeLessThanOrEqual(1);
    await expect(page.locator('.chat-date > span').first()).toBeVisible();
  });
});

test.describe('virtual scrolling', () => {
  test('scrolling to the top prepends older history and drops bottom bubbles; scrolling back re-creates them', async () => {
    await open('recycle=0');
    const before = await bubbleIds();
    const lastId = before[before.length - 1];
    await page.evaluate((id) => { (window as unknown as ReplicaWindow).__mark = document.getElementById(id); }, lastId);
    await scroller().evaluate((el) => { el.scrollTop = 0; });
    await expect.poll(async () => (await bubbleIds())[0]).not.toBe(before[0]);
    const after = await bubbleIds();
    expect(after.length).toBe(45);
    expect(Number(after[0].slice(10))).toBeLessThan(Number(before[0].slice(10)));
    expect(after).toContain(before[0]);
    expect(after).not.toContain(lastId);
    // The anchor stays in place: we are not thrown back to the very top.
    expect(await scroller().evaluate((el) => el.scrollTop)).toBeGreaterThan(60);
    const top = await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.scrollToTop(true));
    expect(top.atHistoryStart).toBe(true);
    await expect(page.locator('#messageViewScroll')).toContainText('Sử dụng Zalo PC để tìm tin nhắn trước ngày 14/11/2026');
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.scrollToBottom());
    expect(await bubbleIds()).toEqual(before);
    const same = await page.evaluate((id) => (window as unknown as ReplicaWindow).__mark === document.getElementById(id), lastId);
    expect(same).toBe(false); // same id, new element
  });

  test('bench-2000 with window=2000 renders every bubble', async () => {
    const t0 = Date.now();
    await open('scenario=bench-2000&window=2000');
    const n = (await state()).bubblesInDom;
    expect(n).toBe(1979);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});

test.describe('incoming messages', () => {
  test('pushIncoming appends, renames the previous div_LastReceivedMsg_* and continues runs', async () => {
    await open();
    const prevLast = await page.locator('[data-id="div_LastReceivedMsg_Text"]').evaluate((el) => el.closest('[id^="bb_msg_id_"]')!.id);
    const cli = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...HUNG, text: 'Họp thôn dời sang 9h nhé bà con' });
    expect(cli).toMatch(/^\d{13}$/);
    const fresh = page.locator(`#bb_msg_id_${cli}`);
    await expect(fresh.locator('[data-id="div_LastReceivedMsg_Text"]')).toHaveText('Họp thôn dời sang 9h nhé bà con');
    await expect(fresh.locator('[data-id="btn_LastReceivedMsg_React"]')).toHaveCount(1);
    await expect(page.locator(`#${prevLast} [data-id="div_ReceivedMsg_Text"]`)).toHaveCount(1);
    await expect(page.locator('[data-id="div_LastReceivedMsg_Text"]')).toHaveCount(1);
    await expect(fresh.locator('.message-sender-name-content .truncate')).toHaveText('Lê Văn Hùng');
    expect((await state()).bubblesInDom).toBe(45);
    // Same sender continues the run: no new name, the time moves to the newest bubble.
    const cli2 = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...HUNG, kind: 'link' as const, href: 'http://tongcucthue-gov.com/etax.apk', text: 'x' });
    const second = page.locator(`#bb_msg_id_${cli2}`);
    await expect(second.locator('[data-id="div_LastReceivedMsg_Link"] a[href="http://tongcucthue-gov.com/etax.apk"]')).toHaveCount(1);
    await expect(second.locator('.message-sender-name-wrapper')).toHaveCount(0);
    await expect(fresh.locator('.card-send-time')).toHaveCount(0);
    await expect(second.locator('.card-send-time__sendTime')).toHaveText(/^\d{2}:\d{2}$/);
    const sameRun = await page.evaluate(([a, b]) => document.getElementById(`bb_msg_id_${a}`)!.closest('.chat-item') === document.getElementById(`bb_msg_id_${b}`)!.closest('.chat-item'), [cli, cli2]);
    expect(sameRun).toBe(true);
    await expect(page.locator(`#bb_msg_id_${cli} [data-id="div_ReceivedMsg_Text"]`)).toHaveCount(1);
  });

  const KIND_CASES: Array<[string, Partial<IncomingMessage>, string]> = [
    ['photo', { kind: 'photo', caption: 'Ảnh lũ ở cầu tràn' }, '[data-id="div_LastReceivedMsg_Photo"].chatImageMessage--audit.img-msg-v2 > img.zimg-el[src^="data:"]'],
    ['file', { kind: 'file', fileName: 'Danh_sach.xlsx' }, '.file-message-v2.file-message__container .file-message__content-title[title="Danh_sach.xlsx"]'],
    ['sticker', { kind: 'sticker' }, '.card--sticker'],
    ['reply', { text: 'Đúng rồi ạ', quote: { name: 'Trần Thị Lan', text: 'Không bấm link lạ' } }, '[data-id="div_LastReceivedMsg_Text"] .message-quote-fragment__container .message-quote-fragment__description'],
  ];
  for (const [name, extra, selector] of KIND_CASES) {
    test(`pushIncoming kind ${name}`, async () => {
      await open();
      const cli = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...MAI, ...extra } as IncomingMessage);
      await expect(page.locator(`#bb_msg_id_${cli} ${selector}`)).toHaveCount(1);
    });
  }

  test('recalled bubbles hold only the empty layer; system lines and poll notices have no bb id', async () => {
    await open();
    const cli = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...MAI, kind: 'recalled' as const });
    await expect(page.locator(`#bb_msg_id_${cli} [data-id="div_DisabledTargetEventLayer"]`)).toHaveCount(1);
    expect(await page.locator(`#bb_msg_id_${cli} [data-id="div_DisabledTargetEventLayer"]`).evaluate((el) => el.childNodes.length)).toBe(0);
    await expect(page.locator(`#bb_msg_id_${cli} .card`)).toHaveCount(0);
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.pushSystem('Vũ Thị Hoa đã tham gia nhóm'));
    await expect(page.locator('.event-message > div.event-message__content').last()).toHaveText('Vũ Thị Hoa đã tham gia nhóm');
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.pushPoll({ question: 'Lắp camera đầu làng?', options: ['Có', 'Không'] }));
    const poll = page.locator('.group-poll-message-container').last();
    await expect(poll.locator('.question__poll')).toHaveText('Lắp camera đầu làng?');
    expect(await poll.evaluate((el) => el.closest('[id^="bb_msg_id_"]'))).toBeNull();
  });

  test('messages for another thread only update the conversation list', async () => {
    await open();
    const n = (await state()).bubblesInDom;
    await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...MAI, threadId: CNS, text: 'Tin nhắn ở tổ CNS' });
    expect((await state()).bubblesInDom).toBe(n);
    const row = page.locator(`.msg-item[anim-data-id="${CNS}"]`);
    await expect(row.locator('.z-conv-message.--unread .z-conv-message__preview-message')).toHaveText('Tin nhắn ở tổ CNS');
    await expect(row.locator('.z-noti-badge')).toHaveText('1');
  });

  test('setHidden defers rendering until the tab is visible again', async () => {
    await open();
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.setHidden(true));
    expect(await page.evaluate(() => document.hidden)).toBe(true);
    const cli = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...HUNG, text: 'ẩn' });
    await expect(page.locator(`#bb_msg_id_${cli}`)).toHaveCount(0);
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.setHidden(false));
    await expect(page.locator(`#bb_msg_id_${cli}`)).toHaveCount(1);
  });
});

test.describe('thread switching and panel', () => {
  test('clicking a conversation replaces #chatViewContainer', async () => {
    await open();
    const old = await page.$('#chatViewContainer');
    await page.locator(`.msg-item[anim-data-id="${CNS}"] .conv-item`).click();
    expect(await old!.evaluate((el) => el.isConnected)).toBe(false);
    await expect(page.locator('#chatViewContainer header#header .header-title')).toHaveText('Tổ CNS cộng đồng thôn Đông');
    await expect(page.locator(`.msg-item[anim-data-id="${CNS}"] > .conv-item.selected`)).toHaveCount(1);
    await expect(page.locator('.conv-item.selected')).toHaveCount(1);
    expect((await state()).threadId).toBe(CNS);
    // Clicking the wrapper (not .conv-item) does nothing.
    await page.locator(`.msg-item[anim-data-id="${MAIN}"]`).evaluate((el) => (el as HTMLElement).click());
    expect((await state()).threadId).toBe(CNS);
    await page.evaluate((id) => (window as unknown as ReplicaWindow).__zaloReplica.switchThread(id), MAIN);
    await expect(page.locator('#chatViewContainer .header-title')).toHaveText('Thôn Đông - Thông tin chung');
  });

  test('member panel lists roles', async () => {
    await open();
    await page.locator('header#header [icon="outline-right-bar"]').click();
    await expect(page.locator('aside > #chatInfo.chat-info > #sideBodyScrollBox')).toHaveCount(1);
    await page.locator('[data-id="div_RightMenuGrp_MemList"]').click();
    const owner = page.locator('.chat-box-member__info.v2[title="Nguyễn Văn Bình"]');
    await expect(owner.locator('.chat-box-member__info__name.v2 > .truncate')).toHaveText('Nguyễn Văn Bình');
    await expect(owner).toContainText('Trưởng nhóm');
    await expect(owner.locator('.zavatar-admin_isOwner')).toHaveCount(1);
    await expect(page.locator('.chat-box-member__info.v2[title="Lê Văn Hùng"] .zavatar-admin')).toHaveCount(1);
    await page.locator('header#header [icon="outline-right-bar"]').click();
    await expect(page.locator('#chatInfo')).toHaveCount(0);
  });
});

test.describe('composer', () => {
  test('execCommand insertText alone leaves the send button hidden; an InputEvent shows it; sending re-creates #richInput', async () => {
    await open();
    await expect(page.locator('#richInput.rich-input.empty[contenteditable="true"][data-translate-placeholder="STR_MESSAGE_TO"] > #input_line_0')).toHaveCount(1);
    const send = page.locator('#chatInput [icon="Sent-msg_24_Line"][data-translate-title="STR_SEND"]');
    await expect(send).toBeHidden();
    // textContent without input events does not reach the state.
    await page.locator('#richInput').evaluate((el) => { el.firstElementChild!.textContent = 'không có sự kiện'; });
    await expect(send).toBeHidden();
    expect((await state()).composerText).toBe('');
    await page.locator('#richInput').evaluate((el) => { el.firstElementChild!.textContent = ''; el.dispatchEvent(new InputEvent('input', { bubbles: true })); });
    await typeWithExecCommand('Bà con không bấm link lạ, không cung cấp OTP', '#richInput', false);
    expect((await state()).composerText).toBe('Bà con không bấm link lạ, không cung cấp OTP');
    await page.waitForTimeout(50);
    await expect(send).toBeHidden();
    await page.locator('#richInput').evaluate((el) => el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' })));
    await expect(send).toBeVisible();
    await expect(page.locator('#richInput')).not.toHaveClass(/empty/);
    expect((await state()).composerText).toBe('Bà con không bấm link lạ, không cung cấp OTP');
    const oldEditor = await page.$('#richInput');
    await send.click();
    const mine = page.locator('.chat-item.me').last().locator('[id^="bb_msg_id_"]').last();
    await expect(mine.locator('[data-id="div_LastSentMsg_Text"]')).toHaveText('Bà con không bấm link lạ, không cung cấp OTP');
    expect(await oldEditor!.evaluate((el) => el.isConnected)).toBe(false);
    await expect(page.locator('#richInput.empty')).toHaveCount(1);
    await expect(send).toBeHidden();
    expect((await state()).sent).toEqual(['Bà con không bấm link lạ, không cung cấp OTP']);
    expect(await page.locator('[data-id="div_LastSentMsg_Text"]').count()).toBe(1);
    expect(await page.locator('[data-id="div_SentMsg_Text"]').count()).toBeGreaterThan(0);
  });

  test('synthetic Enter is ignored; trusted Enter sends; Shift+Enter makes one multi-line bubble', async () => {
    await open();
    await typeWithExecCommand('Chào cả nhà');
    await page.locator('#richInput').evaluate((el) => {
      for (const type of ['keydown', 'keypress', 'keyup']) el.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
    });
    await page.waitForTimeout(100);
    expect((await state()).sent).toEqual([]);
    expect((await state()).composerText).toBe('Chào cả nhà');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state()).sent).toEqual(['Chào cả nhà']);
    await page.locator('#richInput').focus();
    await page.keyboard.type('Dòng một');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Dòng hai');
    await expect(page.locator('#richInput > #input_line_1')).toHaveText('Dòng hai');
    expect((await state()).composerText).toBe('Dòng một\nDòng hai');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state()).sent).toEqual(['Chào cả nhà', 'Dòng một\nDòng hai']);
    const text = await page.locator('[data-id="div_LastSentMsg_Text"] span.text').textContent();
    expect(text).toBe('Dòng một\nDòng hai');
  });

  test('RTF toggle swaps #richInput for div.input-v4 with a random id, and back', async () => {
    await open();
    await page.locator('[data-id="div_RTF_Menu"]').click();
    await expect(page.locator('#richInput')).toHaveCount(0);
    const rtf = page.locator('#chat-input-container-id.--rtf-mode div.input-v4[contenteditable="true"]');
    await expect(rtf).toHaveCount(1);
    const firstId = await rtf.getAttribute('id');
    expect(firstId).toMatch(/^rtf[a-z0-9]+$/);
    await page.keyboard.type('Định dạng');
    expect((await state()).composerText).toBe('Định dạng');
    await page.locator('.send-msg-btn').click();
    await expect(page.locator('[data-id="div_LastSentMsg_Text"]')).toHaveText('Định dạng');
    await expect(page.locator('div.input-v4')).toHaveCount(1);
    expect(await page.locator('div.input-v4').getAttribute('id')).not.toBe(firstId);
    await page.locator('[data-id="div_RTF_Menu"]').click();
    await expect(page.locator('#richInput')).toHaveCount(1);
    await expect(page.locator('#chat-input-container-id.--rtf-mode')).toHaveCount(0);
  });

  test('messages arriving while scrolled up stay out of the DOM until the reader scrolls down', async () => {
    await open();
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.scrollToTop());
    const cli = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...HUNG, text: 'Tin mới khi đang đọc tin cũ' });
    await expect(page.locator(`#bb_msg_id_${cli}`)).toHaveCount(0);
    await expect(page.locator('.scroll-to-bottom.--visible')).toHaveCount(1);
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.scrollToBottom());
    await expect(page.locator(`#bb_msg_id_${cli} [data-id="div_LastReceivedMsg_Text"]`)).toHaveCount(1);
    expect((await state()).bubblesInDom).toBe(45);
  });

  test('a lone @ opens #mentionPopover; picking inserts a chip and re-creates #richInput', async () => {
    await open();
    await page.locator('#richInput').focus();
    await page.keyboard.type('Nhờ ');
    await page.keyboard.type('@');
    await expect(page.locator('#mentionPopover .mention-popover__item[title="Lê Văn Hùng"]')).toHaveCount(1);
    await page.keyboard.type('hun');
    await expect(page.locator('#mentionPopover .mention-popover__item')).toHaveCount(1);
    const oldEditor = await page.$('#richInput');
    await page.locator('.mention-popover__item[title="Lê Văn Hùng"]').click();
    await expect(page.locator('#mentionPopover')).toHaveCount(0);
    await expect(page.locator('#richInput span.clnMention[data-mention="@Lê Văn Hùng"]')).toHaveCount(1);
    expect(await oldEditor!.evaluate((el) => el.isConnected)).toBe(false);
    expect((await state()).composerText).toBe('Nhờ @Lê Văn Hùng ');
    // "@Name" inserted in one go does not open the list.
    await typeWithExecCommand('@Phạm Thị Mai');
    await page.waitForTimeout(50);
    await expect(page.locator('#mentionPopover')).toHaveCount(0);
  });
});

test.describe('message menu, pin, delete', () => {
  test('hover menu → Thêm → Ghim tin nhắn adds to the pinned bar (newest first)', async () => {
    await open();
    const target = page.locator('[id^="bb_msg_id_"]').filter({ hasText: 'Nhắc lại: họp thôn sáng Chủ nhật' });
    await target.locator('.message-content-wrapper').hover();
    const floating = page.locator('body > .floating-menu-wrapper');
    await expect(floating.locator('div.MSABtn-btn[data-translate-title="STR_REPLY_MSG"]')).toHaveCount(1);
    await expect(floating.locator('div.MSABtn-btn[data-translate-title="STR_FORWARD_MSG"]')).toHaveCount(1);
    expect(await page.evaluate(() => document.body.lastElementChild!.classList.contains('floating-menu-wrapper'))).toBe(true);
    await floating.locator('[data-translate-title="STR_MORE_OPTIONS"]').click();
    const menu = page.locator('body > div.popover-v3 > .zmenu-body');
    await expect(menu.locator('.zmenu-item span[data-translate-inner]')).toHaveText(['Copy tin nhắn', 'Ghim tin nhắn', 'Đánh dấu tin nhắn', 'Chọn nhiều tin nhắn', 'Xem chi tiết', 'Xóa chỉ ở phía tôi', 'Xóa tin nhắn']);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(1); // Escape does not close menus
    await menu.locator('.zmenu-item', { hasText: 'Ghim tin nhắn' }).click();
    await expect(page.locator('.popover-v3')).toHaveCount(0);
    const pinned = (await state()).pinned;
    expect(pinned[0]).toContain('Nhắc lại: họp thôn sáng Chủ nhật');
    expect(pinned).toHaveLength(3);
    await expect(page.locator('.chat-group-topic-outer .chat-group-topic__item .info-container > .content-container')).toContainText('Nhắc lại: họp thôn');
    await expect(page.locator('.chat-group-topic-outer .show-details-btn')).toHaveText('+2 ghim');
    await expect(page.locator('.event-message__content').last()).toHaveText('Bạn đã ghim một tin nhắn');
  });

  test('menus close on an outside click; own messages offer Thu hồi and no admin delete', async () => {
    await open();
    await typeWithExecCommand('Tin của tôi');
    await page.keyboard.press('Enter');
    const mine = page.locator('[data-id="div_LastSentMsg_Text"]');
    await mine.hover();
    await page.locator('.floating-menu-wrapper [data-translate-title="STR_MORE_OPTIONS"]').click();
    await expect(page.locator('.popover-v3 span[data-translate-inner="STR_RECALL_MSG"]')).toHaveText('Thu hồi');
    await expect(page.locator('.popover-v3 span[data-translate-inner="STR_DELETE_MSG"]')).toHaveCount(0);
    await page.locator('header#header').click({ position: { x: 700, y: 30 } });
    await expect(page.locator('.popover-v3')).toHaveCount(0);
    await mine.hover();
    await page.locator('.floating-menu-wrapper [data-translate-title="STR_MORE_OPTIONS"]').click();
    await page.locator('.popover-v3 .zmenu-item', { hasText: 'Thu hồi' }).click();
    await expect(page.locator('[data-id="div_LastSentMsg_Text"]')).toHaveCount(0);
  });

  test('admin "Xóa tin nhắn" needs a confirm that only a real pointer sequence can press', async () => {
    await open();
    const cli = await page.evaluate((m) => (window as unknown as ReplicaWindow).__zaloReplica.pushIncoming(m), { ...MAI, text: 'Xác minh tại vietcombank-xacminh.com' });
    await page.locator(`#bb_msg_id_${cli} .message-content-wrapper`).hover();
    await page.locator('.floating-menu-wrapper [data-translate-title="STR_MORE_OPTIONS"]').click();
    await page.locator('.popover-v3 .zmenu-item', { hasText: 'Xóa tin nhắn' }).click();
    await expect(page.locator('.zl-modal [data-id="btn_DelMsg_Confirm"]')).toBeVisible();
    await page.locator('[data-id="btn_DelMsg_Confirm"]').evaluate((el) => (el as HTMLElement).click()); // bare click = outside
    await expect(page.locator('.zl-modal')).toHaveCount(0);
    await expect(page.locator(`#bb_msg_id_${cli}`)).toHaveCount(1);
    await page.locator(`#bb_msg_id_${cli} .message-content-wrapper`).hover();
    await page.locator('.floating-menu-wrapper [data-translate-title="STR_MORE_OPTIONS"]').click();
    await page.locator('.popover-v3 .zmenu-item', { hasText: 'Xóa tin nhắn' }).click();
    await page.locator('[data-id="btn_DelMsg_Confirm"]').click();
    await expect(page.locator(`#bb_msg_id_${cli}`)).toHaveCount(0);
    expect((await state()).deleted).toEqual([cli]);
  });

  test('a group where self is a plain member has no admin delete', async () => {
    await open();
    await page.evaluate((id) => (window as unknown as ReplicaWindow).__zaloReplica.switchThread(id), WOMEN);
    const other = page.locator('.chat-item:not(.me) [id^="bb_msg_id_"] .message-content-wrapper').last();
    await other.hover();
    await page.locator('.floating-menu-wrapper [data-translate-title="STR_MORE_OPTIONS"]').click();
    await expect(page.locator('.popover-v3 .zmenu-item')).toHaveCount(6);
    await expect(page.locator('.popover-v3 [data-translate-inner="STR_DELETE_MSG"]')).toHaveCount(0);
  });
});

test.describe('poll dialog', () => {
  async function openPoll(): Promise<void> {
    await page.locator('#chat-box-bar-id [data-id="div_More_Menu"]').click();
    await page.locator('.popover-v3 .zmenu-item[data-id="div_MoreMenu_Poll"]').click();
    await expect(page.locator('.zl-modal > .zl-modal__dialog')).toBeVisible();
  }

  test('inputs are React-controlled; a bare click closes; Create makes a notice from state', async () => {
    await open();
    await expect(page.locator('.popover-v3 [data-id="div_MoreMenu_Note"]')).toHaveCount(0);
    await openPoll();
    await typeWithExecCommand('Chọn ngày tổng vệ sinh?', '.zl-modal [contenteditable="true"]');
    const opt1 = page.locator('.zl-modal input[placeholder="Lựa chọn 1"]');
    const opt2 = page.locator('.zl-modal input[placeholder="Lựa chọn 2"]');
    // Plain `.value =` then an input event: ignored, like React's value tracker.
    await opt1.evaluate((el) => { (el as HTMLInputElement).value = 'Thứ Bảy'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    // Native setter then an input event: accepted.
    await opt2.evaluate((el) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, 'Chủ nhật');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.locator('[data-id="btn_CreatePoll_Create"]')).toHaveClass(/disabled/);
    await page.locator('[data-id="div_CreatePoll_AddOpt"]').click();
    await expect(page.locator('.zl-modal input[placeholder="Lựa chọn 3"]')).toHaveCount(1);
    await expect(opt1).toHaveValue(''); // re-render restored the state value
    await opt1.fill('Thứ Bảy');
    await expect(page.locator('[data-id="btn_CreatePoll_Create"]')).not.toHaveClass(/disabled/);
    await page.locator('[data-id="chk_CreatePoll_Anonymous"]').click();
    // A bare synthetic click counts as outside: the dialog closes without creating.
    await page.locator('[data-id="btn_CreatePoll_Create"]').evaluate((el) => (el as HTMLElement).click());
    await expect(page.locator('.zl-modal')).toHaveCount(0);
    expect((await state()).poll).toBeNull();

    await openPoll();
    await typeWithExecCommand('Chọn ngày tổng vệ sinh?', '.zl-modal [contenteditable="true"]');
    await page.locator('.zl-modal input[placeholder="Lựa chọn 1"]').fill('Thứ Bảy');
    await page.locator('.zl-modal input[placeholder="Lựa chọn 2"]').fill('Chủ nhật');
    await page.locator('[data-id="chk_CreatePoll_Anonymous"]').click();
    await page.locator('[data-id="btn_CreatePoll_Create"]').click();
    await expect(page.locator('.zl-modal')).toHaveCount(0);
    const notice = page.locator('.group-poll-message-container').last();
    await expect(notice.locator('.question__poll')).toHaveText('Chọn ngày tổng vệ sinh?');
    await expect(notice.locator('.option__poll')).toHaveText(['Thứ Bảy', 'Chủ nhật']);
    const poll = (await state()).poll!;
    expect(poll.question).toBe('Chọn ngày tổng vệ sinh?');
    expect(poll.options).toEqual(['Thứ Bảy', 'Chủ nhật']);
    expect(poll.settings).toMatchObject({ anonymous: true, multipleChoice: true, allowAddOption: true, hideResults: false, deadline: null });
  });

  test('Hủy closes; the 1:1 chat has no poll entry', async () => {
    await open();
    await openPoll();
    await page.locator('[data-id="btn_CreatePoll_CXL"]').click();
    await expect(page.locator('.zl-modal')).toHaveCount(0);
    await page.evaluate(() => (window as unknown as ReplicaWindow).__zaloReplica.switchThread('7713920054418829013'));
    await page.locator('#chat-box-bar-id [data-id="div_More_Menu"]').click();
    await expect(page.locator('.popover-v3 [data-id="div_MoreMenu_Note"]')).toHaveCount(1);
    await expect(page.locator('.popover-v3 [data-id="div_MoreMenu_Poll"]')).toHaveCount(0);
  });
});

test.describe('drift variant', () => {
  test('high-confidence hooks are renamed, fallbacks remain', async () => {
    await open('variant=drift');
    for (const sel of ['#app-page', '#messageViewScroll', '#richInput', 'header .threadChat__title', '[data-id$="Msg_Text"]', '[data-id^="div_Last"]', '[data-id*="ReceivedMsg"]', '[data-id*="SentMsg"]']) {
      await expect(page.locator(sel), sel).toHaveCount(0);
    }
    for (const sel of ['#zl-app-page', '#messageViewScrollInner.message-view__scroll__inner', '#chatRichInput.rich-input[contenteditable="true"]', 'header .thread-chat__title .header-title', '.text-message__container span.text', '.chat-item.me', '[data-id="dv_MsgInLatest_Text"]', '#conversationListId', '#chatViewContainer']) {
      expect(await page.locator(sel).count(), sel).toBeGreaterThan(0);
    }
    expect(await page.locator('div[id^="bb_msg_id_"]').count()).toBe(45);
    await typeWithExecCommand('Thử gửi', '.rich-input[contenteditable="true"]');
    await expect(page.locator('[icon="Sent-msg_24_Line"]')).toHaveCount(0);
    await expect(page.locator('.send-msg-btn[data-translate-title="STR_SEND"][icon="Send_24_Solid"]')).toBeVisible();
    await page.locator('.send-msg-btn').click();
    await expect(page.locator('[data-id="dv_MsgOutLatest_Text"]')).toHaveText('Thử gửi');
  });
});
