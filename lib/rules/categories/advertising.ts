/** III.2(4) – advertising, classifieds, personal commercial services. */
import type { CategoryDefinition, SignalHit } from '../types';

export const advertising: CategoryDefinition = {
  id: 'advertising',
  clause: 'III.2(4)',
  label: 'Quảng cáo, rao vặt',
  explanation: 'Tin nhắn quảng cáo bán hàng, rao vặt hoặc chào mời dịch vụ cá nhân, trái quy chế nhóm.',
  defaultSeverity: 'low',
  actions: { low: 'remind', medium: 'delete', high: 'delete' },
  signals(ctx) {
    const out: SignalHit[] = [];
    if (ctx.prices.length > 0) out.push({ name: 'price', weight: ctx.weight('advertising', 'price', 0.5), spans: ctx.prices.map((s) => ctx.original(s)) });
    if (ctx.phones.length > 0) out.push({ name: 'phone', weight: ctx.weight('advertising', 'phone', 0.3), spans: ctx.phones.map((s) => ctx.original(s)) });
    // Fortune-telling or betting offered with a contact ("xem tử vi… lh thầy Tư") is also a paid service.
    if (ctx.baseScore('gambling-fortune') >= 1 && (ctx.hasGroup('advertising', 'contact') || ctx.hasGroup('advertising', 'promo') || ctx.phones.length > 0)) {
      out.push({ name: 'service', weight: ctx.weight('advertising', 'service', 0.5), spans: [] });
    }
    return out;
  },
  adjust(ctx, score) {
    let s = score;
    if (ctx.official >= 1) s -= 0.6;
    if (ctx.warning >= ctx.warningThreshold) s -= 1;
    return s;
  },
  severityFor(score, threshold) {
    return score >= threshold * 2.5 ? 'medium' : 'low';
  },
};
