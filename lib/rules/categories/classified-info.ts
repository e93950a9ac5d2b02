/** III.2(1) – state secrets, classified or unpublished internal documents. */
import type { CategoryDefinition } from '../types';

export const classifiedInfo: CategoryDefinition = {
  id: 'classified-info',
  clause: 'III.2(1)',
  label: 'Bí mật nhà nước',
  explanation: 'Tin nhắn có thể làm lộ tài liệu mật, bí mật nhà nước hoặc văn bản nội bộ chưa công bố.',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  severityFor(score, threshold) {
    return score >= threshold * 1.5 ? 'high' : 'medium';
  },
};
