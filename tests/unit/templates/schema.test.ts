import { describe, expect, it } from 'vitest';
import { checkText, formatPath, validateTemplate, type Template } from '@/lib/templates';

const base: Template = {
  id: 'hop-thon',
  title: 'Thông báo họp thôn',
  kind: 'hop-thon',
  pinAfterSend: false,
  version: 1,
  body: 'Kính mời bà con {thon} họp lúc {gio}, {ngay} tại {dia_diem}.',
};
const basePoll: Template = {
  id: 'binh-chon-gio-hop',
  title: 'Bình chọn giờ họp',
  kind: 'binh-chon',
  pinAfterSend: false,
  version: 1,
  poll: {
    question: 'Bà con chọn giờ họp ngày {ngay}:',
    options: ['7h30 sáng', '19h30 tối'],
    settings: { multipleChoice: false, allowAddOptions: true, deadline: '+2d', anonymous: false, hideResults: false },
  },
};

type Mutate = (t: Record<string, unknown>) => void;
const withPoll = (f: (p: Record<string, unknown>, s: Record<string, unknown>) => void): Mutate => (t) => {
  const p = t.poll as Record<string, unknown>;
  f(p, p.settings as Record<string, unknown>);
};

function mutated(from: Template, f: Mutate): unknown {
  const copy = structuredClone(from) as unknown as Record<string, unknown>;
  f(copy);
  return copy;
}

