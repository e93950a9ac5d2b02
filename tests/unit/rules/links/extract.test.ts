import { describe, expect, it } from 'vitest';
import { extractLinks } from '@/lib/rules/links';
import { find } from 'linkifyjs';
import { gluedPrefixLength, linkyChunks } from '@/lib/rules/links/extract';

describe('extractLinks: finds links with exact UTF-16 offsets', () => {
  it.each([
    // [message, the link as written, normalised host]
    ['Hướng dẫn đăng ký tạm trú: https://dichvucong.bocongan.gov.vn', 'https://dichvucong.bocongan.gov.vn', 'dichvucong.bocongan.gov.vn'],
    ['Vào abc.xyz ngay để nhận quà', 'abc.xyz', 'abc.xyz'],
    ['Bà con xác minh tại vietcombank-xacminh.com nhé', 'vietcombank-xacminh.com', 'vietcombank-xacminh.com'],
    ['Nhóm kiếm tiền online cực dễ: https://t.me/+kiemtien999', 'https://t.me/+kiemtien999', 't.me'],
    ['Vào nhóm mới: zalo.me/g/abcdef123', 'zalo.me/g/abcdef123', 'zalo.me'],
    ['Truy cập http://103.56.158.12/login để xác minh', 'http://103.56.158.12/login', '103.56.158.12'],
    ['truy cập 103.56.158.12 ngay', '103.56.158.12', '103.56.158.12'],
    ['trang 45.76.1.2:8080/admin nhé', '45.76.1.2:8080/admin', '45.76.1.2'],
    ['Link: https://xn--vitcombank-lsi.com/dang-nhap', 'https://xn--vitcombank-lsi.com/dang-nhap', 'xn--vitcombank-lsi.com'],
    ['Bấm vào cutt.ly/qua-tang để nhận quà', 'cutt.ly/qua-tang', 'cutt.ly'],
    ['Xem bit.ly/3abcXYZ ngay', 'bit.ly/3abcXYZ', 'bit.ly'],
    ['Đăng ký tinyurl.com/vay-von-nhanh', 'tinyurl.com/vay-von-nhanh', 'tinyurl.com'],
    ['shorturl.at/abcde có quà', 'shorturl.at/abcde', 'shorturl.at'],
    ['rb.gy/x1y2 và is.gd/aBcDeF', 'rb.gy/x1y2', 'rb.gy'],
    ['link s.id/nhanqua', 's.id/nhanqua', 's.id'],
    ['Tải phần mềm: http://tongcucthue-gov.com/etax.apk.', 'http://tongcucthue-gov.com/etax.apk', 'tongcucthue-gov.com'],
    ['(xem https://vnexpress.net/tin-moi)', 'https://vnexpress.net/tin-moi', 'vnexpress.net'],
    ['Nhóm WhatsApp: chat.whatsapp.com/AbCdEf', 'chat.whatsapp.com/AbCdEf', 'chat.whatsapp.com'],
    ['VÀO VIETCOMBANK-XACMINH.COM NGAY', 'VIETCOMBANK-XACMINH.COM', 'vietcombank-xacminh.com'],
    ['https://www.youtube.com/watch?v=abc123XYZ', 'https://www.youtube.com/watch?v=abc123XYZ', 'www.youtube.com'],
  ])('%s', (text, link, host) => {
    const found = extractLinks(text);
    const hit = found.find((l) => text.slice(l.start, l.end) === link);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.host).toBe(host);
    expect(hit!.url.startsWith('http')).toBe(true);
  });
});

