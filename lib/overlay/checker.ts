import { compileRuleset, checkMessage, DEFAULT_PACK, unverifiedLinks, type CompiledRuleset, type UnverifiedLink } from '../rules';
import type { GroupOverrides as RuleOverrides } from '../rules/pack-schema';
import { extractLinks } from '../rules/links';
import type { Flag } from '../rules/flag';
import type { CategoryId } from '../domain/categories';
import { CATEGORY_CLAUSE } from '../domain/clauses';
import { judgeBySamples, signature, type Signature } from '../moderation/similarity';
import type { GroupOverrides } from '../settings/schema';
import type { HostHit, SessionData } from '../messages/protocol';

interface Sample {
  kind: 'violation' | 'clean';
  category?: CategoryId;
  signature: Signature;
}

export interface CheckResult {
  flags: Flag[];
  unverified: UnverifiedLink[];
}

export interface ContentChecker {
  configure(session: SessionData): void;
  /** Rules + learned samples; hosts not yet looked up are asked of the background, then onLateFlags(key). */
  check(text: string, links: readonly string[], key?: string): Flag[];
  /** Same flags as `check`, plus the message's unverified links (not flags: shown as a quiet chip). */
  checkFull(text: string, links: readonly string[], key?: string): CheckResult;
  addSample(sample: { label: 'clean' | 'violation'; text: string; category?: CategoryId }): void;
}

/** The options page stores plain words; the rule engine wants weighted terms (weight 1 = enough alone). */
export function toRuleOverrides(o: GroupOverrides): RuleOverrides {
  return {
    extraTerms: Object.fromEntries(
      Object.entries(o.extraTerms).map(([cat, terms]) => [cat, (terms ?? []).map((text) => ({ text, weight: 1 }))]),
    ),
    allowedTerms: o.allowedTerms,
    disabledCategories: o.disabledCategories,
    severity: o.severity,
    allowDomains: o.allowDomains,
    blockDomains: o.blockDomains,
    ownInvites: o.ownInvites,
  };
}

const WARM_UP = 'Thông báo họp thôn 8h sáng mai, chi tiết tại dichvucong.gov.vn, liên hệ 0912 345 678, giá 150k.';

const SIMILAR_EXPLANATION = 'Tin nhắn rất giống một tin đã được quản trị viên xác nhận là vi phạm trong nhóm này.';

/** A flag for a near-copy of a confirmed violation that no rule matched (e.g. a reposted scam). */
export function similarFlag(category: CategoryId, score: number, text: string): Flag {
  return {
    category,
    clause: CATEGORY_CLAUSE[category],
    severity: 'medium',
    action: 'remind',
    evidence: [{ start: 0, end: Math.min(text.length, 80), text: text.slice(0, 80) }],
    explanation: SIMILAR_EXPLANATION,
    ruleId: 'similar-sample',
    score,
  };
}

export function createContentChecker(deps: {
  lookupHosts: (hosts: string[]) => Promise<Record<string, HostHit>>;
  onLateFlags: (key: string) => void;
}): ContentChecker {
  const hostCache = new Map<string, HostHit>();
  const waiting = new Map<string, Set<string>>(); // host → message keys waiting for it
  let queued: string[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let overrides: RuleOverrides | undefined;
  let samples: Sample[] = [];

  // The bundled domain blocklist (~100k hosts) lives in the background worker; the page only keeps
  // the answers for hosts it has actually seen.
  const blocklist = {
    size: 0,
    source: 'background',
    lookup(host: string) {
      const hit = hostCache.get(host.toLowerCase());
      return hit ? { ...hit, category: hit.kind === 'gambling' ? ('gambling-fortune' as const) : ('strange-link' as const) } : null;
    },
  };
  let compiled: CompiledRuleset = compileRuleset(DEFAULT_PACK, { blocklist });

  function flushLookups(): void {
    flushTimer = null;
    const hosts = queued;
    queued = [];
    deps
      .lookupHosts(hosts)
      .then((answers) => {
        const late = new Set<string>();
        for (const h of hosts) {
          const hit = answers[h] ?? null;
          hostCache.set(h, hit);
          if (hit) for (const k of waiting.get(h) ?? []) late.add(k);
          waiting.delete(h);
        }
        for (const k of late) deps.onLateFlags(k);
      })
      .catch(() => {
        // Background asleep or restarting: forget the request so the next sighting asks again.
        for (const h of hosts) waiting.delete(h);
      });
  }

  function askHosts(text: string, key: string | undefined): void {
    if (!text.includes('.')) return;
    for (const link of extractLinks(text)) {
      const host = link.host.toLowerCase();
      if (!host || hostCache.has(host)) continue;
      if (key) (waiting.get(host) ?? waiting.set(host, new Set()).get(host)!).add(key);
      if (!queued.includes(host)) queued.push(host);
    }
    if (queued.length && !flushTimer) flushTimer = setTimeout(flushLookups, 0);
  }

  return {
    configure(session) {
      overrides = toRuleOverrides(session.group.overrides);
      compiled = compileRuleset(DEFAULT_PACK, { blocklist, overrides });
      samples = session.samples.map((s) => ({ kind: s.kind, category: s.category, signature: s.signature }));
      // Warm the engine (JIT, lazy tables) here, in its own task, not inside the first slice of bubbles.
      checkMessage(WARM_UP, compiled);
    },
    check(text, links, key) {
      return this.checkFull(text, links, key).flags;
    },
    checkFull(text, links, key) {
      const joined = links.length ? `${text}\n${links.filter((l) => !text.includes(l)).join('\n')}` : text;
      askHosts(joined, key);
      let flags = checkMessage(joined, compiled);
      if (samples.length) {
        const verdict = judgeBySamples(text, samples);
        if (verdict.verdict === 'clean') flags = [];
        else if (verdict.verdict === 'violation' && flags.length === 0) {
          flags = [similarFlag(verdict.match.sample.category ?? 'scam', verdict.match.score, text)];
        }
      }
      // Unverified links stay visible even when a learned "clean" sample cleared the flags.
      return { flags, unverified: unverifiedLinks(joined, flags, compiled) };
    },
    addSample({ label, text, category }) {
      samples = [...samples, { kind: label, category, signature: signature(text) }];
    },
  };
}
