// Settings → "Gói bộ chọn Zalo" and "Chẩn đoán trang Zalo": a bad pack is refused with its field
// named and nothing lost; a good pack fixes a renamed part on the open Zalo page at once, shows in
// the diagnostics, and can be removed; "Xuất cấu trúc trang" saves a skeleton without personal data.
import { readFileSync } from 'node:fs';
import { test, expect, openReplica } from './support/extension';

const pack = (selectors: Record<string, string[]>) =>
  Buffer.from(JSON.stringify({ format: 'zgg-selector-pack', version: 1, name: 'Sửa khung tin tháng 12', date: '2026-12-07', selectors }));

test('selector pack import, diagnostics and structure export', async ({ context, extensionId, zalo }) => {
  // The drift variant renames #messageViewScroll: reading falls back to a class (degraded).
  await openReplica(zalo, { variant: 'drift' });
  await expect(zalo.getByTestId('zgg-status-chip')).toHaveAttribute('data-health', 'degraded');

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  const section = page.getByTestId('selector-pack');
  await expect(section.getByTestId('pack-current')).toContainText('Chưa nhập gói nào');
  const diag = section.getByTestId('diag');
  await expect(diag.getByTestId('diag-area-read-messages')).toHaveAttribute('data-status', 'degraded');
  await expect(diag.getByTestId('diag-row-messageList')).toHaveAttribute('data-status', 'fallback');

  // A bad pack: the field is named, nothing is stored.
  await section.getByTestId('pack-file').setInputFiles({ name: 'xau.json', mimeType: 'application/json', buffer: pack({ messageList: ['div[[['] }) });
  await expect(section.getByTestId('pack-message')).toContainText('selectors.messageList[0]');
  await expect(section.getByTestId('pack-current')).toContainText('Chưa nhập gói nào');

  // A good pack: the page uses it at once and the diagnostics say where the match came from.
  await section.getByTestId('pack-file').setInputFiles({ name: 'tot.json', mimeType: 'application/json', buffer: pack({ messageList: ['#messageViewScrollInner'] }) });
  await expect(section.getByTestId('pack-message')).toContainText('Sửa khung tin tháng 12');
  await expect(section.getByTestId('pack-current')).toContainText('Sửa khung tin tháng 12');
  await expect(diag.getByTestId('diag-pack')).toContainText('Sửa khung tin tháng 12');
  await expect(diag.getByTestId('diag-row-messageList')).toHaveAttribute('data-status', 'matched');
  await expect(diag.getByTestId('diag-row-messageList')).toContainText('#messageViewScrollInner');
  await expect(diag.getByTestId('diag-row-messageList')).toContainText('từ gói bộ chọn');

  // A second bad file keeps the pack in use.
  await section.getByTestId('pack-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"zgg-selector-pack","version":2}') });
  await expect(section.getByTestId('pack-message')).toContainText('version');
  await expect(section.getByTestId('pack-current')).toContainText('Sửa khung tin tháng 12');

  // Structure export: a file with the page's shape and no digits, names or text.
  const download = page.waitForEvent('download');
  await diag.getByTestId('diag-export').click();
  const file = await (await download).path();
  const json = readFileSync(file, 'utf8');
  expect(json).toContain('bb_msg_id_#############');
  expect(json).not.toMatch(/\d/);
  expect(json).not.toContain('Thôn Đông');

  // Removed: back to the built-in selectors.
  await section.getByTestId('pack-remove').click();
  await expect(section.getByTestId('pack-current')).toContainText('Chưa nhập gói nào');
  await expect(diag.getByTestId('diag-row-messageList')).toHaveAttribute('data-status', 'fallback');
});
