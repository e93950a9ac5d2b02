import { describe, expect, it } from 'vitest';
import {
  cleanLines,
  escapeBraces,
  formatDate,
  listVariables,
  parseDate,
  parsePhone,
  parseTime,
  renderTemplate,
  renderText,
  tokenize,
  type Template,
  type VariableValues,
} from '@/lib/templates';

const NOW = new Date('2026-11-20T03:00:00Z'); // 10h00, Thứ Sáu 20/11/2026 in Vietnam

const notice = (body: string, extra: Partial<Template> = {}): Template => ({
  id: 'thu-nghiem',
  title: 'Thử nghiệm',
  kind: 'khac',
  pinAfterSend: false,
  version: 1,
  body,
  ...extra,
});

const poll = (p: Partial<NonNullable<Template['poll']>> & { deadline?: string }, extra: Partial<Template> = {}): Template => ({
  id: 'binh-chon-thu',
  title: 'Bình chọn thử',
  kind: 'binh-chon',
  pinAfterSend: false,
  version: 1,
  poll: {
    question: p.question ?? 'Bà con chọn giờ họp?',
    options: p.options ?? ['7h30 sáng', '19h30 tối'],
    settings: {
      multipleChoice: false,
      allowAddOptions: false,
      anonymous: false,
      hideResults: false,
      ...(p.deadline !== undefined ? { deadline: p.deadline } : {}),
    },
  },
  ...extra,
});

describe('tokenize / escaping', () => {
  it.each([
    ['Họp tại {dia_diem} lúc {gio}', ['dia_diem', 'gio'], 'Họp tại  lúc '],
    ['Giá {{không phải biến}} nhé', [], 'Giá {không phải biến} nhé'],
    ['{{thon}} là chữ, {thon} là biến', ['thon'], '{thon} là chữ,  là biến'],
    ['Ngày {ngay|ngan}', ['ngay'], 'Ngày '],
    ['}}{{', [], '}{'],
  ])('%j → vars %j', (src, vars, text) => {
    const t = tokenize(src);
    expect(t.issues).toEqual([]);
    expect(t.segments.filter((s) => s.type === 'var').map((s) => (s.type === 'var' ? s.name : ''))).toEqual(vars);
    expect(t.segments.map((s) => (s.type === 'text' ? s.value : '')).join('')).toBe(text);
  });

  it.each([
    ['Mời bà con {Thôn} họp', 'Biến {Thôn} không được hỗ trợ'],
    ['Dấu { lẻ loi', 'Dấu { chưa được đóng'],
    ['Dấu } lẻ loi', 'Dấu } thừa'],
    ['Cặp {} trống', 'Cặp dấu {} trống'],
    ['Xuống dòng {thon\n}', 'Dấu { chưa được đóng'],
    ['Định dạng {ngay|Thứ}', 'Định dạng "Thứ"'],
  ])('%j reports %j', (src, msg) => {
    const { issues } = tokenize(src);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].message).toContain(msg);
  });

  it.each(['Giá 50.000đ {khuyến mãi}', '{}{{}}', 'a } b { c', 'Bình thường'])('escapeBraces(%j) renders back verbatim', (s) => {
    const r = renderText(escapeBraces(s), {});
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.text).toBe(s);
  });
});

describe('listVariables', () => {
  it('lists variables in order of first appearance, deduped, across body', () => {
    expect(listVariables(notice('{gio} {ngay}\n{thon} {gio} {{sdt}} {ngay|ngan}'))).toEqual(['gio', 'ngay', 'thon']);
  });
  it('covers poll question, options, then deadline', () => {
    expect(listVariables(poll({ question: 'Chọn ngày {su_kien}', options: ['{ngay_1}', '{ngay_2}'], deadline: '{gio} {han_chot}' }))).toEqual([
      'su_kien',
      'ngay_1',
      'ngay_2',
      'gio',
      'han_chot',
    ]);
  });
});

