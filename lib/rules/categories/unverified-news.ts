/** III.2(1) – unverified news, rumours, fake alarms and chain messages. */
import type { CategoryDefinition } from '../types';

export const unverifiedNews: CategoryDefinition = {
  id: 'unverified-news',
  clause: 'III.2(1)',
  label: 'Tin chưa kiểm chứng',
  explanation: 'Tin nhắn lan truyền tin đồn, tin chưa kiểm chứng hoặc tin giả gây hoang mang.',
  defaultSeverity: 'medium',
  actions: { low: 'remind', medium: 'delete', high: 'delete' },
  adjust(ctx, score) {
    let s = score;
    if (ctx.official >= 1) s -= 0.7;
    if (ctx.warning >= ctx.warningThreshold) s -= 0.5;
    return s;
  },
  severityFor(score, threshold) {
    return score >= threshold * 2 ? 'high' : 'medium';
  },
};
