import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, foldVietnamese, scoreTemplate, searchTemplates, type Template, type TemplateKind } from '@/lib/templates';

const ids = (ts: readonly Template[]): string[] => ts.map((t) => t.id);

describe('foldVietnamese', () => {
  it.each([
    ['Họp thôn', 'hop thon'],
    ['ĐIỆN NƯỚC', 'dien nuoc'],
    ['Đường link lạ!', 'duong link la'],
    ['Cảnh báo lừa đảo'.normalize('NFD'), 'canh bao lua dao'],
    ['  VNeID,   dichvucong.gov.vn ', 'vneid dichvucong gov vn'],
    ['Thứ Bảy, 28/11/2026', 'thu bay 28 11 2026'],
  ])('%j → %j', (s, folded) => {
    expect(foldVietnamese(s)).toBe(folded);
  });
});

describe('searchTemplates', () => {
  it.each<[string, string]>([
    ['họp thôn', 'hop-thon'],
    ['hop thon', 'hop-thon'],
    ['HOP THON', 'hop-thon'],
    ['lừa đảo', 'canh-bao-lua-dao'],
    ['lua dao', 'canh-bao-lua-dao'],
    ['dien nuoc', 'tien-dien-nuoc'],
    ['tiền điện', 'tien-dien-nuoc'],
    ['tiem chung', 'lich-tiem-chung'],
    ['vneid', 'kich-hoat-vneid'],
    ['dich vu cong', 'huong-dan-dich-vu-cong'],
    ['noi quy', 'noi-quy-nhom'],
    ['khan cap', 'thong-bao-khan-cap'],
    ['thien tai', 'thong-bao-khan-cap'],
    ['hai long', 'binh-chon-muc-do-hai-long'],
    ['lich ho tro', 'lich-ho-tro-to-cns'],
  ])('%j ranks %s first', (query, first) => {
    expect(searchTemplates(DEFAULT_TEMPLATES, query)[0]?.id).toBe(first);
  });

  it.each<[string, string[]]>([
    ['otp', ['canh-bao-lua-dao', 'kich-hoat-vneid']],
    ['dichvucong.gov.vn', ['huong-dan-dich-vu-cong']],
    ['rao vặt', ['noi-quy-nhom']],
    ['lo de', ['noi-quy-nhom']],
  ])('body words are searchable: %j', (query, expected) => {
    expect(ids(searchTemplates(DEFAULT_TEMPLATES, query))).toEqual(expected);
  });

  it('matches poll questions and options', () => {
    expect(ids(searchTemplates(DEFAULT_TEMPLATES, '19h30 toi'))).toEqual(['binh-chon-gio-hop']);
  });

  it('searches the kind label too', () => {
    // "Bình chọn" is the label of kind binh-chon: all three polls come back.
    expect(ids(searchTemplates(DEFAULT_TEMPLATES, 'binh chon')).slice(0, 3).sort()).toEqual(
      ['binh-chon-gio-hop', 'binh-chon-muc-do-hai-long', 'binh-chon-ngay-su-kien'].sort(),
    );
  });

  it.each<[TemplateKind, string, string[]]>([
    ['binh-chon', '', ['binh-chon-gio-hop', 'binh-chon-muc-do-hai-long', 'binh-chon-ngay-su-kien']],
    ['binh-chon', 'hop', ['binh-chon-gio-hop']],
    ['dich-vu-cong', '', ['huong-dan-dich-vu-cong', 'kich-hoat-vneid']],
    ['hop-thon', 'lua dao', []],
  ])('kind %s with %j', (kind, query, expected) => {
    expect(ids(searchTemplates(DEFAULT_TEMPLATES, query, kind))).toEqual(expected);
  });

  it('short words match whole words, except the last one which may be half typed', () => {
    expect(ids(searchTemplates(DEFAULT_TEMPLATES, 'lo de'))).toEqual(['noi-quy-nhom']);
    expect(searchTemplates(DEFAULT_TEMPLATES, 'hop th')[0]?.id).toBe('hop-thon');
  });

  it('every word must match', () => {
    expect(searchTemplates(DEFAULT_TEMPLATES, 'hop xyzw')).toEqual([]);
  });

  it.each(['', '   ', '!!'])('empty query %j returns the whole library in order', (q) => {
    expect(searchTemplates(DEFAULT_TEMPLATES, q)).toEqual([...DEFAULT_TEMPLATES]);
  });

  it('prefers the exact accents when the query has them', () => {
    const mk = (id: string, title: string): Template => ({ id, title, kind: 'khac', pinAfterSend: false, version: 1, body: 'Nội dung {noi_dung}' });
    const list = [mk('hop-qua', 'Hộp quà tặng'), mk('hop-to', 'Họp tổ')];
    expect(ids(searchTemplates(list, 'họp'))).toEqual(['hop-to', 'hop-qua']);
    expect(ids(searchTemplates(list, 'hộp'))).toEqual(['hop-qua', 'hop-to']);
    // Without accents both match equally and library order decides.
    expect(ids(searchTemplates(list, 'hop'))).toEqual(['hop-qua', 'hop-to']);
  });

  it('title hits outrank body hits', () => {
    const title: Template = { id: 'a', title: 'Tiêm chủng', kind: 'khac', pinAfterSend: false, version: 1, body: 'Xin mời {thon}' };
    const body: Template = { id: 'b', title: 'Thông báo', kind: 'khac', pinAfterSend: false, version: 1, body: 'Lịch tiêm chủng {ngay}' };
    expect(scoreTemplate(title, 'tiem chung')).toBeGreaterThan(scoreTemplate(body, 'tiem chung'));
    expect(ids(searchTemplates([body, title], 'tiem chung'))).toEqual(['a', 'b']);
  });

  it('does not mutate the input list', () => {
    const list = [...DEFAULT_TEMPLATES];
    searchTemplates(list, 'thong bao');
    expect(list).toEqual([...DEFAULT_TEMPLATES]);
  });
});
