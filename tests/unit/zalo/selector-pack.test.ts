import { afterEach, describe, expect, it } from 'vitest';
import { parseSelectorPack, parseSelectorPackText } from '@/lib/zalo/selector-pack';
import { candidatesOf, setSelectorOverrides, SELECTORS } from '@/lib/zalo/selectors';
import { health } from '@/lib/zalo/health';
import { html } from './helpers';

const good = {
  format: 'zgg-selector-pack',
  version: 1,
  name: 'Sửa khung ghim tháng 12',
  author: 'Phòng VH-TT huyện',
  date: '2026-12-07',
  selectors: { pinnedBar: ['.pinned-banner-v4'], bubble: ['[data-msg-id]'] },
};

afterEach(() => setSelectorOverrides({}));

describe('parseSelectorPack', () => {
  it('accepts a valid pack', () => {
    const r = parseSelectorPack(good, document);
    expect(r.ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['wrong format', { ...good, format: 'other' }, /^format: phải là "zgg-selector-pack"/],
    ['future version', { ...good, version: 2 }, /^version: phiên bản gói không hỗ trợ/],
    ['no name', { ...good, name: ' ' }, /^name: cần tên gói/],
    ['extra field (code)', { ...good, script: 'alert(1)' }, /script/],
    ['empty selectors', { ...good, selectors: {} }, /^selectors: gói không có bộ chọn nào/],
    ['unknown key', { ...good, selectors: { notAKey: ['.x'] } }, /^selectors\.notAKey: khóa không có/],
    ['invalid CSS', { ...good, selectors: { bubble: ['.ok', 'div[[['] } }, /^selectors\.bubble\[1\]: không phải bộ chọn CSS hợp lệ/],
    ['numbered custom tag', { ...good, selectors: { textSpan: ['span-15 > span'] } }, /^selectors\.textSpan\[0\]: dùng thẻ đánh số/],
    ['inline style', { ...good, selectors: { messageList: ['div[style*="overflow"]'] } }, /^selectors\.messageList\[0\]: dựa vào thuộc tính style/],
    ['not a list', { ...good, selectors: { bubble: '.x' } }, /^selectors\.bubble: sai kiểu dữ liệu/],
    ['bad date', { ...good, date: '7/12/2026' }, /^date: cần dạng NNNN-TT-NN/],
  ])('rejects %s with an error naming the field', (_name, data, error) => {
    const r = parseSelectorPack(data, document);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('rejects text that is not JSON, or too big', () => {
    expect(parseSelectorPackText('{nope', document)).toMatchObject({ ok: false, error: 'tệp: không phải JSON hợp lệ' });
    expect(parseSelectorPackText(' '.repeat(70_000), document)).toMatchObject({ ok: false });
  });
});

describe('setSelectorOverrides', () => {
  it('puts pack candidates ahead of the built-in ones and reports them as matched from the pack', () => {
    setSelectorOverrides({ pinnedBar: ['.pinned-banner-v4', SELECTORS.pinnedBar.candidates[0]] });
    expect(candidatesOf('pinnedBar')).toEqual(['.pinned-banner-v4', ...SELECTORS.pinnedBar.candidates]);
    document.body.replaceChildren(html(document, '<div id="chatViewContainer"><div class="pinned-banner-v4">x</div></div>'));
    const row = health(document).selectors.find((s) => s.key === 'pinnedBar');
    expect(row).toMatchObject({ status: 'matched', selector: '.pinned-banner-v4', fromPack: true });
    setSelectorOverrides({});
    expect(candidatesOf('pinnedBar')).toEqual(SELECTORS.pinnedBar.candidates);
  });
});
