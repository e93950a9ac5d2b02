import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/log/chain';
import { makeBodies } from '../reports/make-log';

/** The definition every stored hash was computed with; canonicalJson must keep giving exactly this text. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
}

describe('canonicalJson keeps the hash-chain text byte for byte', () => {
  it.each<[string, unknown]>([
    ['primitives', [1, 'a', true, null, -0, 1e21, 0.1]],
    ['key order and undefined values', { b: 1, a: { d: undefined, c: [3, { z: 1, y: 2 }] }, '10': 'x', '2': 'y', 'Ă': 'ă' }],
    ['undefined inside an array', [1, undefined, 2]],
    ['escapes', { 'quote"key': 'line\nbreak "q" \\ \u2028', tab: '\t' }],
    ['empty containers', { a: {}, b: [], c: [[]] }],
    ['Vietnamese text', { text: 'Bà con không bấm link lạ, đừng cung cấp OTP 🙏', member: { name: 'Nguyễn Văn Ánh' } }],
  ])('%s', (_name, value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('on 500 generated log bodies', () => {
    for (const body of makeBodies({ n: 500, seed: 9, start: '2026-11-01T01:00:00Z', spanDays: 20, place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' } })) {
      expect(canonicalJson({ ...body, seq: 7 })).toBe(reference({ ...body, seq: 7 }));
    }
  });
});
