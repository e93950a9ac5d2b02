import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '../../../lib/rules/index';
import { detectNumbers } from '../../../lib/rules/detectors';
import { matchMessage } from '../../../lib/rules/engine/match';
import { normalize } from '../../../lib/rules/normalize';

const rs = compileRuleset(DEFAULT_PACK);

describe('fast exit for messages whose digits carry no number signal', () => {
  // Lottery picks written with no gambling word: only the category's own digit reading (digitSignals) keeps the
  // engine from skipping them as clean messages with a stray number.
  it.each(['ae về con 39 chiều nay nhé', 'hôm nay ghi con 68 nha', 'chiều nay đánh 27 nhé ae'])('%s is still read as a pick', (text) => {
    const n = normalize(text);
    const nums = detectNumbers(n.acc);
    expect(nums.prices.length + nums.phones.length + nums.accounts.length).toBe(0);
    expect(matchMessage(rs, n).byCat.get('gambling-fortune') ?? []).toHaveLength(0);
    expect(checkMessage(text, rs).map((f) => f.ruleId)).toEqual(['gambling-fortune:lottery']);
  });

  it.each([
    ['Họp thôn lúc 8h sáng mai tại nhà văn hóa', []],
    ['Bán gà ta 120k/kg, ai lấy gọi 0968123456', ['advertising']],
  ])('%s', (text, categories) => {
    expect(checkMessage(text, rs).map((f) => f.category)).toEqual(categories);
  });
});

describe('long digit runs read as account numbers', () => {
  const accounts = (text: string) => {
    const n = normalize(text);
    return detectNumbers(n.acc).accounts.map((s) => n.acc.slice(s.start, s.end));
  };

  it('a bare run of digits is one', () => {
    expect(accounts('chuyển vào 0451000123456 giúp em')).toEqual(['0451000123456']);
  });

  it.each([
    ['an app id glued to letters', 'tải ở apps.apple.com/vn/app/evn/id1457012893 nhé'],
    ['an order code after "="', 'tra đơn tại donhang.ghn.vn/?order_code=883201947712'],
    ['a path segment after "/"', 'xem tại baohiemxahoi.gov.vn/tin-tuc/3302119874'],
  ])('%s is not', (_n, text) => {
    expect(accounts(text)).toEqual([]);
  });
});
