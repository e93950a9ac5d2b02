import { describe, expect, it } from 'vitest';
import { foldString, normalize, Normalizer } from '@/lib/rules/normalize';

describe('normalize: views and evasions', () => {
  it.each([
    ['NFC + lowercase + fold', 'Chuyển KHOẢN', 'chuyển khoản', 'chuyen khoan'],
    ['đ folds to d', 'Đánh đề', 'đánh đề', 'danh de'],
    ['decomposed (NFD) input', 'chuyển khoản'.normalize('NFD'), 'chuyển khoản', 'chuyen khoan'],
    ['repeated letters', 'lôôô đềềề', 'lô đề', 'lo de'],
    ['repeated consonants (3+)', 'nguuu vclll', 'ngu vcl', 'ngu vcl'],
    ['double consonant kept', 'cc đmm', 'cc đmm', 'cc dmm'],
    ['dotted letters joined', 'l.o.d.e', 'lode', 'lode'],
    ['spaced letters joined', 'l ô đ ề', 'lôđề', 'lode'],
    ['hyphenated letters joined', 'c-h-u-y-e-n', 'chuyen', 'chuyen'],
    ['dotted abbreviation', 'đ.m', 'đm', 'dm'],
    ['leet digits in words', 'l0 d3', 'lo de', 'lo de'],
    ['leet at sign', 'c@ độ', 'ca độ', 'ca do'],
    ['leet dollar', '$ex', 'sex', 'sex'],
    ['leet 1 as l at the end', 'vc1', 'vcl', 'vcl'],
    ['leet 1 as i inside', 't1ền', 'tiền', 'tien'],
    ['prices are not leet', '150k 1tr5 35k', '150k 1tr5 35k', '150k 1tr5 35k'],
    ['phone numbers untouched', '0968123456', '0968123456', '0968123456'],
    ['zero-width removed', 'l\u200bô đ\u200cề', 'lô đề', 'lo de'],
    ['soft hyphen removed', 'lô\u00ad đề', 'lô đề', 'lo de'],
    ['cyrillic homoglyphs', 'саsinо', 'casino', 'casino'],
    ['greek homoglyphs', 'cαsinο', 'casino', 'casino'],
    ['fullwidth letters', 'Ｃａｓｉｎｏ', 'casino', 'casino'],
    ['math bold letters', '𝐜𝐚𝐬𝐢𝐧𝐨', 'casino', 'casino'],
    ['circled letters', 'ⓒⓐⓢⓘⓝⓞ', 'casino', 'casino'],
    ['teencode ko', 'ko biết', 'không biết', 'khong biet'],
    ['teencode ck/stk', 'ck vào stk', 'chuyển khoản vào số tài khoản', 'chuyen khoan vao so tai khoan'],
    ['teencode ib/lh', 'ib lh', 'inbox liên hệ', 'inbox lien he'],
    ['teencode mn/j', 'mn ơi j thế', 'mọi người ơi gì thế', 'moi nguoi oi gi the'],
    ['k after number is thousand', '150 k', '150 k', '150 k'],
    ['spaces collapse', 'lô   -  đề', 'lô đề', 'lo de'],
    ['emoji separates words', 'lô🔥đề', 'lô đề', 'lo de'],
    ['exclamation mark as i inside a word', 'V@y t!ền', 'vay tiền', 'vay tien'],
    ['leet 1 before an accented vowel', '1ô đ3', 'lô đe', 'lo de'],
    ['exclamation at a sentence end stays', 'hay quá!', 'hay quá!', 'hay qua!'],
    ['url keeps digits', 'https://t.me/kiemtien999', 'https://t.me/kiemtien999', 'https://t.me/kiemtien999'],
  ])('%s', (_name, input, acc, fold) => {
    const n = normalize(input);
    expect(n.acc).toBe(acc);
    expect(n.fold).toBe(fold);
    expect(n.fold.length).toBe(n.acc.length);
    expect(n.start.length).toBe(n.acc.length);
  });

  it.each([
    ['Lôôô Đềềề hôm nay', 'lô', 'Lôôô'],
    ['mua l.o.d.e ở đâu', 'lode', 'l.o.d.e'],
    ['ck cho em 500k', 'chuyển khoản', 'ck'],
    ['Ｃａｓｉｎｏ online', 'casino', 'Ｃａｓｉｎｏ'],
    ['gửi mã O\u200bTP ngay', 'otp', 'O\u200bTP'],
    ['chuyển khoản'.normalize('NFD') + ' ngay', 'chuyển khoản', 'chuyển khoản'.normalize('NFD')],
  ])('maps %j back to original offsets', (input, needle, original) => {
    const n = normalize(input);
    const i = n.acc.indexOf(needle);
    expect(i).toBeGreaterThanOrEqual(0);
    const start = n.start[i];
    const end = n.end[i + needle.length - 1];
    expect(input.slice(start, end)).toBe(original);
  });

  it('handles empty and symbol-only input', () => {
    expect(normalize('').acc).toBe('');
    expect(normalize('!!! ... ???').fold).toBe('!!! ... ???');
  });

  it('foldString folds without evasion handling', () => {
    expect(foldString('Đề NGHỊ')).toBe('de nghi');
  });
});

describe('Normalizer.transient: same result as normalize, in reused buffers', () => {
  const normalizer = new Normalizer();
  const normalizeTransient = (text: string) => normalizer.transient(text);
  it.each(['Nhận ghi l.ô đ.ề, ib mk nha 0968123456', 'ck gấp vào stk vcb-hotro.xyz', 'Kính mời bà con dự họp thôn'])('%s', (text) => {
    const owned = normalize(text);
    const t = normalizeTransient(text);
    expect(t.acc).toBe(owned.acc);
    expect(t.fold).toBe(owned.fold);
    expect(Array.from(t.sym)).toEqual(Array.from(owned.sym));
    expect(Array.from(t.start)).toEqual(Array.from(owned.start));
    expect(Array.from(t.end)).toEqual(Array.from(owned.end));
    expect(t.joined === null ? null : Array.from(t.joined)).toEqual(owned.joined === null ? null : Array.from(owned.joined));
    expect(t.hasDigit).toBe(owned.hasDigit);
  });

  it('normalize results stay intact when a transient call reuses the buffers', () => {
    const owned = normalizer.normalize('lô đề hôm nay');
    const before = Array.from(owned.sym);
    normalizeTransient('một câu khác hoàn toàn, dài hơn nhiều so với câu trước');
    expect(Array.from(owned.sym)).toEqual(before);
    expect(owned.acc).toBe('lô đề hôm nay');
  });
});
