/**
 * npm run demo                       → opens Chromium (needs a display) with the built extension on
 *                                      the local Zalo Web replica, served as https://chat.zalo.me.
 * npm run demo -- --screenshot a.png → headless: runs the same scenario and saves screenshots.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { EXTENSION_DIR, ROOT, launchWithExtension, serviceWorker } from '../tests/e2e/support/extension';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? (args[shotIndex + 1] ?? 'demo.png') : null;
const headless = screenshot !== null || !process.env.DISPLAY;

async function main() {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('Building the extension (npx wxt build)…');
    execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  }
  const { context, close } = await launchWithExtension({ headless });
  await serviceWorker(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://chat.zalo.me/?scenario=default&readyDelay=500');
  await page.bringToFront(); // the install tab would leave Zalo in the background
  await page.locator('[data-testid="zgg-status-chip"]').waitFor({ timeout: 15000 });
  // A few incoming messages, as a village group would see them.
  await page.evaluate(() => {
    const hook = (window as unknown as { __zaloReplica?: { pushIncoming(m: object): string } }).__zaloReplica;
    hook?.pushIncoming({ fromUid: 'u-demo-1', senderName: 'Trần Văn Lộc', text: 'Thông báo từ ngân hàng: tài khoản của bạn bị khóa, xác minh ngay tại vietcombank-xacminh.com và cung cấp mã OTP.' });
    hook?.pushIncoming({ fromUid: 'u-demo-2', senderName: 'Lê Thị Hoa', text: 'Chiều nay 14h tổ CNS hỗ trợ kích hoạt VNeID tại nhà văn hóa thôn nhé bà con.' });
    hook?.pushIncoming({ fromUid: 'u-demo-3', senderName: 'Số đẹp 68', text: 'soi cầu lô đề hôm nay chuẩn 99%, bao lô 3 số, ib em ngay' });
  });
  await page.waitForTimeout(1200);
  await page.locator('[data-testid="zgg-status-chip"]').click();
  await page.waitForTimeout(300);
  const firstDetails = page.locator('[data-testid="zgg-flag-list"] li', { hasText: 'Trần Văn Lộc' }).getByRole('button', { name: /Chi tiết|Details/ });
  console.log(`flag list entries: ${await firstDetails.count()}`);
  if (await firstDetails.count()) await firstDetails.first().click();
  await page.locator('[data-testid="zgg-card"]').waitFor({ timeout: 5000 }).catch(() => undefined);
  await page.waitForTimeout(800);

  if (screenshot) {
    await page.screenshot({ path: screenshot });
    console.log(`Screenshot saved: ${path.resolve(screenshot)}`);
    await close();
    return;
  }
  if (headless) {
    const out = path.resolve('demo.png');
    await page.screenshot({ path: out });
    console.log(`No display found: ran headless and saved ${out}. Use --screenshot FILE to choose the file.`);
    await close();
    return;
  }
  console.log('Demo running. Close the browser window or press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    context.on('close', () => resolve());
    process.on('SIGINT', () => void close().then(resolve));
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
