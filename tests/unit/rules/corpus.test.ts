import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/rules/categories';
import { compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';
import { evaluate, parseLabelled } from '@/lib/rules/evaluate';

const rs = compileRuleset(DEFAULT_PACK);
const repo = resolve(__dirname, '../../..');

function load(path: string) {
  const { messages, errors } = parseLabelled(readFileSync(path, 'utf8'));
  expect(errors).toEqual([]);
  return messages;
}

describe.each([
  ['bundled dev corpus copy', resolve(__dirname, 'fixtures/messages.dev.jsonl')],
  ['shared dev corpus', resolve(repo, '../shared/corpus/messages.dev.jsonl')],
])('%s', (_name, path) => {
  it.skipIf(!existsSync(path))(`recall ≥ 0.9 per category and clean FP ≤ 2% (${path})`, () => {
    const r = evaluate(load(path), rs);
    const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}: ${m.text}`);
    expect(r.cleanFpRate, misses.join('\n')).toBeLessThanOrEqual(0.02);
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      if (s.support > 0) expect(s.recall, `${c}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

// The large corpus written by a colleague: the target is the same bar (recall ≥ 0.9, clean FP ≤ 2%). The engine
// does not reach it yet on every category, so this test guards against regressions below the measured level
// and reports the gap; raise the floors as the rules improve. Never tune rules to single lines of this file.
const LABELLED = resolve(repo, 'tests/corpus/labelled.jsonl');
const RECALL_FLOOR: Record<string, number> = {
  'strange-link': 0.8,
  scam: 0.45,
  advertising: 0.55,
  'gambling-fortune': 0.5,
  'sensitive-topic': 0.4,
  'abusive-language': 0.6,
  'unverified-news': 0.15,
  'classified-info': 0.25,
};
describe('tests/corpus/labelled.jsonl', () => {
  it.skipIf(!existsSync(LABELLED))('stays above the regression floors (target: recall 0.9, clean FP 2%)', () => {
    const r = evaluate(load(LABELLED), rs);
    expect(r.cleanFpRate).toBeLessThanOrEqual(0.05);
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      if (s.support >= 10) expect(s.recall, c).toBeGreaterThanOrEqual(RECALL_FLOOR[c]);
    }
  });
});
