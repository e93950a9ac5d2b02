import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuleset, DEFAULT_PACK, normalize } from '../../../lib/rules/index';
import { SymbolAutomaton } from '../../../lib/rules/matcher';

const repo = resolve(import.meta.dirname, '../../..');
const rs = compileRuleset(DEFAULT_PACK);

/** The bundled pack's patterns, as the compiler gives them to the automaton. */
function packPatterns(): Uint8Array[] {
  const plen = rs.automaton.patternLength;
  // The compiler's own pattern table is internal: rebuild each symbol sequence from its first entry's folded codes.
  const toSym = (f: number) => (f >= 97 && f <= 122 ? f - 95 : f >= 48 && f <= 57 ? f - 20 : f === 32 ? 1 : 0);
  const out: Uint8Array[] = [];
  for (let p = 0; p < plen.length; p++) out.push(Uint8Array.from(rs.flat.list[rs.flat.entStart[p]].fold, toSym));
  return out;
}

/** Every corpus text of the repository, and each one also without spaces (long runs through deep states). */
function corpusTexts(): string[] {
  const dir = resolve(repo, 'tests/corpus');
  const texts: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
    for (const l of readFileSync(resolve(dir, f), 'utf8').split('\n')) {
      if (!l.trim()) continue;
      const t = (JSON.parse(l) as { text?: unknown }).text;
      if (typeof t === 'string') texts.push(t, t.replace(/\s+/g, ''));
    }
  }
  return texts;
}

function matches(a: SymbolAutomaton, sym: Uint8Array): number[] {
  const r = a.scanInto(sym, new Int32Array(8));
  return Array.from(r.buf.subarray(0, 2 * r.count));
}

describe('automaton layout: dense rows for shallow states, trie edges and failure links for the rest', () => {
  const patterns = packPatterns();
  const full = new SymbolAutomaton(patterns, Infinity);
  const texts = corpusTexts();
  const syms = texts.map((t) => normalize(t).sym);

  it('rebuilds the pack patterns the compiler used', () => {
    expect(patterns.length).toBe(rs.automaton.patternLength.length);
    patterns.forEach((p, i) => expect(p.length).toBe(rs.automaton.patternLength[i]));
    expect(texts.length).toBeGreaterThan(5000);
  });

  it.each([1, 2, 40, 2048, 30000])('%i dense states find exactly what the complete table finds, on every corpus text', (dense) => {
    const a = new SymbolAutomaton(patterns, dense);
    let found = 0;
    for (const sym of syms) {
      const m = matches(a, sym);
      found += m.length;
      expect(m).toEqual(matches(full, sym));
    }
    expect(found).toBeGreaterThan(10000);
  });

  it('finds every occurrence a plain substring search finds, and nothing else', () => {
    const a = new SymbolAutomaton(patterns);
    const keys = patterns.map((p) => String.fromCharCode(...p));
    for (const sym of syms.filter((_, i) => i % 40 === 0)) {
      const text = String.fromCharCode(...sym);
      const expected: string[] = [];
      keys.forEach((key, p) => {
        for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) expected.push(`${p}@${at + key.length}`);
      });
      const m = matches(a, sym);
      const got: string[] = [];
      for (let i = 0; i < m.length; i += 2) got.push(`${m[i]}@${m[i + 1]}`);
      expect(got.sort()).toEqual(expected.sort());
    }
  });

  it('the callback scan agrees with scanInto', () => {
    const a = new SymbolAutomaton(patterns, 40);
    for (const sym of syms.slice(0, 2000)) {
      const viaCallback: number[] = [];
      a.scan(sym, (p, s, e) => {
        expect(s).toBe(e - a.patternLength[p]);
        viaCallback.push(p, e);
      });
      expect(viaCallback).toEqual(matches(a, sym));
    }
  });

  it.each([
    [['he', 'she', 'his', 'hers'], 'ushers', [[1, 4], [0, 4], [3, 6]]],
    [['a', 'aa', 'aaa'], 'aaaa', [[0, 1], [1, 2], [0, 2], [2, 3], [1, 3], [0, 3], [2, 4], [1, 4], [0, 4]]],
  ])('classic cases: %j in %s', (words, text, expected) => {
    const toSym = (w: string) => Uint8Array.from(w, (ch) => ch.charCodeAt(0) - 95);
    for (const dense of [1, 2, 3, Infinity]) {
      const a = new SymbolAutomaton(words.map(toSym), dense);
      const r = matches(a, toSym(text));
      const pairs: number[][] = [];
      for (let i = 0; i < r.length; i += 2) pairs.push([r[i], r[i + 1]]);
      expect(pairs).toEqual(expected);
    }
  });
});
