/**
 * npm run train-model            retrain lib/rules/packs/model-vi.json from the development corpora
 * npm run train-model -- --check exit 1 when the shipped model differs from a fresh training (CI keeps them in step)
 * npm run train-model -- --cv    5-fold cross-validation of the shipped settings and their neighbours
 * npm run train-model -- --cv vihos [--rows N]  5-fold figures of abusive-language on the ViHOS comments
 * npm run train-model -- --lofo  leave-one-file-out over the newest training files (LOFO_FILES)
 *
 * One logistic regression per category (not strange-link: links are judged by link analysis) over the word,
 * word-pair and accented-word features of lib/rules/model/features.ts (abusive-language also over hashed character
 * n-grams), trained on TRAINING_FILES (below, the dev sample among them). abusive-language also learns from the ViHOS
 * comments (tests/corpus/vihos): real insults with their slang and misspellings. Those rows are labelled for abuse
 * only, so no other category sees them. tests/corpus/fresh2.jsonl, holdout.jsonl, fresh23.jsonl to fresh34.jsonl and
 * the *-unseen files are never trained on: they measure what carries over (fresh23 to fresh34 were read for the rules).
 * Deterministic: fixed seed and order, so the same corpora always give the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORY_IDS, type CategoryId } from '../lib/domain/categories';
import { ACCENTED, modelTokens, ngramBuckets, type NgramSpec } from '../lib/rules/model/features';
import { MODEL_FORMAT, type LinearModel } from '../lib/rules/model/schema';
import { frontCode } from '../lib/rules/model/front-code';
import { normalize } from '../lib/rules/normalize';
import * as z from 'zod';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '../lib/rules/index';
import { categoryStats, evaluate, type LabelledMessage } from '../lib/rules/evaluate';
import { compileModel, encodeRuns } from '../lib/rules/model/compile';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
export const TRAINING_FILES = [
  'tests/corpus/labelled.jsonl',
  'tests/corpus/extra.jsonl',
  'tests/corpus/fresh.jsonl',
  'tests/corpus/fresh3.jsonl',
  'tests/corpus/fresh4.jsonl',
  'tests/corpus/fresh5.jsonl',
  'tests/corpus/fresh6.jsonl',
  'tests/corpus/fresh7.jsonl',
  'tests/corpus/fresh8.jsonl',
  'tests/corpus/fresh9.jsonl',
  'tests/corpus/fresh10.jsonl',
  'tests/corpus/fresh11.jsonl',
  'tests/corpus/fresh12.jsonl',
  'tests/corpus/fresh13.jsonl',
  'tests/corpus/fresh14.jsonl',
  'tests/corpus/fresh15.jsonl',
  'tests/corpus/fresh16.jsonl',
  'tests/corpus/fresh17.jsonl',
  'tests/corpus/fresh18.jsonl',
  'tests/corpus/fresh19.jsonl',
  'tests/corpus/fresh20.jsonl',
  'tests/corpus/fresh21.jsonl',
  'tests/corpus/fresh22.jsonl',
  'tests/unit/rules/fixtures/messages.dev.jsonl',
];
export const MODEL_FILE = 'lib/rules/packs/model-vi.json';
/** Real social-media comments labelled for abuse only (MIT, licence beside the file). */
export const VIHOS_FILE = 'tests/corpus/vihos/vihos.jsonl';
const ABUSIVE: CategoryId = 'abusive-language';
/** Not a word the tokeniser can produce (it emits letters, digits, '#', '_' and accented spellings after '='). */
const SOURCE_FEATURE = '@other-source';

