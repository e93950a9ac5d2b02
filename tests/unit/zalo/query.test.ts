import { describe, expect, it } from 'vitest';
import { queryAll, queryOne, safeQuery, safeQueryAll, safeMatches, safeClosest } from '@/lib/zalo/query';
import { parseFixture } from './helpers';

describe('queryOne / queryAll', () => {
  it.each<[string, 'normal' | 'drift', number]>([
    ['messageList', 'normal', 0],
    ['messageList', 'drift', 1],
    ['composer', 'normal', 0],
    ['composer', 'drift', 1],
    ['headerTitle', 'drift', 2],
  ])('%s on %s matches candidate %i', (key, fixture, candidate) => {
    const hit = queryOne(parseFixture(fixture), key as Parameters<typeof queryOne>[1]);
    expect(hit?.candidate).toBe(candidate);
  });

  it('returns null / empty when nothing matches', () => {
    const doc = document.implementation.createHTMLDocument('');
    expect(queryOne(doc, 'pollDialog')).toBeNull();
    expect(queryAll(doc, 'bubble')).toEqual({ els: [], candidate: -1 });
  });

  it('queryAll does not mix candidates (no duplicates from fallbacks)', () => {
    const res = queryAll(parseFixture('normal'), 'bubble');
    expect(res.candidate).toBe(0);
    expect(res.els).toHaveLength(13);
  });

  it.each(['div[', '##x', '', 'a >> b'])('invalid selector %j is treated as no match', (bad) => {
    const doc = parseFixture('normal');
    const el = doc.body;
    expect(safeQuery(doc, bad)).toBeNull();
    expect(safeQueryAll(doc, bad)).toEqual([]);
    expect(safeMatches(el, bad)).toBe(false);
    expect(safeClosest(el, bad)).toBeNull();
  });
});
