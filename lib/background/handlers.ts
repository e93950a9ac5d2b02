import type { GuardDb } from '../db/db';
import type { BACKGROUND_PROTOCOL, HandlersOf, HostHit, RequestOf, SessionData, StrikeInfo, TabRequest } from '../messages/protocol';
import type { StoredPack } from '../messages/zalo-page';
import { BACKGROUND_PROTOCOL as PROTOCOL } from '../messages/protocol';
import type { SelectorPackStore } from './selector-pack-store';
import { appendLog, queryLog, verifyLog } from '../log/append';
import { loadGlobalSettings, loadGroupSettings, saveGlobalSettings, saveGroupSettings } from '../settings/store';
import { proposeStep } from '../moderation/ladder-db';
import { placeForGroup } from '../settings/place-from-name';
import { addSample, loadSamples } from '../moderation/samples';
import type { LogEntry } from '../log/schema';
import type { HealthStore } from '../health/store';
import { PAGE_FACT_ITEMS } from '../health/checklist';

type R<T extends keyof BackgroundHandlers> = RequestOf<T>;

export interface BackgroundDeps {
  db: GuardDb;
  /** Bundled + user-imported domain blocklists (loaded lazily, once). */
  blocklist: () => Promise<{ lookup(host: string): HostHit }>;
  openDashboard: (hash?: string) => Promise<void>;
  setBadge: (tabId: number | undefined, count: number) => Promise<void>;
  /** Where the imported selector pack is kept. */
  selectorPacks?: SelectorPackStore;
  /** Per-group health (member names, checklist) the dashboard's "Sức khỏe nhóm" shows. */
  health?: HealthStore;
  now?: () => Date;
  /** Open Zalo tabs: ask the first one (null when none is open), or tell them all. */
  zaloTabs?: {
    ask(req: TabRequest): Promise<unknown>;
    broadcast(req: TabRequest): Promise<void>;
  };
}

export interface Sender {
  tabId?: number;
}

/** An action about a message refers to the flag it settles, so strikes count once per flag. */
async function resolveRef(db: GuardDb, body: R<'log.append'>['body']): Promise<number | undefined> {
  if (body.ref !== undefined || body.kind !== 'action' || !body.messageId) return body.ref;
  const flags = await db.log
    .where('[chainId+seq]')
    .between([body.chainId, 0], [body.chainId, Infinity])
    .filter((e) => e.kind === 'flag' && e.messageId === body.messageId)
    .toArray();
  const same = flags.find((f) => f.category === body.category) ?? flags[0];
  return same?.seq;
}

/** One handler per request type; each returns what the protocol says that request answers. */
export type BackgroundHandlers = HandlersOf<typeof BACKGROUND_PROTOCOL, Sender>;

