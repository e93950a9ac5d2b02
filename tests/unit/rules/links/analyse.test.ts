import { describe, expect, it } from 'vitest';
import { analyseLinks, parseBlocklist, type AnalyseOptions, type Blocklist, type LinkFinding } from '@/lib/rules/links';

const reasonsOf = (f: LinkFinding | undefined) => (f ? f.findings.map((r) => `${r.reason}/${r.category}/${r.severity}`) : []);
const only = (text: string, opts?: Parameters<typeof analyseLinks>[1]) => {
  const fs = analyseLinks(text, opts);
  expect(fs).toHaveLength(1);
  return fs[0];
};

describe('analyseLinks: every reason fires on a realistic message', () => {
  it.each([
    ['Tải phần mềm kê khai thuế mới: http://tongcucthue-gov.com/etax.apk', ['malware-download/scam/high', 'executable-download/strange-link/high', 'lookalike-brand-token/strange-link/high', 'impersonation/scam/high']],
    ['Truy cập http://103.56.158.12/login để xác minh tài khoản ngân hàng', ['ip-host/strange-link/medium', 'phishing-words/scam/medium']],
    ['Bấm vào cutt.ly/qua-tang để nhận quà', ['shortener/strange-link/medium', 'phishing-words/scam/medium']],
    ['Link ngắn bit.ly/3abcXYZ', ['shortener/strange-link/medium']],
    ['Nhóm kiếm tiền online cực dễ: https://t.me/+kiemtien999', ['group-invite/strange-link/medium']],
    ['Kênh tin t.me/tintucmoi', ['group-invite/strange-link/low']],
    ['Vào nhóm này nhé zalo.me/g/abcdef123', ['group-invite/strange-link/low']],
    ['Nhóm chat.whatsapp.com/AbCdEf', ['group-invite/strange-link/medium']],
    ['Server discord.gg/abcd', ['group-invite/strange-link/medium']],
    ['Xem danh sách trúng thưởng: https://agribank-tri-an.site', ['lookalike-brand-token/strange-link/high', 'impersonation/scam/high', 'suspicious-tld/strange-link/medium', 'phishing-words/scam/high']],
    ['Xác minh tại vietcombank-xacminh.com', ['lookalike-brand-token/strange-link/high', 'impersonation/scam/high', 'phishing-words/scam/high']],
    ['Cổng dịch vụ công mới dichvucong-gov.vn.com', ['lookalike-brand-token/strange-link/high', 'impersonation/scam/high']],
    ['Tra cứu tại gov-vn.net', ['lookalike-brand-token/strange-link/high', 'impersonation/scam/high']],
    ['Đăng nhập vletcombank.com.vn', ['lookalike-homoglyph/strange-link/high', 'impersonation/scam/high']],
    ['Tra cứu phạt nguội csgt-vn.online', ['lookalike-brand-token/strange-link/high', 'suspicious-tld/strange-link/medium']],
    ['Ưu đãi shopeevn.com', ['lookalike-brand-token/strange-link/medium', 'impersonation/scam/medium']],
    ['Link https://vietcombank.com.vn@evil.xyz/login', ['at-sign/scam/high', 'suspicious-tld/strange-link/medium', 'phishing-words/scam/high']],
    ['Link http://admin@myshop.net/', ['at-sign/strange-link/medium']],
    ['Trang abc.xyz hay lắm', ['suspicious-tld/strange-link/low']],
    ['Web nongsan.top bán rẻ', ['suspicious-tld/strange-link/low']],
    ['Trang https://abc.weebly.com/', ['free-hosting/strange-link/low']],
    ['Trang a.b.c.d.example.com', ['deep-subdomain/strange-link/low']],
    ['Trang http://shop.example.com/login', ['phishing-words/strange-link/low']],
    ['Modem nhà mình: 192.168.1.1', ['ip-host/strange-link/low']],
    ['Tải app tại bit.ly/abc.apk', ['executable-download/strange-link/high', 'malware-download/scam/high', 'shortener/strange-link/medium']],
    ['File cài đặt http://example.com/setup.exe', ['executable-download/strange-link/high', 'malware-download/scam/high']],
    ['Trang https://xn--vitcombank-lsi.com/', ['lookalike-homograph/strange-link/high', 'impersonation/scam/high']],
    ['Nhà hàng https://xn--nhhng-tqa5b.com', ['idn/strange-link/low']],
    ['Kê khai lại tại xn--thuedientu-abc-9zz.com', ['malformed-idn/strange-link/high']],
    ['Nhà cái uy tín tangqua-nhacai.net', ['gambling-name/strange-link/medium', 'gambling-name/gambling-fortune/medium']],
    ['Đăng ký tài khoản tại w88bet-vn.org', ['gambling-name/strange-link/medium', 'gambling-name/gambling-fortune/medium']],
    ['Bà con bị trừ tiền BHYT chưa đóng, tra cứu và thanh toán tại dịchvụcông-bhyt.vn', ['lookalike-homograph/strange-link/high', 'impersonation/scam/high']],
  ])('%s', (text, expected) => {
    const got = reasonsOf(only(text));
    for (const e of expected) expect(got, got.join(', ')).toContain(e);
  });

  it('every reason carries one Vietnamese sentence', () => {
    const [f] = analyseLinks('Xem danh sách trúng thưởng: https://agribank-tri-an.site/nhan-thuong');
    for (const r of f.findings) {
      expect(r.explanation).toMatch(/[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i);
      expect(r.explanation.trim().endsWith('.')).toBe(true);
      expect(r.explanation.split(/\.\s+[A-ZĐ]/)).toHaveLength(1);
    }
  });

  it.each([
    'Tin chính thức từ Báo Bắc Ninh: https://baobacninh.vn/',
    'Lịch cắt điện xem tại https://nongnghiep.vn/lich',
    'Trang của hợp tác xã: htxnongnghiep.com.vn',
    'Xem https://github.com/abc/def',
    'Hội người cao tuổi họp sáng thứ Ba.',
    // Betting words only as whole words: concrete, an alphabet book, the state lottery's own site.
    'Cửa hàng betongviet.com.vn giao tận nơi',
    'Sách alphabetkids.vn cho bé',
    'Kết quả tại xosothudo.com.vn',
  ])('ordinary unknown domain is not flagged: %s', (text) => {
    for (const f of analyseLinks(text)) expect(f.findings).toEqual([]);
  });

  it('returns offsets, host and registrable domain', () => {
    const text = 'Bà con vào https://a.b.vietcombank-xacminh.com/x nhé';
    const f = only(text);
    expect(text.slice(f.start, f.end)).toBe('https://a.b.vietcombank-xacminh.com/x');
    expect(f.host).toBe('a.b.vietcombank-xacminh.com');
    expect(f.registrableDomain).toBe('vietcombank-xacminh.com');
    expect(f.official).toBe(false);
  });
});

describe('analyseLinks: group allow/block lists and blocklists', () => {
  const list = (() => {
    const r = parseBlocklist('evil.com\nlucky-casino.net\nvietcombank.com.vn\n', 'test-threat');
    if (!r.ok) throw new Error(r.error);
    return r.blocklist;
  })();
  const gambling = (() => {
    const r = parseBlocklist('fb88-vip.com\n', 'hostsvn-gambling');
    if (!r.ok) throw new Error(r.error);
    return r.blocklist;
  })();

  it.each<[string, AnalyseOptions, string[]]>([
    ['http://abc.xyz', { allowDomains: ['abc.xyz'] }, []],
    ['http://shop.abc.xyz/login', { allowDomains: ['abc.xyz'] }, []],
    ['bit.ly/abc', { allowDomains: ['https://bit.ly/'] }, []],
    ['vietcombank-xacminh.com', { allowDomains: ['*.vietcombank-xacminh.com'] }, []],
    ['https://vnexpress.net/a', { blockDomains: ['vnexpress.net'] }, ['group-blocked/strange-link/high']],
    ['http://sub.baddomain.vn/x', { blockDomains: ['baddomain.vn'] }, ['group-blocked/strange-link/high']],
    ['http://x.abc.com', { allowDomains: ['abc.com'], blockDomains: ['x.abc.com'] }, ['group-blocked/strange-link/high']],
    ['http://safe.abc.com', { allowDomains: ['safe.abc.com'], blockDomains: ['abc.com'] }, []],
    ['http://abc.com', { allowDomains: ['abc.com'], blockDomains: ['abc.com'] }, ['group-blocked/strange-link/high']],
  ])('%s with %j', (text, opts, expected) => {
    expect(reasonsOf(only(text, opts))).toEqual(expected);
  });

  it.each([
    ['http://evil.com/x', ['blocklist/strange-link/high']],
    ['http://a.b.evil.com/x', ['blocklist/strange-link/high']],
    ['lucky-casino.net', ['blocklist/strange-link/high']],
    ['http://notevil.com', []],
  ])('blocklist hit on %s (parent-domain match)', (text, expected) => {
    expect(reasonsOf(only(text, { blocklist: list }))).toEqual(expected);
  });

  it('a gambling list hit adds the gambling-fortune category', () => {
    expect(reasonsOf(only('Chơi tại www.fb88-vip.com', { blocklist: gambling }))).toEqual([
      'blocklist/strange-link/high',
      'blocklist-gambling/gambling-fortune/high',
    ]);
  });

  it('a blocklist hit on an official domain is ignored', () => {
    const f = only('https://portal.vietcombank.com.vn/', { blocklist: list });
    expect(f.official).toBe(true);
    expect(f.findings).toEqual([]);
  });

  it('works with any Blocklist implementation', () => {
    const custom: Blocklist = { size: 1, source: 'custom', lookup: (h) => (h.endsWith('scam.vn') ? { list: 'custom', matched: 'scam.vn' } : null) };
    const f = only('http://x.scam.vn', { blocklist: custom });
    expect(f.findings[0].explanation).toContain('custom');
  });

  it('allowDomains beats the blocklist', () => {
    expect(only('http://evil.com', { blocklist: list, allowDomains: ['evil.com'] }).findings).toEqual([]);
  });

  // "word.co", "word.ai": the TLD is also a Vietnamese syllable, so a bare match is usually a sentence typed without
  // a space ("Xong.Moi nguoi"); it counts as a link only when a list names the host.
  const syllableTlds = (() => {
    const r = parseBlocklist('kubet.ai\nbanca.co\n', 'hostsvn-gambling');
    if (!r.ok) throw new Error(r.error);
    return r.blocklist;
  })();
  it.each<[string, AnalyseOptions, string[] | null]>([
    ['vào kubet.ai chơi đi', { blocklist: syllableTlds }, ['blocklist/strange-link/high', 'blocklist-gambling/gambling-fortune/high']],
    ['nạp tiền banca.co nhé', { blocklist: syllableTlds }, ['blocklist/strange-link/high', 'blocklist-gambling/gambling-fortune/high']],
    ['Xong.Moi nguoi nho di hop', { blocklist: syllableTlds }, null],
    ['ghé nhà.co gì đâu', { blocklist: syllableTlds }, null],
    ['trang banca.co', { blockDomains: ['banca.co'] }, ['group-blocked/strange-link/high']],
    ['trang banca.co', { blocklist: syllableTlds, allowDomains: ['banca.co'] }, null],
    ['trang banca.co', {}, null],
  ])('bare syllable-TLD match %s with %j', (text, opts, expected) => {
    const found = analyseLinks(text, opts);
    if (expected === null) expect(found).toEqual([]);
    else expect(reasonsOf(only(text, opts))).toEqual(expected);
  });
});

describe('analyseLinks: IDN host written in Vietnamese letters', () => {
  it('reports the whole accented host as an imitation of Cổng Dịch vụ công', () => {
    const text = 'Dịch vụ công: tra cứu và thanh toán tại dịchvụcông-bhyt.vn';
    const f = only(text);
    expect(text.slice(f.start, f.end)).toBe('dịchvụcông-bhyt.vn');
    expect(f.host).toBe('xn--dchvcng-bhyt-iib5508hila.vn');
    expect(f.findings[0].explanation).toContain('Cổng Dịch vụ công quốc gia');
    expect(f.findings[0].explanation).toContain('dịchvụcông-bhyt');
  });
});
