import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type Route } from '@/lib/dashboard/hash';
import { resolvePeriod, toLogFilter } from '@/lib/dashboard/period-filter';

describe('URL hash ↔ route', () => {
  it.each<[string, Route]>([
    ['', { tab: 'log', filters: { period: 'all' } }],
    ['#reports', { tab: 'reports', filters: { period: 'all' } }],
    ['#log?period=this-month&cat=scam', { tab: 'log', filters: { period: 'this-month', category: 'scam' } }],
    [
      '#log?period=custom&from=2026-11-03&to=2026-11-20&group=g-thon-dong&kind=flag&action=remind&member=Nguy%E1%BB%85n&q=l%C3%B4+%C4%91%E1%BB%81',
      {
        tab: 'log',
        filters: { period: 'custom', from: '2026-11-03', to: '2026-11-20', group: 'g-thon-dong', kind: 'flag', action: 'remind', member: 'Nguyễn', q: 'lô đề' },
      },
    ],
  ])('parses %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    // And back: formatting then parsing gives the same route.
    expect(parseHash(formatHash(route))).toEqual(route);
  });

  it.each([
    ['#khong-co-tab', 'log'],
    ['#settings?cat=scam', 'settings'],
    ['#xa', 'xa'],
  ])('unknown or extra parts never throw: %s → %s', (hash, tab) => {
    expect(parseHash(hash).tab).toBe(tab);
  });

  it.each([
    ['#log?cat=lua-dao', {}],
    ['#log?period=nam-ngoai', {}],
    ['#log?period=custom&from=03/11/2026&to=2026-11-20', { to: '2026-11-20' }],
    ['#log?kind=xoa&action=ban&q=%20%20', {}],
  ])('drops invalid values in %s', (hash, extra) => {
    const { filters } = parseHash(hash);
    const { period: _p, ...rest } = filters;
    expect(rest).toEqual(extra);
  });

  it('leaves defaults out so plain tabs stay short', () => {
    expect(formatHash({ tab: 'templates', filters: { period: 'this-month', category: 'scam' } })).toBe('#templates');
    expect(formatHash({ tab: 'log', filters: { period: 'all' } })).toBe('#log');
    expect(formatHash({ tab: 'log', filters: { period: 'all', q: 'lừa đảo' } })).toBe('#log?q=l%E1%BB%ABa+%C4%91%E1%BA%A3o');
  });
});

describe('period presets (Vietnam calendar)', () => {
  it.each([
    // 30/11 18:00 UTC is already 1 December in Vietnam.
    ['this-month', '2026-11-30T18:00:00Z', '2026-12-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00'],
    ['this-month', '2026-11-30T16:00:00Z', '2026-11-01T00:00:00+07:00', '2026-12-01T00:00:00+07:00'],
    ['last-month', '2027-01-15T03:00:00Z', '2026-12-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00'],
    ['this-quarter', '2026-11-27T04:00:00Z', '2026-10-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00'],
  ] as const)('%s at %s', (period, now, from, to) => {
    const r = resolvePeriod({ period }, new Date(now));
    expect(r).toMatchObject({ ok: true, period: { from, to } });
  });

  it.each([
    [{ period: 'custom' as const }, 'missing-dates'],
    [{ period: 'custom' as const, from: '2026-11-20', to: '2026-11-03' }, 'không sớm hơn'],
    [{ period: 'custom' as const, from: '2026-02-30', to: '2026-03-03' }, 'không phải ngày có thật'],
  ])('custom period errors: %j', (state, message) => {
    const r = resolvePeriod(state, new Date('2026-11-27T04:00:00Z'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('maps filter state to a LogFilter', () => {
    const r = resolvePeriod({ period: 'custom', from: '2026-11-03', to: '2026-11-20' }, new Date());
    if (!r.ok) throw new Error('expected ok');
    expect(toLogFilter({ period: 'custom', group: 'g1', category: 'scam', kind: 'flag', action: 'warn', member: 'An', q: 'otp' }, r.period)).toEqual({
      from: '2026-11-03T00:00:00+07:00',
      to: '2026-11-21T00:00:00+07:00',
      chainId: 'g1',
      categories: ['scam'],
      kinds: ['flag'],
      actions: ['warn'],
      member: { name: 'An' },
      text: 'otp',
    });
    expect(toLogFilter({ period: 'all' }, null)).toEqual({});
  });
});
