/**
 * Corpus evaluation: per-category precision/recall/F1 and the clean false-positive rate.
 * Pure; used by scripts/eval.ts and the corpus tests.
 */
import { CATEGORY_IDS, isCategoryId, type CategoryId } from './categories';
import { checkMessage, type CompiledRuleset } from './engine';

export interface LabelledMessage {
  id: string;
  text: string;
  expect: string[];
}

export interface CategoryStats {
  tp: number;
  fp: number;
  fn: number;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalMiss {
  id: string;
  text: string;
  category: CategoryId;
  kind: 'FN' | 'FP';
  got: CategoryId[];
  expect: string[];
}

export interface EvalReport {
  total: number;
  clean: number;
  cleanFlagged: number;
  /** Share of messages labelled clean that received any flag. */
  cleanFpRate: number;
  exact: number;
  perCategory: Record<CategoryId, CategoryStats>;
  misses: EvalMiss[];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export function evaluate(messages: readonly LabelledMessage[], rs: CompiledRuleset): EvalReport {
  const counts = Object.fromEntries(CATEGORY_IDS.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<CategoryId, { tp: number; fp: number; fn: number }>;
  const misses: EvalMiss[] = [];
  let clean = 0;
  let cleanFlagged = 0;
  let exact = 0;
  for (const m of messages) {
    const got = checkMessage(m.text, rs).map((f) => f.category);
    const expect = m.expect.filter(isCategoryId);
    if (expect.length === 0) {
      clean++;
      if (got.length > 0) cleanFlagged++;
    }
    if (got.length === expect.length && got.every((g) => expect.includes(g))) exact++;
    for (const c of CATEGORY_IDS) {
      const e = expect.includes(c);
      const g = got.includes(c);
      if (e && g) counts[c].tp++;
      else if (g) {
        counts[c].fp++;
        misses.push({ id: m.id, text: m.text, category: c, kind: 'FP', got, expect: m.expect });
      } else if (e) {
        counts[c].fn++;
        misses.push({ id: m.id, text: m.text, category: c, kind: 'FN', got, expect: m.expect });
      }
    }
  }
  const perCategory = {} as Record<CategoryId, CategoryStats>;
  for (const c of CATEGORY_IDS) perCategory[c] = categoryStats(counts[c]);
  return { total: messages.length, clean, cleanFlagged, cleanFpRate: clean === 0 ? 0 : cleanFlagged / clean, exact, perCategory, misses };
}

/** Precision, recall and F1 from a category's counts (also for counts pooled over several evaluations). */
export function categoryStats({ tp, fp, fn }: { tp: number; fp: number; fn: number }): CategoryStats {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, support: tp + fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Parse labelled JSONL; bad lines are reported, not thrown. */
export function parseLabelled(text: string): { messages: LabelledMessage[]; errors: string[] } {
  const messages: LabelledMessage[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const o = JSON.parse(line) as { id?: unknown; text?: unknown; expect?: unknown };
      if (typeof o.text !== 'string' || !Array.isArray(o.expect)) {
        errors.push(`line ${i + 1}: needs "text" string and "expect" array`);
        return;
      }
      messages.push({ id: String(o.id ?? i + 1), text: o.text, expect: o.expect.map(String) });
    } catch {
      errors.push(`line ${i + 1}: invalid JSON`);
    }
  });
  return { messages, errors };
}
