/** III.2(4) – lottery (lô đề), betting, casinos, fortune-telling offered as a service. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition, EvalContext, SignalHit } from '../types';
import { perMessage } from './per-message';
import { quotedPitch, warnedPitchSpans } from './quoted';
import { operatorOwnIn } from './transactional';

const TWO_DIGITS = /(?<![\p{N}\p{L}])\d{2}(?![\p{N}\p{L}])/gu;
/** TWO_DIGITS for a yes/no test: a global regex's test() would carry its position over to the next message. */
const TWO_DIGITS_ANY = new RegExp(TWO_DIGITS.source, 'u');

// (Plain, non-unicode regex over the normalised text, whose words are separated by single spaces: 4× faster.)
// A number pick: "ghi cho tôi 100 điểm con 39", "bao bộ con 68", "đánh 2 con 01 với 61", "nuôi lô 27".
const PICK = /(?:^| )(?:(?:đánh|danh|ghi|ôm|nuôi|bao|chốt|vào|theo|dồn|sổ|về|ve) (?:[^ ]+ ){0,3}(?:con|cặp|số|lô|đề|lo|de) \d\d(?!\d)|\d+ ?điểm (?:con )?\d\d(?!\d)|(?:đánh|danh|ghi|chốt|chot) \d\d(?!\d)(?! ?(?:phút|giờ|điểm|tuổi|người|ngày|km|kg|cái|lần|triệu|tr|k|nghìn|ngàn))|(?:đầu|dau) ?\d (?:đít|dit|đuôi|duoi) ?\d(?!\d))/;

/** Cheap gate before the PICK regex: a gambling word, or one of the words a pick is written with. */
function mayPick(ctx: EvalContext): boolean {
  return ctx.hits('gambling-fortune').length > 0 || pickWords(ctx.text.acc);
}

/** One of the words a pick is written with ("điểm", "đít", "đánh", "con 39"). */
function pickWords(a: string): boolean {
  if (a.includes('điểm') || a.includes('đít') || a.includes('dit ') || a.includes('đánh ') || a.includes('danh ')) return true;
  // "… con 39": the word "con" right before a two-digit number.
  for (let i = a.indexOf('con '); i >= 0; i = a.indexOf('con ', i + 4)) {
    const c1 = a.charCodeAt(i + 4);
    const c2 = a.charCodeAt(i + 5);
    if (c1 >= 48 && c1 <= 57 && c2 >= 48 && c2 <= 57) return true;
  }
  return false;
}

// A match talked about ("tối nay Việt Nam đá với Thái", "đoán tỉ số", "chung kết giải thôn") is betting only with a
// stake: odds, a bet, a bookmaker or money ("kèo chấp nửa trái", "500k", "2 củ"). Read on the folded text.
const MATCH_TALK = /(?:^|[^a-z])(?:tran|da voi|da bong|bong da|ti so|ty so|chung ket|ban ket|doi bong|doi tuyen|world cup|euro|aff|ngoai hang)(?![a-z])/;
const STAKE = /(?:^|[^a-z])(?:keo|chap|cuoc|ca do|ca voi|da do|do nhau|mo do|cam cai|nha cai|ty le|ti le|an tien|\d+ ?(?:cu|lit|chau|k|trieu|tr))(?![a-z])/;

