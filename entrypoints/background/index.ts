import { getDb } from '@/lib/db';
import { requestSchema } from '@/lib/messages/protocol';
import { createRouter } from '@/lib/messages/router';
import { createHandlers, type Sender } from '@/lib/background/handlers';
import { loadBundledBlocklist } from '@/lib/background/blocklist';
import { applyRetention } from '@/lib/log/append';
import { loadGlobalSettings } from '@/lib/settings/store';
import { createSelectorPackStore, SELECTOR_PACK_STORAGE_KEY, type StoredPack } from '@/lib/background/selector-pack-store';
import type { TabRequest } from '@/lib/messages/protocol';
import { getTrustDb } from '@/lib/trust/store';
import { createHealthStore } from '@/lib/health/store';
import { unwrap } from '@/lib/messages/router';

const ZALO_TABS = 'https://chat.zalo.me/*';
import { OPEN_TEMPLATES_COMMAND } from '@/lib/shortcuts';

export default defineBackground(() => {
  const db = getDb();
  const blocklist = loadBundledBlocklist(db, (path) => fetch(browser.runtime.getURL(path as '/')).then((r) => r.text()));
  const handlers = createHandlers({
    db,
    blocklist,
    async openDashboard(hash) {
      await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash ? `#${hash}` : ''}`) });
    },
    async setBadge(tabId, count) {
      if (tabId === undefined) return;
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
    },
    selectorPacks: createSelectorPackStore({
      read: async () => (await browser.storage.local.get(SELECTOR_PACK_STORAGE_KEY))[SELECTOR_PACK_STORAGE_KEY],
      write: (value: StoredPack) => browser.storage.local.set({ [SELECTOR_PACK_STORAGE_KEY]: value }),
      remove: () => browser.storage.local.remove(SELECTOR_PACK_STORAGE_KEY),
    }),
    health: createHealthStore(getTrustDb()),
    zaloTabs: {
      async ask(req: TabRequest) {
        const tabs = await browser.tabs.query({ url: ZALO_TABS });
        const tab = tabs.find((x) => x.active) ?? tabs[0];
        if (tab?.id === undefined) return null;
        return unwrap(browser.tabs.sendMessage(tab.id, req));
      },
      async broadcast(req: TabRequest) {
        const tabs = await browser.tabs.query({ url: ZALO_TABS });
        await Promise.all(tabs.map((x) => (x.id === undefined ? undefined : browser.tabs.sendMessage(x.id, req).catch(() => undefined))));
      },
    },
  });
  const route = createRouter<typeof requestSchema, Sender>(requestSchema, handlers);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('tab.')) return undefined; // for content scripts
    const ctx: Sender = { tabId: sender.tab?.id };
    return route(message, ctx);
  });

  // The shortcut opens the template picker in the active Zalo tab.
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== OPEN_TEMPLATES_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'tab.openPicker' }).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html#settings') });
  });

  // Retention: drop old text snapshots once a day (the chain itself is never pruned).
  const prune = async () => {
    const settings = await loadGlobalSettings(db);
    await applyRetention(db, { retentionDays: settings.retentionDays });
  };
  void prune().catch(() => undefined);
});