describe('renderTemplate: values', () => {
  const body = 'THÔNG BÁO HỌP THÔN\nKính gửi bà con {thon}.\n- Thời gian: {gio}, {ngay}\n- Địa điểm: {dia_diem}';

  it('lists every missing value in order of appearance', () => {
    const r = renderTemplate(notice(body), { thon: 'thôn Đông Xuyên' });
    expect(r).toEqual({ ok: false, missing: ['gio', 'ngay', 'dia_diem'], invalid: [], unknown: [] });
  });

  it.each<[string, VariableValues]>([
    ['empty string', { thon: '' }],
    ['only spaces', { thon: '   ' }],
    ['null', { thon: null }],
    ['undefined', { thon: undefined }],
  ])('treats %s as missing', (_label, values) => {
    const r = renderTemplate(notice('Bà con {thon}'), values);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing).toEqual(['thon']);
  });

  it('uses a template default, and an optional variable may stay empty', () => {
    const t = notice('Địa điểm: {dia_diem}\nGhi chú: {ghi_chu}', {
      variables: [
        { name: 'dia_diem', label: 'Địa điểm', type: 'text', default: 'Nhà văn hóa thôn' },
        { name: 'ghi_chu', label: 'Ghi chú', type: 'text', required: false },
      ],
    });
    const r = renderTemplate(t, {});
    expect(r.ok && r.lines).toEqual(['Địa điểm: Nhà văn hóa thôn', 'Ghi chú:']);
  });

  it('reports unknown variables separately', () => {
    const r = renderTemplate(notice('Xin chào {ten_ho} ở {thon}'), { thon: 'thôn Đông' });
    expect(r).toEqual({ ok: false, missing: [], invalid: [], unknown: ['ten_ho'] });
  });

  it('normalises to NFC, trims lines, collapses blank runs, keeps multiline content', () => {
    const nfd = 'Thôn Đông'.normalize('NFD');
    const r = renderTemplate(notice('  Kính gửi bà con {thon}  \n\n\n\n{noi_dung}\t\n\n'), {
      thon: nfd,
      noi_dung: 'Dòng một   \r\n   dòng hai',
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.lines).toEqual(['Kính gửi bà con Thôn Đông', '', 'Dòng một', 'dòng hai']);
    expect(r.text).toBe(r.text.normalize('NFC'));
    expect(r.text).not.toMatch(/[ \t]$/m);
  });

  it('keeps a one-line variable on one line', () => {
    const r = renderText('Địa điểm: {dia_diem}.', { dia_diem: 'Nhà văn hóa\nthôn Đông' });
    expect(r.ok && r.text).toBe('Địa điểm: Nhà văn hóa thôn Đông.');
  });

  it('does not re-read braces inside values', () => {
    const r = renderText('Nội dung: {noi_dung}', { noi_dung: 'Giữ nguyên {thon} và {{x}}' });
    expect(r.ok && r.text).toBe('Nội dung: Giữ nguyên {thon} và {{x}}');
  });

  it('writes headings in capitals with |hoa', () => {
    const r = renderText('TỔ CÔNG NGHỆ SỐ {thon|hoa} – {xa|hoa}', { thon: 'thôn Đông Xuyên', xa: 'xã Yên Hòa' });
    expect(r.ok && r.text).toBe('TỔ CÔNG NGHỆ SỐ THÔN ĐÔNG XUYÊN – XÃ YÊN HÒA');
  });

  it('fails when the body is empty after filling', () => {
    const t = notice('{ghi_chu}', { variables: [{ name: 'ghi_chu', label: 'Ghi chú', type: 'multiline', required: false }] });
    const r = renderTemplate(t, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.invalid[0].message).toContain('trống');
  });
});

describe('dates and times', () => {
  it.each<[string, string | Date, string]>([
    ['{ngay}', '2026-11-28', 'Thứ Bảy, 28/11/2026'],
    ['{ngay}', '28/11/2026', 'Thứ Bảy, 28/11/2026'],
    ['{ngay}', '6/12/2026', 'Chủ nhật, 06/12/2026'],
    ['{ngay}', '30-11-2026', 'Thứ Hai, 30/11/2026'],
    ['{ngay|ngan}', '2026-11-28', '28/11/2026'],
    ['{ngay|thu}', '2027-01-01', 'Thứ Sáu, 01/01/2027'],
    ['{ngay}', '2028-02-29', 'Thứ Ba, 29/02/2028'],
    // 23h30 UTC on 27/11 is already 28/11 in Vietnam.
    ['{ngay}', new Date('2026-11-27T23:30:00Z'), 'Thứ Bảy, 28/11/2026'],
  ])('%s with %s → %s', (src, value, expected) => {
    const r = renderText(src, { ngay: value });
    expect(r.ok && r.text).toBe(expected);
  });

  it.each([
    ['{gio}', '08:00', '8h00'],
    ['{gio}', '8h', '8h00'],
    ['{gio}', '8h30', '8h30'],
    ['{gio}', '19 giờ 30', '19h30'],
    ['{gio}', '7g15', '7h15'],
    ['{gio|24h}', '8h', '08:00'],
    ['{gio|h}', '19:05', '19h05'],
    ['{gio|24h}', '0:00', '00:00'],
  ])('%s with %s → %s', (src, value, expected) => {
    const r = renderText(src, { gio: value });
    expect(r.ok && r.text).toBe(expected);
  });

  it.each([
    ['ngay', '31/02/2026', 'không có thật'],
    ['ngay', 'thứ bảy tuần sau', 'không phải ngày'],
    ['ngay', '2026-13-01', 'không có thật'],
    ['gio', '25:00', 'không hợp lệ'],
    ['gio', 'sáng mai', 'không phải giờ'],
    ['sdt', '09123', 'phải có 10 chữ số'],
    ['sdt', 'gọi anh Hùng', 'không phải số điện thoại'],
    ['thang', '13', 'nằm ngoài khoảng'],
    ['nam', 'năm nay', 'không phải số'],
  ])('rejects %s = %j (%s)', (name, value, msg) => {
    const r = renderText(`{${name}}`, { [name]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing).toEqual([]);
      expect(r.invalid[0].variable).toBe(name);
      expect(r.invalid[0].message).toContain(msg);
    }
  });

  it.each(['0912 345 678', '0912.345.678', '+84 912 345 678', '113', '1900 1234', '0222 3812 345'])('accepts phone %j as written', (p) => {
    expect(parsePhone(p)).toEqual({ ok: true, value: p });
  });

  it('parses and formats directly', () => {
    const d = parseDate('28/11/2026');
    expect(d.ok && formatDate(d.value, 'iso')).toBe('2026-11-28');
    expect(parseTime('7h')).toEqual({ ok: true, value: { h: 7, min: 0 } });
  });
});