// Handicap and over/under odds ("VN -0.5", "Thái chấp 1/4", "T 2.5", "xỉu 3.5"): a price put on a match, a quarter
// or half step that no amount or weight is written with. Read on the folded text (which drops the sign); it counts
// only beside a betting word, whose hit also keeps the message out of the fast exit.
const ODDS = /(?:^|[\s:(])(?:(?:t|tai|x|xiu|o|u|chap) ?)?(?:[0-3][.,](?:25|5|75)|[13]\/4|1\/2)(?![\d/]|[.,]\d| ?(?:kg|k|tr|trieu|m|km|l|lit|nghin|ngan|cu|ha|ty|%|d|đ)(?![a-z]))/;

/** The category's negative terms weigh -0.6 or less: a raid or an arrest reported, a warning against gambling. */
function toldAgainst(ctx: EvalContext): boolean {
  let s = 0;
  for (const h of ctx.hits('gambling-fortune')) if (h.term.weight < 0) s += h.term.weight;
  return s <= -0.6;
}

// The state lottery talked about (results, a winner, the ticket seller at the lane's end) is no betting: with only
// its words, and no pick, two-digit number, stake, price, phone or sales contact ("bao bộ con 68", "đuôi 56 … ai góp
// chung", "trượt thì mai gấp đôi lấy lại vốn", "bán vé số, ai mua nhắn em"). Read on the accented text: folded, "đề"
// and "lô" are also "để" and "lo".
const LOTTERY_STAKE = /(?:^| )(?:đuôi|cặp|bộ|lô|đề|bao|đánh|ghi|nuôi|chốt|góp|chắc trúng|soi cầu|dàn|xiên|gấp đôi|gap doi|vốn|von|trượt|truot)(?= |$)/;

/** The pack's words for the state lottery itself (not "về con gì", "số đẹp", which ask for a pick). */
const STATE_LOTTERY: ReadonlySet<string> = new Set(['xổ số', 'vé số', 'giải đặc biệt', 'kết quả xổ số', 'xổ số kiến thiết', 'vietlott', 'dò kết quả', 'kết quả miền bắc']);

/**
 * State-lottery words and nothing that stakes money on a number (see LOTTERY_STAKE). Once per message: the gambling
 * rules, its model gate and the advertising rules each ask.
 */
export const lotteryTalk = perMessage((ctx: EvalContext): boolean => {
  const hits = ctx.hits('gambling-fortune');
  if (ctx.prices.length > 0 || ctx.phones.length > 0) return false;
  let lottery = false;
  for (const h of hits) {
    if (h.term.weight <= 0) continue;
    if (!STATE_LOTTERY.has(h.term.text)) return false;
    lottery = true;
  }
  if (!lottery) return false;
  const acc = ctx.text.acc;
  if (TWO_DIGITS_ANY.test(acc) || LOTTERY_STAKE.test(acc) || PICK.test(acc)) return false;
  return !ctx.hasGroup('advertising', 'contact') && !ctx.hasGroup('advertising', 'promo');
});

/** Odds beside a betting word (see ODDS). */
function oddsIn(ctx: EvalContext): boolean {
  return ctx.text.hasDigit && ctx.hasGroup('gambling-fortune', 'betting') && ODDS.test(ctx.text.fold);
}

/** The model weighed the words of a match ("đá với", "thua thì khao") without a stake: talk about sport, not a bet. */
function matchWithoutStake(ctx: EvalContext): boolean {
  const fold = ctx.text.fold;
  return MATCH_TALK.test(fold) && ctx.hits('gambling-fortune').length === 0 && ctx.prices.length === 0 && !STAKE.test(fold);
}

export const gamblingFortune: CategoryDefinition = {
  id: 'gambling-fortune',
  clause: CATEGORY_CLAUSE['gambling-fortune'],
  label: 'Lô đề, cờ bạc, bói toán',
  explanation: 'Tin nhắn có nội dung lô đề, cá độ, cờ bạc hoặc bói toán, bị cấm trong nhóm.',
  defaultSeverity: 'medium',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  mentions: warnedPitchSpans,
  // Picks and two-digit numbers: the lottery signals need a gambling word or a pick written out.
  digitSignals(text, hits) {
    return hits.length > 0 || (pickWords(text.acc) && PICK.test(text.acc));
  },
  signals(ctx) {
    const out: SignalHit[] = [];
    const links = ctx.links.filter((l) => l.category === 'gambling-fortune').map((l) => ({ start: l.start, end: l.end }));
    if (links.length > 0) out.push({ name: 'link', weight: ctx.weight('gambling-fortune', 'link', 1), spans: links });
    const pick = ctx.text.hasDigit && mayPick(ctx) ? PICK.exec(ctx.text.acc) : null;
    if (pick) {
      // The pick itself is the evidence ("ghi cho tôi 100 điểm con 39"), without the space the pattern starts with.
      const start = pick.index + (pick[0].startsWith(' ') ? 1 : 0);
      out.push({ name: 'lottery', weight: ctx.weight('gambling-fortune', 'pick', 1), spans: [ctx.original({ start, end: pick.index + pick[0].length })] });
    }
    if (oddsIn(ctx)) {
      out.push({ name: 'odds', weight: ctx.weight('gambling-fortune', 'odds', 0.6), spans: [] });
    }
    // Lottery number picks ("39 - 93") only count next to lottery words.
    if (ctx.hasGroup('gambling-fortune', 'lottery')) {
      const nums = ctx.text.acc.match(TWO_DIGITS);
      if (nums && nums.length >= 2) out.push({ name: 'numbers', weight: ctx.weight('gambling-fortune', 'numbers', 0.3), spans: [] });
    }
    return out;
  },
  adjust(ctx, score, groups) {
    // A pitch retold in quotes ("soi cầu chuẩn 99%, vào nhóm VIP") is a story or a warning about it; a betting
    // site's link passed on is the pitch itself, quoted or not.
    if (score >= 1 && !groups.has('link') && quotedPitch(ctx, 'gambling-fortune')) return score * 0.4;
    if (score >= 1 && !groups.has('link') && lotteryTalk(ctx)) return score - 0.6;
    return ctx.warning >= ctx.warningThreshold * 1.5 ? score - 1 : score;
  },
  // The model reads no numbers, so it cannot weigh the odds themselves.
  vetoProof: (ctx, flagged) => flagged === 'gambling-fortune' && oddsIn(ctx),
  // The model learnt the opt-out line of betting SMS ("từ chối QC soạn TC"), which the telcos' own offers end with too.
  // Nor may it flag a report the pack's own cues mark as one ("công an bắt", "triệt phá", "bắt quả tang").
  modelAllowed: (ctx) => !operatorOwnIn(ctx) && !matchWithoutStake(ctx) && !toldAgainst(ctx) && !lotteryTalk(ctx),
  severityFor(score, threshold) {
    return score >= threshold * 2 ? 'high' : 'medium';
  },
};
