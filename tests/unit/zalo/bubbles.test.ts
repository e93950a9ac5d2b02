import { describe, expect, it } from 'vitest';
import { cliMsgIdOf, listBubbles, readBubble, readBubbleQuote, type BubbleInfo } from '@/lib/zalo/bubbles';
import { cliMsgIdFromDomId, parseQid, sentAtFromCliMsgId } from '@/lib/zalo/ids';
import { urlsInText } from '@/lib/zalo/links';
import { byFixture, html, parseFixture } from './helpers';

type Expected = Pick<BubbleInfo, 'cliMsgId' | 'direction' | 'kind' | 'text' | 'links'> & Partial<BubbleInfo>;

const THREAD = '7001234567890';
const EXPECTED: [string, Expected][] = [
  ['run1-first', { cliMsgId: '1767225600101', msgId: '7400000000000000101', fromUid: '111', threadId: THREAD, direction: 'received', kind: 'text', senderName: 'Trần Thị Bình', text: 'Chào cả thôn, chiều nay 3 giờ họp ở nhà văn hoá nhé', links: [] }],
  ['run1-link', { cliMsgId: '1767225600102', fromUid: '111', direction: 'received', kind: 'text', senderName: 'Trần Thị Bình', text: 'Đăng ký nhận quà tại bit.ly/qua-tang-2026\nHạn chót: thứ Sáu', links: ['bit.ly/qua-tang-2026'] }],
  ['run1-photo', { cliMsgId: '1767225600103', direction: 'received', kind: 'photo', senderName: 'Trần Thị Bình', text: 'Ảnh buổi họp tuần trước', links: [], time: '08:15' }],
  ['run2-text', { cliMsgId: '1767225600201', fromUid: '999', direction: 'sent', kind: 'text', text: 'Cảm ơn chị, em sẽ báo lại', links: [] }],
  ['run2-file', { cliMsgId: '1767225600202', direction: 'sent', kind: 'file', text: 'Kế hoạch tiêm phòng 2026.pdf', links: [], time: '08:20' }],
  ['run3-quote', { cliMsgId: '1767225600301', fromUid: '222', direction: 'received', kind: 'text', senderName: 'Lê Văn Cường', text: 'Mấy giờ vậy chị?', links: [] }],
  ['run3-mention', { cliMsgId: '1767225600302', direction: 'received', kind: 'text', senderName: 'Lê Văn Cường', text: '@Trần Thị Bình em biết rồi ạ', links: [] }],
  ['run3-recalled', { cliMsgId: '1767225600303', direction: 'received', kind: 'recalled', text: '', links: [] }],
  ['run3-sticker', { cliMsgId: '1767225600304', direction: 'received', kind: 'sticker', senderName: 'Lê Văn Cường', text: '', links: [] }],
  ['run3-link', { cliMsgId: '1767225600305', direction: 'received', kind: 'link', senderName: 'Lê Văn Cường', text: 'Giá lúa hôm nay tăng mạnh\nTin tức nông nghiệp\nhttps://vnexpress.net/gia-lua-hom-nay', links: ['https://vnexpress.net/gia-lua-hom-nay'], time: '09:02' }],
  ['run4-first', { cliMsgId: '1767225600401', fromUid: '333', direction: 'received', kind: 'text', senderName: 'Phạm Thị Dung', text: 'Vay tiền nhanh không cần thế chấp', links: [] }],
  ['run4-last', { cliMsgId: '1767225600402', direction: 'received', kind: 'text', senderName: 'Phạm Thị Dung', text: 'Liên hệ www.vaynhanh24h.xyz/dang-ky, hoặc Zalo 0912 345 678.', links: ['www.vaynhanh24h.xyz/dang-ky'], time: '09:26' }],
  ['run5-last', { cliMsgId: '1767225600501', domId: 'bb_msg_id_1767225600501_1', direction: 'sent', kind: 'text', text: 'Mọi người nhớ đến đúng giờ nhé', links: [], time: '09:41' }],
];

