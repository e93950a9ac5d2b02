import { describe, expect, it, vi } from 'vitest';
import { createContentChecker, similarFlag, toRuleOverrides } from '@/lib/overlay/checker';
import { defaultGroupSettings, DEFAULT_GLOBAL_SETTINGS } from '@/lib/settings/schema';
import { signature } from '@/lib/moderation/similarity';
import type { SessionData } from '@/lib/messages/protocol';

const SCAM_REPOST =
  'Chúc mừng bạn đã trúng thưởng chương trình tri ân khách hàng, phần quà trị giá 15 triệu, liên hệ nhận quà trong hôm nay kẻo hết hạn';

/** A money collection the group's admin ruled a scam; nothing in it is a rule's signal. */
const COLLECTION =
  'Bác nào muốn tham gia nhóm đi lễ chùa Hương tháng sau thì báo em, mỗi người góp năm trăm nghìn tiền xe';

function session(over: Partial<SessionData> = {}): SessionData {
  return { global: DEFAULT_GLOBAL_SETTINGS, group: defaultGroupSettings('g1', 'Thôn Đông'), samples: [], ...over };
}

describe('content checker', () => {
  it('maps the options page overrides to weighted rule terms', () => {
    const o = toRuleOverrides({
      ...defaultGroupSettings('g1').overrides,
      extraTerms: { advertising: ['bán sỉ'] },
      allowedTerms: ['lô đất'],
      disabledCategories: ['sensitive-topic'],
    });
    expect(o.extraTerms?.advertising).toEqual([{ text: 'bán sỉ', weight: 1 }]);
    expect(o.allowedTerms).toEqual(['lô đất']);
    expect(o.disabledCategories).toEqual(['sensitive-topic']);
  });

  it('a near-copy of a confirmed violation keeps its rule flag when configured with samples', () => {
    const checker = createContentChecker({ lookupHosts: async () => ({}), onLateFlags: () => undefined });
    const variant = SCAM_REPOST.replace('15 triệu', '20 triệu').replace('hôm nay', 'ngày mai');
    expect(checker.check(variant, []).map((f) => f.category)).toContain('scam');
    checker.configure(session({ samples: [{ kind: 'violation', category: 'scam', signature: Array.from(signature(SCAM_REPOST)) }] }));
    expect(checker.check(variant, []).map((f) => f.category)).toContain('scam');
  });

  it('flags a near-copy of a confirmed violation that no rule matches, and clean samples suppress', () => {
    const checker = createContentChecker({ lookupHosts: async () => ({}), onLateFlags: () => undefined });
    const variant = COLLECTION.replace('tháng sau', 'tuần sau').replace('năm trăm', 'sáu trăm');
    // No rule catches this text: only the admin's earlier decision can catch the repost.
    expect(checker.check(variant, [])).toEqual([]);
    checker.configure(session({ samples: [{ kind: 'violation', category: 'scam', signature: Array.from(signature(COLLECTION)) }] }));
    const after = checker.check(variant, []);
    expect(after.map((f) => [f.category, f.ruleId])).toEqual([['scam', 'similar-sample']]);
    // Unrelated text is not pulled in by the sample.
    expect(checker.check('Mời bà con họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa để bàn việc làm đường.', [])).toEqual([]);
    checker.addSample({ label: 'clean', text: variant });
    expect(checker.check(variant, [])).toEqual([]);
  });

  it('asks the background about hosts once and re-checks when a blocklist hit arrives', async () => {
    const lookupHosts = vi.fn(async (hosts: string[]) => Object.fromEntries(hosts.map((h) => [h, { list: 'hostsvn-gambling', matched: h, kind: 'gambling' }])));
    const late = vi.fn();
    const checker = createContentChecker({ lookupHosts, onLateFlags: late });
    checker.configure(session());
    checker.check('vào đây chơi nè: zzvui-choi-abc.com', [], 'g1:1');
    checker.check('lại link zzvui-choi-abc.com', [], 'g1:2');
    await new Promise((r) => setTimeout(r, 5));
    expect(lookupHosts).toHaveBeenCalledTimes(1);
    expect(late).toHaveBeenCalledWith('g1:1');
    const flags = checker.check('vào đây chơi nè: zzvui-choi-abc.com', []);
    expect(flags.map((f) => f.category)).toEqual(expect.arrayContaining(['strange-link']));
  });

  it('similarFlag cites the clause of its category', () => {
    expect(similarFlag('advertising', 0.8, 'abc').clause).toBe('III.2(4)');
    expect(similarFlag('scam', 0.8, 'abc').clause).toBe('III.2(2)');
  });
});
