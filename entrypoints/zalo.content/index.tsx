import '@/components/overlay/overlay.css';
import { createRoot, type Root } from 'react-dom/client';
import { OverlayApp } from '@/components/overlay/OverlayApp';
import { createStore, initialOverlayState, recordError } from '@/lib/overlay/store';
import { createOverlay } from '@/lib/overlay/overlay';
import { FEATURES } from '@/lib/overlay/features';
import { translate, type Lang, type Translate } from '@/lib/i18n';
import { tabRequestSchema, type TabRequest } from '@/lib/messages/protocol';
import { createRouter } from '@/lib/messages/router';
import { createSender } from '@/lib/messages/client';
import { whenReady } from '@/lib/zalo';
import { createLogQueue } from '@/lib/overlay/log-queue';

export default defineContentScript({
  matches: ['https://chat.zalo.me/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const abort = new AbortController();
    ctx.onInvalidated(() => abort.abort());
    const store = createStore(initialOverlayState);
    // Browser language until the admin's setting (dashboard → Cài đặt) arrives with the session.
    let lang: Lang = navigator.language.toLowerCase().startsWith('en') ? 'en' : 'vi';
    const t: Translate = (key, params) => translate(lang, key, params);
    const send = createSender((req) => browser.runtime.sendMessage(req));
    const queue = createLogQueue({ store, send, storage: browser.storage.local, signal: abort.signal });
    const overlay = createOverlay(FEATURES, {
      doc: document,
      store,
      t,
      send,
      enqueueLog: queue.enqueue,
      onSession: (data) => {
        lang = data.global.language;
      },
      copyToClipboard: async (text) => {
        try {
          await navigator.clipboard.writeText(text);
          return true;
        } catch {
          return false;
        }
      },
    });

    const ui = await createShadowRootUi(ctx, {
      name: 'zgg-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const root = createRoot(container);
        root.render(<OverlayApp store={store} t={t} actions={overlay.actions} sections={overlay.sections} />);
        return root;
      },
      onRemove(root: Root | undefined) {
        root?.unmount();
      },
    });
    ui.mount();

    // Features register handlers for popup requests; the first one that answers wins.
    const tabHandlers: ((req: TabRequest) => unknown)[] = [];
    const answer = (req: TabRequest) => tabHandlers.map((h) => h(req)).find((r) => r !== undefined);
    const tabRouter = createRouter(tabRequestSchema, { 'tab.status': answer, 'tab.openPanel': answer, 'tab.openPicker': answer });
    const onMessage = (message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !type.startsWith('tab.')) return undefined;
      return tabRouter(message, undefined);
    };
    browser.runtime.onMessage.addListener(onMessage);
    abort.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

    try {
      await whenReady(document, abort.signal);
    } catch {
      return;
    }
    store.set({ ready: true });
    await overlay.start(
      {
        onTabMessage: (h) => tabHandlers.push(h),
        setBadgeCount: (count) => void send({ type: 'badge.set', count }).catch((e) => recordError(store, 'badge', e)),
      },
      abort.signal,
    );
  },
});
