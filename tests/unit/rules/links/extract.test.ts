import { describe, expect, it } from 'vitest';
import { extractLinks } from '@/lib/rules/links';
import { gluedPrefixLength } from '@/lib/rules/links/extract';

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
    '',
  ])('%s', (text) => {
    expect(extractLinks(text)).toEqual([]);
  });
});
