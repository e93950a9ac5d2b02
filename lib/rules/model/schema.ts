/**
 * The linear model that backs the rules (data, never code): one logistic regression per category over word and
 * word-pair features (abusive-language also over hashed character n-grams), trained offline by
 * scripts/train-model.ts on the labelled corpora. Weights are int8 with a per-category scale, base64-encoded, in the
 * order of `features`.
 */
import * as z from 'zod';
import { CATEGORY_IDS } from '../categories';
import { frontCodeError, frontDecode } from './front-code';

export const MODEL_FORMAT = 'zalo-group-guard/model';

const categoryModelSchema = z.object({
  bias: z.number().finite(),
  scale: z.number().positive().finite(),
  weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected'),
  /**
   * This category's own threshold, from which the model flags it even with no rule word of the category (for those
   * whose rules need one, `needsHits`). Set only where the model learnt from enough real messages to be trusted
   * alone: insults as people write them often carry no listed swear word. Absent: the model's `threshold`, and a
   * category that needs a rule word still needs one.
   */
  alone: z.number().min(0.05).max(0.99).optional(),
  /**
   * Over `alone`, a message of `words` or more distinct words needs `p`: word and pair weights add up unscaled (only
   * the n-grams are scaled by the message's length), so a long everyday line gathers log-odds from many mildly
   * weighted words. Absent: `alone` whatever the length.
   */
  aloneLong: z.object({ words: z.number().int().min(1).max(1000), p: z.number().min(0.05).max(0.99) }).optional(),
  /** Weights of the character n-gram buckets (model `ngrams`), int8 base64 like `weights`, with their own scale. */
  ngramScale: z.number().positive().finite().optional(),
  ngramWeights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected').optional(),
  /**
   * Instead of `ngramScale` and `ngramWeights`: the 16 weights a bucket may have (index 0 is the bucket no training
   * n-gram reached, weight 0), and `ngramRuns` each bucket's index into them, run-length coded since most buckets
   * are 0: one byte per run, whose high nibble counts index-0 buckets and whose low nibble is the index of the bucket
   * after them (a run of 0s is split every 16). Buckets past the last run are index 0.
   */
  ngramLevels: z.array(z.number().finite()).length(16).optional(),
  ngramRuns: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected').optional(),
});

/** How many buckets the runs of `ngramRuns` (as bytes) cover: each byte's index-0 count plus its own bucket. */
export function runsLength(bytes: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) n += ((bytes[i]! & 0xff) >> 4) + 1;
  return n;
}

/** The bytes a base64 field holds, as int8 (weights) or, masked with 0xff, as plain bytes (runs). */
export function decodeInt8(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.match(/=+$/)?.[0].length ?? 0);

/** The veto's bounds, plain and for a message with warning words (`warned`). */
const VETO_BOUNDS = { below: z.number().min(0).max(0.5), maxLift: z.number().min(0).max(20) };

export const modelSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    schema: z.literal(1),
    version: z.string().min(1),
    /** Probability from which the model alone flags a category the rules left below their threshold. */
    threshold: z.number().min(0.05).max(0.99),
    /**
     * The model's say against the rules: a rule flag scoring under `scoreRatio` × its category threshold is dropped
     * when the model gives the category a probability under `below` and the message's words lifted its log-odds less
     * than `maxLift` over the category's bias: the model found nothing in the message that looks like the category.
     * A short leak ("Tài liệu tuyệt mật của huyện đây") stays under `below` but its words lift it far: it stays.
     * Absent: the model never overrules the rules. `warned`: looser `below` and `maxLift` for a message that carries
     * warning words short of a warning ("Canh bao … 'soi cau chuan 99%' … roi doi nop tien"): admins retell the bad
     * wording to warn about it, and there the model's doubt weighs more.
     */
    veto: z
      .object({
        below: VETO_BOUNDS.below,
        scoreRatio: z.number().min(1).max(100),
        maxLift: VETO_BOUNDS.maxLift,
        warned: z.object(VETO_BOUNDS).optional(),
      })
      .optional(),
    /** Character n-grams (features.ts `forEachNgram`) hashed into 2^bits buckets; only categories with `ngramWeights` read them. */
    ngrams: z
      .object({
        min: z.number().int().min(1).max(8),
        max: z.number().int().min(1).max(8),
        bits: z.number().int().min(8).max(20),
        /** The n-gram features' value: gain / √(the message's distinct n-grams). */
        gain: z.number().positive().finite(),
        /** The n-gram count below which a short message's n-grams stop gaining value: gain / √max(floor, count). */
        floor: z.number().int().min(1).max(4096).optional(),
      })
      .refine((g) => g.min <= g.max, { message: 'min must not exceed max', path: ['max'] })
      .optional(),
    trainedOn: z.array(z.string()),
    /** Feature names separated by single spaces; weight k of every category belongs to feature k. */
    features: z.string(),
    /** With it, `features` holds only each name's new tail and this says how much it shares (front-code.ts). */
    featuresShared: z.string().optional(),
    categories: z.partialRecord(z.enum(CATEGORY_IDS), categoryModelSchema),
  })
  .superRefine((m, ctx) => {
    const shared = frontCodeError(m.features, m.featuresShared);
    if (shared !== null) ctx.addIssue({ code: 'custom', path: ['featuresShared'], message: shared });
    const count = m.features === '' ? 0 : m.features.split(' ').length;
    for (const [id, c] of Object.entries(m.categories)) {
      if (!c) continue;
      const bytes = base64Bytes(c.weights);
      if (bytes !== count) ctx.addIssue({ code: 'custom', path: ['categories', id, 'weights'], message: `${bytes} weights for ${count} features` });
      const buckets = m.ngrams ? 2 ** m.ngrams.bits : 0;
      const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['categories', id, field], message });
      if (c.ngramRuns !== undefined) {
        const covered = runsLength(decodeInt8(c.ngramRuns));
        if (covered > buckets) issue('ngramRuns', `runs cover ${covered} buckets, more than the ${buckets} n-gram buckets`);
        if (c.ngramLevels === undefined) issue('ngramLevels', 'ngramRuns needs the 16 ngramLevels');
        if (c.ngramWeights !== undefined || c.ngramScale !== undefined) issue('ngramRuns', 'either ngramRuns with ngramLevels or ngramWeights with ngramScale');
        continue;
      }
      if (c.ngramLevels !== undefined) issue('ngramLevels', 'ngramLevels without ngramRuns');
      if ((c.ngramWeights === undefined) !== (c.ngramScale === undefined)) issue('ngramScale', 'ngramWeights and ngramScale go together');
      if (c.ngramWeights === undefined) continue;
      const got = base64Bytes(c.ngramWeights);
      if (got !== buckets) issue('ngramWeights', `${got} weights for ${buckets} n-gram buckets`);
    }
  });

export type LinearModel = z.infer<typeof modelSchema>;

/** The model's feature names in weight order (a valid model's: the schema has checked them). */
export function featureNames(m: LinearModel): string[] {
  const r = frontDecode(m.features, m.featuresShared);
  if (!r.ok) throw new Error(`featuresShared: ${r.error}`);
  return r.names;
}

export type ParseModelResult = { ok: true; model: LinearModel } | { ok: false; error: string };

/** Validates a model; the error names the failing field ("categories.scam.weights: …"). */
export function parseModel(input: unknown): ParseModelResult {
  const r = modelSchema.safeParse(input);
  if (r.success) return { ok: true, model: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || '(model)'}: ${issue.message}` };
}
