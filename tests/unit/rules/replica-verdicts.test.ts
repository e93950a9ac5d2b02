/**
 * The replica's scenarios label every message they show (`expect`, the ground truth the overlay's page tests read).
 * The rule engine must give exactly those categories, but for the few differences listed here with their reason; a
 * new difference fails, and so does a listed one that no longer happens (take it off the list).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';

const SCENARIOS = ['default', 'small', 'bench-2000'];
const scenarioSchema = z.object({
  threads: z.array(z.object({ history: z.array(z.object({ kind: z.string().optional(), text: z.string().optional(), expect: z.array(z.string()).optional() })) })),
});

/** Start of the message → what the engine gives instead of `expect`, and why that is accepted for now. */
const KNOWN: Record<string, { got: string; why: string }> = {
  'Soi cầu lô đề miền Bắc hôm nay': {
    got: 'gambling-fortune',
    why: 'a paid tip service with no price: the ad side rests on the model alone, which puts it just under its threshold',
  },
  'Trang vietcombank-xacminh.com là giả mạo': {
    got: 'scam strange-link',
    why: 'a warning that names a live lookalike host: links are judged by link analysis, which flags the host wherever it appears',
  },
  'Bà con chú ý: trang tongcucthue-gov.com': {
    got: 'strange-link',
    why: 'the same: a live lookalike of the tax office named in a warning',
  },
};

function lines(): Array<{ text: string; expect: string[] }> {
  const seen = new Set<string>();
  const out: Array<{ text: string; expect: string[] }> = [];
  for (const name of SCENARIOS) {
    const raw: unknown = JSON.parse(readFileSync(resolve(__dirname, `../../fixtures/zalo/scenarios/${name}.json`), 'utf8'));
    for (const th of scenarioSchema.parse(raw).threads) {
      for (const m of th.history) {
        if (m.kind === 'system' || m.text === undefined || m.expect === undefined || seen.has(m.text)) continue;
        seen.add(m.text);
        out.push({ text: m.text, expect: m.expect });
      }
    }
  }
  return out;
}

describe('the replica scenarios get the categories they are labelled with', () => {
  const rs = compileRuleset(DEFAULT_PACK);
  const all = lines();
  const differ = all.flatMap(({ text, expect }) => {
    const got = [...new Set(checkMessage(text, rs).map((f) => f.category))].sort().join(' ');
    return got === [...expect].sort().join(' ') ? [] : [{ text, got }];
  });

  it('reads hundreds of labelled lines, clean and flagged', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.filter((l) => l.expect.length === 0).length).toBeGreaterThan(200);
  });

  it('differs only where listed, in the listed way', () => {
    const unexplained = differ.filter(({ text, got }) => {
      const known = Object.entries(KNOWN).find(([start]) => text.startsWith(start));
      return !known || known[1].got !== got;
    });
    expect(unexplained).toEqual([]);
  });

  it.each(Object.keys(KNOWN))('the listed difference still happens: %s…', (start) => {
    expect(differ.some(({ text }) => text.startsWith(start))).toBe(true);
  });
});
