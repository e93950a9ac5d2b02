/** III.2(3) – political, religious or ethnic commentary against the law (not ordinary mentions). */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition, SignalHit } from '../types';
import { retoldSpans } from './quoted';

// A people or region named as a group: "người Khơ Mú", "dân Bắc", "tụi Nghệ". Case matters (proper noun), so
// this reads the ORIGINAL text. It only ever adds to the capped `target` group: alone it never flags.
const NAMED_GROUP = /(?<![\p{L}])(?:[Nn]gười|[Dd]ân|[Bb]ọn|[Tt]ụi|[Ll]ũ|[Đđ]ám)\s+(?!Việt\b|Nam\b|Bắc Ninh\b)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\p{L}'-]*/gu;

// A civic duty refused, and others urged or dared to do the same: the national flag not flown or taken down, the draft
// dodged, the vote or the tax boycotted ("treo cờ làm chi cho mệt … đừng treo", "cất cờ đỏ vào kho", "tìm cách trốn
// khám tuyển", "cả xóm đồng lòng không nộp thuế"). The duty and its refusal stand in one clause, in either order. Read
// on the folded text.
const DUTY = '(?:treo co|cam co|co do|co to quoc|chao co|nghia vu|kham tuyen|di bo doi|nhap ngu|bau cu|bau dai bieu|di bau|diem bau|bau ban|bo phieu|khai thue|nop thue|dong thue|thue dat|thue phi)';
const REFUSE =
  '(?:khong (?:treo|nop|dong|khai|bau|ai ra|ai di)|dung (?:treo|nop|dong|khai|bau|ai|di kham)|khoi (?:treo|nop|dong|khai|bau)|cat co|bo co|vut|tron|ne kham|lam gi cho|lam chi cho|toi gi|o nha het|phieu trang|dong long khong|phi doi|lam canh|kham cho truot)';
const CIVIC_REFUSAL = new RegExp(`(?:^|[^a-z])(?:${DUTY}[^.!?\n]{0,50}?${REFUSE}|${REFUSE}[^.!?\n]{0,30}?${DUTY})(?![a-z])`);

export const sensitiveTopic: CategoryDefinition = {
  id: 'sensitive-topic',
  clause: CATEGORY_CLAUSE['sensitive-topic'],
  label: 'Chính trị, tôn giáo, sắc tộc',
  explanation: 'Tin nhắn bình luận về chính trị, tôn giáo hoặc sắc tộc trái quy định pháp luật (kích động, xuyên tạc, gây chia rẽ).',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  mentions: retoldSpans,
  needsHits: 'always',
  // Incitement in words of its own when the model is this sure of it.
  modelWithoutHits: 0.7,
  textSignals: ['target', 'refusal'],
  // The named group (0.3) and a refused duty (0.3) may both fire; the duty's combo with the refusal does the rest.
  textSignalSlack: 0.6,
  signals(ctx) {
    const out: SignalHit[] = [];
    if (ctx.hasGroup('sensitive-topic', 'duty') && CIVIC_REFUSAL.test(ctx.text.fold)) {
      out.push({ name: 'refusal', weight: ctx.weight('sensitive-topic', 'refusal', 0.3), spans: [] });
    }
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
