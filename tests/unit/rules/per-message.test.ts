import { describe, expect, it } from 'vitest';
import { perMessage } from '../../../lib/rules/categories/per-message';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '../../../lib/rules/index';
import type { EvalContext } from '../../../lib/rules/types';

/** Stand-in contexts: the memo only compares them by identity. */
const ctx = (label: string) => ({ label }) as unknown as EvalContext;

describe('perMessage: one computation per evaluation context', () => {
  it('computes once for repeated questions about one context, again for each other context, and never hands one context another one’s value', () => {
    const calls: string[] = [];
    const memo = perMessage((c) => {
      const label = (c as unknown as { label: string }).label;
      calls.push(label);
      return `value of ${label}`;
    });
    const a = ctx('a');
    const b = ctx('b');
    expect([memo(a), memo(a), memo(b), memo(b), memo(a)]).toEqual(['value of a', 'value of a', 'value of b', 'value of b', 'value of a']);
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('a computation that throws is tried again next time', () => {
    let fail = true;
    const memo = perMessage(() => {
      if (fail) throw new Error('boom');
      return 1;
    });
    const a = ctx('a');
    expect(() => memo(a)).toThrow('boom');
    fail = false;
    expect(memo(a)).toBe(1);
  });

  it('a scam checked right after a bank notice is still a scam (the notice reading of one message never reaches the next)', () => {
    const rs = compileRuleset(DEFAULT_PACK);
    const notice = 'Ma OTP cua ban la 123456, khong cung cap ma nay cho bat ky ai. Vietcombank';
    const scam = 'Alo em la nhan vien ngan hang, anh chuyen 5 trieu vao tai khoan 0123456789 de xac minh gap nhe';
    for (let round = 0; round < 2; round++) {
      expect(checkMessage(notice, rs).map((f) => f.category)).not.toContain('scam');
      expect(checkMessage(scam, rs).map((f) => f.category)).toContain('scam');
    }
  });
});