describe('extractLinks: obfuscated and glued forms', () => {
  it.each([
    ['Vào vietcombank[.]com ngay', 'vietcombank[.]com', 'vietcombank.com'],
    ['trang vietcombank(.)com.vn', 'vietcombank(.)com.vn', 'vietcombank.com.vn'],
    ['web agribank[dot]vn nhé', 'agribank[dot]vn', 'agribank.vn'],
    ['hxxps://evil[.]com/login', 'hxxps://evil[.]com/login', 'evil.com'],
    ['xem abc . xyz nhé', 'abc . xyz', 'abc.xyz'],
    ['truy cậpvietcombank-xacminh.comđể nhận', 'vietcombank-xacminh.com', 'vietcombank-xacminh.com'],
    ['bấm vàobidv-khuyenmai.com ngay', 'bidv-khuyenmai.com', 'bidv-khuyenmai.com'],
    ['nhận quà tạiqua-tang.xyz', 'qua-tang.xyz', 'qua-tang.xyz'],
    ['vào abc-khuyenmai.comnhé', 'abc-khuyenmai.com', 'abc-khuyenmai.com'],
    ['tạihttp://abc.com', 'http://abc.com', 'abc.com'],
    ['Đường link: cốccốc.vn', 'cốccốc.vn', 'xn--cccc-0x5ac.vn'],
    // The whole accented label is the host, not "ng-bhyt.vn" after the last accented letter.
    ['tra cứu và thanh toán tại dịchvụcông-bhyt.vn', 'dịchvụcông-bhyt.vn', 'xn--dchvcng-bhyt-iib5508hila.vn'],
    ['Vào dịchvụcông-bhyt.vn/tra-cuu ngay', 'dịchvụcông-bhyt.vn/tra-cuu', 'xn--dchvcng-bhyt-iib5508hila.vn'],
    ['nộp tiền tạibảohiểm-xãhội.vn', 'tạibảohiểm-xãhội.vn', 'xn--tibohim-xhi-h8a7800h4a79bql.vn'],
    // Typed one character at a time, with or without spaces around the dot and the hyphen.
    ['nhận trợ cấp tại t r o c a p - x a . c o m nhé', 't r o c a p - x a . c o m', 'trocap-xa.com'],
    ['vào K E O 9 9 . v i p đăng ký', 'K E O 9 9 . v i p', 'keo99.vip'],
    // A punycode label that decodes to no valid name is still the host the text points at.
    ['đăng nhập xn--thuedientu-abc-9zz.com/kekhai ngay', 'xn--thuedientu-abc-9zz.com/kekhai', 'xn--thuedientu-abc-9zz.com'],
    ['https://Xn--Nhanqua-Tet-7aa.net để nhận', 'https://Xn--Nhanqua-Tet-7aa.net', 'xn--nhanqua-tet-7aa.net'],
  ])('%s', (text, link, host) => {
    const found = extractLinks(text);
    expect(found.map((l) => text.slice(l.start, l.end))).toContain(link);
    expect(found.find((l) => text.slice(l.start, l.end) === link)!.host).toBe(host);
  });

  it('keeps two links and their order', () => {
    const text = 'Xem bit.ly/abc rồi vào vietcombank[.]com và 103.2.3.4/x';
    expect(extractLinks(text).map((l) => text.slice(l.start, l.end))).toEqual(['bit.ly/abc', 'vietcombank[.]com', '103.2.3.4/x']);
  });

  it.each([
    ['cậpvietcombank-xacminh', 3],
    ['tạiabc', 3],
    ['nhậnvietcombank', 4],
    ['cốccốc', 0],
    ['dịchvụcông-bhyt', 0],
    ['thuế-online', 0],
    ['vàobidv-khuyenmai', 3],
  ])('gluedPrefixLength(%s) = %i', (label, n) => {
    expect(gluedPrefixLength(label)).toBe(n);
  });
});

