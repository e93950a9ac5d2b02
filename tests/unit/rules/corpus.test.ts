import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type CategoryId } from '@/lib/domain/categories';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';
import { evaluate, parseLabelled } from '@/lib/rules/evaluate';
import { TRAINING_FILES } from '@/scripts/train-model';

const rs = compileRuleset(DEFAULT_PACK);
const repo = resolve(__dirname, '../../..');

/** A missing or malformed corpus fails the test: it is part of the repository. */
function load(path: string) {
  const { messages, errors } = parseLabelled(readFileSync(path, 'utf8'));
  expect(errors).toEqual([]);
  expect(messages.length).toBeGreaterThan(0);
  return messages;
}

describe('development corpus (fixtures/messages.dev.jsonl)', () => {
  it('recall ≥ 0.9 per category and clean FP ≤ 2%', () => {
    const r = evaluate(load(resolve(__dirname, 'fixtures/messages.dev.jsonl')), rs);
    const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}: ${m.text}`);
    expect(r.cleanFpRate, misses.join('\n')).toBeLessThanOrEqual(0.02);
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      if (s.support > 0) expect(s.recall, `${c}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

// Targets: recall ≥ 0.9 and precision ≥ 0.9 per category, clean FP ≤ 2%. Never tune rules to single lines of it.
describe('tests/corpus/labelled.jsonl', () => {
  it('meets the targets: recall ≥ 0.9, precision ≥ 0.9, clean FP ≤ 2%', () => {
    const r = evaluate(load(resolve(repo, 'tests/corpus/labelled.jsonl')), rs);
    const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}: ${m.text}`).join('\n');
    expect(r.cleanFpRate, misses).toBeLessThanOrEqual(0.02);
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      if (s.support < MIN_SUPPORT) continue;
      expect(s.recall, c).toBeGreaterThanOrEqual(0.9);
      expect(s.precision, c).toBeGreaterThanOrEqual(0.9);
    }
  });
});

/** Below this many labelled lines a category's recall moves in steps too large for a floor. */
const MIN_SUPPORT = 10;

interface Floors {
  /** Not in the model's training files (fresh23 to fresh36 and fresh38 were read for the rules; the others never were). */
  scoreOnly: boolean;
  cleanFp: number;
  /** One floor per category with at least MIN_SUPPORT lines, and none for the others. */
  recall: Partial<Record<CategoryId, number>>;
  precision: Partial<Record<CategoryId, number>>;
}

// Regression floors just below the figures `npm run eval` measures (rules + model), not targets. The model is
// trained on every file here except the score-only ones (see scripts/train-model.ts).
// A link is a violation only with a reason: an invite to another group with no lure words, or a Google Forms link, is
// not one. extra, fresh5, fresh7 and fresh9 were labelled when any unofficial link counted, so their strange-link
// floors sit below the others; their misses are exactly those invites and that form.
// abusive-language learns from real comments (ViHOS) too: on holdout and fresh2 its recall rose (0.85 → 0.96, 0.83 →
// 0.90) and its precision stayed high (1.00 → 0.96, 0.97 → 0.97).
// fresh10–fresh20 were written without reading the rules and scored on arrival (clean FP 3.9%, 4.6%, 3.9%, 3.1%, 5.5%,
// 3.7%, 2.0%, 3.3%, 2.6%, 5.3%, 4.0%). fresh13, fresh16, fresh17 and fresh20 stayed score only while they measured
// what carried over (pooled 2.8% → 1.9% over that work); after that their clean false positives were read and they
// joined the training files, and fresh21 and fresh22, written the same way, took over as the measure: scored twice,
// on the code before that (clean FP 8/267 and 9/275) and after it (8/267 and 7/275), summaries only. Then they joined
// the training files in turn, and fresh23 and fresh24 took over: scored twice, on the code before that (5/289 and
// 4/265) and after it (4/289 and 3/265), summaries only. Then their clean false positives and misses were read for the
// rules, but they stayed out of the training files (retrained with them, the model lost holdout recall), and fresh25
// and fresh26 took over: scored on the code before that (clean FP 2/288 and 3/289) and twice after it (the same),
// summaries only. Then fresh25 and fresh26 were read, fresh27 and fresh28 were written and scored on the code before
// the next changes (clean FP 5/291 and 5/285) and after most of them (the same), then read too; fresh29 to fresh32
// (a Khmer–Kinh commune, an industrial-park ward, phone-inbox SMS, public comments) were written to be read; and
// fresh33 and fresh34 were written and scored on the code before and after all of that (clean FP 6/296 and 13/281
// both times), then read as well. Then fresh35, fresh36 and fresh38 were scored on the code before the next changes
// (7/284, 7/296, 13/288) and after the first of them (6/284, 7/296, 12/288), then read; fresh37, fresh39 and fresh40
// were scored on the code before and after all of them (6/289 → 4/289, 5/289 → 5/289, 4/289 → 3/289), summaries
// only, and are read by no one yet. None of them is in the training files.
const FLOORED: Array<[string, Floors]> = [
  ['tests/corpus/extra.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'strange-link': 0.95, 'scam': 0.97, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.92, 'scam': 0.89, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.95, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'strange-link': 0.94, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.94, 'unverified-news': 0.97, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.97, 'scam': 0.89, 'advertising': 0.93, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  ['tests/corpus/holdout.jsonl', {
    scoreOnly: true,
    cleanFp: 0.008,
    recall: { 'strange-link': 0.91, 'scam': 0.85, 'advertising': 0.74, 'gambling-fortune': 0.94, 'sensitive-topic': 0.84, 'abusive-language': 0.98, 'unverified-news': 0.84, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.88, 'advertising': 0.86, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh2.jsonl', {
    scoreOnly: true,
    cleanFp: 0.024,
    recall: { 'strange-link': 0.94, 'scam': 0.85, 'advertising': 0.86, 'gambling-fortune': 0.77, 'sensitive-topic': 0.72, 'abusive-language': 0.87, 'unverified-news': 0.62, 'classified-info': 0.7 },
    precision: { 'strange-link': 0.97, 'scam': 0.89, 'advertising': 0.94, 'gambling-fortune': 0.97, 'sensitive-topic': 0.93, 'abusive-language': 0.88, 'unverified-news': 0.91, 'classified-info': 0.84 },
  }],
  ['tests/corpus/fresh3.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'strange-link': 0.97, 'scam': 0.94, 'advertising': 0.94, 'gambling-fortune': 0.97, 'sensitive-topic': 0.85, 'abusive-language': 0.85, 'unverified-news': 0.87, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.97, 'scam': 0.97, 'advertising': 0.94, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh4.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'sensitive-topic': 0.89, 'unverified-news': 0.84, 'classified-info': 0.87 },
    precision: { 'sensitive-topic': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh5.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'strange-link': 0.95, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.9, 'abusive-language': 0.97, 'unverified-news': 0.89, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.97, 'scam': 0.93, 'advertising': 0.9, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.94, 'classified-info': 0.94 },
  }],
  ['tests/corpus/fresh6.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.87, 'unverified-news': 0.74, 'classified-info': 0.91 },
    precision: { 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh7.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'strange-link': 0.9, 'scam': 0.97, 'advertising': 0.95, 'gambling-fortune': 0.97, 'sensitive-topic': 0.85, 'abusive-language': 0.92, 'unverified-news': 0.93, 'classified-info': 0.93 },
    // unverified precision 0.96: a forwarded EVN phishing text ("… chưa thanh toán sẽ bị cắt điện") also reads as the
    // rumour it dresses as.
    precision: { 'strange-link': 0.97, 'scam': 0.84, 'advertising': 0.91, 'gambling-fortune': 0.91, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.96, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh8.jsonl', {
    scoreOnly: false,
    cleanFp: 0.02,
    recall: { 'sensitive-topic': 0.92, 'unverified-news': 0.75, 'classified-info': 0.84 },
    precision: { 'sensitive-topic': 0.97, 'unverified-news': 0.97, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh9.jsonl', {
    scoreOnly: false,
    cleanFp: 0.029,
    recall: { 'strange-link': 0.89, 'scam': 0.97, 'advertising': 0.97, 'gambling-fortune': 0.97, 'sensitive-topic': 0.97, 'abusive-language': 0.94, 'unverified-news': 0.97, 'classified-info': 0.97 },
    precision: { 'strange-link': 0.97, 'scam': 0.92, 'advertising': 0.95, 'gambling-fortune': 0.91, 'sensitive-topic': 0.97, 'abusive-language': 0.97, 'unverified-news': 0.9, 'classified-info': 0.97 },
  }],
  ['tests/corpus/fresh10.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.95, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.94, 'abusive-language': 0.98, 'unverified-news': 0.94, 'classified-info': 0.94 },
    precision: { 'strange-link': 0.98, 'scam': 0.92, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.94 },
  }],
  ['tests/corpus/fresh11.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.91, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.94, 'abusive-language': 0.98, 'unverified-news': 0.95, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.91, 'advertising': 0.93, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh12.jsonl', {
    scoreOnly: false,
    cleanFp: 0.008,
    recall: { 'strange-link': 0.94, 'scam': 0.95, 'advertising': 0.93, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.88, 'classified-info': 0.94 },
    precision: { 'strange-link': 0.98, 'scam': 0.89, 'advertising': 0.95, 'gambling-fortune': 0.94, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh13.jsonl', {
    scoreOnly: false,
    cleanFp: 0.012,
    recall: { 'strange-link': 0.93, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.84, 'abusive-language': 0.98, 'unverified-news': 0.86, 'classified-info': 0.9 },
    precision: { 'strange-link': 0.98, 'scam': 0.88, 'advertising': 0.93, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.95, 'unverified-news': 0.94, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh14.jsonl', {
    scoreOnly: false,
    cleanFp: 0.014,
    recall: { 'strange-link': 0.92, 'scam': 0.95, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.92, 'abusive-language': 0.98, 'unverified-news': 0.88, 'classified-info': 0.92 },
    precision: { 'strange-link': 0.95, 'scam': 0.82, 'advertising': 0.91, 'gambling-fortune': 0.87, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.92, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh15.jsonl', {
    scoreOnly: false,
    cleanFp: 0.008,
    recall: { 'strange-link': 0.94, 'scam': 0.95, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.86, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.94, 'scam': 0.91, 'advertising': 0.91, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.94, 'unverified-news': 0.88, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh16.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.94, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.91, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.98, 'scam': 0.93, 'advertising': 0.86, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh17.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.9, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.93, 'abusive-language': 0.98, 'unverified-news': 0.83, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.94, 'advertising': 0.89, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.94, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh18.jsonl', {
    scoreOnly: false,
    cleanFp: 0.008,
    recall: { 'strange-link': 0.92, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.93, 'abusive-language': 0.98, 'unverified-news': 0.93, 'classified-info': 0.92 },
    precision: { 'strange-link': 0.98, 'scam': 0.87, 'advertising': 0.91, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.88, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh19.jsonl', {
    scoreOnly: false,
    cleanFp: 0.014,
    recall: { 'strange-link': 0.91, 'scam': 0.95, 'advertising': 0.95, 'gambling-fortune': 0.98, 'sensitive-topic': 0.93, 'abusive-language': 0.98, 'unverified-news': 0.93, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.98, 'scam': 0.89, 'advertising': 0.92, 'gambling-fortune': 0.94, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh20.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.95, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.89, 'abusive-language': 0.98, 'unverified-news': 0.94, 'classified-info': 0.89 },
    precision: { 'strange-link': 0.98, 'scam': 0.94, 'advertising': 0.95, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.94, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh21.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.9, 'scam': 0.98, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.78, 'classified-info': 0.94 },
    precision: { 'strange-link': 0.98, 'scam': 0.91, 'advertising': 0.95, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh22.jsonl', {
    scoreOnly: false,
    cleanFp: 0.004,
    recall: { 'strange-link': 0.9, 'scam': 0.94, 'advertising': 0.98, 'gambling-fortune': 0.98, 'sensitive-topic': 0.82, 'abusive-language': 0.94, 'unverified-news': 0.9, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.9, 'advertising': 0.89, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh23.jsonl', {
    scoreOnly: true,
    cleanFp: 0.018,
    recall: { 'strange-link': 0.92, 'scam': 0.93, 'advertising': 0.98, 'gambling-fortune': 0.88, 'sensitive-topic': 0.78, 'abusive-language': 0.82, 'unverified-news': 0.83, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.98, 'scam': 0.89, 'advertising': 0.85, 'gambling-fortune': 0.94, 'sensitive-topic': 0.98, 'abusive-language': 0.91, 'unverified-news': 0.94, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh24.jsonl', {
    scoreOnly: true,
    cleanFp: 0.016,
    recall: { 'strange-link': 0.95, 'scam': 0.92, 'advertising': 0.95, 'gambling-fortune': 0.88, 'sensitive-topic': 0.84, 'abusive-language': 0.73, 'unverified-news': 0.77, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.98, 'scam': 0.86, 'advertising': 0.8, 'gambling-fortune': 0.91, 'sensitive-topic': 0.93, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh25.jsonl', {
    scoreOnly: true,
    cleanFp: 0.011,
    recall: { 'strange-link': 0.93, 'scam': 0.83, 'advertising': 0.89, 'gambling-fortune': 0.94, 'sensitive-topic': 0.83, 'abusive-language': 0.92, 'unverified-news': 0.73, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.98, 'scam': 0.86, 'advertising': 0.89, 'gambling-fortune': 0.94, 'sensitive-topic': 0.98, 'abusive-language': 0.94, 'unverified-news': 0.9, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh26.jsonl', {
    scoreOnly: true,
    cleanFp: 0.015,
    recall: { 'strange-link': 0.94, 'scam': 0.92, 'advertising': 0.91, 'gambling-fortune': 0.86, 'sensitive-topic': 0.93, 'abusive-language': 0.86, 'unverified-news': 0.65, 'classified-info': 0.82 },
    precision: { 'strange-link': 0.98, 'scam': 0.88, 'advertising': 0.92, 'gambling-fortune': 0.92, 'sensitive-topic': 0.98, 'abusive-language': 0.92, 'unverified-news': 0.89, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh27.jsonl', {
    scoreOnly: true,
    cleanFp: 0.011,
    recall: { 'strange-link': 0.98, 'scam': 0.94, 'advertising': 0.91, 'gambling-fortune': 0.89, 'sensitive-topic': 0.87, 'abusive-language': 0.89, 'unverified-news': 0.77, 'classified-info': 0.95 },
    precision: { 'strange-link': 0.95, 'scam': 0.91, 'advertising': 0.93, 'gambling-fortune': 0.98, 'sensitive-topic': 0.91, 'abusive-language': 0.8, 'unverified-news': 0.95, 'classified-info': 0.95 },
  }],
  ['tests/corpus/fresh28.jsonl', {
    scoreOnly: true,
    cleanFp: 0.012,
    recall: { 'strange-link': 0.98, 'scam': 0.87, 'advertising': 0.95, 'gambling-fortune': 0.95, 'sensitive-topic': 0.95, 'abusive-language': 0.89, 'unverified-news': 0.82, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.9, 'advertising': 0.92, 'gambling-fortune': 0.95, 'sensitive-topic': 0.95, 'abusive-language': 0.95, 'unverified-news': 0.98, 'classified-info': 0.91 },
  }],
  ['tests/corpus/fresh29.jsonl', {
    scoreOnly: true,
    cleanFp: 0.015,
    recall: { 'strange-link': 0.98, 'scam': 0.98, 'advertising': 0.95, 'gambling-fortune': 0.98, 'sensitive-topic': 0.92, 'abusive-language': 0.87, 'unverified-news': 0.82, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.91, 'advertising': 0.88, 'gambling-fortune': 0.89, 'sensitive-topic': 0.98, 'abusive-language': 0.93, 'unverified-news': 0.92, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh30.jsonl', {
    scoreOnly: true,
    cleanFp: 0.014,
    recall: { 'strange-link': 0.98, 'scam': 0.98, 'advertising': 0.89, 'gambling-fortune': 0.98, 'sensitive-topic': 0.92, 'abusive-language': 0.93, 'unverified-news': 0.98, 'classified-info': 0.92 },
    precision: { 'strange-link': 0.98, 'scam': 0.91, 'advertising': 0.89, 'gambling-fortune': 0.98, 'sensitive-topic': 0.92, 'abusive-language': 0.98, 'unverified-news': 0.98, 'classified-info': 0.98 },
  }],
  ['tests/corpus/fresh31.jsonl', {
    scoreOnly: true,
    cleanFp: 0.012,
    recall: { 'strange-link': 0.96, 'scam': 0.94, 'advertising': 0.8, 'gambling-fortune': 0.92, 'unverified-news': 0.91 },
    precision: { 'strange-link': 0.98, 'scam': 0.94, 'advertising': 0.95, 'gambling-fortune': 0.95, 'unverified-news': 0.98 },
  }],
  ['tests/corpus/fresh32.jsonl', {
    scoreOnly: true,
    cleanFp: 0.013,
    recall: { 'strange-link': 0.98, 'scam': 0.82, 'advertising': 0.84, 'gambling-fortune': 0.85, 'sensitive-topic': 0.83, 'abusive-language': 0.94, 'unverified-news': 0.8 },
    precision: { 'strange-link': 0.98, 'scam': 0.92, 'advertising': 0.93, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.95, 'unverified-news': 0.98 },
  }],
  ['tests/corpus/fresh33.jsonl', {
    scoreOnly: true,
    cleanFp: 0.018,
    recall: { 'strange-link': 0.98, 'scam': 0.86, 'advertising': 0.9, 'gambling-fortune': 0.95, 'sensitive-topic': 0.89, 'abusive-language': 0.86, 'unverified-news': 0.79, 'classified-info': 0.91 },
    precision: { 'strange-link': 0.97, 'scam': 0.94, 'advertising': 0.85, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.91, 'classified-info': 0.95 },
  }],
  ['tests/corpus/fresh34.jsonl', {
    scoreOnly: true,
    cleanFp: 0.033,
    recall: { 'strange-link': 0.97, 'scam': 0.88, 'advertising': 0.96, 'gambling-fortune': 0.98, 'sensitive-topic': 0.94, 'abusive-language': 0.95, 'unverified-news': 0.85, 'classified-info': 0.98 },
    precision: { 'strange-link': 0.98, 'scam': 0.89, 'advertising': 0.88, 'gambling-fortune': 0.98, 'sensitive-topic': 0.98, 'abusive-language': 0.98, 'unverified-news': 0.91, 'classified-info': 0.88 },
  }],  ['tests/corpus/fresh35.jsonl', {
    scoreOnly: true,
    cleanFp: 0.008,
    recall: { 'strange-link': 0.97, 'scam': 0.97, 'advertising': 0.96, 'gambling-fortune': 0.94, 'sensitive-topic': 0.92, 'abusive-language': 0.94, 'unverified-news': 0.81, 'classified-info': 0.95 },
    precision: { 'strange-link': 0.99, 'scam': 0.87, 'advertising': 0.89, 'gambling-fortune': 0.99, 'sensitive-topic': 0.95, 'abusive-language': 0.96, 'unverified-news': 0.96, 'classified-info': 0.99 },
  }],
  ['tests/corpus/fresh36.jsonl', {
    scoreOnly: true,
    cleanFp: 0.021,
    recall: { 'strange-link': 0.99, 'scam': 0.86, 'advertising': 0.83, 'gambling-fortune': 0.88, 'sensitive-topic': 0.9, 'abusive-language': 0.88, 'unverified-news': 0.75, 'classified-info': 0.93 },
    precision: { 'strange-link': 0.99, 'scam': 0.88, 'advertising': 0.91, 'gambling-fortune': 0.88, 'sensitive-topic': 0.99, 'abusive-language': 0.93, 'unverified-news': 0.96, 'classified-info': 0.99 },
  }],
  ['tests/corpus/fresh37.jsonl', {
    scoreOnly: true,
    cleanFp: 0.018,
    recall: { 'strange-link': 0.95, 'scam': 0.84, 'advertising': 0.94, 'gambling-fortune': 0.9, 'sensitive-topic': 0.87, 'abusive-language': 0.96, 'unverified-news': 0.81, 'classified-info': 0.95 },
    precision: { 'strange-link': 0.99, 'scam': 0.85, 'advertising': 0.94, 'gambling-fortune': 0.99, 'sensitive-topic': 0.99, 'abusive-language': 0.96, 'unverified-news': 0.92, 'classified-info': 0.99 },
  }],
  ['tests/corpus/fresh38.jsonl', {
    scoreOnly: true,
    cleanFp: 0.032,
    recall: { 'strange-link': 0.99, 'scam': 0.92, 'advertising': 0.99, 'gambling-fortune': 0.94, 'sensitive-topic': 0.95, 'abusive-language': 0.91, 'unverified-news': 0.86, 'classified-info': 0.88 },
    precision: { 'strange-link': 0.97, 'scam': 0.91, 'advertising': 0.91, 'gambling-fortune': 0.92, 'sensitive-topic': 0.99, 'abusive-language': 0.91, 'unverified-news': 0.89, 'classified-info': 0.92 },
  }],
  ['tests/corpus/fresh39.jsonl', {
    scoreOnly: true,
    cleanFp: 0.022,
    recall: { 'strange-link': 0.99, 'scam': 0.92, 'advertising': 0.99, 'gambling-fortune': 0.87, 'sensitive-topic': 0.95, 'abusive-language': 0.96, 'unverified-news': 0.77, 'classified-info': 0.91 },
    precision: { 'strange-link': 0.99, 'scam': 0.83, 'advertising': 0.89, 'gambling-fortune': 0.96, 'sensitive-topic': 0.99, 'abusive-language': 0.93, 'unverified-news': 0.92, 'classified-info': 0.99 },
  }],
  ['tests/corpus/fresh40.jsonl', {
    scoreOnly: true,
    cleanFp: 0.015,
    recall: { 'strange-link': 0.99, 'scam': 0.9, 'advertising': 0.96, 'gambling-fortune': 0.96, 'sensitive-topic': 0.92, 'abusive-language': 0.93, 'unverified-news': 0.85, 'classified-info': 0.92 },
    precision: { 'strange-link': 0.99, 'scam': 0.9, 'advertising': 0.96, 'gambling-fortune': 0.96, 'sensitive-topic': 0.99, 'abusive-language': 0.88, 'unverified-news': 0.95, 'classified-info': 0.92 },
  }],
];

describe.each(FLOORED)('%s', (file, floors) => {
  const r = evaluate(load(resolve(repo, file)), rs);
  const misses = r.misses.map((m) => `${m.kind} ${m.category} ${m.id}`).join(' ');

  it(floors.scoreOnly ? 'is never trained on' : 'is among the training files', () => {
    expect(TRAINING_FILES.includes(file)).toBe(!floors.scoreOnly);
  });

  it('has a floor for exactly the categories with enough lines', () => {
    const supported = CATEGORY_IDS.filter((c) => r.perCategory[c].support >= MIN_SUPPORT);
    expect(Object.keys(floors.recall).sort()).toEqual([...supported].sort());
    expect(Object.keys(floors.precision).sort()).toEqual([...supported].sort());
  });

  it('stays at or above its regression floors', () => {
    expect(r.cleanFpRate, 'clean FP').toBeLessThanOrEqual(floors.cleanFp);
    for (const [c, floor] of Object.entries(floors.recall) as Array<[CategoryId, number]>) {
      expect(r.perCategory[c].recall, `${c} recall (${misses})`).toBeGreaterThanOrEqual(floor);
    }
    for (const [c, floor] of Object.entries(floors.precision) as Array<[CategoryId, number]>) {
      expect(r.perCategory[c].precision, `${c} precision (${misses})`).toBeGreaterThanOrEqual(floor);
    }
  });
});

// An admin acts on a flag by reading its evidence: every flag on every corpus line names words of the message.
describe('every flag names its evidence', () => {
  const files = readdirSync(resolve(repo, 'tests/corpus')).filter((f) => f.endsWith('.jsonl'));

  it.each(files)('%s', (file) => {
    const bare: string[] = [];
    for (const m of load(resolve(repo, 'tests/corpus', file))) {
      for (const f of checkMessage(m.text, rs)) {
        const named = f.evidence.length > 0 && f.evidence.every((e) => e.text.trim() !== '' && m.text.slice(e.start, e.end) === e.text);
        if (!named) bare.push(`${m.id} ${f.category}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
