import { afterEach, describe, expect, it } from 'vitest';
import { clearComposer, findComposer, insertIntoComposer } from '@/lib/zalo/composer';
import { readLines } from '@/lib/zalo/text';
import { installFakeEditor, type FakeEditor } from './fake-editor';
import { loadFixture } from './helpers';

let fake: FakeEditor | undefined;
afterEach(() => {
  fake?.restore();
  fake = undefined;
  document.body.innerHTML = '';
});

const editorLines = () => readLines(findComposer(document)!);

describe('insertIntoComposer', () => {
  it.each(['normal', 'drift'] as const)('replaces the draft with one line via insertText (%s snapshot)', (fixture) => {
    loadFixture(fixture);
    fake = installFakeEditor(document);
    const res = insertIntoComposer(document, 'Đề nghị anh  chị không đăng quảng cáo trong nhóm.');
    expect(res).toEqual({ ok: true, method: 'insertText' });
    expect(editorLines()).toEqual(['Đề nghị anh chị không đăng quảng cáo trong nhóm.']);
    expect(fake.calls).toEqual(['insertText:Đề nghị anh  chị không đăng quảng cáo trong nhóm.']);
  });

  it('keeps lines with insertParagraph between them', () => {
    loadFixture('normal');
    fake = installFakeEditor(document, { paragraphs: true });
    const text = 'THÔNG BÁO\nHọp thôn lúc 19 giờ\n\nTrân trọng';
    expect(insertIntoComposer(document, text)).toEqual({ ok: true, method: 'paragraphs' });
    expect(editorLines()).toEqual(['THÔNG BÁO', 'Họp thôn lúc 19 giờ', 'Trân trọng']);
    expect(document.querySelectorAll('#richInput > div[id^="input_line_"]').length).toBe(4);
  });

  it('falls back to one insertText with \\n when insertParagraph is refused', () => {
    loadFixture('normal');
    fake = installFakeEditor(document, { paragraphs: false, keepsNewlines: true });
    expect(insertIntoComposer(document, 'Dòng 1\nDòng 2')).toEqual({ ok: true, method: 'newlines' });
    expect(editorLines()).toEqual(['Dòng 1', 'Dòng 2']);
  });

  it.each<[string, Parameters<typeof installFakeEditor>[1], string, string]>([
    ['editor drops newlines', { paragraphs: false, keepsNewlines: false }, 'Dòng 1\nDòng 2', 'Dòng 1Dòng 2'],
    ['editor mangles diacritics', { paragraphs: true, keepsNewlines: true, mangle: true }, 'Cấm quảng cáo', 'Cam quang cao'],
  ])('reports mismatch when the %s, with the read-back, and clears the editor', (_name, opts, text, readBack) => {
    loadFixture('normal');
    fake = installFakeEditor(document, opts);
    expect(insertIntoComposer(document, text)).toEqual({ ok: false, reason: 'mismatch', readBack });
    expect(editorLines()).toEqual([]);
  });

  it('reports unsupported when execCommand is missing (happy-dom) or refuses, leaving the draft alone', () => {
    loadFixture('normal');
    expect(insertIntoComposer(document, 'Xin chào')).toEqual({ ok: false, reason: 'unsupported', readBack: 'Dự thảo' });
    fake = installFakeEditor(document, { refuses: true });
    expect(insertIntoComposer(document, 'Xin chào')).toEqual({ ok: false, reason: 'unsupported', readBack: 'Dự thảo' });
    expect(editorLines()).toEqual(['Dự thảo']);
  });

  it.each<[string, string]>([
    ['no chat open', '<div id="app"><div id="app-page"></div></div>'],
    ['editor not editable', '<div id="chatInput"><div id="richInput" class="rich-input"></div></div>'],
  ])('reports no-composer when %s', (_name, markup) => {
    document.body.innerHTML = markup;
    fake = installFakeEditor(document);
    expect(insertIntoComposer(document, 'Xin chào')).toEqual({ ok: false, reason: 'no-composer', readBack: '' });
  });

  it('refuses empty text', () => {
    loadFixture('normal');
    fake = installFakeEditor(document);
    expect(insertIntoComposer(document, ' \n\u00a0 ')).toEqual({ ok: false, reason: 'empty', readBack: '' });
    expect(fake.calls).toEqual([]);
  });

  it('uses the focused editor in RTF mode (random id, no known class, #chatInput renamed)', () => {
    document.body.innerHTML =
      '<div class="chat-input-container --rtf-mode"><div id="x93kd" contenteditable="true" tabindex="0"><div data-component="rtf-block"><span data-text="true"></span></div></div></div><div contenteditable="true" id="elsewhere"></div>';
    expect(findComposer(document)).toBeNull();
    const rtf = document.getElementById('x93kd')!;
    rtf.focus();
    expect(findComposer(document)).toBe(rtf);
    document.getElementById('elsewhere')!.focus();
    expect(findComposer(document)).toBeNull();
  });

  it('appends at the end of the last text for mode "append"', () => {
    loadFixture('normal');
    fake = installFakeEditor(document);
    expect(insertIntoComposer(document, ' @Trần Thị Bình', { mode: 'append' })).toEqual({ ok: true, method: 'insertText' });
    expect(editorLines()).toEqual(['Dự thảo @Trần Thị Bình']);
  });

  it('re-queries the editor each time (Zalo re-creates #richInput after sending)', () => {
    loadFixture('normal');
    fake = installFakeEditor(document);
    const old = document.getElementById('richInput')!;
    const fresh = old.cloneNode(false) as HTMLElement;
    fresh.innerHTML = '<div id="input_line_0"><br></div>';
    old.replaceWith(fresh);
    expect(insertIntoComposer(document, 'Tin thứ hai')).toEqual({ ok: true, method: 'insertText' });
    expect(readLines(fresh)).toEqual(['Tin thứ hai']);
  });
});

describe('clearComposer', () => {
  it('clears the draft', () => {
    loadFixture('normal');
    fake = installFakeEditor(document);
    expect(clearComposer(document)).toEqual({ ok: true });
    expect(editorLines()).toEqual([]);
  });

  it('is ok on an empty editor and reports unsupported without execCommand', () => {
    loadFixture('normal');
    expect(clearComposer(document)).toEqual({ ok: false, reason: 'unsupported', readBack: 'Dự thảo' });
    document.querySelector('#input_line_0')!.innerHTML = '<br>';
    expect(clearComposer(document)).toEqual({ ok: true });
  });
});