export interface TrainParams {
  l2: number;
  epochs: number;
  /** Where the model adds a flag (LinearModel.threshold). */
  threshold: number;
  /** Where it overrules a modest rule flag (LinearModel.veto); null: never. */
  veto: NonNullable<LinearModel['veto']> | null;
  /**
   * Weight of a village row against a ViHOS comment: everyday village words that ViHOS rows use in insults ("chó",
   * "chết", "thằng cu") must keep their harmless village sense.
   */
  villageWeight: number;
  /**
   * Weight of a clean village row (no category) in those categories: everyday lines are where the comments' insult
   * words ("chết", "thằng", "mày") are harmless, and they are many times rarer in training than the comments.
   */
  villageCleanWeight: number;
  /** abusive-language's own threshold, with or without a rule word (the category's `alone`). */
  abusiveAlone: number;
  /** Over abusiveAlone, the threshold for a message of `words` or more distinct words (the category's `aloneLong`); null: none. */
  abusiveLong: { words: number; p: number } | null;
  /** Character n-grams abusive-language learns besides words (null: words only). */
  ngrams: NgramSpec | null;
  /** L2 of the n-gram weights, relative to `l2` (many buckets, each shared by unrelated n-grams). */
  ngramL2: number;
  /** Scale of the n-gram features: each enters as ngramGain / √(the message's distinct n-grams). */
  ngramGain: number;
  /** abusive-language learns a word or pair only when seen in this many of its rows (n-grams cover rarer spellings). */
  abusiveMinDocs: number;
  /** The n-gram count below which a message's n-grams stop gaining value (NgramSpec `floor`). */
  ngramFloor: number;
  /**
   * Store the n-gram weights as indices into 16 levels fitted to them, run-length coded (`ngramLevels`, `ngramRuns`),
   * instead of int8: buckets no n-gram reached (three in four at 2^18) cost next to nothing, so 2^18 buckets take
   * fewer bytes than 2^16 int8 ones.
   */
  ngramLevels: boolean;
}

/**
 * L2 and epochs: chosen by 5-fold cross-validation on the training files (`-- --cv`). Threshold and veto: chosen on
 * fresh4 and fresh5 while they were still unseen (a model trained without them): the veto took their clean
 * false-positive rate from 4.7% and 8.5% to 1.9% and 3.0% for two recall points in two categories; 0.3 instead of
 * 0.4 (the earlier cross-validated value) raised recall in four categories at the same false-positive rate.
 * With fresh10–12, 14 and 15 added (two of them 65% clean), clean rows weigh more in training and every category's
 * probabilities fall: 0.2 keeps the recall 0.3 had (`-- --lofo`, each of those files scored by a model trained on
 * all the other rows: recall up 1–6 points in five categories for 0.36 points of clean FP; on holdout 0.3 lost five
 * lines, 0.2 two). maxLift stays 2: at 3 the veto drops short textbook scams ("chuyển khoản ngay vào tài khoản an
 * toàn theo yêu cầu viện kiểm sát"). In a message with warning words short of a warning, the bad wording is often
 * retold to warn about it: there the veto reaches to p 0.1 and lift 3.5 (`warned`; leave-one-file-out clean FP
 * 2.68% → 2.32%, no recall lost; 0.1/3, 0.15/3.5, 0.2/4 lie on the same plateau, 0.3/5 costs sensitive recall).
 * With fresh18 and fresh19 added (seven files left out in turn), 0.2 still leads: 0.175 adds 0.15 points of clean FP
 * for a recall point in two categories, 0.15 adds 0.35 for one or two points in three, and 0.25 and 0.3 lose recall
 * in five and six categories.
 * With fresh13, 16, 17 and 20 added (eleven files), 0.25 and 0.3 cut four to six of 38 clean flags, and a veto
 * `below` of 0.1 three, but each takes a holdout or fresh2 category under the first model's recall, so 0.2 and 0.05 stay.
 * abusiveAlone and villageCleanWeight: chosen on ViHOS 5-fold and the village 2-fold clean FP together (`-- --cv
 * vihos`, model.test): clean village rows at 8× (not 3×) moved the whole trade-off, so 0.65 gives more ViHOS recall
 * (0.676 vs 0.652) at a lower village clean FP (2.5% vs 2.7%); at 0.6 a short replica line ("Lại mất điện à, chán
 * thật", p 0.63 from rare word pairs) was flagged.
 * ngrams, ngramGain, ngramL2, abusiveMinDocs: chosen the same way. Character 3–5-grams of the folded text (2^16
 * buckets) joined to the words, each n-gram worth 6/√(the message's n-grams), with abusive-language learning only
 * words and pairs seen in ≥ 4 of its rows (rarer spellings are the n-grams' job; the file shrinks by a third):
 * ViHOS recall 0.676 → 0.730 (precision 0.966 → 0.937) at the same village clean FP (2.45% on the same rules).
 * Unit-weight n-grams (gain 1) moved nothing; gain 10 or 2^15 buckets raised the village clean FP.
 */
