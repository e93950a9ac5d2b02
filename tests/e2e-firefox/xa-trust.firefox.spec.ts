// Signed bundles in Firefox (firefox-esr): the extension makes its own non-extractable Ed25519 key,
// signs the bundle it exports, and the xã view verifies bundles in its worker, all through Firefox's
// WebCrypto; the signature is then checked independently here (Node's WebCrypto).
import type { Page as PlaywrightPage } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { test, expect, extensionPage, reloadAt, textOf } from './support/firefox';
import { buildStoredLog, seedPage } from '../unit/dashboard/seed';
import { bundleToJson, parseBundle, type Bundle } from '../../lib/reports';
import { checkBundleSignature, signBundle } from '../../lib/trust/bundle-signature';
import { generateSigningKey } from '../../lib/trust/keys';
import { forgeRehashed } from '../unit/trust/signed-fixtures';

const DONG = { threadId: 'g-thon-dong', groupName: 'Tổ CNS - Thôn Đông - Xã An Bình', place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' } };
const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Keeps every Blob the page turns into a download link, and stops the download itself. */
async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __zggBlobs: Blob[] };
    w.__zggBlobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) w.__zggBlobs.push(b);
      return create(b);
    };
    HTMLAnchorElement.prototype.click = function () {};
  });
}

async function downloadedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => Promise.all((window as unknown as { __zggBlobs: Blob[] }).__zggBlobs.map((b) => b.text())));
}

async function goTo(page: Page, hash: string): Promise<void> {
  await reloadAt(page, hash, '[role=tablist]');
}

test('Firefox: the extension makes a non-extractable Ed25519 key and signs the bundle it exports; the xã worker verifies in Firefox', async ({ firefox }) => {
  const dashboard = await extensionPage(firefox);
  await dashboard.bringToFront();
  const support = await dashboard.evaluate(async () => {
    const k = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const data = new TextEncoder().encode('Tổ CNS');
    const sig = await crypto.subtle.sign('Ed25519', k.privateKey, data);
    return { extractable: k.privateKey.extractable, verifies: await crypto.subtle.verify('Ed25519', k.publicKey, sig, data), ua: navigator.userAgent };
  });
  expect(support).toMatchObject({ extractable: false, verifies: true });
  expect(support.ua).toMatch(/Firefox\//);

  // The same page API both runners offer (evaluate with one argument) is all seedPage uses.
  const log = await buildStoredLog({ n: 80, seed: 41, start: '2026-11-01T01:00:00.000Z', spanDays: 25, ...DONG });
  await seedPage(dashboard as unknown as PlaywrightPage, log);
  await goTo(dashboard, 'reports');
  await dashboard.locator(byTestId('key-fingerprint')).wait();
  await expect.poll(() => textOf(dashboard, byTestId('key-fingerprint'))).toMatch(/^\d{4}( \d{4}){4}$/);
  const fingerprint = (await textOf(dashboard, byTestId('key-fingerprint')))!;

  await captureDownloads(dashboard);
  await dashboard.locator(byTestId('report-year')).fill('2026');
  await dashboard.select(byTestId('report-month'), '11');
  await dashboard.locator(byTestId('btn-bundle')).click();
  await expect.poll(async () => (await downloadedTexts(dashboard)).length).toBeGreaterThan(0);
  const texts = await downloadedTexts(dashboard);
  const parsed = texts.map((t) => parseBundle(t)).find((p) => p.ok);
  if (!parsed?.ok) throw new Error('no bundle was exported');
  const bundle: Bundle = parsed.bundle;
  expect(bundle.entries.length).toBeGreaterThan(0);
  expect(await checkBundleSignature(bundle)).toMatchObject({ status: 'valid', fingerprint });

  // The xã side in Firefox: the worker verifies Firefox's own signature (unregistered at first),
  // and refuses a forged copy (entries edited, hashes recomputed) re-signed by another key.
  await goTo(dashboard, 'xa');
  const forged = await signBundle(await forgeRehashed(bundle), await generateSigningKey());
  await dashboard.evaluate(
    (files) => {
      const d = new DataTransfer();
      for (const f of files) d.items.add(new File([f.text], f.name, { type: 'application/json' }));
      // The file picker's path: set the input's files and fire the change React listens to.
      const input = document.querySelector<HTMLInputElement>('[data-testid="xa-input"]')!;
      input.files = d.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [
      { name: 'dong-t11.json', text: texts.find((t) => parseBundle(t).ok)! },
      { name: 'dong-t11-gia.json', text: bundleToJson(forged) },
    ],
  );
  await expect.poll(() => textOf(dashboard, '[data-file="dong-t11.json"] [data-key=unregistered]'), { timeout: 15_000 }).toContain('Chưa đăng ký khóa');
  expect(await textOf(dashboard, '[data-file="dong-t11.json"]')).toContain(fingerprint);
  await dashboard.locator(`[data-file="dong-t11.json"] ${byTestId('xa-register')}`).click();
  await expect.poll(() => textOf(dashboard, byTestId('xa-summary')), { timeout: 15_000 }).toBe('1 tệp hợp lệ, 1 tệp bị từ chối.');
  expect(await textOf(dashboard, '[data-file="dong-t11-gia.json"]')).toContain('có thể là tệp giả');
});