describe('validateTemplate', () => {
  it.each([base, basePoll])('accepts a well-formed template (%#)', (t) => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
  });

  it.each<[string, Template, Mutate, string, string]>([
    ['unknown variable', base, (t) => (t.body = 'Mời bà con {ten_thon} họp'), 'body', 'Biến {ten_thon} không được hỗ trợ'],
    ['variable with accents', base, (t) => (t.body = 'Mời bà con {thôn} họp'), 'body', 'Biến {thôn} không được hỗ trợ'],
    ['prototype name', base, (t) => (t.body = 'Mời {constructor} họp'), 'body', 'Biến {constructor} không được hỗ trợ'],
    ['stray brace', base, (t) => (t.body = 'Giá {50k'), 'body', 'Dấu { chưa được đóng'],
    ['bad format', base, (t) => (t.body = 'Ngày {ngay|dai}'), 'body', 'Định dạng "dai" không dùng được cho biến {ngay}'],
    ['format on wrong type', base, (t) => (t.body = 'Gọi {sdt|hoa}'), 'body', 'không dùng được cho biến {sdt}'],
    ['empty body', base, (t) => (t.body = '   \n '), 'body', 'không được để trống'],
    ['empty title', base, (t) => (t.title = ''), 'title', 'không được để trống'],
    ['missing title', base, (t) => delete t.title, 'title', 'thiếu trường bắt buộc'],
    ['bad slug', base, (t) => (t.id = 'Họp Thôn'), 'id', 'mã mẫu chỉ gồm chữ thường'],
    ['bad kind', base, (t) => (t.kind = 'quang-cao'), 'kind', 'loại mẫu không hợp lệ'],
    ['missing kind', base, (t) => delete t.kind, 'kind', 'thiếu trường bắt buộc'],
    ['pin not boolean', base, (t) => (t.pinAfterSend = 'có'), 'pinAfterSend', 'sai kiểu dữ liệu (cần true/false)'],
    ['version 0', base, (t) => (t.version = 0), 'version', 'phải là số nguyên từ 1 trở lên'],
    ['bad updatedAt', base, (t) => (t.updatedAt = 'hôm qua'), 'updatedAt', 'phải là thời điểm ISO 8601'],
    ['neither body nor poll', base, (t) => delete t.body, 'body', 'cần nội dung thông báo (body) hoặc bình chọn (poll)'],
    ['both body and poll', basePoll, (t) => (t.body = 'Thêm nội dung'), 'poll', 'không có cả hai'],
    ['binh-chon without poll', base, (t) => (t.kind = 'binh-chon'), 'poll', 'phải có phần bình chọn'],
    ['empty option', basePoll, withPoll((p) => (p.options = ['7h30 sáng', ' '])), 'poll.options[1]', 'không được để trống'],
    ['one option', basePoll, withPoll((p) => (p.options = ['7h30 sáng'])), 'poll.options', 'cần ít nhất 2 lựa chọn'],
    ['21 options', basePoll, withPoll((p) => (p.options = Array.from({ length: 21 }, (_, i) => `Lựa chọn ${i + 1}`))), 'poll.options', 'tối đa 20 lựa chọn'],
    ['duplicate option', basePoll, withPoll((p) => (p.options = ['19h30 tối', '7h30 sáng', '19H30  tối'])), 'poll.options[2]', 'trùng với lựa chọn 1'],
    ['unknown variable in option', basePoll, withPoll((p) => (p.options = ['{gio_som}', '19h30'])), 'poll.options[0]', 'Biến {gio_som} không được hỗ trợ'],
    ['empty question', basePoll, withPoll((p) => (p.question = '')), 'poll.question', 'không được để trống'],
    ['bad deadline', basePoll, withPoll((_p, s) => (s.deadline = 'tuần sau')), 'poll.settings.deadline', 'không đọc được'],
    ['deadline +0d', basePoll, withPoll((_p, s) => (s.deadline = '+0d')), 'poll.settings.deadline', 'phải sau thời điểm gửi'],
    ['deadline too far', basePoll, withPoll((_p, s) => (s.deadline = '+400d')), 'poll.settings.deadline', 'quá xa'],
    ['missing setting', basePoll, withPoll((_p, s) => delete s.anonymous), 'poll.settings.anonymous', 'thiếu trường bắt buộc'],
    ['bad variable spec type', base, (t) => (t.variables = [{ name: 'ma_ho', label: 'Mã hộ', type: 'email' }]), 'variables[0].type', 'phải là một trong'],
    ['bad variable spec name', base, (t) => (t.variables = [{ name: 'Mã hộ', label: 'Mã hộ', type: 'text' }]), 'variables[0].name', 'tên biến chỉ gồm'],
    [
      'variable declared twice',
      base,
      (t) =>
        (t.variables = [
          { name: 'dia_diem', label: 'Địa điểm', type: 'text' },
          { name: 'dia_diem', label: 'Nơi họp', type: 'text' },
        ]),
      'variables[1].name',
      'khai báo hai lần',
    ],
  ])('rejects: %s', (_label, from, f, path, message) => {
    const r = validateTemplate(mutated(from, f));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(r.issues)).toBeDefined();
    expect(hit?.message).toContain(message);
  });

  it('accepts a custom variable declared by the template', () => {
    const t = mutated(base, (x) => {
      x.body = 'Hộ {ma_ho} nộp trước {han_chot}';
      x.variables = [{ name: 'ma_ho', label: 'Mã hộ', type: 'text', example: 'H-012' }];
    });
    expect(validateTemplate(t).ok).toBe(true);
  });

  it('accepts escaped braces and a deadline given by variables', () => {
    expect(validateTemplate(mutated(base, (x) => (x.body = 'Ký hiệu {{A}} tại {thon}'))).ok).toBe(true);
    expect(validateTemplate(mutated(basePoll, withPoll((_p, s) => (s.deadline = '{gio} {han_chot}')))).ok).toBe(true);
    expect(validateTemplate(mutated(basePoll, withPoll((_p, s) => (s.deadline = '30/11/2026 17:00')))).ok).toBe(true);
  });
});

describe('checkText (editor hints)', () => {
  it('returns issues sorted by position, with offsets', () => {
    const src = '{a1} và {thon} rồi } và {xyz}';
    const issues = checkText(src);
    expect(issues.map((i) => i.index)).toEqual([0, src.indexOf('} và {xyz'), src.indexOf('{xyz}')]);
    expect(issues.map((i) => i.message)).toEqual([
      'Biến {a1} không được hỗ trợ',
      'Dấu } thừa (muốn hiện dấu } thì viết }})',
      'Biến {xyz} không được hỗ trợ',
    ]);
  });
});

describe('formatPath', () => {
  it.each<[(string | number)[], string]>([
    [['templates', 2, 'poll', 'options', 1], 'templates[2].poll.options[1]'],
    [['name'], 'name'],
    [[], ''],
    [['templates', 0, 'variables', 3, 'name'], 'templates[0].variables[3].name'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