export const PARAMS: TrainParams = { l2: 3e-4, epochs: 30, threshold: 0.2, veto: { below: 0.05, scoreRatio: 3, maxLift: 2, warned: { below: 0.1, maxLift: 3.5 } }, abusiveAlone: 0.65, abusiveLong: null, villageWeight: 3, villageCleanWeight: 8, ngrams: { min: 3, max: 5, bits: 16 }, ngramL2: 0.3, ngramGain: 6, abusiveMinDocs: 4, ngramFloor: 1, ngramLevels: false };
/**
 * The settings closest to the ViHOS goal (5-fold recall ≥ 0.80 at precision ≥ 0.85) with the village clean FP held
 * (`-- --cv vihos`, `-- --cv`, `-- --lofo`, all on out-of-fold scores), not shipped: with fresh13–22 in training,
 * ViHOS recall at these settings is under 0.80, and the thresholds that reach 0.80 (`alone` 0.3 without `aloneLong`:
 * 0.888 / 0.802) flag everyday replica lines ("Ơ thế mà em lo quá", "Lại mất điện à, chán thật ạ").
 * - 2^18 n-gram buckets (fewer unrelated n-grams share a weight), stored as indices into 16 fitted levels, run-length
 *   coded (three buckets in four are 0): fewer bytes than 2^16 int8 weights;
 * - a short message's n-grams worth at most 6/√60 each (a three-word line no longer rides on a few n-grams);
 * - abusive-language's own threshold 0.3, and 0.55 for a message of 16 distinct words or more (`aloneLong`): word and
 *   pair weights add up unscaled, so a long everyday line gathers log-odds from many mildly weighted words (the
 *   village clean lines these settings flagged at 0.35 were nearly all that long; the comments they found, mostly
 *   shorter).
 */
export const VIHOS_GOAL_PARAMS: TrainParams = { ...PARAMS, ngrams: { min: 3, max: 5, bits: 18 }, ngramFloor: 60, ngramLevels: true, abusiveAlone: 0.3, abusiveLong: { words: 16, p: 0.55 } };
const LEARNING_RATE = 0.5;
const MIN_DOCS = 2;
const MODELLED: readonly CategoryId[] = CATEGORY_IDS.filter((c) => c !== 'strange-link');

interface Row {
  text: string;
  expect: string[];
  /** Set on rows labelled for one category only: no other category trains on them. */
  only?: CategoryId;
}

/** Every village training line, and how many each file gave (recorded in the model's `trainedOn`). */
export function loadRows(root: string): { rows: Row[]; counts: number[] } {
  const rows: Row[] = [];
  const counts = TRAINING_FILES.map((f) => {
    const before = rows.length;
    for (const line of readFileSync(resolve(root, f), 'utf8').split('\n')) {
      if (line.trim()) rows.push(JSON.parse(line) as Row);
    }
    return rows.length - before;
  });
  return { rows, counts };
}

const vihosRowSchema = z.object({ id: z.string(), text: z.string(), abusive: z.boolean() });

/** The ViHOS comments as abusive-language-only rows, in file order. */
export function loadVihos(root = ROOT): Row[] {
  return readFileSync(resolve(root, VIHOS_FILE), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = vihosRowSchema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${VIHOS_FILE}:${i + 1}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
      return { text: r.data.text, expect: r.data.abusive ? [ABUSIVE] : [], only: ABUSIVE };
    });
}

/** Deterministic pseudo-random numbers in [0, 1): the same seed gives the same training and the same folds. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Fisher–Yates, in place. */
function shuffle(order: number[], rnd: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

function featureSet(text: string): string[] {
  return [...new Set(modelTokens(normalize(text)).map((t) => t.feature))];
}

function toBase64(bytes: Int8Array | Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b & 0xff);
  return btoa(bin);
}

