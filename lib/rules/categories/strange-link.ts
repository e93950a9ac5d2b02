/** III.2(2) – strange links: shorteners, raw IPs, lookalike domains, blocklisted hosts, downloads. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryId } from '../categories';
import type { CategoryDefinition, SignalHit } from '../types';

const SUSPICIOUS_CONTEXT: readonly CategoryId[] = ['scam', 'gambling-fortune', 'unverified-news', 'sensitive-topic', 'advertising'];

export const strangeLink: CategoryDefinition = {
  id: 'strange-link',
  clause: CATEGORY_CLAUSE['strange-link'],
  label: 'Link lạ',
  explanation: 'Tin nhắn có đường link lạ hoặc giả mạo, có thể dẫn tới trang lừa đảo hoặc mã độc.',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'delete' },
  signals(ctx) {
    const out: SignalHit[] = [];
    const unknown: Array<{ start: number; end: number }> = [];
    for (const l of ctx.links) {
      if (l.category !== 'strange-link') continue;
      if (l.reason === 'unknown-domain') {
        unknown.push({ start: l.start, end: l.end });
        continue;
      }
      const blocked = l.reason.startsWith('block') || l.reason.startsWith('group-block');
      out.push({ name: blocked ? 'link-blocked' : 'link', weight: ctx.weight('strange-link', 'link', 1), spans: [{ start: l.start, end: l.end }] });
    }
    if (unknown.length > 0) {
      // An unknown site is strange when the message around it is itself a scam, bet, rumour or ad.
      const suspicious = SUSPICIOUS_CONTEXT.some((c) => ctx.baseScore(c) >= 0.6);
      out.push({ name: 'unknown-link', weight: ctx.weight('strange-link', suspicious ? 'unknown-suspicious' : 'unknown', suspicious ? 1 : 0.5), spans: unknown });
    }
    return out;
  },
  adjust(ctx, score, groups) {
    // A warning that names the fake site ("đừng bấm vneid-hotro.net, đó là lừa đảo") is advice, unless the host is blocklisted.
    if (ctx.warning >= ctx.warningThreshold && !groups.has('link-blocked')) return score - 1;
    return score;
  },
  severityFor(score) {
    return score >= 1 ? 'high' : 'medium';
  },
};
