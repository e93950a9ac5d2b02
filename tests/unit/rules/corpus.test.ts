import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type CategoryId } from '@/lib/domain/categories';
import { compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';
import { evaluate, parseLabelled } from '@/lib/rules/evaluate';
import { missingData } from '../data';

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
  it.skipIf(missingData(path))(`recall ≥ 0.9 per category and clean FP ≤ 2% (${path})`, () => {
    const r = evaluate(load(path), rs);
    const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}: ${m.text}`);
    expect(r.cleanFpRate, misses.join('\n')).toBeLessThanOrEqual(0.02);
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      if (s.support > 0) expect(s.recall, `${c}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

// The large labelled corpus. Targets (met): recall ≥ 0.9 and precision ≥ 0.9 per category, clean FP ≤ 2%.
// Measured (rules + model, which is trained on this file among others): recall link 0.98, ads 0.99, every other
// category 1.00; precision ≥ 0.98 everywhere; clean FP 0.0%. Rules alone: recall ≥ 0.93, FP 0.6%.
// Never tune rules to single lines of this file (and never to tests/corpus/holdout.jsonl at all).
const LABELLED = resolve(repo, 'tests/corpus/labelled.jsonl');
describe('tests/corpus/labelled.jsonl', () => {
  it.skipIf(missingData(LABELLED))('meets the targets: recall ≥ 0.9, precision ≥ 0.9, clean FP ≤ 2%', () => {
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

// Later corpora: regression floors just below the figures measured (rules + model), not targets. Figures as
// "recall/precision" in the order strange-link, scam, advertising, gambling-fortune, sensitive-topic,
// abusive-language, unverified-news, classified-info. The model is trained on every file here except the two
// marked score only, so on the others it is measured on text it has seen: the honest figures are the unseen ones
// recorded when each file arrived, and those of the score-only files.
// Graded links (a violation needs a reason): an invite to another group or channel with no sales, money, betting or
// political-recruitment words, and a Google Forms link, are no longer strange links. extra, fresh5, fresh7 and fresh9
// were labelled under the older convention ("any link that is not official"), so their strange-link floors sit just
// below the new figures (0.96, 0.95, 0.91, 0.90): the misses are exactly those invites and that form.
const FLOORED: Array<[string, string, Floors]> = [
  // Second development set, written after the engine existed (same guideline, new wording). Measured: clean FP 0.4%;
  //   1.00/0.96, 1.00/0.93, 0.98/0.98, 1.00/1.00, 1.00/1.00, 1.00/1.00, 1.00/0.99, 1.00/1.00.
  ['tests/corpus/extra.jsonl', 'tests/corpus/extra.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.95, 'scam': 0.97, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.93, 'scam': 0.9, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.96, 'classified-info': 0.97 },
  }],
  // Third set, by writers who never saw the rules. Unseen on arrival: clean FP 5.8%; recall 0.95, 0.90, 0.85, 0.67,
  //   0.62, 0.83, 0.33, 0.54. Then used for development (general shapes only) and training. Measured: clean FP 0.0%;
  //   0.98/1.00, 1.00/0.93, 1.00/0.96, 1.00/1.00, 1.00/1.00, 0.98/1.00, 1.00/1.00, 1.00/1.00.
  ['tests/corpus/fresh.jsonl', 'tests/corpus/fresh.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.95, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.95, 'unverified-news': 0.97, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.97, 'scam': 0.9, 'advertising': 0.93, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  // Held-out corpus: NEVER read, never tuned or trained on; only its score is looked at. Measured: clean FP 0.7%;
  //   0.94/1.00, 0.88/0.88, 0.80/0.86, 0.96/1.00, 0.91/1.00, 0.85/1.00, 0.87/1.00, 0.95/1.00.
  //   Rules alone: clean FP 3.6%; recall 0.94, 0.82, 0.70, 0.88, 0.74, 0.85, 0.74, 0.81.
  ['tests/corpus/holdout.jsonl (score only)', 'tests/corpus/holdout.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.92, 'scam': 0.86, 'advertising': 0.77, 'gambling-fortune': 0.94, 'sensitive-topic': 0.89, 'abusive-language': 0.83, 'unverified-news': 0.85, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.99, 'scam': 0.86, 'advertising': 0.84, 'gambling-fortune': 0.99, 'sensitive-topic': 0.99, 'abusive-language': 0.99, 'unverified-news': 0.99, 'classified-info': 0.99 },
  }],
  // Fourth set, score only like the holdout. Unseen on arrival (rules tuned on `fresh`): clean FP 5.7%; recall 0.94,
  //   0.81, 0.81, 0.70, 0.57, 0.71, 0.35, 0.58. Measured: clean FP 3.3%; 0.97/1.00, 0.88/0.92, 0.89/0.97, 0.80/1.00,
  //   0.75/0.97, 0.83/0.97, 0.65/0.94, 0.74/0.88. Rules alone: clean FP 5.7%; recall 0.97, 0.81, 0.81, 0.70, 0.57,
  //   0.71, 0.35, 0.58.
  ['tests/corpus/fresh2.jsonl (score only)', 'tests/corpus/fresh2.jsonl', {
    cleanFp: 0.045,
    recall: { 'strange-link': 0.95, 'scam': 0.86, 'advertising': 0.87, 'gambling-fortune': 0.78, 'sensitive-topic': 0.72, 'abusive-language': 0.80, 'unverified-news': 0.63, 'classified-info': 0.71 },
    precision: { 'strange-link': 0.99, 'scam': 0.89, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.94, 'abusive-language': 0.94, 'unverified-news': 0.92, 'classified-info': 0.85 },
  }],
  // Fifth set. Unseen on arrival by rules + model: clean FP 5.6%; recall 1.00, 0.85, 0.81, 0.69, 0.64, 0.76, 0.42,
  //   0.66. Then trained on. Measured: clean FP 0.0%; 1.00/1.00, 0.97/1.00, 0.98/0.98, 1.00/1.00, 0.88/1.00,
  //   0.88/1.00, 0.90/1.00, 0.96/1.00.
  ['tests/corpus/fresh3.jsonl', 'tests/corpus/fresh3.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.97, 'scam': 0.94, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.86, 'abusive-language': 0.86, 'unverified-news': 0.88, 'classified-info': 0.94 },
    precision: { 'strange-link': 0.97, 'scam': 0.97, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  // Sixth set, rumours and leaks (few lines of the other categories: their floors are 0). Unseen on arrival: clean
  //   FP 4.7%; recall sensitive 0.68, unverified 0.51, classified 0.71. Chose the model's veto and threshold (with
  //   fresh5), then trained on. Measured: clean FP 0.0%; sensitive 0.93/1.00, abusive 1.00/1.00, unverified
  //   0.87/1.00, classified 0.90/1.00 (strange-link 3 lines, 1.00/0.75).
  ['tests/corpus/fresh4.jsonl', 'tests/corpus/fresh4.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.66, 'scam': 0, 'advertising': 0, 'gambling-fortune': 0, 'sensitive-topic': 0.9, 'abusive-language': 0.88, 'unverified-news': 0.84, 'classified-info': 0.87 },
    precision: { 'strange-link': 0.7, 'scam': 0, 'advertising': 0, 'gambling-fortune': 0, 'sensitive-topic': 0.97, 'abusive-language': 0.85, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  // Seventh set, every category. Unseen on arrival: clean FP 8.5%; recall 0.95, 0.86, 0.85, 0.88, 0.80, 0.94, 0.71,
  //   0.82. Chose the veto and threshold (with fresh4), then trained on. Measured: clean FP 0.0%; 1.00/1.00,
  //   1.00/0.96, 1.00/0.94, 1.00/1.00, 0.93/1.00, 1.00/1.00, 0.93/0.97, 1.00/0.97.
  ['tests/corpus/fresh5.jsonl', 'tests/corpus/fresh5.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.95, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.9, 'abusive-language': 0.97, 'unverified-news': 0.9, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.97, 'scam': 0.94, 'advertising': 0.91, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.95, 'classified-info': 0.94 },
  }],
  // Eighth set: rumours, leaks, gambling, sensitive (few lines of the others: floors 0). Unseen on arrival (model
  //   trained through fresh5, with its veto): clean FP 3.0%; recall gambling 0.78, sensitive 0.80, unverified 0.57,
  //   classified 0.83; three false positives were masked phone numbers read as .xxx links (fixed). Then trained on.
  //   Measured: clean FP 0.0%; gambling 1.00/1.00, sensitive 0.90/1.00, unverified 0.78/1.00, classified 0.94/1.00.
  ['tests/corpus/fresh6.jsonl', 'tests/corpus/fresh6.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0, 'scam': 0, 'advertising': 0, 'gambling-fortune': 0.97, 'sensitive-topic': 0.87, 'abusive-language': 0, 'unverified-news': 0.75, 'classified-info': 0.91 },
    precision: { 'strange-link': 0, 'scam': 0, 'advertising': 0, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  // Ninth set, every category. Unseen on arrival (model trained through fresh5): clean FP 3.5%; recall 1.00, 0.90,
  //   0.93, 0.91, 0.84, 0.88, 0.90, 0.92; precision ≥ 0.83. Then trained on. Measured: clean FP 0.5%; 1.00/1.00,
  //   1.00/0.88, 0.98/0.95, 1.00/0.95, 0.88/1.00, 0.95/1.00, 0.97/1.00, 0.96/1.00.
  ['tests/corpus/fresh7.jsonl', 'tests/corpus/fresh7.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0.9, 'scam': 0.97, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.84, 'abusive-language': 0.92, 'unverified-news': 0.93, 'classified-info': 0.92 },
    precision: { 'strange-link': 0.97, 'scam': 0.85, 'advertising': 0.92, 'gambling-fortune': 0.92, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  // Tenth set: rumours stated flatly as fact, leaks, sensitive (other categories absent: floors 0). Unseen on arrival
  //   (model trained through fresh7): clean FP 2.6%; recall sensitive 0.78, unverified 0.54, classified 0.70. Then
  //   trained on. Measured: clean FP 0.0%; sensitive 0.95/1.00, unverified 0.78/1.00, classified 0.87/1.00.
  ['tests/corpus/fresh8.jsonl', 'tests/corpus/fresh8.jsonl', {
    cleanFp: 0.02,
    recall: { 'strange-link': 0, 'scam': 0, 'advertising': 0, 'gambling-fortune': 0, 'sensitive-topic': 0.92, 'abusive-language': 0, 'unverified-news': 0.75, 'classified-info': 0.84 },
    precision: { 'strange-link': 0, 'scam': 0, 'advertising': 0, 'gambling-fortune': 0, 'sensitive-topic': 0.97, 'abusive-language': 0, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  // Eleventh set: ads, gambling, scam, abuse and clean look-alikes. Unseen on arrival (model trained through fresh7):
  //   clean FP 3.8%; recall 0.97, 0.95, 0.87, 0.94, 0.87, 0.95, 0.87, 1.00 (gambling false positives were mostly
  //   official warnings against gambling). Then trained on. Measured: clean FP 1.4%; 0.97/1.00, 1.00/0.95, 1.00/0.99,
  //   1.00/0.94, 1.00/1.00, 0.98/1.00, 1.00/0.94, 1.00/1.00.
  ['tests/corpus/fresh9.jsonl', 'tests/corpus/fresh9.jsonl', {
    cleanFp: 0.03,
    recall: { 'strange-link': 0.89, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.93, 'abusive-language': 0.95, 'unverified-news': 0.93, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.97, 'scam': 0.92, 'advertising': 0.96, 'gambling-fortune': 0.91, 'sensitive-topic': 0.93, 'abusive-language': 0.97, 'unverified-news': 0.87, 'classified-info': 0.93 },
  }],
];
describe.each(FLOORED)('%s', (_title, file, floors) => {
  const path = resolve(repo, file);
  it.skipIf(missingData(path))('stays at or above its regression floors', () => checkFloors(path, floors));
});