/**
 * 16 levels for the weights `w` (level 0 is exactly 0: buckets no training n-gram reached stay silent) fitted by 1-D
 * k-means from evenly spaced quantiles, and each weight's level index, run-length coded (`ngramRuns`).
 * Deterministic. The levels are rounded as stored, and the indices chosen against the rounded levels.
 */
function fitLevels(w: Float64Array): { levels: number[]; q: Uint8Array } {
  const nonzero = Float64Array.from(w.filter((x) => x !== 0)).sort();
  const k = 15;
  let centres = Array.from({ length: k }, (_, i) => nonzero[Math.floor(((i + 0.5) / k) * nonzero.length)] ?? 0);
  const nearest = (x: number, levels: readonly number[]) => {
    let best = 0;
    for (let j = 1; j < levels.length; j++) if (Math.abs(x - levels[j]!) < Math.abs(x - levels[best]!)) best = j;
    return best;
  };
  for (let it = 0; it < 25; it++) {
    const sum = new Float64Array(k);
    const n = new Int32Array(k);
    for (const x of nonzero) {
      const j = nearest(x, centres);
      sum[j]! += x;
      n[j]!++;
    }
    centres = centres.map((c, j) => (n[j]! > 0 ? sum[j]! / n[j]! : c));
  }
  const levels = [0, ...centres.map((c) => Math.round(c * 1e6) / 1e6)];
  const indices = Uint8Array.from(w, (x) => (x === 0 ? 0 : nearest(x, levels)));
  return { levels, q: encodeRuns(indices) };
}

export function trainModel(root = ROOT): LinearModel {
  const { rows, counts } = loadRows(root);
  const vihos = loadVihos(root);
  const trainedOn = [...TRAINING_FILES.map((f, i) => `${f} (${counts[i]})`), `${VIHOS_FILE} (${vihos.length}, ${ABUSIVE} only)`];
  return train([...rows, ...vihos], PARAMS, trainedOn);
}

/** The model-wide decision settings as the model file stores them (no `veto` key when there is none). */
function modelDecision(params: TrainParams): Pick<LinearModel, 'threshold' | 'veto'> {
  return { threshold: params.threshold, ...(params.veto ? { veto: params.veto } : {}) };
}

/** abusive-language's own thresholds as the model file stores them (no `aloneLong` key when there is none). */
function abusiveDecision(params: TrainParams): { alone: number; aloneLong?: { words: number; p: number } } {
  return { alone: params.abusiveAlone, ...(params.abusiveLong ? { aloneLong: params.abusiveLong } : {}) };
}

/**
 * One logistic regression per category of `cats` on `rows` (a row marked `only` trains its category alone);
 * deterministic for the same rows and parameters.
 */
