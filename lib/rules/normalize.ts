/**
 * Text normalisation for rule matching.
 *
 * Produces two views of a message, both lowercase and of the SAME length, with a per-character map back
 * to the original UTF-16 offsets:
 *  - `acc`:  NFC, accents kept ("lô đề")
 *  - `fold`: diacritics removed, đ→d ("lo de")
 * Evasions undone on the way: zero-width characters, homoglyphs (Cyrillic/Greek/fullwidth/math letters),
 * spaced or dotted letters ("l.o.d.e"), repeated letters ("lôôô"), digits/symbols used as letters ("l0 d3"),
 * and common teencode ("ko", "ck", "stk", "ib"…).
 *
 * Pure and allocation-light: it runs on every message in a content script.
 */

/** Symbol classes used by the matcher: 0 = break (punctuation), 1 = space, 2..27 = a..z, 28..37 = 0..9. */
export const SYM_BREAK = 0;
export const SYM_SPACE = 1;
export const ALPHABET_SIZE = 38;

export interface NormalizedText {
  original: string;
  /** Lowercase, accents kept. */
  acc: string;
  /** Lowercase, accents removed (same length as `acc`). */
  fold: string;
  /** Matcher symbol per normalised character. */
  sym: Uint8Array;
  /** Original start offset of each normalised character. */
  start: Int32Array;
  /** Original end offset (exclusive) of each normalised character. */
  end: Int32Array;
  /** 1 where a character came from a joined spaced/dotted letter run ("l ô đ ề" → "lôđề"); null if none. */
  joined: Uint8Array | null;
}

// ---------------------------------------------------------------------------------------------
// Character tables (built once at module load).

const TABLE_SIZE = 0x2000;
/** Lowercased + homoglyph-mapped char code for BMP < 0x2000. */
const LOWER = new Uint16Array(TABLE_SIZE);
/** Diacritic-folded char code (input is already lowercased). */
const FOLD = new Uint16Array(TABLE_SIZE);
/** Char class: see C_* below. */
const CLS = new Uint8Array(TABLE_SIZE);

const C_BREAK = 0;
const C_SPACE = 1;
const C_LETTER = 2;
const C_DIGIT = 3;
const C_LEET = 4; // @ $ – letters only inside words
const C_DROP = 5; // zero-width, soft hyphen, combining marks handled separately

// Cyrillic and Greek letters that look like Latin ones (lowercased first).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ɡ: 'g', ı: 'i',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  ά: 'a', έ: 'e', ί: 'i', ό: 'o', ύ: 'u', ω: 'w',
};

const SPACE_CHARS = ' \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000-_~*+·•|';

(function buildTables() {
  for (let c = 0; c < TABLE_SIZE; c++) {
    let ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    if (lower.length === 1) ch = lower;
    ch = HOMOGLYPHS[ch] ?? ch;
    LOWER[c] = ch.charCodeAt(0);
  }
  for (let c = 0; c < TABLE_SIZE; c++) {
    const lc = LOWER[c];
    let f = String.fromCharCode(lc).normalize('NFD').charAt(0);
    if (lc === 0x111) f = 'd'; // đ
    const fc = f.charCodeAt(0);
    FOLD[c] = fc >= 97 && fc <= 122 ? fc : lc;
  }
  for (let c = 0; c < TABLE_SIZE; c++) {
    const lc = LOWER[c];
    const fc = FOLD[c];
    if (fc >= 97 && fc <= 122) CLS[c] = C_LETTER;
    else if (lc >= 48 && lc <= 57) CLS[c] = C_DIGIT;
    else if (lc === 64 || lc === 36) CLS[c] = C_LEET;
    else if (SPACE_CHARS.includes(String.fromCharCode(c))) CLS[c] = C_SPACE;
    else if (c >= 0x300 && c <= 0x36f) CLS[c] = C_DROP;
    else if (c === 0xad) CLS[c] = C_DROP;
    else CLS[c] = C_BREAK;
  }
})();

