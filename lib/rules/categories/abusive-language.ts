/** III.2(5) – uncivil language: profanity (incl. teencode), insults to members or officials. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition } from '../types';
import { retoldSpans } from './quoted';

export const abusiveLanguage: CategoryDefinition = {
  id: 'abusive-language',
  clause: CATEGORY_CLAUSE['abusive-language'],
  label: 'Ngôn từ thiếu văn hóa',
  explanation: 'Tin nhắn dùng ngôn từ thiếu văn hóa, chửi bới hoặc xúc phạm thành viên, cán bộ.',
  defaultSeverity: 'medium',
  actions: { low: 'remind', medium: 'remind', high: 'delete' },
  mentions: retoldSpans,
  needsHits: 'always',
  // Wording quoted and taken a stance against ("chữ \"dm\" là viết tắt, không phải chửi"): the model, which does not
  // read the quoted words, would judge the talk about them ("chửi", "tục", "xóa"); only the rules decide.
  modelAllowed: (ctx) => retoldSpans(ctx).length === 0,
  severityFor(score, threshold) {
    if (score >= threshold * 2.5) return 'high';
    return score >= threshold * 1.5 ? 'medium' : 'low';
  },
};