export function train(rows: readonly Row[], params: TrainParams, trainedOn: string[], cats: readonly CategoryId[] = MODELLED): LinearModel {
  // A comment from another source carries that source as a feature: what makes its rows differ as a whole (ViHOS
  // holds half insults, a village group a few in a hundred) goes into that weight, not into the bias or into words
  // common there. No message at run time has it, so it is left out of the file.
  const docs = rows.map((r) => (r.only !== undefined ? [...featureSet(r.text), SOURCE_FEATURE] : featureSet(r.text)));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df].filter(([, n]) => n >= MIN_DOCS).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = docs.map((d) => d.map((f) => index.get(f)).filter((i): i is number => i !== undefined));

  const spec = params.ngrams;
  const grams = spec && cats.includes(ABUSIVE) ? rows.map((r) => ngramBuckets(normalize(r.text), spec)) : null;

  const trained = cats.map((cat) => {
    const rnd = lcg(1);
    const w = new Float64Array(vocab.length);
    const G = cat === ABUSIVE ? grams : null;
    const wg = new Float64Array(G && spec ? 1 << spec.bits : 0);
    const l2g = params.l2 * 100 * params.ngramL2;
    let b = -2;
    const y = rows.map((r) => (r.expect.includes(cat) ? 1 : 0));
    const order = X.map((_, i) => i).filter((i) => rows[i]!.only === undefined || rows[i]!.only === cat);
    // Where rows from another source join a category, the village rows weigh more than them: clean ones
    // `villageCleanWeight`, flagged ones `villageWeight`.
    const mixed = rows.some((r) => r.only === cat);
    const weight = rows.map((r) => (!mixed || r.only !== undefined ? 1 : r.expect.length === 0 ? params.villageCleanWeight : params.villageWeight));
    // A category learns only from features seen in its own rows often enough; accented spellings serve
    // abusive-language alone (the other categories' words read the same with or without accents, and their
    // figures should not move when the insult data does).
    const seen = new Int32Array(vocab.length);
    for (const i of order) for (const k of X[i]!) seen[k]!++;
    const minDocs = cat === ABUSIVE ? Math.max(MIN_DOCS, params.abusiveMinDocs) : MIN_DOCS;
    const trainable = Uint8Array.from(vocab, (f, k) => (seen[k]! >= minDocs && (cat === ABUSIVE || !f.startsWith(ACCENTED)) ? 1 : 0));
    for (let ep = 0; ep < params.epochs; ep++) {
      shuffle(order, rnd);
      const lr = LEARNING_RATE / (1 + ep * 0.2);
      for (const i of order) {
        const xi = X[i]!;
        const gi = G?.[i];
        let z = b;
        for (const k of xi) z += w[k]!;
        // The n-grams enter scaled by 1/√(their count): a long message has hundreds, a word a handful.
        const v = gi ? params.ngramGain / Math.sqrt(Math.max(params.ngramFloor, gi.length)) : 0;
        if (gi) {
          let sg = 0;
          for (const k of gi) sg += wg[k]!;
          z += sg * v;
        }
        const g = (1 / (1 + Math.exp(-z)) - y[i]!) * weight[i]!;
        b -= lr * g;
        for (const k of xi) if (trainable[k]) w[k] = w[k]! - lr * (g + params.l2 * 100 * w[k]!);
        if (gi) for (const k of gi) wg[k] = wg[k]! - lr * (g * v + l2g * wg[k]!);
      }
    }
    const quantise = (v: Float64Array) => {
      let max = 0;
      for (const x of v) max = Math.max(max, Math.abs(x));
      const scale = max > 0 ? max / 127 : 1;
      return { scale, q: Int8Array.from(v, (x) => Math.round(x / scale)) };
    };
    const { scale, q } = quantise(w);
    return { cat, bias: b, scale, q, grams: G ? (params.ngramLevels ? fitLevels(wg) : { ...quantise(wg), levels: null }) : null };
  });

  // Features whose quantised weights are all zero carry nothing: leave them out of the file.
  const keep = vocab.map((f, k) => f !== SOURCE_FEATURE && trained.some((t) => t.q[k] !== 0));
  const features = vocab.filter((_, k) => keep[k]);
  const categories: LinearModel['categories'] = {};
  for (const t of trained) {
    categories[t.cat] = {
      bias: Math.round(t.bias * 1e6) / 1e6,
      scale: Math.round(t.scale * 1e9) / 1e9,
      weights: toBase64(t.q.filter((_, k) => keep[k])),
      ...(t.cat === ABUSIVE ? abusiveDecision(params) : {}),
      ...(t.grams?.levels ? { ngramLevels: t.grams.levels, ngramRuns: toBase64(t.grams.q) } : {}),
      ...(t.grams && !t.grams.levels ? { ngramScale: Math.round(t.grams.scale * 1e9) / 1e9, ngramWeights: toBase64(t.grams.q) } : {}),
    };
  }
  return {
    format: MODEL_FORMAT,
    schema: 1,
    version: '1.0.0',
    ...modelDecision(params),
    ...(grams && spec ? { ngrams: { ...spec, gain: params.ngramGain, ...(params.ngramFloor > 1 ? { floor: params.ngramFloor } : {}) } } : {}),
    trainedOn,
    ...frontCode(features),
    categories,
  };
}

export interface CvResult {
  params: TrainParams;
  /** Mean F1 over the eight categories, rules + model, pooled over the folds. */
  macroF1: number;
  cleanFpRate: number;
  recall: Record<CategoryId, number>;
  precision: Record<CategoryId, number>;
}

