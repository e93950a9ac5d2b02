import { describe, expect, it } from 'vitest';
import { currentThread, parseMemberCount } from '@/lib/zalo/thread';
import { parseFixture } from './helpers';

describe('currentThread', () => {
  it.each(['normal', 'drift'] as const)('reads the open group from the %s snapshot', (name) => {
    expect(currentThread(parseFixture(name))).toEqual({
      id: 'g7001234567890',
      name: 'Thôn Đông - Thông tin chung',
      isGroup: true,
      memberCount: 128,
      idSource: 'sidebar',
    });
  });

  it('falls back to the data-qid thread id when the selected row is virtualised away', () => {
    const doc = parseFixture('normal');
    doc.querySelector('.conv-item.selected')!.classList.remove('selected');
    expect(currentThread(doc)).toMatchObject({ id: '7001234567890', idSource: 'bubble', isGroup: true, memberCount: 128 });
  });

  it('finds "N thành viên" by text when the subtitle hook is renamed', () => {
    const doc = parseFixture('drift');
    const sub = doc.querySelector('.subtitle__groupmember__content')!;
    sub.className = 'header-sub-v3';
    sub.querySelector('span')!.textContent = '1.204 thành viên';
    expect(currentThread(doc)?.memberCount).toBe(1204);
  });

  it('reads a one-to-one chat as not a group', () => {
    const doc = parseFixture('normal');
    doc.querySelector('.conv-item.selected')!.classList.remove('selected');
    doc.querySelector('[anim-data-id="2233445566"] .conv-item')!.classList.add('selected');
    doc.querySelector('.subtitle__groupmember__content')!.remove();
    doc.querySelector('.header-title .truncate')!.textContent = 'Nguyễn Văn Hùng';
    expect(currentThread(doc)).toEqual({ id: '2233445566', name: 'Nguyễn Văn Hùng', isGroup: false, idSource: 'sidebar' });
  });

  it('returns null when no conversation is open', () => {
    const doc = parseFixture('normal');
    doc.querySelector('#chatViewContainer')!.remove();
    expect(currentThread(doc)).toBeNull();
    expect(currentThread(document.implementation.createHTMLDocument(''))).toBeNull();
  });
});

describe('parseMemberCount', () => {
  it.each<[string, number | undefined]>([
    ['128 thành viên', 128],
    ['1.204 thành viên', 1204],
    ['2,315 members', 2315],
    ['Thành viên nhóm', undefined],
    ['', undefined],
  ])('%s', (text, want) => expect(parseMemberCount(text)).toBe(want));
});
