import { expect, type Page } from '@playwright/test';

/** Opens a tab of the extension's dashboard and waits until its tabs are drawn. */
export async function openDashboard(page: Page, extensionId: string, hash = 'log'): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#${hash}`);
  await expect(page.getByRole('tablist')).toBeVisible();
}

/** A real drop on the xã view: a DataTransfer holding the files, dispatched on the drop zone. */
export async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return d;
  }, files);
  await page.getByTestId('xa-drop').dispatchEvent('drop', { dataTransfer: dt });
}
