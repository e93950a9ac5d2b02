/**
 * The model file keeps its feature names front-coded (each name's new tail, and how much it shares with the name
 * before it). Decoding must give back exactly the names training wrote, and a damaged `featuresShared` must be
 * refused with an error naming it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '@/lib/rules/default-model';
import { frontCode, frontDecode } from '@/lib/rules/model/front-code';
import { featureNames, parseModel, type LinearModel } from '@/lib/rules/model/schema';
import { b64, tinyModel } from './tiny-model';

function modelWith(names: string[]): LinearModel {
  return tinyModel({ ...frontCode(names), categories: { scam: { bias: 0, scale: 0.05, weights: b64(names.map((_, k) => k)) } } });
}

describe('front-coded feature names', () => {
  it.each<[string, string[]]>([
    ['none', []],
    ['one', ['lo_de']],
    ['sorted neighbours', ['#1', '#1_#1', '#1_#2', '#1_ban', '#1_bao', 'ban', 'ban_ca', 'bao']],
    ['a name inside the next', ['ab', 'ab_c', 'abc']],
    ['accented spellings', ['=đéo', '=đéo_mày', '=đẹp', 'deo']],
    ['a shared start longer than 25', ['abcdefghijklmnopqrstuvwxyz_1', 'abcdefghijklmnopqrstuvwxyz_2']],
    ['unsorted, a name shorter than the one before', ['ban_ca', 'ban', 'b', 'ban']],
  ])('decodes %s back exactly', (_name, names) => {
    const coded = frontCode(names);
    expect(frontDecode(coded.features, coded.featuresShared)).toEqual({ ok: true, names });
    expect(featureNames(modelWith(names))).toEqual(names);
    if (names.length > 0) expect(parseModel(modelWith(names)).ok).toBe(true);
  });

  it('the bundled model is front-coded at half the bytes, and its names are distinct and in sorted order', () => {
    expect(DEFAULT_MODEL.featuresShared).toBeDefined();
    const names = featureNames(DEFAULT_MODEL);
    expect(names.length).toBe(DEFAULT_MODEL.featuresShared!.length);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    expect(DEFAULT_MODEL.features.length + names.length).toBeLessThan(0.6 * names.join(' ').length);
  });

  it('a model without featuresShared reads its names as written', () => {
    const m = { ...modelWith(['ho_tro', 'tien_ao']), features: 'ho_tro tien_ao', featuresShared: undefined };
    expect(featureNames(m)).toEqual(['ho_tro', 'tien_ao']);
  });

  it.each<[string, string, RegExp]>([
    ['one letter short', 'AD', /^featuresShared: 2 letters for 3 features/],
    ['a letter outside A–Z', 'AD#', /^featuresShared: letter 3 is not A–Z/],
    ['more shared than the name before has', 'AHD', /^featuresShared: letter 2 shares 7 characters with a feature of 6/],
  ])('refuses %s, naming featuresShared', (_name, shared, error) => {
    const m = { ...modelWith(['ho_tro', 'ho_tro_vay', 'tien_ao']), featuresShared: shared };
    const r = parseModel(m);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
    expect(() => featureNames(m)).toThrow(/featuresShared/);
  });
});
