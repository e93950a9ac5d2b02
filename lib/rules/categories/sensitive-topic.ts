/** III.2(3) – political, religious or ethnic commentary against the law (not ordinary mentions). */
import type { CategoryDefinition } from '../types';

export const sensitiveTopic: CategoryDefinition = {
  id: 'sensitive-topic',
  clause: 'III.2(3)',
  label: 'Chính trị, tôn giáo, sắc tộc',
  explanation: 'Tin nhắn bình luận về chính trị, tôn giáo hoặc sắc tộc trái quy định pháp luật (kích động, xuyên tạc, gây chia rẽ).',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  adjust(ctx, score) {
    // Official notices quoting the rules ("nghiêm cấm… kích động biểu tình") are not commentary.
    return ctx.official >= 1.5 ? score - 0.5 : score;
  },
  severityFor(score, threshold) {
    return score >= threshold * 1.5 ? 'high' : 'medium';
  },
};