describe('extractLinks: everyday Vietnamese text is not a link', () => {
  it.each([
    'Giá 1.5 triệu một tạ',
    'Họp lúc 8h30 sáng mai, mang theo căn cước, sổ hộ khẩu v.v',
    'Đoàn đi TP.HCM ngày 12.05.2025',
    'Gọi anh Tuấn 0912.345.678 hoặc 091.234.5678',
    'Điện thoại 84.912.345.678',
    'Phiên bản 1.2.3.4 của ứng dụng',
    'Thửa đất số 12.3 tờ bản đồ 4.5',
    'Xong rồi.Moi nguoi nho di hop nhe',
    'cái này.vn thì sao',
    'Email xã: ubndxa@gmail.com',
    'Kính gửi ông.bà trong thôn',
    'Lịch trực 10.30 – 11.45',
    'Mr.Bean đang chiếu trên tivi',
    'Số trực trạm y tế ban đêm là 0222.3876.xxx hoặc 069.xxx',
    // Single letters in a row that end in no known TLD: an acronym spelled out, a list of options.
    'Đáp án đúng là a b c d . Hết giờ',
    'Chọn phương án A B C D E. Nộp bài',
    'Tiền điện tháng 1 . 2 0 0 . 0 0 0 đồng',
    // A run of single letters is read only as a whole host: "xn--" alone or in a word is no link.
    'Mã kích hoạt xn--abc gửi sau',
    '',
  ])('%s', (text) => {
    expect(extractLinks(text)).toEqual([]);
  });
});

describe('extractLinks: linkify only runs on link-like chunks', () => {
  // Every url linkify finds in the whole text must lie inside a chunk given to it, or links would be lost.
  const tricky = [
    'Xem https://vnexpress.net/tin-moi?x=1&y=(2), rồi vào abc.xyz.',
    '(xem https://vnexpress.net/tin-moi)',
    'tạihttp://abc.com và HTTPS://ABC.COM/X',
    'trang 45.76.1.2:8080/admin nhé, hoặc http://1234/x',
    'Trang ngânhàng.vn\tvà\u00a0abc.com\u3000và\nxyz.top\r\nhết',
    'mail ubndxa@gmail.com và web ubndxa.gov.vn/lien-he',
    'Mr.Bean, TP.HCM, v.v, ông.bà, 1.5 triệu, 0912.345.678',
    'localhost:8080 và file:///etc/passwd và mailto:a@b.vn',
    '🍕.ws và ví-điện-tử.vn và xn--vitcombank-lsi.com',
    'abc.comnhé và vietcombank[.]com và evil(dot)vn',
  ];
  const alphabet = ['a', 'b', 'vn', 'com', '.', '/', ':', '//', ' ', '\n', '-', 'ệ', 'đ', '1', '2', '(', ')', '[', ']', '@', '?', 'http', '\u00a0', 'xyz', '_'];
  const random = Array.from({ length: 300 }, (_, k) => {
    let seed = k * 7919 + 17;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    return Array.from({ length: 10 + (next() % 30) }, () => alphabet[next() % alphabet.length]).join('');
  });
  it.each([...tricky, ...random].map((t) => [t]))('%j', (text) => {
    const chunks = linkyChunks(text);
    for (const m of find(text)) {
      if (m.type !== 'url' || !/[./]/.test(m.value)) continue;
      expect(chunks.some(([s, e]) => s <= m.start && m.end <= e), `${m.value} @${m.start}`).toBe(true);
    }
  });

  it.each([
    'Kính mời đại diện các hộ gia đình dự họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa.',
    'Giá lúa hôm nay 7.500đ/kg. Bà con lưu ý.',
  ])('no link-like chunk in plain text: %s', (text) => {
    expect(linkyChunks(text)).toEqual([]);
    expect(extractLinks(text)).toEqual([]);
  });
});

describe('extractLinks: the last message is remembered', () => {
  it('a second call on the same text gives the same links, and a caller changing its copy changes nothing', () => {
    const text = 'Xác minh tại vcb-xacminh.com hoặc bit.ly/3abc ngay';
    const first = extractLinks(text);
    first[0]!.host = 'changed.example';
    first.pop();
    const second = extractLinks(text);
    expect(second.map((l) => l.host)).toEqual(['vcb-xacminh.com', 'bit.ly']);
    expect(extractLinks('tin khác, không có link')).toEqual([]);
    expect(extractLinks(text).map((l) => [l.start, l.end])).toEqual(second.map((l) => [l.start, l.end]));
  });
});
