/** III.2(4) – lottery (lô đề), betting, casinos, fortune-telling offered as a service. */
import type { CategoryDefinition, SignalHit } from '../types';

const TWO_DIGITS = /(?<![\p{N}\p{L}])\d{2}(?![\p{N}\p{L}])/gu;

// A number pick: "ghi cho tôi 100 điểm con 39", "bao bộ con 68", "đánh 2 con 01 với 61", "nuôi lô 27".
const PICK = /(?<![\p{L}])(?:đánh|danh|ghi|ôm|nuôi|bao|chốt|vào|theo|dồn|sổ|về|ve)\s+(?:[\p{L}\d]+\s+){0,3}(?:con|cặp|số|lô|đề|lo|de)\s+\d{2}(?!\d)|\d+\s?điểm\s+(?:con\s+)?\d{2}(?!\d)|(?<![\p{L}])(?:đánh|danh|ghi|chốt|chot)\s+\d{2}(?!\d)(?!\s?(?:phút|giờ|điểm|tuổi|người|ngày|km|kg|cái|lần|triệu|tr|k|nghìn|ngàn))|(?<![\p{L}])(?:đầu|dau)\s?\d\s+(?:đít|dit|đuôi|duoi)\s?\d(?!\d)/u;

export const gamblingFortune: CategoryDefinition = {
  id: 'gambling-fortune',
  clause: 'III.2(4)',
  label: 'Lô đề, cờ bạc, bói toán',
  explanation: 'Tin nhắn có nội dung lô đề, cá độ, cờ bạc hoặc bói toán, bị cấm trong nhóm.',
  defaultSeverity: 'medium',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  signals(ctx) {
    const out: SignalHit[] = [];
    const links = ctx.links.filter((l) => l.category === 'gambling-fortune').map((l) => ({ start: l.start, end: l.end }));
    if (links.length > 0) out.push({ name: 'link', weight: ctx.weight('gambling-fortune', 'link', 1), spans: links });
    if (ctx.text.hasDigit && PICK.test(ctx.text.acc)) out.push({ name: 'lottery', weight: ctx.weight('gambling-fortune', 'pick', 1), spans: [] });
    // Lottery number picks ("39 - 93") only count next to lottery words.
    if (ctx.hasGroup('gambling-fortune', 'lottery')) {
      const nums = ctx.text.acc.match(TWO_DIGITS);
      if (nums && nums.length >= 2) out.push({ name: 'numbers', weight: ctx.weight('gambling-fortune', 'numbers', 0.3), spans: [] });
    }
    return out;
  },
  adjust(ctx, score) {
    return ctx.warning >= ctx.warningThreshold * 1.5 ? score - 1 : score;
  },
  severityFor(score, threshold) {
    return score >= threshold * 2 ? 'high' : 'medium';
  },
};
