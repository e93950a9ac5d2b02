/** III.2(3) – political, religious or ethnic commentary against the law (not ordinary mentions). */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition, SignalHit } from '../types';
import { retoldSpans } from './quoted';

// A people or region named as a group: "người Khơ Mú", "dân Bắc", "tụi Nghệ". Case matters (proper noun), so
// this reads the ORIGINAL text. It only ever adds to the capped `target` group: alone it never flags.
const NAMED_GROUP = /(?<![\p{L}])(?:[Nn]gười|[Dd]ân|[Bb]ọn|[Tt]ụi|[Ll]ũ|[Đđ]ám)\s+(?!Việt\b|Nam\b|Bắc Ninh\b)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\p{L}'-]*/gu;

export const sensitiveTopic: CategoryDefinition = {
  id: 'sensitive-topic',
  clause: CATEGORY_CLAUSE['sensitive-topic'],
  label: 'Chính trị, tôn giáo, sắc tộc',
  explanation: 'Tin nhắn bình luận về chính trị, tôn giáo hoặc sắc tộc trái quy định pháp luật (kích động, xuyên tạc, gây chia rẽ).',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  mentions: retoldSpans,
  needsHits: 'always',
  textSignals: ['target'],
  signals(ctx) {
    const out: SignalHit[] = [];
    // Only worth looking when something derogatory is said at all.
    if (!(ctx.hasGroup('sensitive-topic', 'contempt') || ctx.hasGroup('sensitive-topic', 'neg') || ctx.hasGroup('sensitive-topic', 'gen'))) return out;
    NAMED_GROUP.lastIndex = 0;
    const m = NAMED_GROUP.exec(ctx.text.original);
    if (m) out.push({ name: 'target', weight: ctx.weight('sensitive-topic', 'named-group', 0.3), spans: [] });
    return out;
  },
  adjust(ctx, score) {
    // Official notices quoting the rules ("nghiêm cấm… kích động biểu tình") are not commentary.
    return ctx.official >= 1.5 ? score - 0.5 : score;
  },
  severityFor(score, threshold) {
    return score >= threshold * 1.5 ? 'high' : 'medium';
  },
};
