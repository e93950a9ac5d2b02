/**
 * extractLinks answers "no link" without running its pattern scans when a text has none of the characters every
 * link form needs (mayHoldLink). Each form below lacks all but one of those characters, so a gate that forgot one
 * would lose that link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '@/lib/rules/links';
import { findLinks, mayHoldLink } from '@/lib/rules/links/extract';

describe('mayHoldLink: the cheap gate in front of link extraction', () => {
  it.each([
    ['vao trang vietcombank(dot)com de nhan qua', 'vietcombank.com'],
    ['vao trang vietcombank[chấm]com de nhan qua', 'vietcombank.com'],
    ['vao trang vietcombank{cham}com de nhan qua', 'vietcombank.com'],
    ['link: hxxps://nhanqua-tet(.)xyz', 'nhanqua-tet.xyz'],
    ['xem tại shopee.vn nhé', 'shopee.vn'],
    ['gọi 103.77.241.19 nha', '103.77.241.19'],
  ])('keeps the link in %j', (text, host) => {
    expect(mayHoldLink(text)).toBe(true);
    expect(extractLinks(text).map((l) => l.host)).toEqual([host]);
    expect(findLinks(text).map((l) => l.host)).toEqual([host]);
  });

  it('says "no link" only for texts in which extraction finds none (every corpus text, and each with its dots, colons and brackets taken out)', () => {
    const dir = resolve(import.meta.dirname, '../../../corpus');
    let gated = 0;
    let withLinks = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
      for (const line of readFileSync(resolve(dir, f), 'utf8').split('\n')) {
        if (!line) continue;
        const text = (JSON.parse(line) as { text: string }).text;
        for (const t of [text, text.replace(/[.:[({]/g, ' ')]) {
          if (mayHoldLink(t)) continue;
          gated++;
          expect(findLinks(t)).toEqual([]);
        }
        if (extractLinks(text).length > 0) {
          withLinks++;
          expect(mayHoldLink(text)).toBe(true);
        }
      }
    }
    expect(gated).toBeGreaterThan(1000);
    expect(withLinks).toBeGreaterThan(100);
  });
});