/** Fold one (lowercase) char code; used by the matcher for accent compatibility checks. */
export function foldCode(c: number): number {
  return c < TABLE_SIZE ? FOLD[c] : c;
}

/** Fold a whole string (lowercase + no diacritics); no evasion handling. */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c < TABLE_SIZE ? FOLD[LOWER[c]] : c);
  }
  return out;
}

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || (c >= 0x202a && c <= 0x202e) || c === 0x2066 || c === 0x2067 || c === 0x2068 || c === 0x2069;
}

/** Map a code point ≥ 0x2000 to a lowercase ASCII code or 0 (keep as break) / -1 (drop) / -2 (space). */
function mapHigh(cp: number): number {
  if (isZeroWidth(cp)) return -1;
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const a = cp - 0xfee0;
    return a >= 65 && a <= 90 ? a + 32 : a;
  }
  if (cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) return -2;
  if (cp >= 0x24b6 && cp <= 0x24cf) return 97 + cp - 0x24b6; // Ⓐ
  if (cp >= 0x24d0 && cp <= 0x24e9) return 97 + cp - 0x24d0; // ⓐ
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    const k = (cp - 0x1d400) % 52;
    return 97 + (k < 26 ? k : k - 26);
  }
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return 48 + ((cp - 0x1d7ce) % 10);
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return 97 + cp - 0x1f1e6; // regional indicator letters
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Teencode: whole-token expansions (keys are the token as typed, lowercased, accents kept).

const TEENCODE: Record<string, string> = {
  ko: 'không', kô: 'không', k: 'không', kh: 'không', hk: 'không', hok: 'không', khg: 'không', khum: 'không', hông: 'không',
  ck: 'chuyển khoản', stk: 'số tài khoản', tk: 'tài khoản', sdt: 'số điện thoại', sđt: 'số điện thoại',
  dt: 'điện thoại', đt: 'điện thoại', ib: 'inbox', inb: 'inbox', ibx: 'inbox', j: 'gì', z: 'vậy', vs: 'với', lm: 'làm',
  mn: 'mọi người', mng: 'mọi người', ng: 'người', dc: 'được', đc: 'được', dk: 'đăng ký', đk: 'đăng ký',
  lh: 'liên hệ', ctv: 'cộng tác viên', ntn: 'như thế nào', mk: 'mình', mik: 'mình', bik: 'biết', bít: 'biết',
  ae: 'anh em', kb: 'kết bạn', fb: 'facebook', cty: 'công ty', trc: 'trước', zl: 'zalo', dalo: 'zalo', nt: 'nhắn tin',
  ncc: 'nhà cung cấp', sp: 'sản phẩm', csgt: 'cảnh sát giao thông', bhxh: 'bảo hiểm xã hội', vksnd: 'viện kiểm sát nhân dân',
  vks: 'viện kiểm sát', tand: 'tòa án nhân dân', đcs: 'đảng cộng sản', dcs: 'đảng cộng sản', đcsvn: 'đảng cộng sản việt nam',
};
/** Tokens after which "k"/"kg" mean thousand/kilogram, not "không". */
const UNIT_TOKEN = /^\d[\d.,]*$/;
/** "150k", "1tr5", "35kg", "2h", "20%" – numbers with units are never leetspeak. */
const NUMBER_WITH_UNIT = /^\d[\d.,]*(k|tr|trieu|triệu|đ|d|vnd|vnđ|dong|đồng|h|g|kg|m|cm|mm|km|ml|l|lit|p|ph|s|x|t|ty|tỷ|ti|tỉ|gb|mb|tb|mah|w|kw|v|ha|m2|m3|ngan|nghìn|ngàn|lít|tấn|tạ|yến|cây|chỉ|c|st|nd|rd|th|e|a)\d*$/;

const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const VOWELS_FOLDED = 'aeiouy';

