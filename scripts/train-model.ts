/**
 * npm run train-model            retrain lib/rules/packs/model-vi.json from the development corpora
 * npm run train-model -- --check exit 1 when the shipped model differs from a fresh training (CI keeps them in step)
 *
 * One logistic regression per category (not strange-link: links are judged by link analysis) over the word and
 * word-pair features of lib/rules/model/features.ts, trained on tests/corpus/{labelled,extra,fresh,fresh3,fresh4,fresh5}.jsonl
 * and the dev sample. tests/corpus/fresh2.jsonl and holdout.jsonl are never used: they measure what carries over.
 * Deterministic: fixed seed and order, so the same corpora always give the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORY_IDS, type CategoryId } from '../lib/rules/categories';
import { modelTokens } from '../lib/rules/model/features';
import { MODEL_FORMAT, type LinearModel } from '../lib/rules/model/schema';
import { normalize } from '../lib/rules/normalize';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
export const TRAINING_FILES = [
  'tests/corpus/labelled.jsonl',
  'tests/corpus/extra.jsonl',
  'tests/corpus/fresh.jsonl',
  'tests/corpus/fresh3.jsonl',
  'tests/corpus/fresh4.jsonl',
  'tests/corpus/fresh5.jsonl',
  'tests/unit/rules/fixtures/messages.dev.jsonl',
];
export const MODEL_FILE = 'lib/rules/packs/model-vi.json';

/** Chosen by 5-fold cross-validation on the training files (macro-F1 with the rules, clean FP rate). */
const L2 = 3e-4;
const EPOCHS = 30;
const LEARNING_RATE = 0.5;
const MIN_DOCS = 2;
/**
 * Where the model adds a flag, and where it overrules a modest rule flag. Chosen on fresh4 and fresh5 while they were
 * still unseen (a model trained without them): the veto took their clean false-positive rate from 4.7% and 8.5% to
 * 1.9% and 3.0% for two recall points in two categories; 0.3 instead of 0.4 (the earlier cross-validated value)
 * raised recall in four categories at the same false-positive rate.
 */
const THRESHOLD = 0.3;
const VETO = { below: 0.05, scoreRatio: 3, maxLift: 2 };
const MODELLED: readonly CategoryId[] = CATEGORY_IDS.filter((c) => c !== 'strange-link');

interface Row {
  text: string;
  expect: string[];
}

/** Every training line, and how many each file gave (recorded in the model's `trainedOn`). */
function loadRows(root: string): { rows: Row[]; counts: number[] } {
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

function featureSet(text: string): string[] {
  return [...new Set(modelTokens(normalize(text)).map((t) => t.feature))];
}

function toBase64(bytes: Int8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b & 0xff);
  return btoa(bin);
}

export function trainModel(root = ROOT): LinearModel {
  const { rows, counts } = loadRows(root);
  const docs = rows.map((r) => featureSet(r.text));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df].filter(([, n]) => n >= MIN_DOCS).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = docs.map((d) => d.map((f) => index.get(f)).filter((i): i is number => i !== undefined));

  const trained = MODELLED.map((cat) => {
    let seed = 1;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const w = new Float64Array(vocab.length);
    let b = -2;
    const y = rows.map((r) => (r.expect.includes(cat) ? 1 : 0));
    const order = X.map((_, i) => i);
    for (let ep = 0; ep < EPOCHS; ep++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const lr = LEARNING_RATE / (1 + ep * 0.2);
      for (const i of order) {
        const xi = X[i]!;
        let z = b;
        for (const k of xi) z += w[k]!;
        const g = 1 / (1 + Math.exp(-z)) - y[i]!;
        b -= lr * g;
        for (const k of xi) w[k] = w[k]! - lr * (g + L2 * 100 * w[k]!);
      }
    }
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? max / 127 : 1;
    return { cat, bias: b, scale, q: Int8Array.from(w, (v) => Math.round(v / scale)) };
  });

  // Features whose quantised weights are all zero carry nothing: leave them out of the file.
  const keep = vocab.map((_, k) => trained.some((t) => t.q[k] !== 0));
  const features = vocab.filter((_, k) => keep[k]);
  const categories: LinearModel['categories'] = {};
  for (const t of trained) {
    categories[t.cat] = {
      bias: Math.round(t.bias * 1e6) / 1e6,
      scale: Math.round(t.scale * 1e9) / 1e9,
      weights: toBase64(t.q.filter((_, k) => keep[k])),
    };
  }
  return {
    format: MODEL_FORMAT,
    schema: 1,
    version: '1.0.0',
    threshold: THRESHOLD,
    veto: VETO,
    trainedOn: TRAINING_FILES.map((f, i) => `${f} (${counts[i]})`),
    features: features.join(' '),
    categories,
  };
}

export function serialiseModel(model: LinearModel): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
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
