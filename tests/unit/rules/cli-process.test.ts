/**
 * The classify CLI as a rule author runs it: `node scripts/cli.mjs classify …` (what `npm run classify` runs), a
 * real process reading a real file or stdin, with the bundled blocklist and the bundle rebuilt when stale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const BUNDLE = join(ROOT, 'node_modules/.cache/zgg-cli/classify.mjs');
const dir = mkdtempSync(join(tmpdir(), 'zgg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function classify(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', 'classify', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: unknown; flags: Array<{ category: string; evidence: string[] }> }), err: r.stderr };
}

describe('classify CLI process', () => {
  it('classifies a file in order, reports a bad line by number on stderr and exits 1', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'Nhận ghi l.ô đ.ề, trả thưởng cao, ib mình' }),
        '{"id": "b", "text": ',
        JSON.stringify({ id: 'c', text: 'Kính mời bà con dự họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa.' }),
        '',
      ].join('\n'),
    );
    const r = classify([file]);
    expect(r.status).toBe(1);
    expect(r.err).toContain('line 2: invalid JSON');
    expect(r.out.map((o) => o.id)).toEqual(['a', 'c']);
    expect(r.out[0].flags.map((f) => f.category)).toContain('gambling-fortune');
    expect(r.out[1].flags).toEqual([]);
  });

  it('with worker threads writes exactly what one thread writes, in input order, with the same line numbers', () => {
    const file = join(dir, 'many.jsonl');
    const texts = ['Nhận ghi l.ô đ.ề, trả thưởng cao, ib mình', 'mn ơi mai mấy giờ họp ạ', 'Vay tiền nhanh, chỉ cần CCCD, ib mình', 'đồ ngu'];
    const lines: string[] = [];
    for (let i = 0; i < 2500; i++) lines.push(i === 1234 ? '{"id": 1234, "text": ' : JSON.stringify({ id: i, text: texts[i % texts.length] }));
    writeFileSync(file, lines.join('\n') + '\n');
    const one = spawnSync(process.execPath, ['scripts/cli.mjs', 'classify', file, '--workers', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const two = spawnSync(process.execPath, ['scripts/cli.mjs', 'classify', file, '--workers', '2'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(two.status).toBe(1);
    expect(two.stderr).toBe('line 1235: invalid JSON\n');
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout.split('\n').filter(Boolean)).toHaveLength(2499);
    expect(two.stdout).toBe(one.stdout);
  }, 180_000);

  it('reads stdin with "-" and exits 0 when every line is good', () => {
    const r = classify(['-'], `${JSON.stringify({ id: 1, text: 'mn ơi mai mấy giờ họp ạ' })}\n`);
    expect(r.status).toBe(0);
    expect(r.out).toEqual([{ id: 1, flags: [] }]);
  });

  it('uses the bundled blocklist: a listed gambling host written bare is flagged, and not without the list', () => {
    const line = `${JSON.stringify({ id: 'x', text: 'mọi người vào kubet.ai chơi thử nhé' })}\n`;
    const withList = classify(['-'], line);
    expect(withList.out[0].flags.map((f) => f.category)).toContain('strange-link');
    expect(withList.out[0].flags[0].evidence).toEqual(['kubet.ai']);
    expect(classify(['-'], line, { ZGG_NO_BLOCKLIST: '1' }).out[0].flags).toEqual([]);
  });

  it('exits 2 with a clear message for a missing file or no argument', () => {
    const missing = classify([join(dir, 'nope.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('cannot read');
    const none = classify([]);
    expect(none.status).toBe(2);
    expect(none.err).toContain('usage');
  });

  it('rebuilds its bundle when the bundle is older than a source', () => {
    classify(['-'], '');
    utimesSync(BUNDLE, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const r = classify(['-'], `${JSON.stringify({ id: 1, text: 'ok' })}\n`);
    expect(r.status).toBe(0);
    expect(statSync(BUNDLE).mtime.getFullYear()).toBeGreaterThan(2000);
  });
});
