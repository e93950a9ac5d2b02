import { describe, expect, it } from 'vitest';
import { benchRules } from '../../../scripts/bench-rules';

describe('benchRules', () => {
  it('returns the measured figures (small run)', async () => {
    const r = await benchRules({ cliLines: 300, procLines: 300, minMs: 20 });
    for (const k of ['defaultUsPerMsg', 'matchDefaultUsPerMsg', 'naiveDefaultUsPerMsg', 'bigUsPerMsg', 'naiveBigUsPerMsg', 'cliMs', 'copyMs', 'cliOverCopy']) {
      expect(r[k], k).toBeGreaterThan(0);
    }
    expect(r.bigTerms).toBe(5000);
    // With thousands of terms one automaton pass must beat one indexOf per term.
    expect(r.naiveOverAcBig).toBeGreaterThan(1);
    expect(r.procParallelMs).toBeGreaterThan(0);
  }, 180_000);
});
