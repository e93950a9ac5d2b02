import { describe, expect, it } from 'vitest';
import { readSenderName } from '@/lib/zalo/sender';
import { createSenderDirectory, uidAttribute } from '@/lib/zalo/senders';
import { html } from './helpers';

const A = '1111111111111111111';
const B = '2222222222222222222';

function bubble(cli: string, uid: string | null, name?: { style: 'wrapper' | 'bubble'; text: string }): string {
  const wrapperName = name?.style === 'wrapper' ? `<div class="message-sender-name-wrapper"><div class="message-sender-name-content clickable"><div class="truncate">${name.text}</div></div></div>` : '';
  const bubbleName = name?.style === 'bubble' ? `<div class="message-sender-name-bubble"><span class="truncate">${name.text}</span></div>` : '';
  const qid = uid ? ` data-qid="9@${cli}_${uid}_g1"` : '';
  return `<div id="bb_msg_id_${cli}" class="chat-message"><div class="message-content-wrapper">${wrapperName}<div class="card"${qid}>${bubbleName}<div data-id="div_ReceivedMsg_Text"><span class="text">x</span></div></div></div></div>`;
}

function flat(...bubbles: string[]): HTMLElement {
  const root = html(document, `<div class="list">${bubbles.join('')}</div>`);
  document.body.replaceChildren(root);
  return root;
}

const at = (root: HTMLElement, i: number) => root.children[i] as HTMLElement;

describe('createSenderDirectory', () => {
  it('remembers the latest name per uid and drops the oldest beyond its limit', () => {
    const d = createSenderDirectory(2);
    d.note('1', 'An');
    d.note('2', 'Bình');
    d.note('1', 'An (mới)');
    d.note('3', 'Chi');
    expect([d.nameOf('1'), d.nameOf('2'), d.nameOf('3'), d.size]).toEqual(['An (mới)', undefined, 'Chi', 2]);
    d.note(undefined, 'Không uid');
    d.note('4', '');
    expect(d.size).toBe(2);
  });

  it.each([
    ['<div data-uid="123456789"></div>', '123456789'],
    ['<div id="member-item-88000000001"></div>', '88000000001'],
    ['<div id="member-12"></div>', undefined],
  ])('uidAttribute(%s)', (markup, want) => {
    expect(uidAttribute(html(document, markup))).toBe(want);
  });
});

describe('readSenderName', () => {
  it.each(['wrapper', 'bubble'] as const)('reads the %s name container and teaches the directory', (style) => {
    const root = flat(bubble('1700000000001', A, { style, text: 'Lê Văn Hùng' }));
    const d = createSenderDirectory();
    expect(readSenderName(at(root, 0), d)).toBe('Lê Văn Hùng');
    expect(d.nameOf(A)).toBe('Lê Văn Hùng');
  });

  it('a later bubble of the same uid inherits the name; another uid does not get it', () => {
    const root = flat(bubble('1700000000001', A, { style: 'wrapper', text: 'Lê Văn Hùng' }), bubble('1700000000002', A), bubble('1700000000003', B));
    expect(readSenderName(at(root, 1))).toBe('Lê Văn Hùng');
    expect(readSenderName(at(root, 2))).toBeUndefined();
  });

  it('the first bubble of the run out of view: the directory names it; without it, unknown rather than a neighbour', () => {
    const d = createSenderDirectory();
    d.note(A, 'Lê Văn Hùng');
    // Run container whose visible label belongs to someone else's (recycled) bubble.
    const run = html(document, `<div class="chat-item"><div class="chat-content">${bubble('1700000000005', B, { style: 'wrapper', text: 'Phạm Thị Mai' })}${bubble('1700000000006', A)}</div></div>`);
    document.body.replaceChildren(run);
    const target = run.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]')[1]!;
    expect(readSenderName(target, d)).toBe('Lê Văn Hùng');
    expect(readSenderName(target)).toBeUndefined();
  });
});