// Known TLDs for the URL detector (only used to keep URLs out of evasion handling).
const URL_RE =
  /(?:https?:\/\/|www\.)[^\s<>"']+|(?<![\p{L}\p{N}@.-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|net|org|vn|info|biz|xyz|top|site|online|club|shop|store|live|me|io|co|app|link|tk|ml|ga|cf|gq|icu|vip|pro|asia|cc|tv|ly|gd|cn|ru|bet|win|fun|space|website|today|click|gov|edu|us|uk|ws|la|in|id|ph|th|kr|jp|to|su|pw|cx|mobi|cloud|tech|store|life|world|news|host|fit|bid|work|rest|cyou|buzz|sbs|lat|monster|support|help|center|services|finance|money|bank|shop)(?![\p{L}\p{N}])(?:[/?#][^\s<>"']*)?/giu;

/** Spans [start, end) of URL-like substrings in the original text. */
const URL_HINT = /[a-z0-9]\.[a-z]|:\/\//i;

export function findUrlSpans(text: string): Array<[number, number]> {
  if (!URL_HINT.test(text)) return [];
  const out: Array<[number, number]> = [];
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text))) {
    let end = m.index + m[0].length;
    // Trailing punctuation is sentence punctuation, not part of the URL.
    while (end > m.index && /[.,!?;:)\]]/.test(text[end - 1])) end--;
    out.push([m.index, end]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Units {
  ch: Uint16Array;
  cls: Uint8Array;
  s: Int32Array;
  e: Int32Array;
  n: number;
}

/** Pass 1: per character – NFC composition, zero-width removal, homoglyphs, lowercase. */
function toUnits(text: string): Units {
  const n = text.length;
  const ch = new Uint16Array(n);
  const cls = new Uint8Array(n);
  const s = new Int32Array(n);
  const e = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let j = i + 1;
    // Decomposed input (NFD): compose the base with its combining marks.
    if (j < n) {
      const nx = text.charCodeAt(j);
      if (nx >= 0x300 && nx <= 0x36f) {
        while (j < n && text.charCodeAt(j) >= 0x300 && text.charCodeAt(j) <= 0x36f) j++;
        const composed = text.slice(i, j).normalize('NFC');
        c = composed.charCodeAt(0);
        // If marks could not be composed they are simply dropped (folding ignores them anyway).
      }
    }
    if (c < TABLE_SIZE) {
      const k = CLS[c];
      if (k === C_DROP) {
        i = j - 1;
        continue;
      }
      ch[m] = LOWER[c];
      cls[m] = k;
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && j < n) {
        const lo = text.charCodeAt(j);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          j++;
        }
      }
      const hm = mapHigh(cp);
      if (hm === -1) {
        i = j - 1;
        continue;
      }
      if (hm === -2) {
        ch[m] = 32;
        cls[m] = C_SPACE;
      } else if (hm > 0) {
        ch[m] = hm;
        cls[m] = hm >= 48 && hm <= 57 ? C_DIGIT : C_LETTER;
      } else if (cp >= 0x1f000) {
        // Emoji and pictographs separate words like a space ("lô🔥đề").
        ch[m] = 32;
        cls[m] = C_SPACE;
      } else {
        ch[m] = c;
        cls[m] = C_BREAK;
      }
    }
    s[m] = i;
    e[m] = j;
    m++;
    i = j - 1;
  }
  return { ch, cls, s, e, n: m };
}

const JOIN_SEPARATORS = new Set([32, 46, 45, 95, 42, 43, 183, 8226, 44, 124, 47, 126]); // space . - _ * + · • , | / ~

function isWordCls(k: number): boolean {
  return k === C_LETTER || k === C_DIGIT || k === C_LEET;
}

/**
 * Normalise `text` into accented and folded lowercase views mapped to original offsets.
 */