describe.each(['normal', 'drift'] as const)('readBubble on the %s snapshot', (name) => {
  const doc = parseFixture(name);

  it('lists every bubble in document order', () => {
    const ids = listBubbles(doc).map((el) => el.getAttribute('data-fixture'));
    expect(ids).toEqual(EXPECTED.map(([id]) => id));
  });

  it.each(EXPECTED)('%s', (id, expected) => {
    const el = byFixture(doc, id);
    const info = readBubble(el);
    expect(info).toMatchObject(expected);
    expect(info.key).toBe(expected.cliMsgId);
    expect(info.kind).toBe(el.getAttribute('data-expect-kind'));
    if (expected.direction === 'sent') expect(info.senderName).toBeUndefined();
    if (!expected.time) expect(info.time).toBeUndefined();
    expect(info.sentAt).toBe(Number(expected.cliMsgId));
    expect(info.text).toBe(info.text.normalize('NFC'));
    expect(info.text).not.toMatch(/\u00a0| {2}/);
  });

  it('excludes the reply quote from the text and reads it separately', () => {
    const el = byFixture(doc, 'run3-quote');
    expect(readBubble(el).text).not.toContain('Chào cả thôn');
    expect(readBubbleQuote(el)).toEqual({ name: 'Trần Thị Bình', text: 'Chào cả thôn, chiều nay 3 giờ họp ở nhà văn hoá nhé' });
    expect(readBubbleQuote(byFixture(doc, 'run1-first'))).toBeUndefined();
  });

  it('returns system lines and poll notices only when asked, in document order', () => {
    const all = listBubbles(doc, { events: true });
    expect(all).toHaveLength(EXPECTED.length + 3);
    const events = all.filter((el) => !el.id.startsWith('bb_msg_id_')).map((el) => readBubble(el));
    expect(events.map((e) => [e.kind, e.text])).toEqual([
      ['system', 'Nguyễn Văn An đã tham gia nhóm'],
      ['poll', 'Họp thôn vào ngày nào?\nThứ Bảy\nChủ nhật'],
      ['system', 'Trưởng thôn đã ghim một tin nhắn'],
    ]);
    expect(events.every((e) => e.cliMsgId === '' && e.key.startsWith('evt:'))).toBe(true);
    // The poll notice sits between run 3 and run 4.
    const pollIndex = all.findIndex((el) => el.classList.contains('group-poll-message-container'));
    expect(all[pollIndex - 1]!.getAttribute('data-fixture')).toBe('run3-link');
    expect(all[pollIndex + 1]!.getAttribute('data-fixture')).toBe('run4-first');
  });

  it('cliMsgIdOf reads only the id', () => {
    expect(listBubbles(doc).map((el) => cliMsgIdOf(el))).toEqual(EXPECTED.map(([, e]) => e.cliMsgId));
  });
});

describe('sender name inheritance', () => {
  it('does not leak a name from an earlier run of another sender', () => {
    const doc = parseFixture('normal');
    // Remove the name shown on run 4's first bubble: its bubbles must not inherit run 3's sender.
    byFixture(doc, 'run4-first').querySelector('.message-sender-name-wrapper')!.remove();
    expect(readBubble(byFixture(doc, 'run4-first')).senderName).toBeUndefined();
    expect(readBubble(byFixture(doc, 'run4-last')).senderName).toBeUndefined();
  });

  it('without run containers, inherits only across bubbles of the same uid', () => {
    const doc = document.implementation.createHTMLDocument('old');
    const bubble = (cli: string, uid: string, name?: string) =>
      `<div id="bb_msg_id_${cli}" class="chat-message wrap-message">${name ? `<div class="card-sender-name"><span>${name}</span></div>` : ''}<div class="card card--text" data-qid="1@${cli}_${uid}_55"><div class="text-message__container"><span class="text">tin ${cli}</span></div></div></div>`;
    doc.body.innerHTML = `<div id="messageViewScroll">${bubble('1700000000001', '11', 'Ông Tư')}${bubble('1700000000002', '11')}${bubble('1700000000003', '22')}<div class="chat-date"><span>Hôm qua</span></div>${bubble('1700000000004', '11')}</div>`;
    const names = listBubbles(doc).map((el) => readBubble(el).senderName);
    expect(names).toEqual(['Ông Tư', 'Ông Tư', undefined, undefined]);
  });
});

