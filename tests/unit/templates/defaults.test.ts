import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  KIND_LABELS,
  TEMPLATE_KINDS,
  listVariables,
  renderTemplate,
  sampleValues,
  splitBySource,
  validateTemplate,
  VARIABLES,
  type Template,
} from '@/lib/templates';

const NOW = new Date('2026-11-20T03:00:00Z'); // 10h00 Vietnam time, before every sample date
const byId = (id: string): Template => {
  const t = DEFAULT_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`missing default ${id}`);
  return t;
};

describe('default template library', () => {
  it('has at least 10 templates with unique slugs', () => {
    expect(DEFAULT_TEMPLATES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s validates against the schema', (_id, t) => {
    const r = validateTemplate(t);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s renders with its sample values, no placeholder left, clean lines',
    (_id, t) => {
      const r = renderTemplate(t, sampleValues(t), { now: NOW });
      if (!r.ok) throw new Error(JSON.stringify(r));
      expect(r.text).not.toMatch(/[{}]/);
      expect(r.text).toBe(r.text.normalize('NFC'));
      expect(r.lines.join('\n')).toBe(r.text);
      for (const line of r.lines) expect(line).toBe(line.trim());
      expect(r.lines[0]).not.toBe('');
      expect(r.lines.at(-1)).not.toBe('');
      expect(r.pinAfterSend).toBe(t.pinAfterSend);
    },
  );

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: every variable is known and has an example or default (no missing-variable surprises)',
    (_id, t) => {
      const names = listVariables(t);
      const samples = sampleValues(t);
      for (const n of names) expect(samples[n], `{${n}}`).toBeTruthy();
      const { group, form } = splitBySource(t);
      expect(group.length + form.length).toBe(names.length);
      // With only the group settings filled, every missing variable is one the form asks for.
      const groupOnly = Object.fromEntries(group.map((s) => [s.name, samples[s.name]]));
      const r = renderTemplate(t, groupOnly, { now: NOW });
      const formRequired = form.filter((s) => s.required !== false && !s.default).map((s) => s.name);
      if (formRequired.length) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.missing).toEqual(formRequired);
      } else expect(r.ok).toBe(true);
    },
  );

  it.each(DEFAULT_TEMPLATES.filter((t) => t.body).map((t) => [t.id, t] as const))('%s keeps lines short enough for a phone', (_id, t) => {
    const r = renderTemplate(t, sampleValues(t), { now: NOW });
    if (!r.ok) throw new Error('render failed');
    for (const line of r.lines) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('covers every kind except "khac" with a ready template, and labels every kind', () => {
    for (const k of TEMPLATE_KINDS) expect(KIND_LABELS[k]).toMatch(/\S/);
    const kinds = new Set(DEFAULT_TEMPLATES.map((t) => t.kind));
    for (const k of TEMPLATE_KINDS) expect(kinds.has(k), k).toBe(true);
  });

  it('nội quy follows the regulation: pinned, uses {thon}/{xa}, lists the five forbidden groups', () => {
    const t = byId('noi-quy-nhom');
    expect(t.kind).toBe('noi-quy');
    expect(t.pinAfterSend).toBe(true);
    expect(listVariables(t)).toEqual(expect.arrayContaining(['thon', 'xa']));
    const r = renderTemplate(t, { thon: 'thôn Đông Xuyên', xa: 'xã Yên Hòa' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.lines[1]).toBe('TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN ĐÔNG XUYÊN – XÃ YÊN HÒA');
    for (const phrase of [
      'bí mật nhà nước',
      'tin giả',
      'link lạ',
      'lừa đảo',
      'chính trị, tôn giáo, sắc tộc',
      'Quảng cáo',
      'rao vặt',
      'bói toán',
      'lô đề',
      'thiếu văn hóa',
      'nhắc nhở hoặc mời ra khỏi nhóm',
    ]) {
      expect(r.text).toContain(phrase);
    }
  });

  it.each([
    ['canh-bao-lua-dao', ['link lạ', 'OTP', 'ngân hàng', 'Công an']],
    ['huong-dan-dich-vu-cong', ['dichvucong.gov.vn', 'VNeID', 'mã hồ sơ']],
    ['kich-hoat-vneid', ['VNeID', 'số định danh cá nhân', 'OTP']],
    ['thong-bao-khan-cap', ['Bão số 3', 'tin chưa kiểm chứng']],
    ['tien-dien-nuoc', ['THÁNG 11/2026', 'không dùng tiền mặt', 'Thứ Hai, 30/11/2026']],
    ['lich-tiem-chung', ['Trạm Y tế xã Yên Hòa', 'Sởi – Rubella', 'sổ tiêm chủng']],
    ['hop-thon', ['8h00, Thứ Bảy, 28/11/2026', 'Nhà văn hóa thôn']],
    ['lich-ho-tro-to-cns', ['từ 8h00 đến 11h00', 'Căn cước gắn chip']],
  ] as const)('%s carries the seed guidance %j', (id, phrases) => {
    const t = byId(id);
    const r = renderTemplate(t, sampleValues(t), { now: NOW });
    if (!r.ok) throw new Error(JSON.stringify(r));
    for (const p of phrases) expect(r.text).toContain(p);
  });

  it.each([
    ['binh-chon-gio-hop', ['7h30 sáng', '14h00 chiều', '19h30 tối'], { multipleChoice: false, anonymous: false }],
    ['binh-chon-muc-do-hai-long', ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Chưa hài lòng'], { anonymous: true, hideResults: true }],
    ['binh-chon-ngay-su-kien', ['Thứ Bảy, 05/12/2026', 'Chủ nhật, 06/12/2026', 'Chủ nhật, 13/12/2026'], { multipleChoice: true }],
  ] as const)('poll %s renders options and settings', (id, options, settings) => {
    const t = byId(id);
    const r = renderTemplate(t, sampleValues(t), { now: NOW });
    if (!r.ok || !r.poll) throw new Error(JSON.stringify(r));
    expect(r.poll.options).toEqual(options);
    expect(r.poll.settings).toMatchObject(settings);
    expect(r.poll.settings.deadline?.expiresAt).toBeGreaterThan(NOW.getTime());
  });

  it('defaults are frozen so callers cannot corrupt the shared library', () => {
    const t = byId('hop-thon');
    expect(Object.isFrozen(t)).toBe(true);
    expect(() => {
      (t as { title: string }).title = 'x';
    }).toThrow();
  });

  it('registry examples are themselves valid values', () => {
    const all: Template = {
      id: 'tat-ca',
      title: 'Tất cả biến',
      kind: 'khac',
      pinAfterSend: false,
      version: 1,
      body: Object.keys(VARIABLES)
        .map((n) => `{${n}}`)
        .join('\n'),
    };
    const r = renderTemplate(all, sampleValues(all), { now: NOW });
    expect(r.ok ? [] : r).toEqual([]);
  });
});