/**
 * k-fold cross-validation on the training files: each fold is scored by the rules plus a model trained on the other
 * folds, counts pooled over the folds. Rows are dealt to folds in a fixed shuffled order, so results repeat.
 */
export function crossValidate(configs: readonly TrainParams[], folds = 5, root = ROOT): CvResult[] {
  const { rows } = loadRows(root);
  // The ViHOS rows train every fold's abusive-language model; they are scored by crossValidateVihos.
  const vihos = loadVihos(root);
  const order = rows.map((_, i) => i);
  shuffle(order, lcg(7));
  const foldOf = new Int32Array(rows.length);
  order.forEach((r, k) => (foldOf[r] = k % folds));
  const messages: LabelledMessage[] = rows.map((r, i) => ({ id: String(i), text: r.text, expect: r.expect }));
  const sets = Array.from({ length: folds }, (_, f) => messages.filter((_, i) => foldOf[i] === f));
  return scoreFolds(configs, sets, (params, f) => train([...rows.filter((_, i) => foldOf[i] !== f), ...vihos], params, []));
}

/**
 * Each config scored on every held-out set by the rules plus the model `trainFor` gives for that set, counts pooled
 * over the sets. Training depends on the training settings only: configs that differ in threshold or veto share
 * their models.
 */
function scoreFolds(configs: readonly TrainParams[], sets: readonly LabelledMessage[][], trainFor: (params: TrainParams, set: number) => LinearModel): CvResult[] {
  const trained = new Map<string, LinearModel[]>();
  return configs.map((params) => {
    const key = trainingKey(params);
    let models = trained.get(key);
    if (!models) {
      models = sets.map((_, k) => trainFor(params, k));
      trained.set(key, models);
    }
    const pooled = Object.fromEntries(CATEGORY_IDS.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<CategoryId, { tp: number; fp: number; fn: number }>;
    let clean = 0;
    let cleanFlagged = 0;
    models.forEach((m, k) => {
      const r = evaluate(sets[k]!, compileRuleset(DEFAULT_PACK, { model: compileModel(withSettings(m, params)) }));
      clean += r.clean;
      cleanFlagged += r.cleanFlagged;
      for (const c of CATEGORY_IDS) {
        pooled[c].tp += r.perCategory[c].tp;
        pooled[c].fp += r.perCategory[c].fp;
        pooled[c].fn += r.perCategory[c].fn;
      }
    });
    const stats = CATEGORY_IDS.map((c) => categoryStats(pooled[c]));
    const recall = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, stats[i]!.recall])) as Record<CategoryId, number>;
    const precision = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, stats[i]!.precision])) as Record<CategoryId, number>;
    const macroF1 = stats.reduce((sum, st) => sum + st.f1, 0) / CATEGORY_IDS.length;
    return { params, macroF1, cleanFpRate: cleanFlagged / Math.max(1, clean), recall, precision };
  });
}

/** The settings training depends on: configs that share them share their fold models. */
function trainingKey(p: TrainParams): string {
  return JSON.stringify([p.l2, p.epochs, p.villageWeight, p.villageCleanWeight, p.ngrams, p.ngramL2, p.ngramGain, p.abusiveMinDocs, p.ngramFloor, p.ngramLevels]);
}

/** `m` with the decision settings of `params` (threshold, veto, abusive-language's own threshold), not trained on. */
function withSettings(m: LinearModel, params: TrainParams): LinearModel {
  const { veto: _veto, ...model } = m;
  const abusive = m.categories[ABUSIVE];
  const { alone: _alone, aloneLong: _long, ...weights } = abusive ?? {};
  return {
    ...model,
    ...modelDecision(params),
    categories: { ...m.categories, ...(abusive ? { [ABUSIVE]: { ...weights, ...abusiveDecision(params) } } : {}) },
  };
}

