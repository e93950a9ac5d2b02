import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type CategoryId } from '@/lib/rules/categories';
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

// The large corpus written by a colleague. Targets (met): recall ≥ 0.9 and precision ≥ 0.9 per category, clean FP ≤ 2%.
// Measured: recall link 0.98, scam 0.95, ads 0.93, gambling 0.96, sensitive 1.0, abusive 1.0, unverified 0.98,
// classified 0.96; precision ≥ 0.92 everywhere; clean FP 0.6% (2/317).
// Never tune rules to single lines of this file (and never to tests/corpus/holdout.jsonl at all).
const LABELLED = resolve(repo, 'tests/corpus/labelled.jsonl');
describe('tests/corpus/labelled.jsonl', () => {
  it.skipIf(!existsSync(LABELLED))('meets the targets: recall ≥ 0.9, precision ≥ 0.9, clean FP ≤ 2%', () => {
    const r = evaluate(load(LABELLED), rs);
    const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}: ${m.text}`).join('\n');
    expect(r.cleanFpRate, misses).toBeLessThanOrEqual(0.02);
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      if (s.support < 10) continue;
      expect(s.recall, c).toBeGreaterThanOrEqual(0.9);
      expect(s.precision, c).toBeGreaterThanOrEqual(0.9);
    }
  });
});

interface Floors {
  cleanFp: number;
  recall: Record<CategoryId, number>;
  precision: Record<CategoryId, number>;
}

function checkFloors(path: string, f: Floors): void {
  const r = evaluate(load(path), rs);
  const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}`).join(' ');
  expect(r.cleanFpRate, 'clean FP').toBeLessThanOrEqual(f.cleanFp);
  for (const c of CATEGORY_IDS) {
    const s = r.perCategory[c];
    expect(s.recall, `${c} recall (${misses})`).toBeGreaterThanOrEqual(f.recall[c]);
    expect(s.precision, `${c} precision (${misses})`).toBeGreaterThanOrEqual(f.precision[c]);
  }
}

// Fresh development corpus written after the engine (same guideline, new wording). Read its misses to find
// general shapes, not single lines. REGRESSION FLOORS just below the figures measured at the last tuning:
// extra-measured: 606 lines, clean FP 3.2%, recall strange-link 1.00, scam 0.97, advertising 0.93, gambling-fortune 0.98,
//   sensitive-topic 0.97, abusive-language 0.98, unverified-news 0.97, classified-info 0.91; precision
//   strange-link 0.94, scam 0.90, advertising 0.87, gambling-fortune 0.98, sensitive-topic 0.98,
//   abusive-language 0.92, unverified-news 0.98, classified-info 0.96
const EXTRA = resolve(repo, 'tests/corpus/extra.jsonl');
const EXTRA_FLOORS: Floors = {
  cleanFp: 0.06,
  recall: { 'strange-link': 0.98, 'scam': 0.94, 'advertising': 0.90, 'gambling-fortune': 0.95, 'sensitive-topic': 0.94, 'abusive-language': 0.95, 'unverified-news': 0.94, 'classified-info': 0.89 },
  precision: { 'strange-link': 0.92, 'scam': 0.87, 'advertising': 0.84, 'gambling-fortune': 0.95, 'sensitive-topic': 0.96, 'abusive-language': 0.90, 'unverified-news': 0.96, 'classified-info': 0.94 },
};
describe('tests/corpus/extra.jsonl', () => {
  it.skipIf(!existsSync(EXTRA))('stays at or above its regression floors', () => checkFloors(EXTRA, EXTRA_FLOORS));
});

// Third corpus, by writers who never saw the rules. Scored BEFORE any tuning (the honest unseen figure):
//   clean FP 5.8%; recall strange-link 0.95, scam 0.90, advertising 0.85, gambling-fortune 0.67, sensitive-topic 0.62,
//   abusive-language 0.83, unverified-news 0.33, classified-info 0.54.
// Then used for development (general shapes only). REGRESSION FLOORS just below the figures after tuning:
// fresh-measured: 533 lines, clean FP 2.7%, recall strange-link 0.95, scam 0.90, advertising 0.95, gambling-fortune 0.93,
//   sensitive-topic 0.95, abusive-language 0.98, unverified-news 0.87, classified-info 0.92; precision
//   strange-link 1.00, scam 0.87, advertising 0.89, gambling-fortune 0.98, sensitive-topic 1.00,
//   abusive-language 0.95, unverified-news 1.00, classified-info 0.97
const FRESH = resolve(repo, 'tests/corpus/fresh.jsonl');
const FRESH_FLOORS: Floors = {
  cleanFp: 0.04,
  recall: { 'strange-link': 0.93, 'scam': 0.88, 'advertising': 0.93, 'gambling-fortune': 0.91, 'sensitive-topic': 0.93, 'abusive-language': 0.95, 'unverified-news': 0.85, 'classified-info': 0.89 },
  precision: { 'strange-link': 0.98, 'scam': 0.85, 'advertising': 0.87, 'gambling-fortune': 0.95, 'sensitive-topic': 0.98, 'abusive-language': 0.93, 'unverified-news': 0.98, 'classified-info': 0.95 },
};
describe('tests/corpus/fresh.jsonl', () => {
  it.skipIf(!existsSync(FRESH))('stays at or above its regression floors', () => checkFloors(FRESH, FRESH_FLOORS));
});

// Held-out corpus: NEVER read, never tuned on; only its score is looked at. REGRESSION FLOORS just below the
// final measured figures, not targets (the goal stays recall/precision ≥ 0.9 on unseen text):
// holdout-measured: 309 lines, clean FP 3.6%, recall strange-link 0.94, scam 0.82, advertising 0.70, gambling-fortune 0.88,
//   sensitive-topic 0.74, abusive-language 0.85, unverified-news 0.74, classified-info 0.81; precision
//   strange-link 1.00, scam 0.82, advertising 0.75, gambling-fortune 1.00, sensitive-topic 1.00,
//   abusive-language 1.00, unverified-news 1.00, classified-info 0.94
const HOLDOUT = resolve(repo, 'tests/corpus/holdout.jsonl');
const HOLDOUT_FLOORS: Floors = {
  cleanFp: 0.05,
  recall: { 'strange-link': 0.92, 'scam': 0.80, 'advertising': 0.69, 'gambling-fortune': 0.87, 'sensitive-topic': 0.72, 'abusive-language': 0.84, 'unverified-news': 0.72, 'classified-info': 0.79 },
  precision: { 'strange-link': 0.99, 'scam': 0.80, 'advertising': 0.74, 'gambling-fortune': 0.99, 'sensitive-topic': 0.99, 'abusive-language': 0.99, 'unverified-news': 0.99, 'classified-info': 0.92 },
};
describe('tests/corpus/holdout.jsonl (score only)', () => {
  it.skipIf(!existsSync(HOLDOUT))('stays at or above its regression floors', () => checkFloors(HOLDOUT, HOLDOUT_FLOORS));
});
