import '@/components/popup/popup.css';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { createT } from '@/lib/i18n';
import { createSender, createTabSender } from '@/lib/messages/client';
import type { TabRequest } from '@/lib/messages/protocol';
import { DEFAULT_TEMPLATES } from '@/lib/templates';
import { diagnosisSchema } from '@/lib/zalo/diagnostics';
import { downloadText } from '@/lib/dashboard/download';

const t = createT(navigator.language.toLowerCase().startsWith('en') ? 'en' : 'vi');
const ZALO = 'https://chat.zalo.me/';

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

createRoot(document.getElementById('root')!).render(
  <PopupApp
    t={t}
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
  />,
);
