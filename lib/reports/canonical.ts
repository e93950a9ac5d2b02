import { canonicalJson } from '../log/chain';

/**
 * canonicalJson (lib/log/chain.ts) for data that came out of JSON.parse and a zod schema, with the
 * text written by the engine: a copy whose keys were inserted in sorted order, then one plain
 * JSON.stringify (its fast path). About half the cost of building the text key by key, which is what
 * a xã checking 400,000 entries spends most of its time on. Tests compare both on real bundles.
 *
 * Only for plain JSON data (no undefined inside arrays, no toJSON). Objects with array-index keys
 * ("0", "12") fall back to canonicalJson: engines list such keys first, whatever the insertion order.
 */

const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

class NeedsSlowPath extends Error {}

/**
 * Sorted key lists of the last few object shapes seen. A bundle's 400,000 objects come in a handful
 * of shapes (entry, group, place, member) whose keys arrive in the schema's order, so sorting them
 * and vetting them for index keys once per shape instead of once per object halves the copy's cost.
 * A hit needs the very same key list in the same order, so it gives exactly what sorting would.
 */
const SHAPES = 16;
const shapeKeys: string[][] = [];
const shapeSorted: string[][] = [];

function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const n = keys.length;
  search: for (let c = 0; c < shapeKeys.length; c++) {
    const known = shapeKeys[c]!;
    if (known.length !== n) continue;
    for (let i = 0; i < n; i++) if (known[i] !== keys[i]) continue search;
    return shapeSorted[c]!;
  }
  for (const k of keys) if (INDEX_KEY.test(k)) throw new NeedsSlowPath();
  const sorted = [...keys].sort();
  if (shapeKeys.length >= SHAPES) {
    shapeKeys.shift();
    shapeSorted.shift();
  }
  shapeKeys.push(keys);
  shapeSorted.push(sorted);
  return sorted;
}

function sortedCopy(value: unknown, omit?: ReadonlySet<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = sortedCopy(value[i]);
    return out;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (omit?.has(k)) continue;
    const v = obj[k];
    if (v === undefined) continue;
    if (INDEX_KEY.test(k)) throw new NeedsSlowPath();
    out[k] = sortedCopy(v);
  }
  return out;
}

/** canonicalJson(value) for plain JSON data. */
export function fastCanonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value));
  } catch (e) {
    if (e instanceof NeedsSlowPath) return canonicalJson(value);
    throw e;
  }
}

/** canonicalJson of `object` without the top-level keys in `omit` (an entry's hashed body). */
export function fastCanonicalWithout(object: Record<string, unknown>, omit: ReadonlySet<string>): string {
  try {
    return JSON.stringify(sortedCopy(object, omit));
  } catch (e) {
    if (!(e instanceof NeedsSlowPath)) throw e;
    const copy: Record<string, unknown> = { ...object };
    for (const k of omit) delete copy[k];
    return canonicalJson(copy);
  }
}

/** Entries of a bundle in canonical form: each body's text (what its hash covers) and a sorted copy of the whole entry. */
export type CanonicalEntries = { readonly bodies: readonly string[]; readonly copies: readonly Record<string, unknown>[] };

/**
 * One sorted copy per entry serves both checks of a bundle: the body (the entry without `omit`, the
 * hash chain's input) shares the copy's values, and the copies go whole into the signed text
 * (canonicalWithEntries). Undefined when an entry needs the slow path (index keys; never in a
 * schema-checked bundle): callers then write each text on its own.
 */
export function canonicalEntries(entries: readonly object[], omit: ReadonlySet<string>): CanonicalEntries | undefined {
  const bodies = new Array<string>(entries.length);
  const copies = new Array<Record<string, unknown>>(entries.length);
  try {
    for (let i = 0; i < entries.length; i++) {
      const full = sortedCopy(entries[i]) as Record<string, unknown>;
      // The copy's keys are sorted already and have no undefined values.
      const body: Record<string, unknown> = {};
      for (const k in full) if (!omit.has(k)) body[k] = full[k];
      bodies[i] = JSON.stringify(body);
      copies[i] = full;
    }
  } catch (e) {
    if (e instanceof NeedsSlowPath) return undefined;
    throw e;
  }
  return { bodies, copies };
}

/** canonicalJson of `object` whose top-level array `key` holds the entries `canonical` was made from. */
export function canonicalWithEntries(object: Record<string, unknown>, key: string, canonical: CanonicalEntries): string {
  const items = object[key];
  if (!Array.isArray(items) || items.length !== canonical.copies.length) throw new Error(`canonicalWithEntries: "${key}" is not the entries given`);
  try {
    const out: Record<string, unknown> = {};
    for (const k of sortedKeys(object)) {
      const v = object[k];
      if (v === undefined) continue;
      out[k] = k === key ? canonical.copies : sortedCopy(v);
    }
    return JSON.stringify(out);
  } catch (e) {
    if (e instanceof NeedsSlowPath) return canonicalJson(object);
    throw e;
  }
}
