/**
 * The linear model that backs the rules: its file format, the features it reads, how its flags look in
 * checkMessage, and that the shipped file is exactly what training on the development corpora gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK, normalize } from '@/lib/rules/index';
import { DEFAULT_MODEL } from '@/lib/rules/default-model';
import { compileModel, decodeRuns, encodeRuns, expandLevels, modelProbabilities } from '@/lib/rules/model/compile';
import { featureHash, featureHashes, forEachNgram, modelTokens, ngramBucketsInto } from '@/lib/rules/model/features';
import { parseModel, type LinearModel } from '@/lib/rules/model/schema';
import { b64, tinyModel } from './tiny-model';
import { crossValidate, crossValidateVihos, MODEL_FILE, PARAMS, serialiseModel, trainModel, VIHOS_GOAL_PARAMS } from '@/scripts/train-model';

describe('model file format', () => {
  it('the bundled model is valid and covers every category but strange-link', () => {
    expect(parseModel(DEFAULT_MODEL).ok).toBe(true);
    expect(Object.keys(DEFAULT_MODEL.categories).sort()).toEqual(
      ['abusive-language', 'advertising', 'classified-info', 'gambling-fortune', 'scam', 'sensitive-topic', 'unverified-news'],
    );
  });

  it.each<[string, unknown, RegExp]>([
    ['wrong format', { ...tinyModel(), format: 'other' }, /^format:/],
    ['threshold out of range', tinyModel({ threshold: 1.5 }), /^threshold:/],
    ['weights not base64', tinyModel({ categories: { scam: { bias: 0, scale: 1, weights: 'not base64!' } } }), /^categories\.scam\.weights:/],
    ['one weight short', tinyModel({ categories: { scam: { bias: 0, scale: 1, weights: b64([1]) } } }), /^categories\.scam\.weights: 1 weights for 2 features/],
    ['unknown category', tinyModel({ categories: { lottery: { bias: 0, scale: 1, weights: b64([1, 2]) } } as never }), /^categories/],
    ['negative scale', tinyModel({ categories: { scam: { bias: 0, scale: -1, weights: b64([1, 2]) } } }), /^categories\.scam\.scale:/],
    ['not an object', 'model', /^\(model\)/],
  ])('rejects %s, naming the field', (_name, input, error) => {
    const r = parseModel(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('model features', () => {
  it.each<[string, string[]]>([
    ['Lô đề hôm nay', ['lo', '=lô', 'de', 'lo_de', '=đề', 'hom', 'de_hom', '=hôm', 'nay', 'hom_nay']],
    ['lo de hom nay', ['lo', 'de', 'lo_de', 'hom', 'de_hom', 'nay', 'hom_nay']],
    ['gọi 0968 123 456', ['goi', '=gọi', '#4', 'goi_#4', '#3', '#4_#3', '#3', '#3_#3']],
    ['ck 500k', ['chuyen', '=chuyển', 'khoan', 'chuyen_khoan', '=khoản', '500k', 'khoan_500k']],
    ['đeo khẩu trang', ['deo', '=đeo', 'khau', 'deo_khau', '=khẩu', 'trang', 'khau_trang']],
    // A one-letter word has no accented spelling: "ơ", "à", "ạ" are interjections and particles.
    ['Ơ thế à', ['o', 'the', 'o_the', '=thế', 'a', 'the_a']],
  ])('%s → %j', (text, features) => {
    expect(modelTokens(normalize(text)).map((t) => t.feature)).toEqual(features);
  });

  it.each(['Nhận ghi l.ô đ.ề, ib mk nha 0968123456', 'Bà con không bấm link lạ!', 'mn ơi cho hỏi thẻ bhyt 2026'])(
    'scoring hashes are the hashes of the spelled-out features: %s',
    (text) => {
      const n = normalize(text);
      const { hashes, count } = featureHashes(n);
      expect(Array.from(hashes.subarray(0, count))).toEqual(modelTokens(n).map((t) => featureHash(t.feature)));
    },
  );

  it('a feature counts once per message, as in training', () => {
    const cm = compileModel(tinyModel());
    const once = modelProbabilities(normalize('tiền ảo'), cm)[0]!;
    const twice = modelProbabilities(normalize('tiền ảo, tiền ảo'), cm)[0]!;
    expect(twice).toBeCloseTo(once, 10);
    expect(once).toBeCloseTo(1 / (1 + Math.exp(-(-3 + 127 * 0.05))), 5);
  });
});

describe('model flags in checkMessage', () => {
  const model = compileModel(tinyModel());
  const text = 'Đầu tư tiền ảo cùng nhóm mình nhé';

  it('flags what the rules leave below their threshold, with the words that weighed most as evidence', () => {
    expect(checkMessage(text, compileRuleset(DEFAULT_PACK, { model: null }))).toEqual([]);
    const [flag, ...rest] = checkMessage(text, compileRuleset(DEFAULT_PACK, { model }));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ category: 'scam', clause: 'III.2(2)', ruleId: 'scam:model' });
    expect(flag!.explanation).toMatch(/đã học/);
    expect(flag!.evidence).toEqual([{ start: 7, end: 14, text: 'tiền ảo' }]);
    expect(flag!.score).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['a warning about scams', 'Cảnh giác: kẻ gian rủ đầu tư tiền ảo, bà con đừng tin'],
    ['an official notice', 'UBND xã thông báo: tuyên truyền về rủi ro tiền ảo tại nhà văn hóa'],
    ['words that pull the other way', 'tiền ảo hỗ trợ'],
  ])('stays quiet in %s', (_name, t) => {
    expect(checkMessage(t, compileRuleset(DEFAULT_PACK, { model })).map((f) => f.category)).not.toContain('scam');
  });

  it('a category the group disabled gets no model flag either', () => {
    const rs = compileRuleset(DEFAULT_PACK, { model, overrides: { disabledCategories: ['scam'] } });
    expect(checkMessage(text, rs)).toEqual([]);
  });
});

// Training runs are CPU-bound: on a shared 2-core runner they take several times their quiet-machine time.
const TRAINING_TIMEOUT = 180_000;

describe('the shipped model', () => {
  it('is exactly what training on the development corpora gives (run npm run train-model after changing them)', () => {
    expect(serialiseModel(trainModel())).toBe(readFileSync(MODEL_FILE, 'utf8'));
  }, TRAINING_TIMEOUT);

  it('cross-validates: scored on folds it was not trained on, the shipped settings keep recall and the clean FP rate', () => {
    const [withVeto, withoutVeto, goal] = crossValidate([PARAMS, { ...PARAMS, veto: null }, VIHOS_GOAL_PARAMS], 2);
    expect(withVeto!.macroF1).toBeGreaterThan(0.85);
    expect(withVeto!.recall['strange-link']).toBeGreaterThan(0.95);
    // The veto is there for the false-positive rate, and pays for it with a little recall.
    expect(withVeto!.cleanFpRate).toBeLessThan(withoutVeto!.cleanFpRate);
    // Measured 2.45%, as with words alone; abusive-language's threshold is chosen so that the comments' insult words
    // and spellings keep this at most 2.5%.
    expect(withVeto!.cleanFpRate).toBeLessThanOrEqual(0.025);
    // The ViHOS-goal settings (2^18 4-bit n-gram buckets, short messages' n-grams capped, own threshold 0.3, 0.55 from
    // 16 distinct words), measured: clean FP 2.34% (shipped 2.31%), village abusive recall 0.927.
    expect(goal!.cleanFpRate).toBeLessThanOrEqual(0.025);
    expect(goal!.recall['abusive-language']).toBeGreaterThanOrEqual(0.92);
  }, TRAINING_TIMEOUT);

  // `npm run train-model -- --cv vihos` runs all 9,694 rows; a fixed 1,500-row subsample keeps this test short and
  // trains each fold on fewer comments, so its recall is lower than the full run's.
  it('cross-validates abusive-language on real comments (ViHOS, 5 folds of a fixed 1,500-row subsample)', () => {
    const [r, goal] = crossValidateVihos([PARAMS, VIHOS_GOAL_PARAMS], 5, 1500);
    expect(r!.rows).toBe(1500);
    expect(r!.abusive).toBe(743);
    // Measured: recall 0.487 (0.497 before fresh21–22 joined the training files; on all 9,694 rows 0.698 → 0.701 at
    // precision 0.954 → 0.951; 0.513 before one-letter words lost their accented feature: "ơ", "à" are interjections;
    // on all 9,694 rows 5-fold recall stayed 0.699 → 0.698 at precision 0.952 → 0.954; 0.536 before fresh18–19, 0.545
    // before fresh10–15 joined the training files: more clean village rows; words alone:
    // 0.978 / 0.468; the rules alone find 0.27 of the abusive rows). The spelling n-grams trade a little precision for
    // recall; the goal is recall at precision ≥ 0.85.
    expect(r!.precision).toBeGreaterThanOrEqual(0.95);
    expect(r!.recall).toBeGreaterThanOrEqual(0.48);
    // The ViHOS-goal settings, measured: precision 0.923, recall 0.598 before fresh18–19 joined the training files.
    expect(goal!.precision).toBeGreaterThanOrEqual(0.9);
    expect(goal!.recall).toBeGreaterThanOrEqual(0.55);
  }, TRAINING_TIMEOUT);
});

describe('spelling n-grams (abusive-language)', () => {
  const spec = { min: 3, max: 5, bits: 16 };
  const grams = (t: string) => {
    const out: Array<[number, number, number]> = [];
    forEachNgram(normalize(t).sym, spec, (b, start, end) => out.push([b, start, end]));
    return out;
  };

  it('reads spaces and punctuation as one boundary, with one at each end, so n-grams cross words', () => {
    // " ngu vl " is 8 symbols: 6 trigrams, 5 four-grams, 4 five-grams.
    expect(grams('ngu vl')).toHaveLength(15);
    expect(grams('ngu, ... vl!').map(([b]) => b)).toEqual(grams('ngu vl').map(([b]) => b));
  });

  it('spans cover the characters of each n-gram', () => {
    const [first, second] = grams('chó chết');
    expect(first!.slice(1)).toEqual([0, 2]); // " ch": the start mark stands on the first character
    expect(second!.slice(1)).toEqual([0, 3]); // " cho"
  });

  it('accents, case and spelled-out letters give the same n-grams (they read the folded view)', () => {
    const buckets = (t: string) => grams(t).map(([b]) => b);
    expect(buckets('ĐỊT MẸ')).toEqual(buckets('dit me'));
    expect(buckets('đ.ị.t mẹ')).toEqual(buckets('dit me'));
  });

  it('the scoring path reads the same buckets as the enumeration training uses', () => {
    const n = normalize('Mày ngu vcl, cút khỏi nhóm đi thằng ranh!!!');
    const { buckets, count } = ngramBucketsInto(n.sym, spec, new Int32Array(4));
    expect(Array.from(buckets.subarray(0, count))).toEqual(grams(n.original).map(([b]) => b));
  });

  const withGrams = (weights: number[]) =>
    tinyModel({
      features: 'ho_tro tien_ao',
      ngrams: { ...spec, bits: 8, gain: 1 },
      categories: { scam: { bias: -3, scale: 0.05, weights: b64([-100, 127]), ngramScale: 0.1, ngramWeights: b64(weights) } },
    });

  it('n-gram weights add to the category, scaled by 1/√(the message\'s n-grams)', () => {
    const cm = compileModel(withGrams(Array.from({ length: 256 }, () => 10)));
    const n = normalize('ab');
    // " ab " has 2 trigrams and 1 four-gram: 3 n-grams of weight 1 each, value 1/√3.
    expect(modelProbabilities(n, cm)[0]).toBeCloseTo(1 / (1 + Math.exp(3 - 3 / Math.sqrt(3))), 5);
  });

  it('a short message\'s n-grams are worth no more than `floor` n-grams would make them', () => {
    const cm = compileModel({ ...withGrams(Array.from({ length: 256 }, () => 10)), ngrams: { ...spec, bits: 8, gain: 1, floor: 12 } });
    // " ab " has 3 n-grams, under the floor of 12: each is worth 1/√12, not 1/√3.
    expect(modelProbabilities(normalize('ab'), cm)[0]).toBeCloseTo(1 / (1 + Math.exp(3 - 3 / Math.sqrt(12))), 5);
  });

  // 16 levels, index k worth k - 8 (index 0 is 0 by the training's convention, not required by the format).
  const levels = Array.from({ length: 16 }, (_, k) => (k === 0 ? 0 : k - 8));
  const withRuns = (runs: number[]) => {
    const m = withGrams([]);
    const scam = m.categories.scam!;
    return { ...m, categories: { scam: { bias: scam.bias, scale: scam.scale, weights: scam.weights, ngramLevels: levels, ngramRuns: b64(runs) } } };
  };
  /** 256 level indices, three in four 0 (as at 2^18), with one run of 0s longer than 16 and a last bucket set. */
  const indices = (() => {
    const rnd = (() => {
      let x = 12345;
      return () => (x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    })();
    const out = Uint8Array.from({ length: 256 }, () => (rnd() < 0.75 ? 0 : 1 + Math.floor(rnd() * 15)));
    out.fill(0, 40, 80);
    out[255] = 9;
    return out;
  })();

  it('n-gram runs: each byte counts index-0 buckets (high nibble), then gives the next bucket\'s index (low nibble)', () => {
    expect(Array.from(decodeRuns([0x2f, 0x01, 0xf0, 0x03], 24))).toEqual([0, 0, 15, 1, ...Array.from({ length: 16 }, () => 0), 3, 0, 0, 0]);
    expect(Array.from(encodeRuns([0, 0, 15, 1, ...Array.from({ length: 16 }, () => 0), 3, 0, 0, 0]))).toEqual([0x2f, 0x01, 0xf0, 0x03]);
    expect(Array.from(decodeRuns(encodeRuns(indices), 256))).toEqual(Array.from(indices));
    expect(encodeRuns(indices).length).toBeLessThan(indices.length / 2);
  });

  it('levels land on int8 steps of max|level| / 127, each within half a step of its value', () => {
    const { table, scale } = expandLevels(Uint8Array.from([15, 2, 0, 9]), levels);
    const got = Array.from(table, (q) => q * scale);
    [7, -6, 0, 1].forEach((want, i) => expect(Math.abs(got[i]! - want)).toBeLessThanOrEqual(scale / 2));
    expect(got[3]).not.toBe(got[2]);
  });

  it('a model with run-coded n-gram weights scores bit-identically to the same weights as int8', () => {
    const coded = compileModel(withRuns(Array.from(encodeRuns(indices))));
    const { table, scale } = expandLevels(indices, levels);
    const m = withGrams(Array.from(table));
    const int8 = compileModel({ ...m, categories: { scam: { ...m.categories.scam!, ngramScale: scale } } });
    for (const t of ['ab', 'Mày ngu vcl, cút khỏi nhóm đi', 'tien ao ho tro 100%', 'Lại mất điện à, chán thật']) {
      expect(modelProbabilities(normalize(t), coded)[0]).toBe(modelProbabilities(normalize(t), int8)[0]);
    }
  });

  it.each<[string, unknown, RegExp]>([
    ['n-gram runs past the last bucket', withRuns([0xff, ...Array.from({ length: 15 }, () => 0xf1), 0x01]), /^categories\.scam\.ngramRuns: runs cover 257 buckets, more than the 256 n-gram buckets/],
    ['n-gram runs that are not base64', (() => { const m = withRuns([1]); m.categories.scam.ngramRuns = 'a b'; return m; })(), /^categories\.scam\.ngramRuns: base64 expected/],
    ['n-gram runs without levels', (() => { const m = withRuns([1]); return { ...m, categories: { scam: { ...m.categories.scam, ngramLevels: undefined } } }; })(), /^categories\.scam\.ngramLevels: ngramRuns needs/],
    ['n-gram levels without runs', (() => { const m = withRuns([1]); return { ...m, categories: { scam: { ...m.categories.scam, ngramRuns: undefined } } }; })(), /^categories\.scam\.ngramLevels: ngramLevels without ngramRuns/],
    ['15 n-gram levels', (() => { const m = withRuns([1]); m.categories.scam.ngramLevels = levels.slice(1); return m; })(), /^categories\.scam\.ngramLevels:/],
    ['both n-gram runs and int8 weights', (() => { const m = withRuns([1]); return { ...m, categories: { scam: { ...m.categories.scam, ngramScale: 0.1, ngramWeights: b64([1]) } } }; })(), /^categories\.scam\.ngramRuns: either ngramRuns/],
    ['int8 n-gram weights without a scale', (() => { const m = withGrams(Array.from({ length: 256 }, () => 0)); return { ...m, categories: { scam: { ...m.categories.scam!, ngramScale: undefined } } }; })(), /^categories\.scam\.ngramScale: ngramWeights and ngramScale go together/],
    ['an n-gram floor of 0', { ...withGrams(Array.from({ length: 256 }, () => 0)), ngrams: { ...spec, bits: 8, gain: 1, floor: 0 } }, /^ngrams\.floor:/],
    ['n-gram weights of the wrong length', withGrams([1, 2, 3]), /^categories\.scam\.ngramWeights: 3 weights for 256 n-gram buckets/],
    ['n-gram weights without n-grams', { ...withGrams(Array.from({ length: 256 }, () => 0)), ngrams: undefined }, /^categories\.scam\.ngramWeights: 256 weights for 0/],
    ['min over max', { ...withGrams(Array.from({ length: 256 }, () => 0)), ngrams: { min: 5, max: 3, bits: 8, gain: 1 } }, /^ngrams\.max:/],
  ])('rejects %s, naming the field', (_name, input, error) => {
    const r = parseModel(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it.each(['Vải ngon không em?', 'Lại mất điện à, chán thật'])('the shipped model keeps a short everyday line clean: %s', (text) => {
    expect(checkMessage(text, compileRuleset(DEFAULT_PACK))).toEqual([]);
  });

  it('no abusive model weight from the text of a link', () => {
    const rs = compileRuleset(DEFAULT_PACK);
    const cats = (t: string) => checkMessage(t, rs).map((f) => f.category);
    expect(cats('http://vn-news-hot.tk/video-clip-hot-nhat')).not.toContain('abusive-language');
  });
});

describe('model flags respect the group', () => {
  it('no model flag when the group allowed the words that weighed most', () => {
    const model = compileModel(tinyModel());
    const rs = compileRuleset(DEFAULT_PACK, { model, overrides: { allowedTerms: ['tiền ảo'] } });
    expect(checkMessage('Đầu tư tiền ảo cùng nhóm mình nhé', rs)).toEqual([]);
  });
});

describe('model flags need a rule word in categories that never flag without one', () => {
  it('a short everyday complaint the model weighs as abusive stays clean', () => {
    const model = compileModel(
      tinyModel({ features: 'chan chan_that', categories: { 'abusive-language': { bias: 0, scale: 0.05, weights: b64([60, 60]) } } }),
    );
    const rs = compileRuleset(DEFAULT_PACK, { model });
    expect(checkMessage('Lại mất điện à, chán thật', rs)).toEqual([]);
    // With a word of its own (an insult the rules know but score too low alone), the model may add the flag.
    expect(checkMessage('Lại mất điện à, chán thật, đồ ăn hại', rs).map((f) => f.category)).toContain('abusive-language');
  });
});

describe('insults quoted and taken a stance against are left to the rules', () => {
  // "chửi" (to swear) lifts abusive-language to p ≈ 0.95 wherever it stands, as talk about swearing does in real data.
  const cm = compileModel(tinyModel({ features: 'chui', categories: { 'abusive-language': { bias: 0, scale: 0.05, weights: b64([60]), alone: 0.5 } } }));
  const cats = (text: string) => checkMessage(text, compileRuleset(DEFAULT_PACK, { model: cm })).map((f) => f.category);

  it('the model does not flag the talk about quoted words, and still flags the same talk with nothing quoted', () => {
    expect(cats('Chữ "bò lạc" trong tin bác Năm là tên món nhậu, không phải chửi ai đâu')).toEqual([]);
    expect(cats('Sáng nay hai bà hàng xóm đứng chửi nhau ở đầu ngõ')).toContain('abusive-language');
  });
});

describe('a category trusted alone needs more from a long message (aloneLong)', () => {
  // "chán" and "chán thật" lift abusive-language to p ≈ 0.9975 wherever they stand.
  const model = (aloneLong?: { words: number; p: number }) =>
    compileModel(tinyModel({ features: 'chan chan_that', categories: { 'abusive-language': { bias: 0, scale: 0.05, weights: b64([60, 60]), alone: 0.5, ...(aloneLong ? { aloneLong } : {}) } } }));
  const cats = (text: string, cm: ReturnType<typeof model>) => checkMessage(text, compileRuleset(DEFAULT_PACK, { model: cm })).map((f) => f.category);

  it('a message of `words` distinct words or more must reach `p`; a shorter one only `alone`', () => {
    const long = model({ words: 5, p: 0.999 });
    // lai mat dien a chan that: six distinct words.
    expect(cats('Lại mất điện à, chán thật', long)).not.toContain('abusive-language');
    expect(cats('Chán thật chán', long)).toContain('abusive-language');
    expect(cats('Lại mất điện à, chán thật', model({ words: 7, p: 0.999 }))).toContain('abusive-language');
    expect(cats('Lại mất điện à, chán thật', model({ words: 5, p: 0.99 }))).toContain('abusive-language');
    expect(cats('Lại mất điện à, chán thật', model())).toContain('abusive-language');
  });

  it.each<[string, unknown, RegExp]>([
    ['no words', { words: 0, p: 0.5 }, /^categories\.abusive-language\.aloneLong\.words:/],
    ['a fractional word count', { words: 2.5, p: 0.5 }, /^categories\.abusive-language\.aloneLong\.words:/],
    ['p over 0.99', { words: 10, p: 1 }, /^categories\.abusive-language\.aloneLong\.p:/],
  ])('rejects %s, naming the field', (_name, aloneLong, error) => {
    const r = parseModel(tinyModel({ features: 'chan chan_that', categories: { 'abusive-language': { bias: 0, scale: 0.05, weights: b64([60, 60]), alone: 0.5, aloneLong } as never } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('the model overrules a modest rule flag only when it is sure (veto)', () => {
  // An advertising model that is sure nothing is an ad (p ≈ 0.002): only its veto matters here.
  const sure = (veto: LinearModel['veto']) =>
    compileModel(tinyModel({ features: 'ban ca', veto, categories: { advertising: { bias: -6, scale: 0.01, weights: b64([0, 0]) } } }));
  const market = 'Hôm nay chợ quê có bán cá trắm đen to vật, 120k/kg, em mua một con về kho riềng, các bác đi chợ thì xem nhé';
  const sale = 'Bán vải thiều Lục Ngạn loại 1, 35k/kg, đặt hàng inbox mình nha, ship tận nơi trong xã, gọi 0968.123.456';
  const cats = (text: string, rs: ReturnType<typeof compileRuleset>) => checkMessage(text, rs).map((f) => f.category);
  const veto = { below: 0.05, scoreRatio: 3, maxLift: 2 };

  it('drops a modest rule flag (market news with a price) the model is sure about', () => {
    expect(cats(market, compileRuleset(DEFAULT_PACK, { model: null }))).toEqual(['advertising']);
    expect(cats(market, compileRuleset(DEFAULT_PACK, { model: sure(veto) }))).toEqual([]);
  });

  it.each<[string, string, Parameters<typeof compileRuleset>[1]]>([
    ['a strong rule score (≥ scoreRatio × threshold)', sale, {}],
    ['a message with a link that has a reason (a raw IP: the model never reads links)', `${market} http://103.77.12.9/cho-que`, {}],
    ['a term the group added itself', market, { overrides: { extraTerms: { advertising: [{ text: 'cá trắm', weight: 0.3 }] } } }],
  ])('keeps the rule flag for %s', (_name, text, options) => {
    expect(cats(text, compileRuleset(DEFAULT_PACK, { ...options, model: sure(veto) }))).toContain('advertising');
  });

  it('an ordinary link with no reason (unverified) does not shield the flag from the veto', () => {
    const text = `${market} https://www.thanhha.com.vn/cho-que`;
    expect(cats(text, compileRuleset(DEFAULT_PACK, { model: null }))).toEqual(['advertising']);
    expect(cats(text, compileRuleset(DEFAULT_PACK, { model: sure(veto) }))).toEqual([]);
  });

  it('keeps a scam flag resting on a money request with its amount inside a scam story, vetoes the story alone', () => {
    // A scam model sure that nothing is a scam (p ≈ 0.0025).
    const sureScam = compileModel(tinyModel({ features: 'ban ca', veto, categories: { scam: { bias: -6, scale: 0.01, weights: b64([0, 0]) } } }));
    const rs = compileRuleset(DEFAULT_PACK, { model: sureScam });
    expect(cats('con đổi số mới, mẹ chuyển tạm 8 triệu đóng học nhé, tối con gọi giải thích sau', rs)).toContain('scam');
    const story = 'con đổi số mới rồi, mẹ lưu lại nhé, tối con gọi giải thích sau, mẹ chuyển tạm giúp con nhé';
    expect(cats(story, compileRuleset(DEFAULT_PACK, { model: null }))).toContain('scam');
    expect(cats(story, rs)).not.toContain('scam');
  });

  it('keeps the flag when the words lift the category far above its prior, however low the probability stays', () => {
    // "ban" (bán) lifts the log-odds by 3 (≥ maxLift 2): p = σ(−8 + 3) ≈ 0.007, still under `below`.
    const lifted = compileModel(
      tinyModel({ features: 'ban ca', veto, categories: { advertising: { bias: -8, scale: 0.03, weights: b64([100, 0]) } } }),
    );
    expect(cats(market, compileRuleset(DEFAULT_PACK, { model: lifted }))).toEqual(['advertising']);
  });

  it('with warning words short of a warning, the looser `warned` bounds apply, and only then', () => {
    // Lift 3 and p ≈ 0.007: kept under maxLift 2, vetoed under the warned maxLift 3.5.
    const model = (v: LinearModel['veto']) =>
      compileModel(tinyModel({ features: 'ban ca', veto: v, categories: { advertising: { bias: -8, scale: 0.03, weights: b64([100, 0]) } } }));
    const warned = { ...veto, warned: { below: 0.1, maxLift: 3.5 } };
    const retold = `Bà con lưu ý: ${market}`;
    expect(cats(retold, compileRuleset(DEFAULT_PACK, { model: null }))).toEqual(['advertising']);
    expect(cats(retold, compileRuleset(DEFAULT_PACK, { model: model(veto) }))).toEqual(['advertising']);
    expect(cats(retold, compileRuleset(DEFAULT_PACK, { model: model(warned) }))).toEqual([]);
    expect(cats(market, compileRuleset(DEFAULT_PACK, { model: model(warned) }))).toEqual(['advertising']);
  });

  it('a model without a veto never overrules the rules', () => {
    expect(cats(market, compileRuleset(DEFAULT_PACK, { model: sure(undefined) }))).toEqual(['advertising']);
  });

  it.each<[string, unknown, RegExp]>([
    ['a veto probability over 0.5', { below: 0.6, scoreRatio: 3, maxLift: 2 }, /^veto\.below:/],
    ['a score ratio under 1', { below: 0.05, scoreRatio: 0.5, maxLift: 2 }, /^veto\.scoreRatio:/],
    ['a warned probability over 0.5', { below: 0.05, scoreRatio: 3, maxLift: 2, warned: { below: 0.7, maxLift: 3 } }, /^veto\.warned\.below:/],
    ['a warned bound with no maxLift', { below: 0.05, scoreRatio: 3, maxLift: 2, warned: { below: 0.1 } }, /^veto\.warned\.maxLift:/],
  ])('rejects %s, naming the field', (_name, v, error) => {
    const r = parseModel({ ...tinyModel(), veto: v });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});
