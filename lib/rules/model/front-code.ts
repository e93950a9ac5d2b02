/**
 * Front coding of the model's feature names. The trainer writes them sorted, so a name mostly repeats the start of
 * the one before it ("#1_ban", "#1_bao"); the file then keeps only what is new in each name, and one letter per name
 * says how many leading characters it takes from the previous one ("A" none, "B" one, … "Z" 25). That halves the
 * bytes the content script carries for the names, and decoding is exact.
 */

const FIRST = 65; // 'A'
const MAX_SHARED = 25;

export interface FrontCoded {
  /** What each name adds to the start it shares, separated by single spaces. */
  features: string;
  /** One letter per name: how many leading characters it shares with the name before it. */
  featuresShared: string;
}

export function frontCode(names: readonly string[]): FrontCoded {
  const tails: string[] = [];
  let shared = '';
  let prev = '';
  for (const name of names) {
    let k = 0;
    const most = Math.min(name.length - 1, prev.length, MAX_SHARED);
    while (k < most && name.charCodeAt(k) === prev.charCodeAt(k)) k++;
    tails.push(name.slice(k));
    shared += String.fromCharCode(FIRST + k);
    prev = name;
  }
  return { features: tails.join(' '), featuresShared: shared };
}

/**
 * What in `featuresShared` does not fit `features`, or null. Reads only the names' lengths, so validating a model
 * builds no strings; the names are built once, when the model is compiled.
 */
export function frontCodeError(features: string, featuresShared?: string): string | null {
  if (featuresShared === undefined) return null;
  let prevLength = 0;
  let k = 0;
  for (let at = 0; features !== '' && at <= features.length; k++) {
    let end = features.indexOf(' ', at);
    if (end < 0) end = features.length;
    if (k < featuresShared.length) {
      const n = featuresShared.charCodeAt(k) - FIRST;
      if (!(n >= 0 && n <= MAX_SHARED)) return `letter ${k + 1} is not A–Z`;
      if (n > prevLength) return `letter ${k + 1} shares ${n} characters with a feature of ${prevLength}`;
      prevLength = n + end - at;
    }
    at = end + 1;
  }
  return featuresShared.length === k ? null : `${featuresShared.length} letters for ${k} features`;
}

export type FrontDecoded = { ok: true; names: string[] } | { ok: false; error: string };

/**
 * The feature names of a model file: `features` split at spaces, each tail joined to its shared start when
 * `featuresShared` is there. An error says what in `featuresShared` does not fit.
 */
export function frontDecode(features: string, featuresShared?: string): FrontDecoded {
  const error = frontCodeError(features, featuresShared);
  if (error !== null) return { ok: false, error };
  const tails = features === '' ? [] : features.split(' ');
  if (featuresShared === undefined) return { ok: true, names: tails };
  const names: string[] = [];
  let prev = '';
  for (let k = 0; k < tails.length; k++) {
    prev = prev.slice(0, featuresShared.charCodeAt(k) - FIRST) + tails[k];
    names.push(prev);
  }
  return { ok: true, names };
}