export interface VihosCvResult {
  params: TrainParams;
  rows: number;
  abusive: number;
  /** abusive-language flags of checkMessage (rules + model) on the held-out fold, pooled over the folds. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/**
 * k-fold cross-validation of abusive-language on the ViHOS comments: the rows are dealt to folds in a fixed shuffled
 * order; each fold is scored by checkMessage (shipped rules and a model trained on the village training files and the
 * other folds). `rows` takes the first N of that order (a fixed subsample). Only abuse is scored: the rows carry no
 * other label. Configs that differ only in decision settings share their fold models.
 */
export function crossValidateVihos(configs: readonly TrainParams[], folds = 5, rowsLimit = Infinity, root = ROOT): VihosCvResult[] {
  const { rows } = loadRows(root);
  const all = loadVihos(root);
  const order = all.map((_, i) => i);
  shuffle(order, lcg(11));
  const picked = order.slice(0, Math.min(rowsLimit, order.length));
  const vihos = picked.map((i) => all[i]!);
  const foldOf = vihos.map((_, k) => k % folds);
  const trained = new Map<string, LinearModel[]>();
  return configs.map((params) => {
    const key = trainingKey(params);
    let models = trained.get(key);
    if (!models) {
      models = Array.from({ length: folds }, (_, f) => train([...rows, ...vihos.filter((_, i) => foldOf[i] !== f)], params, [], [ABUSIVE]));
      trained.set(key, models);
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    models.forEach((m, f) => {
      const rs = compileRuleset(DEFAULT_PACK, { model: compileModel(withSettings(m, params)) });
      vihos.forEach((r, i) => {
        if (foldOf[i] !== f) return;
        const got = checkMessage(r.text, rs).some((fl) => fl.category === ABUSIVE);
        const want = r.expect.length > 0;
        if (got && want) tp++;
        else if (got) fp++;
        else if (want) fn++;
      });
    });
    return { params, rows: vihos.length, abusive: tp + fn, tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
  });
}

/**
 * Leave-one-file-out over `files` (training files): each is scored by the rules plus a model trained on every other
 * training row. Closer to a new set's arrival than k-fold, where lines of one writer and one batch sit on both sides.
 */
export function crossValidateFiles(configs: readonly TrainParams[], files: readonly string[], root = ROOT): CvResult[] {
  const { rows, counts } = loadRows(root);
  const vihos = loadVihos(root);
  const starts = counts.map((_, k) => counts.slice(0, k).reduce((a, b) => a + b, 0));
  const held = files.map((f) => {
    const k = TRAINING_FILES.indexOf(f);
    if (k < 0) throw new Error(`${f}: not a training file`);
    return { from: starts[k]!, to: starts[k]! + counts[k]! };
  });
  const sets = held.map(({ from, to }) => rows.slice(from, to).map((r, i): LabelledMessage => ({ id: String(i), text: r.text, expect: r.expect })));
  return scoreFolds(configs, sets, (params, k) => train([...rows.slice(0, held[k]!.from), ...rows.slice(held[k]!.to), ...vihos], params, []));
}

/** The configurations `-- --cv` compares: the shipped one and its neighbours, one setting changed at a time. */
function cvGrid(): TrainParams[] {
  const base = PARAMS;
  return [
    base,
    { ...base, l2: base.l2 / 3 },
    { ...base, l2: base.l2 * 3 },
    { ...base, epochs: base.epochs * 2 },
    { ...base, threshold: 0.4 },
    { ...base, threshold: 0.5 },
    { ...base, veto: null },
    { ...base, abusiveAlone: 0.3 },
    { ...base, abusiveAlone: 0.5 },
    { ...base, abusiveAlone: 0.7 },
    VIHOS_GOAL_PARAMS,
  ];
}

/**
 * The newest training files, each written without reading the rules: `-- --lofo` leaves each out in turn. Every
 * corpus file from fresh10 on, so a set that joins the training files joins these too.
 */
export const LOFO_FILES = TRAINING_FILES.slice(TRAINING_FILES.indexOf('tests/corpus/fresh10.jsonl')).filter((f) => f.startsWith('tests/corpus/'));

/** The decision settings `-- --lofo` compares: the shipped ones and the neighbours they were chosen over. */
function lofoGrid(): TrainParams[] {
  const base = PARAMS;
  const veto = base.veto!;
  const warned = (below: number, maxLift: number): TrainParams => ({ ...base, veto: { ...veto, warned: { below, maxLift } } });
  const { warned: _, ...plain } = veto;
  return [
    base,
    VIHOS_GOAL_PARAMS,
    { ...base, threshold: 0.15 },
    { ...base, threshold: 0.175 },
    { ...base, threshold: 0.25 },
    { ...base, threshold: 0.3 },
    { ...base, veto: plain },
    warned(0.1, 3),
    warned(0.3, 5),
    { ...base, veto: { ...veto, maxLift: 3 } },
    { ...base, veto: { ...veto, below: 0.1 } },
    { ...base, veto: null },
  ];
}

export function serialiseModel(model: LinearModel): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
const cvArg = process.argv.indexOf('--cv');
if (isMain && cvArg >= 0 && process.argv[cvArg + 1] === 'vihos') {
  const rowsArg = process.argv.indexOf('--rows');
  const limit = rowsArg >= 0 ? Number(process.argv[rowsArg + 1]) : Infinity;
  const shipped = [0.35, 0.5, PARAMS.abusiveAlone].map((a) => ({ ...PARAMS, abusiveAlone: a }));
  const goal = [VIHOS_GOAL_PARAMS, { ...VIHOS_GOAL_PARAMS, abusiveLong: null }, ...[0.35, 0.38, 0.5].map((a) => ({ ...VIHOS_GOAL_PARAMS, abusiveAlone: a, abusiveLong: null }))];
  for (const r of crossValidateVihos([...shipped, ...goal], 5, limit)) {
    const p = r.params;
    const which = p.ngramLevels === VIHOS_GOAL_PARAMS.ngramLevels ? 'goal settings' : 'shipped settings';
    const long = p.abusiveLong ? `, ${p.abusiveLong.p} from ${p.abusiveLong.words} words` : '';
    const mark = p === PARAMS ? ' (shipped)' : p === VIHOS_GOAL_PARAMS ? ' (goal)' : '';
    process.stdout.write(
      `ViHOS 5-fold, ${r.rows} rows (${r.abusive} abusive), ${which}, alone ${p.abusiveAlone}${long}${mark}: abusive precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn})\n`,
    );
  }
} else if (isMain && (cvArg >= 0 || process.argv.includes('--lofo'))) {
  const results = cvArg >= 0 ? crossValidate(cvGrid()) : crossValidateFiles(lofoGrid(), LOFO_FILES);
  for (const r of results) {
    const p = r.params;
    const veto = p.veto ? `veto ${p.veto.below}/${p.veto.scoreRatio}/${p.veto.maxLift}${p.veto.warned ? ` warned ${p.veto.warned.below}/${p.veto.warned.maxLift}` : ''}` : 'no veto';
    const recall = CATEGORY_IDS.map((c) => `${c.slice(0, 5)} ${r.recall[c].toFixed(2)}`).join(' ');
    const abusive = `abusive P ${r.precision[ABUSIVE].toFixed(2)}`;
    process.stdout.write(
      `l2 ${p.l2} epochs ${p.epochs} threshold ${p.threshold} ${veto} ${p === VIHOS_GOAL_PARAMS ? 'ViHOS goal settings, ' : ''}alone ${p.abusiveAlone}${p.abusiveLong ? ` (${p.abusiveLong.p} from ${p.abusiveLong.words} words)` : ''}: macro-F1 ${r.macroF1.toFixed(3)}, clean FP ${(r.cleanFpRate * 100).toFixed(2)}%, ${abusive}, recall ${recall}\n`,
    );
  }
} else if (isMain) {
  const text = serialiseModel(trainModel());
  const file = resolve(ROOT, MODEL_FILE);
  if (process.argv.includes('--check')) {
    const same = readFileSync(file, 'utf8') === text;
    process.stdout.write(same ? `${MODEL_FILE} is up to date\n` : `${MODEL_FILE} differs from a fresh training: run npm run train-model\n`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(file, text);
  process.stdout.write(`wrote ${MODEL_FILE}: ${text.length} bytes\n`);
}
