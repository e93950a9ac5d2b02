import '@/components/popup/popup.css';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { createT, type Lang } from '@/lib/i18n';
import { getDb } from '@/lib/db';
import { loadGlobalSettings } from '@/lib/settings/store';
import { createSender, createTabSender } from '@/lib/messages/client';
import type { TabRequest } from '@/lib/messages/protocol';
import { DEFAULT_TEMPLATES } from '@/lib/templates';
import { SHORTCUT_PAGES, assignedShortcut } from '@/lib/shortcuts';
import { diagnosisSchema } from '@/lib/zalo/diagnostics';
import { downloadText } from '@/lib/dashboard/download';

const ZALO = 'https://chat.zalo.me/';
const browserFamily = import.meta.env.FIREFOX ? 'firefox' : 'chromium';

async function zaloTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined && tab.url?.startsWith(ZALO) ? tab : null;
}
async function deliverToTab(req: TabRequest): Promise<unknown> {
  const tab = await zaloTab();
  if (!tab?.id) throw new Error('no Zalo Web tab');
  return browser.tabs.sendMessage(tab.id, req);
}
const toTab = createTabSender(deliverToTab);
const toBackground = createSender((req) => browser.runtime.sendMessage(req));

/** Firefox 137+ opens its shortcut manager itself; it refuses about:addons in tabs.create. */
async function openShortcutSettings(): Promise<boolean> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') {
    await commands.openShortcutSettings();
    return true;
  }
  if (browserFamily === 'firefox') return false;
  await browser.tabs.create({ url: SHORTCUT_PAGES.chromium });
  return true;
}

/** The language the admin chose in Settings; the browser's language only before any choice. */
async function language(): Promise<Lang> {
  try {
    return (await loadGlobalSettings(getDb())).language;
  } catch {
    return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'vi';
  }
}

void language().then((lang) => {
  const t = createT(lang);
  createRoot(document.getElementById('root')!).render(
    <PopupApp
      t={t}
      lang={lang}
      status={async () => {
        const tab = await zaloTab();
        if (!tab) return null;
        return toTab({ type: 'tab.status' });
      }}
      openPanel={async () => void (await toTab({ type: 'tab.openPanel' }))}
      openPicker={async (templateId) => void (await toTab({ type: 'tab.openPicker', templateId }))}
      openDashboard={async () => void (await toBackground({ type: 'dashboard.open' }))}
      openZalo={async () => void (await browser.tabs.create({ url: ZALO }))}
      diagnose={async () => {
        const tab = await zaloTab();
        if (!tab) return null;
        return diagnosisSchema.parse(await toTab({ type: 'tab.diagnose' }));
      }}
      exportStructure={async () => {
        const json = await toTab({ type: 'tab.skeleton' });
        if (typeof json !== 'string') throw new Error(t('diag.notZalo'));
        downloadText(document, json, `cau-truc-trang-zalo-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
      }}
      quickTemplates={DEFAULT_TEMPLATES.filter((x) => !x.poll)
        .slice(0, 5)
        .map((x) => ({ id: x.id, title: x.title }))}
      shortcut={async () => assignedShortcut(await browser.commands.getAll())}
      browserFamily={browserFamily}
      openShortcutSettings={openShortcutSettings}
    />,
  );
});