describe('readBubble fallbacks and odd shapes', () => {
  it.each<[string, string, Partial<BubbleInfo>]>([
    [
      'no bb_msg_id: cliMsgId from data-qid, text from span.text, direction from .me',
      '<div class="chat-item me"><div class="chat-message wrap-message"><div class="card" data-qid="88@1700000000123_0_g1"><span class="text">Xin chào</span></div></div></div>',
      { cliMsgId: '1700000000123', fromUid: '0', threadId: 'g1', direction: 'sent', kind: 'text', text: 'Xin chào' },
    ],
    [
      'legacy recalled card',
      '<div id="bb_msg_id_1700000000200" class="chat-message wrap-message"><div class="card card--undo"><span class="text">Tin nhắn đã được thu hồi</span></div></div>',
      { cliMsgId: '1700000000200', kind: 'recalled', text: '', links: [] },
    ],
    [
      'unknown content (video) is "other", never "recalled"',
      '<div id="bb_msg_id_1700000000300" class="chat-message wrap-message"><div class="card" data-qid="9@1700000000300_5_6"><div class="video-message__container"><video></video></div></div></div>',
      { kind: 'other', text: '' },
    ],
    [
      'a[href] and typed URLs are deduplicated, mention anchors ignored',
      '<div id="bb_msg_id_1700000000400" class="chat-message wrap-message"><div data-id="div_ReceivedMsg_Text" class="text-message__container"><span class="text"><a class="mention-name" href="https://chat.zalo.me/u/1">@An</a> xem <a href="https://lua-dao.top/x">https://lua-dao.top/x</a> và https://lua-dao.top/x, zalo.me/g/abcdef.</span></div></div>',
      { text: '@An xem https://lua-dao.top/x và https://lua-dao.top/x, zalo.me/g/abcdef.', links: ['https://lua-dao.top/x', 'zalo.me/g/abcdef'] },
    ],
    [
      'zero-width characters and block lines',
      '<div id="bb_msg_id_1700000000500" class="chat-message wrap-message"><div data-id="div_SentMsg_Text" class="text-message__container"><div>Dòng\u200b một</div><div>  </div><div>Dòng   hai</div></div></div>',
      { direction: 'sent', text: 'Dòng một\nDòng hai' },
    ],
  ])('%s', (_name, markup, expected) => {
    const root = html(document, `<div>${markup}</div>`);
    const el = listBubbles(root)[0]!;
    expect(readBubble(el)).toMatchObject(expected);
  });

  it('never throws on an empty element', () => {
    const el = document.createElement('div');
    expect(() => readBubble(el)).not.toThrow();
    expect(readBubble(el)).toMatchObject({ cliMsgId: '', kind: 'recalled', text: '' });
  });
});

describe('ids', () => {
  it.each<[string, string | undefined]>([
    ['bb_msg_id_1767225600101', '1767225600101'],
    ['bb_msg_id_1767225600101_2', '1767225600101'],
    ['bb_msg_id_', undefined],
    ['message-frame_1', undefined],
  ])('cliMsgIdFromDomId(%s)', (id, want) => expect(cliMsgIdFromDomId(id)).toBe(want));

  it.each<[string | null, ReturnType<typeof parseQid>]>([
    ['740@1767225600101_111_7001234567890', { msgId: '740', cliMsgId: '1767225600101', fromUid: '111', threadId: '7001234567890' }],
    ['740@1767225600101_0_g700_1', { msgId: '740', cliMsgId: '1767225600101', fromUid: '0', threadId: 'g700_1' }],
    ['740@1767225600101', undefined],
    ['', undefined],
    [null, undefined],
  ])('parseQid(%s)', (qid, want) => expect(parseQid(qid)).toEqual(want));

  it.each<[string, number | undefined]>([
    ['1767225600101', 1767225600101],
    ['12345', undefined],
    ['9999999999999', undefined],
  ])('sentAtFromCliMsgId(%s)', (cli, want) => expect(sentAtFromCliMsgId(cli)).toBe(want));
});

describe('urlsInText', () => {
  it.each<[string, string[]]>([
    ['Vào https://xo-so-mien-bac.vip/ket-qua ngay!', ['https://xo-so-mien-bac.vip/ket-qua']],
    ['Nhóm mới: zalo.me/g/xyz123, vào nhé', ['zalo.me/g/xyz123']],
    ['Giá 1.5kg lúa là 12.000đ', []],
    ['email an@gmail.com không phải link', []],
    ['(xem www.baomoi.com)', ['www.baomoi.com']],
  ])('%s', (text, want) => expect(urlsInText(text)).toEqual(want));
});
