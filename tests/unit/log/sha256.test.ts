import { describe, expect, it } from 'vitest';
import { sha256HexSync } from '@/lib/log/sha256';

async function webcrypto(text: string): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('sha256HexSync', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('FIPS test vector %j', (text, hex) => {
    expect(sha256HexSync(text)).toBe(hex);
  });

  it('matches WebCrypto on Vietnamese text of every length around the block boundaries', async () => {
    const base = 'Số Đẹp: soi cầu lô đề hôm nay, xác minh tại vietcombank-xacminh.com 🎉 ';
    for (let n = 0; n < 200; n++) {
      const text = base.repeat(3).slice(0, n);
      expect(sha256HexSync(text), `length ${n}`).toBe(await webcrypto(text));
    }
    const long = base.repeat(200);
    expect(sha256HexSync(long)).toBe(await webcrypto(long));
  });
});
