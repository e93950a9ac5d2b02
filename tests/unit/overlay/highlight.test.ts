// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import DOMPurify from 'dompurify';
import { escapeHtml, highlightHtml, safeHighlight } from '@/lib/overlay/highlight';

describe('highlightHtml', () => {
  it.each([
    ['no spans', 'xin chào', [], 'xin chào'],
    ['one span', 'soi cầu lô đề', [{ start: 8, end: 13, text: 'lô đề' }], 'soi cầu <mark>lô đề</mark>'],
    [
      'overlapping spans keep the first',
      'bao lô đề',
      [
        { start: 0, end: 6, text: 'bao lô' },
        { start: 4, end: 9, text: 'lô đề' },
      ],
      '<mark>bao lô</mark> đề',
    ],
    ['span outside the text is ignored', 'abc', [{ start: 2, end: 99, text: 'x' }], 'abc'],
    ['newlines become <br>', 'dòng 1\ndòng 2', [], 'dòng 1<br>dòng 2'],
    ['markup in the message is escaped', '<b>x</b> & "y"', [], '&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;'],
  ])('%s', (_name, text, spans, expected) => {
    expect(highlightHtml(text, spans)).toBe(expected);
  });

  it.each([
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    'javascript:alert(1)',
    '<a href="javascript:alert(1)">bấm</a>',
  ])('message text %s never becomes markup after DOMPurify', (payload) => {
    const html = safeHighlight(DOMPurify, `Tin: ${payload}`, [{ start: 0, end: 3, text: 'Tin' }]);
    const box = document.createElement('div');
    box.innerHTML = html;
    expect(box.querySelectorAll('*:not(mark):not(br)')).toHaveLength(0);
    expect(box.textContent).toBe(`Tin: ${payload}`);
  });

  it('escapeHtml escapes all five characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
