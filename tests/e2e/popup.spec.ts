import { test, expect } from './support/extension';
import { OPEN_TEMPLATES_SHORTCUT } from '../../lib/shortcuts';

test('Chromium assigns the templates shortcut, and the popup shows it', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  // The browser, not the manifest, decides: a suggested key Chromium reserves comes back empty.
  const shortcut = await page.evaluate(async () => {
    type Commands = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
    const all = await (globalThis as unknown as { chrome: Commands }).chrome.commands.getAll();
    return all.find((c) => c.name === 'open-templates')?.shortcut ?? '';
  });
  expect(shortcut.replace(/\s/g, '')).toBe(OPEN_TEMPLATES_SHORTCUT);
  await expect(page.getByTestId('popup-shortcut-keys')).toHaveText(shortcut);
  await expect(page.getByTestId('popup-shortcut-help')).toHaveCount(0);
});

test('the popup follows the language chosen in Settings', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  await page.getByTestId('set-admin').fill('Nguyễn Thị Hoa');
  await page.getByTestId('set-language').selectOption('en');
  await page.getByTestId('set-save').click();
  await expect(page.getByTestId('set-msg')).toBeVisible();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('main')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Open Zalo Web (chat.zalo.me) to use the extension.')).toBeVisible();
});