export function createHandlers(deps: BackgroundDeps): BackgroundHandlers {
  const { db } = deps;
  const packs = (): SelectorPackStore => {
    if (!deps.selectorPacks) throw new Error('selector packs are not available here');
    return deps.selectorPacks;
  };
  const zalo = (): NonNullable<BackgroundDeps['zaloTabs']> => {
    if (!deps.zaloTabs) throw new Error('Zalo tabs are not reachable here');
    return deps.zaloTabs;
  };
  const health = (): HealthStore => {
    if (!deps.health) throw new Error('group health is not available here');
    return deps.health;
  };
  const now = deps.now ?? (() => new Date());
  return {
    ping: () => ({ pong: true as const, at: new Date().toISOString() }),

    async 'session.open'(req: R<'session.open'>): Promise<SessionData> {
      const [global, stored, samples] = await Promise.all([
        loadGlobalSettings(db),
        db.groups.get(req.threadId),
        loadSamples(db, req.threadId),
      ]);
      let group = await loadGroupSettings(db, req.threadId);
      // First visit, or the group was renamed in Zalo: remember the name for reports.
      if (!stored) {
        // A group seen for the first time starts from its name's thôn/xã, else the admin's own place.
        group = await saveGroupSettings(db, { ...group, name: req.name || group.name, ...placeForGroup(req.name, global.place) });
      } else if (req.name && stored.name !== req.name) group = await saveGroupSettings(db, { ...group, name: req.name });
      return {
        global,
        group,
        samples: samples.map((s) => ({ kind: s.kind, category: s.category, signature: s.signature })),
      };
    },

    async 'log.append'(req: R<'log.append'>) {
      const ref = await resolveRef(db, req.body);
      const { textHash: _ignored, ...body } = req.body;
      void _ignored;
      const res = await appendLog(db, { ...body, key: req.key, ...(ref !== undefined ? { ref } : {}) });
      return { seq: res.entry.seq, deduped: res.deduped };
    },

    async 'log.query'(req: R<'log.query'>): Promise<LogEntry[]> {
      const records = await queryLog(db, { chainId: req.chainId, kinds: req.kinds, limit: req.limit });
      return records.map((r) => r.entry);
    },

    'log.verify': (req: R<'log.verify'>) => verifyLog(db, req.chainId),

    async 'strikes.get'(req: R<'strikes.get'>): Promise<StrikeInfo> {
      const global = await loadGlobalSettings(db);
      const group = await loadGroupSettings(db, req.chainId);
      const decision = await proposeStep(db, req.chainId, req.member, req.category, group.ladder ?? global.ladder);
      return {
        count: decision.strikes.length,
        entries: decision.strikes
          .slice()
          .reverse()
          .map((s) => ({ time: s.time, category: s.category, action: s.action, seq: s.actionSeq })),
        nextStep: decision.step,
      };
    },

    async 'blocklist.lookup'(req: R<'blocklist.lookup'>): Promise<Record<string, HostHit>> {
      const list = await deps.blocklist();
      return Object.fromEntries(req.hosts.map((h) => [h, list.lookup(h)]));
    },

    async 'sample.add'(req: R<'sample.add'>) {
      const global = await loadGlobalSettings(db);
      const row = await addSample(db, { groupId: req.chainId, kind: req.label, category: req.category, text: req.text }, global.redaction);
      return { added: row !== null };
    },

    async 'group.allowTerms'(req: R<'group.allowTerms'>) {
      const group = await loadGroupSettings(db, req.threadId);
      const allowedTerms = [...new Set([...group.overrides.allowedTerms, ...req.terms.map((t) => t.trim()).filter(Boolean)])];
      return saveGroupSettings(db, { ...group, overrides: { ...group.overrides, allowedTerms } });
    },

    async 'group.trustDomain'(req: R<'group.trustDomain'>) {
      if (req.body.chainId !== req.threadId) throw new Error('body.chainId: must be the group of threadId');
      const group = await loadGroupSettings(db, req.threadId);
      const allowDomains = group.overrides.allowDomains.includes(req.domain) ? group.overrides.allowDomains : [...group.overrides.allowDomains, req.domain];
      const saved = await saveGroupSettings(db, { ...group, overrides: { ...group.overrides, allowDomains } });
      // A note, not a strike: trusting a site is the admin's decision about the group, not about a member.
      const { member: _member, category: _category, ...body } = req.body;
      void _member;
      void _category;
      const res = await appendLog(db, { ...body, kind: 'action', action: 'note', key: req.key });
      return { group: saved, seq: res.entry.seq, deduped: res.deduped };
    },

    async 'group.fillPlace'(req: R<'group.fillPlace'>) {
      const group = await loadGroupSettings(db, req.threadId);
      const { thon = '', xa = '', tinh = '' } = req.place;
      // Never overwrites what the admin set in Settings: only empty fields are filled.
      const filled = { thon: group.thon || thon, xa: group.xa || xa, tinh: group.tinh || tinh };
      if (filled.thon === group.thon && filled.xa === group.xa && filled.tinh === group.tinh) return group;
      return saveGroupSettings(db, { ...group, ...filled });
    },

    'group.save': (req: R<'group.save'>) => saveGroupSettings(db, req.settings),
    'settings.save': (req: R<'settings.save'>) => saveGlobalSettings(db, req.settings),
    'templates.list': () => db.templates.toArray(),

    async 'badge.set'(req: R<'badge.set'>, sender: Sender) {
      await deps.setBadge(sender.tabId, req.count);
      return true as const;
    },

    async 'dashboard.open'(req: R<'dashboard.open'>) {
      await deps.openDashboard(req.hash);
      return true as const;
    },

    'selectorPack.get': (): Promise<StoredPack | null> => packs().get(),

    async 'selectorPack.save'(req: R<'selectorPack.save'>): Promise<StoredPack> {
      const stored = await packs().save(req.pack);
      // Open Zalo tabs use it at once; a tab that misses this reads it at its next start.
      await zalo()
        .broadcast({ type: 'tab.selectorPack', pack: stored.pack })
        .catch(() => undefined);
      return stored;
    },

    async 'selectorPack.clear'() {
      await packs().clear();
      await zalo()
        .broadcast({ type: 'tab.selectorPack', pack: null })
        .catch(() => undefined);
      return true as const;
    },

    async 'zalo.diagnose'() {
      const answer = await zalo().ask({ type: 'tab.diagnose' });
      return answer === null ? null : PROTOCOL['zalo.diagnose'].reply.parse(answer);
    },

    async 'health.members'(req: R<'health.members'>) {
      const names = [...new Set(req.names)];
      const at = now().toISOString();
      await health().update(req.threadId, (h) => ({
        ...h,
        members: { names, at, source: 'page', complete: req.complete, ...(req.headerCount !== undefined ? { headerCount: req.headerCount } : {}) },
      }));
      return { count: names.length };
    },

    async 'health.pageFacts'(req: R<'health.pageFacts'>) {
      const at = now().toISOString();
      await health().update(req.threadId, (h) => {
        const checklist = { ...h.checklist };
        for (const item of PAGE_FACT_ITEMS) {
          const done = req.facts[item];
          if (done !== undefined) checklist[item] = { done, at, by: 'page' };
        }
        return { ...h, checklist };
      });
      return true as const;
    },

    async 'zalo.skeleton'(): Promise<string | null> {
      const answer = await zalo().ask({ type: 'tab.skeleton' });
      if (answer === null) return null;
      if (typeof answer !== 'string') throw new Error('unexpected answer from the Zalo tab');
      return answer;
    },
  };
}