export function normalize(text: string): NormalizedText {
  const u = toUnits(text);
  const count = u.n;

  // Mark units inside URLs: no evasion handling there (keeps "kiemtien999", "abc123" intact).
  const inUrl = new Uint8Array(count);
  const urls = findUrlSpans(text);
  if (urls.length > 0) {
    let k = 0;
    for (let i = 0; i < count; i++) {
      while (k < urls.length && urls[k][1] <= u.s[i]) k++;
      if (k < urls.length && u.s[i] >= urls[k][0] && u.e[i] <= urls[k][1]) inUrl[i] = 1;
    }
  }

  // Tokenise: [start, end) unit ranges of word characters.
  const tokStart = new Int32Array((count >> 1) + 1);
  const tokEnd = new Int32Array((count >> 1) + 1);
  let nt = 0;
  for (let i = 0; i < count; ) {
    const k = u.cls[i];
    if (k === C_LETTER || k === C_DIGIT || k === C_LEET) {
      let j = i + 1;
      while (j < count && isWordCls(u.cls[j])) j++;
      tokStart[nt] = i;
      tokEnd[nt] = j;
      nt++;
      i = j;
    } else i++;
  }

  // Spaced/dotted single letters: "l ô đ ề", "l.o.d.e", "đ.m" → joined, separators dropped.
  const dropUnit = new Uint8Array(count);
  let joinedUnits: Uint8Array | null = null;
  for (let t = 0; t < nt; ) {
    if (tokEnd[t] - tokStart[t] !== 1 || inUrl[tokStart[t]]) {
      t++;
      continue;
    }
    let r = t;
    let letters = u.cls[tokStart[t]] === C_LETTER ? 1 : 0;
    while (
      r + 1 < nt &&
      tokEnd[r + 1] - tokStart[r + 1] === 1 &&
      tokStart[r + 1] - tokEnd[r] === 1 &&
      JOIN_SEPARATORS.has(u.ch[tokEnd[r]]) &&
      !inUrl[tokStart[r + 1]]
    ) {
      r++;
      if (u.cls[tokStart[r]] === C_LETTER) letters++;
    }
    if (r > t && letters >= 2) {
      if (!joinedUnits) joinedUnits = new Uint8Array(count);
      for (let q = t; q <= r; q++) {
        joinedUnits[tokStart[q]] = 1;
        if (q < r) dropUnit[tokEnd[q]] = 1;
        // Digits/symbols inside a spaced word are letters in disguise ("l.0.d.3").
        const c = u.ch[tokStart[q]];
        const l = LEET[String.fromCharCode(c)];
        if (l !== undefined) {
          u.ch[tokStart[q]] = l.charCodeAt(0);
          u.cls[tokStart[q]] = C_LETTER;
        } else if (c === 49) {
          u.ch[tokStart[q]] = 108; // '1' → 'l'
          u.cls[tokStart[q]] = C_LETTER;
        }
      }
    }
    t = r + 1;
  }

  // Build output into growable typed arrays.
  let cap = count + (count >> 1) + 16;
  let out = new Uint16Array(cap);
  let os = new Int32Array(cap);
  let oe = new Int32Array(cap);
  let oj: Uint8Array | null = joinedUnits ? new Uint8Array(cap) : null;
  let len = 0;
  let prevTokenText = '';

  const emit = (c: number, s0: number, e0: number, j: number) => {
    if (len === cap) {
      cap *= 2;
      const o2 = new Uint16Array(cap);
      o2.set(out);
      out = o2;
      const s2 = new Int32Array(cap);
      s2.set(os);
      os = s2;
      const e2 = new Int32Array(cap);
      e2.set(oe);
      oe = e2;
      if (oj) {
        const j2 = new Uint8Array(cap);
        j2.set(oj);
        oj = j2;
      }
    }
    out[len] = c;
    os[len] = s0;
    oe[len] = e0;
    if (oj) oj[len] = j;
    len++;
  };
  const extendLast = (e0: number) => {
    oe[len - 1] = e0;
  };

  let i = 0;
  let t = 0;
  while (i < count) {
    if (t < nt && i === tokStart[t]) {
      // Joined run: emit the letters of consecutive single-letter tokens without separators.
      if (joinedUnits && joinedUnits[i]) {
        let k = i;
        let lastCh = -1;
        while (k < count && (joinedUnits[k] || dropUnit[k])) {
          if (!dropUnit[k]) {
            const c = u.ch[k];
            // Repeated vowels inside a joined run collapse too ("n g u u u").
            if (lastCh >= 0 && foldCode(c) === foldCode(lastCh) && isVowelCode(c)) extendLast(u.e[k]);
            else emit(c, u.s[k], u.e[k], 1);
            lastCh = c;
          }
          k++;
        }
        while (t < nt && tokStart[t] < k) t++;
        prevTokenText = '';
        i = k;
        continue;
      }
      const a = tokStart[t];
      const b = tokEnd[t];
      t++;
      if (inUrl[a]) {
        for (let k = a; k < b; k++) emit(u.ch[k], u.s[k], u.e[k], 0);
        prevTokenText = '';
        i = b;
        continue;
      }
      prevTokenText = emitToken(u, a, b, prevTokenText, emit);
      i = b;
      continue;
    }
    const k = u.cls[i];
    if (dropUnit[i]) {
      i++;
      continue;
    }
    if (k === C_SPACE) {
      // Collapse runs of spaces/soft separators into one space.
      let j = i + 1;
      while (j < count && u.cls[j] === C_SPACE && !(t < nt && j === tokStart[t])) j++;
      emit(32, u.s[i], u.e[j - 1], 0);
      i = j;
      continue;
    }
    emit(u.ch[i], u.s[i], u.e[i], 0);
    i++;
  }

  const n = len;
  const accCodes = out.subarray(0, n);
  const foldCodes = new Uint16Array(n);
  const sym = new Uint8Array(n);
  for (let q = 0; q < n; q++) {
    const c = accCodes[q];
    const f = c < TABLE_SIZE ? FOLD[c] : c;
    foldCodes[q] = f;
    if (f >= 97 && f <= 122) sym[q] = f - 95;
    else if (f >= 48 && f <= 57) sym[q] = f - 20;
    else if (f === 32) sym[q] = SYM_SPACE;
    else sym[q] = SYM_BREAK;
  }
  return {
    original: text,
    acc: codesToString(accCodes),
    fold: codesToString(foldCodes),
    sym,
    start: os.subarray(0, n),
    end: oe.subarray(0, n),
    joined: oj ? oj.subarray(0, n) : null,
  };
}

