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
// Measured (rules + model, which is trained on this file among others): recall link 0.98, ads 0.99, every other
// category 1.00; precision ≥ 0.92 everywhere; clean FP 0.6% (2/317). Rules alone: recall ≥ 0.93, FP 0.6%.
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

// Later corpora: regression floors just below the figures measured (rules + model), not targets.
const FLOORED: Array<[string, string, Floors]> = [
  // Fresh development corpus written after the engine (same guideline, new wording). Read its misses to find
  // general shapes, not single lines. REGRESSION FLOORS just below the figures measured at the last tuning:
  // extra-measured (rules + model): 606 lines, clean FP 3.2%, recall advertising 0.98, every other category 1.00;
  //   precision strange-link 0.94, scam 0.90, advertising 0.88, gambling-fortune 0.98, sensitive-topic 0.98,
  //   abusive-language 0.92, unverified-news 0.98, classified-info 0.97
  ['tests/corpus/extra.jsonl', 'tests/corpus/extra.jsonl', {
    cleanFp: 0.06,
    recall: { 'strange-link': 0.98, 'scam': 0.94, 'advertising': 0.90, 'gambling-fortune': 0.95, 'sensitive-topic': 0.94, 'abusive-language': 0.95, 'unverified-news': 0.94, 'classified-info': 0.89 },
    precision: { 'strange-link': 0.92, 'scam': 0.87, 'advertising': 0.84, 'gambling-fortune': 0.95, 'sensitive-topic': 0.96, 'abusive-language': 0.90, 'unverified-news': 0.96, 'classified-info': 0.94 },
  }],
  // Third corpus, by writers who never saw the rules. Scored BEFORE any tuning (the honest unseen figure):
  //   clean FP 5.8%; recall strange-link 0.95, scam 0.90, advertising 0.85, gambling-fortune 0.67, sensitive-topic 0.62,
  //   abusive-language 0.83, unverified-news 0.33, classified-info 0.54.
  // Then used for development (general shapes only) and as training data of the model. REGRESSION FLOORS just
  // below the figures now (rules + model):
  // fresh-measured: 533 lines, clean FP 2.7%, recall strange-link 0.95, every other category 1.00; precision
  //   strange-link 1.00, scam 0.88, advertising 0.90, gambling-fortune 0.98, sensitive-topic 1.00,
  //   abusive-language 0.95, unverified-news 1.00, classified-info 0.97
  ['tests/corpus/fresh.jsonl', 'tests/corpus/fresh.jsonl', {
    cleanFp: 0.04,
    recall: { 'strange-link': 0.93, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.98, 'scam': 0.86, 'advertising': 0.88, 'gambling-fortune': 0.95, 'sensitive-topic': 0.98, 'abusive-language': 0.93, 'unverified-news': 0.98, 'classified-info': 0.95 },
  }],
  // Held-out corpus: NEVER read, never tuned on; only its score is looked at. REGRESSION FLOORS just below the
  // final measured figures, not targets (the goal stays recall/precision ≥ 0.9 on unseen text):
  // holdout-measured (rules + model): 309 lines, clean FP 3.6%, recall strange-link 0.94, scam 0.91, advertising 0.80,
  //   gambling-fortune 0.92, sensitive-topic 0.91, abusive-language 0.89, unverified-news 0.78, classified-info 0.90;
  //   precision strange-link 1.00, scam 0.83, advertising 0.77, gambling-fortune 1.00, sensitive-topic 1.00,
  //   abusive-language 1.00, unverified-news 1.00, classified-info 0.90
  //   (rules alone: recall scam 0.82, advertising 0.70, gambling 0.88, sensitive 0.74, abusive 0.85, unverified 0.74,
  //   classified 0.81; same clean FP)
  ['tests/corpus/holdout.jsonl (score only)', 'tests/corpus/holdout.jsonl', {
    cleanFp: 0.05,
    recall: { 'strange-link': 0.92, 'scam': 0.89, 'advertising': 0.78, 'gambling-fortune': 0.90, 'sensitive-topic': 0.89, 'abusive-language': 0.87, 'unverified-news': 0.76, 'classified-info': 0.88 },
    precision: { 'strange-link': 0.99, 'scam': 0.81, 'advertising': 0.75, 'gambling-fortune': 0.99, 'sensitive-topic': 0.99, 'abusive-language': 0.99, 'unverified-news': 0.99, 'classified-info': 0.88 },
  }],
  // Fourth corpus, score only like the holdout (never tuned on, never trained on). Measured when it arrived, with the
  // rules tuned on `fresh`: clean FP 5.7%, recall strange-link 0.94, scam 0.81, advertising 0.81, gambling-fortune 0.70,
  // sensitive-topic 0.57, abusive-language 0.71, unverified-news 0.35, classified-info 0.58.
  // fresh2-measured (rules + model): 515 lines, clean FP 5.7%, recall strange-link 0.94, scam 0.89, advertising 0.93,
  //   gambling-fortune 0.83, sensitive-topic 0.75, abusive-language 0.83, unverified-news 0.53, classified-info 0.66;
  //   precision strange-link 1.00, scam 0.90, advertising 0.87, gambling-fortune 0.93, sensitive-topic 0.91,
  //   abusive-language 0.92, unverified-news 0.90, classified-info 0.86
  ['tests/corpus/fresh2.jsonl (score only)', 'tests/corpus/fresh2.jsonl', {
    cleanFp: 0.07,
    recall: { 'strange-link': 0.92, 'scam': 0.87, 'advertising': 0.91, 'gambling-fortune': 0.81, 'sensitive-topic': 0.73, 'abusive-language': 0.80, 'unverified-news': 0.51, 'classified-info': 0.63 },
    precision: { 'strange-link': 0.99, 'scam': 0.88, 'advertising': 0.85, 'gambling-fortune': 0.90, 'sensitive-topic': 0.88, 'abusive-language': 0.89, 'unverified-news': 0.87, 'classified-info': 0.83 },
  }],
  // Fifth corpus (same method). Scored unseen on arrival by rules + model: clean FP 5.6%, recall strange-link 1.00,
  //   scam 0.85, advertising 0.81, gambling-fortune 0.69, sensitive-topic 0.64, abusive-language 0.76,
  //   unverified-news 0.42, classified-info 0.66. Then added to the model's training files (not to the rules).
  // fresh3-measured: 498 lines, clean FP 5.1%, recall scam 0.97, advertising 0.98, sensitive-topic 0.88,
  //   abusive-language 0.88, unverified-news 0.90, classified-info 0.96, strange-link and gambling 1.00 (the model
  //   needs a rule word of its own in those four categories); precision ≥ 0.87
  ['tests/corpus/fresh3.jsonl', 'tests/corpus/fresh3.jsonl', {
    cleanFp: 0.07,
    recall: { 'strange-link': 0.97, 'scam': 0.94, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.86, 'abusive-language': 0.86, 'unverified-news': 0.88, 'classified-info': 0.94 },
    precision: { 'strange-link': 0.98, 'scam': 0.89, 'advertising': 0.85, 'gambling-fortune': 0.89, 'sensitive-topic': 0.98, 'abusive-language': 0.93, 'unverified-news': 0.98, 'classified-info': 0.94 },
  }],
];
describe.each(FLOORED)('%s', (_title, file, floors) => {
  const path = resolve(repo, file);
  it.skipIf(!existsSync(path))('stays at or above its regression floors', () => checkFloors(path, floors));
});
