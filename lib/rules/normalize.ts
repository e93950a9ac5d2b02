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
  /** Lowercase, accents kept (built on first read). */
  readonly acc: string;
  /** Lowercase, accents removed, same length as `acc` (built on first read). */
  readonly fold: string;
  /** Char codes of `acc`: the matcher reads these, so the strings are only built when someone asks. */
  codes: Uint16Array;
  /** Matcher symbol per normalised character. */
  sym: Uint8Array;
  /** Original start offset of each normalised character. */
  start: Int32Array;
  /** Original end offset (exclusive) of each normalised character. */
  end: Int32Array;
  /** 1 where a character came from a joined spaced/dotted letter run ("l ô đ ề" → "lôđề"); null if none. */
  joined: Uint8Array | null;
  /** True when some symbol is a digit (number detectors are skipped otherwise). */
  hasDigit: boolean;
}

/** NormalizedText with lazily built strings (most messages never need them). */
class Normalized implements NormalizedText {
  private accStr: string | null = null;
  private foldStr: string | null = null;
  constructor(
    public original: string,
    public codes: Uint16Array,
    public sym: Uint8Array,
    public start: Int32Array,
    public end: Int32Array,
    public joined: Uint8Array | null,
    public hasDigit: boolean,
  ) {}
  get acc(): string {
    return (this.accStr ??= codesToString(this.codes));
  }
  get fold(): string {
    if (this.foldStr === null) {
      const f = new Uint16Array(this.codes.length);
      for (let i = 0; i < f.length; i++) {
        const c = this.codes[i];
        f[i] = c < TABLE_SIZE ? FOLD[c] : c;
      }
      this.foldStr = codesToString(f);
    }
    return this.foldStr;
  }
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

// Scratch buffers reused across calls (normalisation runs on every message; no per-call growth).
let uCap = 0;
let U_CH = new Uint16Array(0);
let U_CLS = new Uint8Array(0);
let U_S = new Int32Array(0);
let U_E = new Int32Array(0);
let U_URL = new Uint8Array(0);
let U_DROP = new Uint8Array(0);
let U_JOIN = new Uint8Array(0);
let T_START = new Int32Array(0);
let T_END = new Int32Array(0);
let oCap = 0;
let O_CH = new Uint16Array(0);
let O_S = new Int32Array(0);
let O_E = new Int32Array(0);
let O_J = new Uint8Array(0);
let olen = 0;
/** Token scratch for the slow path of emitToken. */
let K_CAP = 0;
let K_CS = new Int32Array(0);
let K_CH = new Uint16Array(0);
let K_S = new Int32Array(0);
let K_E = new Int32Array(0);

function ensureUnits(n: number): void {
  if (n <= uCap) return;
  uCap = Math.max(n, uCap * 2, 256);
  U_CH = new Uint16Array(uCap);
  U_CLS = new Uint8Array(uCap);
  U_S = new Int32Array(uCap);
  U_E = new Int32Array(uCap);
  U_URL = new Uint8Array(uCap);
  U_DROP = new Uint8Array(uCap);
  U_JOIN = new Uint8Array(uCap);
  T_START = new Int32Array(uCap);
  T_END = new Int32Array(uCap);
}

// Teencode expands a token at most 6× ("ck" → "chuyển khoản"), so 6 × units bounds the output.
function ensureOut(n: number): void {
  const need = n * 6 + 32;
  if (need <= oCap) return;
  oCap = Math.max(need, oCap * 2, 1024);
  O_CH = new Uint16Array(oCap);
  O_S = new Int32Array(oCap);
  O_E = new Int32Array(oCap);
  O_J = new Uint8Array(oCap);
}

function ensureToken(n: number): void {
  if (n <= K_CAP) return;
  K_CAP = Math.max(n, K_CAP * 2, 64);
  K_CS = new Int32Array(K_CAP);
  K_CH = new Uint16Array(K_CAP);
  K_S = new Int32Array(K_CAP);
  K_E = new Int32Array(K_CAP);
}

function emit(c: number, s0: number, e0: number, j: number): void {
  O_CH[olen] = c;
  O_S[olen] = s0;
  O_E[olen] = e0;
  O_J[olen] = j;
  olen++;
}

/** Pass 1: per character – NFC composition, zero-width removal, homoglyphs, lowercase. Returns the unit count. */
function toUnits(text: string): number {
  const n = text.length;
  ensureUnits(n);
  const ch = U_CH;
  const cls = U_CLS;
  const s = U_S;
  const e = U_E;
  let m = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let j = i + 1;
    // Decomposed input (NFD): compose the base with its combining marks.
    if (j < n) {
      const nx = text.charCodeAt(j);
      if (nx >= 0x300 && nx <= 0x36f) {
        while (j < n && text.charCodeAt(j) >= 0x300 && text.charCodeAt(j) <= 0x36f) j++;
        c = text.slice(i, j).normalize('NFC').charCodeAt(0);
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
  // "t!ền", "V@y": '!' between two letters is an 'i' in disguise.
  for (let q = 1; q + 1 < m; q++) {
    if (ch[q] === 33 && cls[q - 1] === C_LETTER && cls[q + 1] === C_LETTER) {
      ch[q] = 105;
      cls[q] = C_LETTER;
    }
  }
  return m;
}

const JOIN_SEP = new Uint8Array(0x2100);
for (const c of [32, 46, 45, 95, 42, 43, 183, 8226, 44, 124, 47, 126]) JOIN_SEP[c] = 1; // space . - _ * + · • , | / ~

function isWordCls(k: number): boolean {
  return k === C_LETTER || k === C_DIGIT || k === C_LEET;
}

/**
 * Normalise `text` into accented and folded lowercase views mapped to original offsets.
 * One pass per stage over char codes in reusable typed arrays; only the result arrays are allocated.
 */
export function normalize(text: string): NormalizedText {
  return normalizeText(text, true);
}

/**
 * Same as `normalize`, but the arrays are views into buffers the next call overwrites: for a caller that is done
 * with the result before it normalises again (checkMessage), it saves five allocations per message.
 */
export function normalizeTransient(text: string): NormalizedText {
  return normalizeText(text, false);
}

let S_SYM = new Uint8Array(0);

function normalizeText(text: string, owned: boolean): NormalizedText {
  const count = toUnits(text);
  const uch = U_CH;
  const ucls = U_CLS;
  const us = U_S;
  const ue = U_E;

  // Mark units inside URLs: no evasion handling there (keeps "kiemtien999", "abc123" intact).
  const inUrl = U_URL;
  inUrl.fill(0, 0, count);
  const urls = findUrlSpans(text);
  if (urls.length > 0) {
    let k = 0;
    for (let i = 0; i < count; i++) {
      while (k < urls.length && urls[k][1] <= us[i]) k++;
      if (k < urls.length && us[i] >= urls[k][0] && ue[i] <= urls[k][1]) inUrl[i] = 1;
    }
  }

  // Tokenise: [start, end) unit ranges of word characters.
  const tokStart = T_START;
  const tokEnd = T_END;
  let nt = 0;
  let singles = 0;
  for (let i = 0; i < count; ) {
    if (isWordCls(ucls[i])) {
      let j = i + 1;
      while (j < count && isWordCls(ucls[j])) j++;
      tokStart[nt] = i;
      tokEnd[nt] = j;
      if (j - i === 1) singles++;
      nt++;
      i = j;
    } else i++;
  }

  // Spaced/dotted single letters: "l ô đ ề", "l.o.d.e", "đ.m" → joined, separators dropped.
  const dropUnit = U_DROP;
  const joinedUnits = U_JOIN;
  let anyJoined = false;
  if (singles >= 2) {
    dropUnit.fill(0, 0, count);
    joinedUnits.fill(0, 0, count);
    for (let t = 0; t < nt; ) {
      if (tokEnd[t] - tokStart[t] !== 1 || inUrl[tokStart[t]]) {
        t++;
        continue;
      }
      let r = t;
      let letters = ucls[tokStart[t]] === C_LETTER ? 1 : 0;
      while (
        r + 1 < nt &&
        tokEnd[r + 1] - tokStart[r + 1] === 1 &&
        tokStart[r + 1] - tokEnd[r] === 1 &&
        uch[tokEnd[r]] < 0x2100 &&
        JOIN_SEP[uch[tokEnd[r]]] === 1 &&
        !inUrl[tokStart[r + 1]]
      ) {
        r++;
        if (ucls[tokStart[r]] === C_LETTER) letters++;
      }
      if (r > t && letters >= 2) {
        anyJoined = true;
        for (let q = t; q <= r; q++) {
          joinedUnits[tokStart[q]] = 1;
          if (q < r) dropUnit[tokEnd[q]] = 1;
          // Digits/symbols inside a spaced word are letters in disguise ("l.0.d.3").
          const l = leetOf(uch[tokStart[q]], true);
          if (l > 0) {
            uch[tokStart[q]] = l;
            ucls[tokStart[q]] = C_LETTER;
          }
        }
      }
      t = r + 1;
    }
  }

  ensureOut(count);
  olen = 0;
  let prevTokenText = '';
  let i = 0;
  let t = 0;
  while (i < count) {
    if (t < nt && i === tokStart[t]) {
      // Joined run: emit the letters of consecutive single-letter tokens without separators.
      if (anyJoined && joinedUnits[i]) {
        let k = i;
        let lastCh = -1;
        while (k < count && (joinedUnits[k] || dropUnit[k])) {
          if (!dropUnit[k]) {
            const c = uch[k];
            // Repeated vowels inside a joined run collapse too ("n g u u u").
            if (lastCh >= 0 && foldCode(c) === foldCode(lastCh) && isVowelCode(c)) O_E[olen - 1] = ue[k];
            else emit(c, us[k], ue[k], 1);
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
        for (let k = a; k < b; k++) emit(uch[k], us[k], ue[k], 0);
        prevTokenText = '';
        i = b;
        continue;
      }
      prevTokenText = emitToken(a, b, prevTokenText);
      i = b;
      continue;
    }
    if (anyJoined && dropUnit[i]) {
      i++;
      continue;
    }
    if (ucls[i] === C_SPACE) {
      // Collapse runs of spaces/soft separators into one space.
      let j = i + 1;
      while (j < count && ucls[j] === C_SPACE && !(t < nt && j === tokStart[t])) j++;
      emit(32, us[i], ue[j - 1], 0);
      i = j;
      continue;
    }
    emit(uch[i], us[i], ue[i], 0);
    i++;
  }

  const n = olen;
  const codes = owned ? O_CH.slice(0, n) : O_CH.subarray(0, n);
  if (!owned && S_SYM.length < n) S_SYM = new Uint8Array(oCap);
  const sym = owned ? new Uint8Array(n) : S_SYM.subarray(0, n);
  let hasDigit = false;
  for (let q = 0; q < n; q++) {
    const c = codes[q];
    const f = c < TABLE_SIZE ? FOLD[c] : c;
    if (f >= 97 && f <= 122) sym[q] = f - 95;
    else if (f >= 48 && f <= 57) {
      sym[q] = f - 20;
      hasDigit = true;
    } else if (f === 32) sym[q] = SYM_SPACE;
    else sym[q] = SYM_BREAK;
  }
  if (!owned) return new Normalized(text, codes, sym, O_S.subarray(0, n), O_E.subarray(0, n), anyJoined ? O_J.subarray(0, n) : null, hasDigit);
  return new Normalized(text, codes, sym, O_S.slice(0, n), O_E.slice(0, n), anyJoined ? O_J.slice(0, n) : null, hasDigit);
}

/** Letter hidden behind a digit/symbol ('0'→o, '3'→e, '@'→a, '$'→s…), or 0. `oneAsL` maps '1' to 'l'. */
function leetOf(c: number, oneAsL: boolean): number {
  switch (c) {
    case 48:
      return 111; // 0 → o
    case 51:
      return 101; // 3 → e
    case 52:
      return 97; // 4 → a
    case 53:
      return 115; // 5 → s
    case 55:
      return 116; // 7 → t
    case 64:
      return 97; // @ → a
    case 36:
      return 115; // $ → s
    case 49:
      return oneAsL ? 108 : 0;
    default:
      return 0;
  }
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

function unitText(a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) s += String.fromCharCode(U_CH[k]);
  return s;
}

/** True when the token has a letter outside ASCII (an accented Vietnamese letter: "1ô" is a word, not a number). */
function hasAccented(a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (U_CLS[k] === C_LETTER && U_CH[k] > 127) return true;
  return false;
}

/**
 * Emit one word token with leetspeak, repeated letters and teencode undone. Returns the token as typed
 * (lowercase) when it is short enough to matter for the next token's teencode check, else ''.
 */
function emitToken(a: number, b: number, prevToken: string): string {
  const uch = U_CH;
  const ucls = U_CLS;
  // Fast path: letters only, no doubled vowel / tripled letter, not a teencode key (the vast majority).
  let plain = true;
  let prevF = -1;
  let prevF2 = -1;
  for (let k = a; k < b; k++) {
    if (ucls[k] !== C_LETTER) {
      plain = false;
      break;
    }
    const c = uch[k];
    const f = c < TABLE_SIZE ? FOLD[c] : c;
    if (f === prevF && (isVowelCode(c) || f === prevF2)) {
      plain = false;
      break;
    }
    prevF2 = prevF;
    prevF = f;
  }
  if (plain && (b - a > 5 || !TEEN_KEYS.has(teenKey(uch, a, b)))) {
    for (let k = a; k < b; k++) emit(uch[k], U_S[k], U_E[k], 0);
    return '';
  }
  let letters = 0;
  let nonLetters = 0;
  let maxDigitRun = 0;
  let run = 0;
  for (let k = a; k < b; k++) {
    const cl = ucls[k];
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
  const firstIsLetter = ucls[a] === C_LETTER || ucls[a] === C_LEET;
  const raw = nonLetters > 0 ? unitText(a, b) : '';
  // Leetspeak only inside words that are otherwise letters: "l0", "d3", "t1ền", "1ô" – never "150k" or "0968…".
  const leet =
    letters > 0 && nonLetters > 0 && maxDigitRun <= 2 && (firstIsLetter || letters >= 2 || hasAccented(a, b)) && !NUMBER_WITH_UNIT.test(raw);
  const len = b - a;
  ensureToken(len);
  const cs = K_CS;
  for (let k = a; k < b; k++) {
    let c: number = uch[k];
    if (leet && ucls[k] !== C_LETTER) {
      const l = leetOf(c, false);
      if (l > 0) c = l;
      else if (c === 49) {
        // '1' is 'l' at a word start before a vowel or after a consonant at the end ("vc1"), else 'i'.
        const next = k + 1 < b ? uch[k + 1] : -1;
        const prev = k > a ? uch[k - 1] : -1;
        const lAtStart = k === a && next >= 0 && isVowelCode(next);
        const lAtEnd = k === b - 1 && prev >= 0 && !isVowelCode(prev);
        c = lAtStart || lAtEnd ? 108 : 105;
      }
    } else if (!leet && ucls[k] === C_LEET) {
      c = -1; // stray '@'/'$' next to digits ("$100"): not a letter.
    }
    cs[k - a] = c;
  }
  let nc = 0;
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
      K_CH[nc] = c;
      K_S[nc] = U_S[a + q];
      K_E[nc] = U_E[a + r - 1];
      nc++;
      q = r;
      continue;
    }
    for (let p = q; p < r; p++) {
      K_CH[nc] = cs[p];
      K_S[nc] = U_S[a + p];
      K_E[nc] = U_E[a + p];
      nc++;
    }
    q = r;
  }
  if (nc === 0) return '';
  let word = '';
  if (nc <= 5) {
    for (let q = 0; q < nc; q++) word += String.fromCharCode(K_CH[q]);
    const exp = TEENCODE[word];
    if (exp !== undefined && !(word === 'k' && UNIT_TOKEN.test(prevToken))) {
      const s0 = K_S[0];
      const e0 = K_E[nc - 1];
      for (let q = 0; q < exp.length; q++) emit(exp.charCodeAt(q), s0, e0, 0);
      return word;
    }
  }
  for (let q = 0; q < nc; q++) emit(K_CH[q], K_S[q], K_E[q], 0);
  return word || (nonLetters > 0 && nc <= 12 ? raw : '');
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