/** 1 for chars whose folded form is a vowel (a e i o u y). */
const VOWEL = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) if (VOWELS_FOLDED.includes(String.fromCharCode(FOLD[LOWER[c]]))) VOWEL[c] = 1;

function isVowelCode(c: number): boolean {
  return c < TABLE_SIZE && VOWEL[c] === 1;
}

/** Integer keys of teencode tokens, so short tokens can be checked without building strings. */
const TEEN_KEYS = new Set<number>();
function teenKey(codes: ArrayLike<number>, a: number, b: number): number {
  let h = b - a;
  for (let k = a; k < b; k++) h = (Math.imul(h, 31) + codes[k]) | 0;
  return h;
}
for (const k of Object.keys(TEENCODE)) {
  const codes = Array.from(k, (ch) => ch.charCodeAt(0));
  TEEN_KEYS.add(teenKey(codes, 0, codes.length));
}

function tokenText(u: Units, a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) s += String.fromCharCode(u.ch[k]);
  return s;
}

/**
 * Emit one word token with leetspeak, repeated letters and teencode undone. Returns the token as typed
 * (lowercase) when it is short enough to matter for the next token's teencode check, else ''.
 */
function emitToken(u: Units, a: number, b: number, prevToken: string, emit: (c: number, s: number, e: number, j: number) => void): string {
  const ulen = b - a;
  // Fast path: letters only, no doubled vowel / tripled letter, not a teencode key.
  let plain = true;
  for (let k = a; k < b; k++) {
    if (u.cls[k] !== C_LETTER) {
      plain = false;
      break;
    }
    if (k > a) {
      const f = foldCode(u.ch[k]);
      if (f === foldCode(u.ch[k - 1]) && (isVowelCode(u.ch[k]) || (k > a + 1 && f === foldCode(u.ch[k - 2])))) {
        plain = false;
        break;
      }
    }
  }
  if (plain && (ulen > 5 || !TEEN_KEYS.has(teenKey(u.ch, a, b)))) {
    for (let k = a; k < b; k++) emit(u.ch[k], u.s[k], u.e[k], 0);
    return '';
  }
  let letters = 0;
  let nonLetters = 0;
  let maxDigitRun = 0;
  let run = 0;
  for (let k = a; k < b; k++) {
    const cl = u.cls[k];
    if (cl === C_LETTER) {
      letters++;
      run = 0;
    } else {
      nonLetters++;
      if (cl === C_DIGIT) {
        run++;
        if (run > maxDigitRun) maxDigitRun = run;
      } else run = 0;
    }
  }
  // Fast path: plain word of letters (the vast majority).
  const firstIsLetter = u.cls[a] === C_LETTER || u.cls[a] === C_LEET;
  const raw = nonLetters > 0 ? tokenText(u, a, b) : '';
  // Leetspeak only inside words that are otherwise letters: "l0", "d3", "t1ền" – never "150k" or "0968…".
  const leet =
    letters > 0 && nonLetters > 0 && maxDigitRun <= 2 && (firstIsLetter || letters >= 2) && !NUMBER_WITH_UNIT.test(raw);
  const len = b - a;
  const cs = new Array<number>(len);
  for (let k = a; k < b; k++) {
    let c = u.ch[k];
    if (leet && u.cls[k] !== C_LETTER) {
      const l = LEET[String.fromCharCode(c)];
      if (l !== undefined) c = l.charCodeAt(0);
      else if (c === 49) {
        // '1' is 'l' at a word start before a vowel or after a consonant at the end ("vc1"), else 'i'.
        const next = k + 1 < b ? u.ch[k + 1] : -1;
        const prev = k > a ? u.ch[k - 1] : -1;
        const lAtStart = k === a && next >= 0 && isVowelCode(next);
        const lAtEnd = k === b - 1 && prev >= 0 && !isVowelCode(prev);
        c = lAtStart || lAtEnd ? 108 : 105;
      }
    } else if (!leet && u.cls[k] === C_LEET) {
      c = -1; // stray '@'/'$' next to digits ("$100"): not a letter.
    }
    cs[k - a] = c;
  }
  const chars: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let q = 0; q < len; ) {
    const c = cs[q];
    if (c < 0) {
      q++;
      continue;
    }
    const f = foldCode(c);
    let r = q + 1;
    if (f >= 97 && f <= 122) while (r < len && cs[r] >= 0 && foldCode(cs[r]) === f) r++;
    const runLen = r - q;
    // Repeated letters: 3+ of any letter, or 2+ of a vowel, collapse to one ("lôôô", "nguuu"); "cc", "mm" stay.
    if (runLen >= 3 || (runLen === 2 && isVowelCode(c))) {
      chars.push(c);
      starts.push(u.s[a + q]);
      ends.push(u.e[a + r - 1]);
      q = r;
      continue;
    }
    for (let p = q; p < r; p++) {
      chars.push(cs[p]);
      starts.push(u.s[a + p]);
      ends.push(u.e[a + p]);
    }
    q = r;
  }
  if (chars.length === 0) return '';
  let word = '';
  if (chars.length <= 5) {
    word = String.fromCharCode(...chars);
    const exp = TEENCODE[word];
    if (exp !== undefined && !(word === 'k' && UNIT_TOKEN.test(prevToken))) {
      const s0 = starts[0];
      const e0 = ends[ends.length - 1];
      for (let q = 0; q < exp.length; q++) emit(exp.charCodeAt(q), s0, e0, 0);
      return word;
    }
  }
  for (let q = 0; q < chars.length; q++) emit(chars[q], starts[q], ends[q], 0);
  return word || (nonLetters > 0 && chars.length <= 12 ? raw : '');
}

function codesToString(codes: Uint16Array): string {
  const n = codes.length;
  if (n < 4096) return String.fromCharCode.apply(null, codes as unknown as number[]);
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/** Map a normalised range [s, e) back to original offsets. */
export function toOriginalRange(n: NormalizedText, s: number, e: number): { start: number; end: number } {
  return { start: n.start[s], end: n.end[e - 1] };
}