describe('cleanLines', () => {
  it.each([
    ['\n\n  a  \n\n\n b \n\n', ['a', '', 'b']],
    ['a\r\nb\rc', ['a', 'b', 'c']],
    ['   ', []],
    ['a\u00a0\u00a0\nb', ['a', 'b']],
  ])('%j → %j', (src, expected) => {
    expect(cleanLines(src)).toEqual(expected);
  });
});

describe('renderTemplate: polls', () => {
  it('fills variables in question and options and resolves a relative deadline', () => {
    const r = renderTemplate(poll({ question: 'Chọn giờ họp thôn {thon} ngày {ngay}:', options: ['{gio}', '19h30 tối'], deadline: '+3d' }), {
      thon: 'thôn Đông',
      ngay: '2026-11-28',
      gio: '7:30',
    }, { now: NOW });
    if (!r.ok || !r.poll) throw new Error(JSON.stringify(r));
    expect(r.poll.question).toBe('Chọn giờ họp thôn thôn Đông ngày Thứ Bảy, 28/11/2026:');
    expect(r.poll.options).toEqual(['7h30', '19h30 tối']);
    expect(r.poll.settings.deadline).toEqual({ expiresAt: NOW.getTime() + 3 * 86_400_000, text: '10h00, Thứ Hai, 23/11/2026' });
    expect(r.lines).toEqual([
      'Chọn giờ họp thôn thôn Đông ngày Thứ Bảy, 28/11/2026:',
      '1. 7h30',
      '2. 19h30 tối',
      'Hạn bình chọn: 10h00, Thứ Hai, 23/11/2026',
    ]);
  });

  it.each([
    ['+12h', {}, '22h00, Thứ Sáu, 20/11/2026'],
    ['+1w', {}, '10h00, Thứ Sáu, 27/11/2026'],
    ['+2 ngày', {}, '10h00, Chủ nhật, 22/11/2026'],
    ['{han_chot}', { han_chot: '30/11/2026' }, '23h59, Thứ Hai, 30/11/2026'],
    ['{gio} {han_chot}', { gio: '17h', han_chot: '2026-11-30' }, '17h00, Thứ Hai, 30/11/2026'],
    ['2026-11-25 08:00', {}, '8h00, Thứ Tư, 25/11/2026'],
    ['25/11/2026', {}, '23h59, Thứ Tư, 25/11/2026'],
  ])('deadline %j → %s (Vietnam time)', (deadline, values, text) => {
    const r = renderTemplate(poll({ deadline }), values, { now: NOW });
    if (!r.ok || !r.poll) throw new Error(JSON.stringify(r));
    expect(r.poll.settings.deadline?.text).toBe(text);
  });

  it('gives the epoch Zalo needs: 30/11/2026 17h00 in Vietnam is 10:00 UTC', () => {
    const r = renderTemplate(poll({ deadline: '{gio} {han_chot}' }), { gio: '17:00', han_chot: '2026-11-30' }, { now: NOW });
    expect(r.ok && r.poll?.settings.deadline?.expiresAt).toBe(Date.UTC(2026, 10, 30, 10, 0));
  });

  it('rejects a deadline already past at sending time', () => {
    const r = renderTemplate(poll({ deadline: '{han_chot}' }), { han_chot: '2026-11-19' }, { now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.invalid).toEqual([{ field: 'poll.settings.deadline', message: 'Hạn chót: hạn chót 23h59, Thứ Năm, 19/11/2026 đã qua' }]);
  });

  it('reports missing variables from question, options and deadline together', () => {
    const r = renderTemplate(poll({ question: 'Chọn ngày {su_kien}', options: ['{ngay_1}', '{ngay_2}'], deadline: '{han_chot}' }), { ngay_1: '2026-12-05' }, { now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing).toEqual(['su_kien', 'ngay_2', 'han_chot']);
  });

  it('rejects options that become identical once filled', () => {
    const r = renderTemplate(poll({ options: ['{ngay_1}', '{ngay_2}', 'Ngày khác'] }), { ngay_1: '05/12/2026', ngay_2: '2026-12-05' }, { now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.invalid).toHaveLength(1);
      expect(r.invalid[0].field).toBe('poll.options[1]');
      expect(r.invalid[0].message).toContain('trùng với lựa chọn 1');
    }
  });

  it('passes settings through unchanged', () => {
    const t = poll({});
    if (!t.poll) throw new Error('no poll');
    t.poll.settings = { multipleChoice: true, allowAddOptions: true, anonymous: true, hideResults: true };
    const r = renderTemplate(t, {}, { now: NOW });
    expect(r.ok && r.poll?.settings).toEqual({ multipleChoice: true, allowAddOptions: true, anonymous: true, hideResults: true });
  });
});
