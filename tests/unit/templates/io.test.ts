import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SET_NAME,
  DEFAULT_TEMPLATES,
  MAX_IMPORT_BYTES,
  contentKey,
  exportTemplateSet,
  importTemplateSet,
  mergeTemplates,
  parseTemplateSet,
  type MergePolicy,
  type Template,
} from '@/lib/templates';

const EXPORTED_AT = '2026-11-20T10:00:00+07:00';
const defaults = (): Template[] => structuredClone([...DEFAULT_TEMPLATES]);
const get = (list: readonly Template[], id: string): Template => {
  const t = list.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const exported = (templates: readonly Template[] = DEFAULT_TEMPLATES): Record<string, unknown> =>
  JSON.parse(exportTemplateSet(templates, { name: 'Bộ mẫu thôn Đông Xuyên', author: 'Tổ CNS thôn Đông Xuyên', exportedAt: EXPORTED_AT }));

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

describe('export / parse round trip', () => {
  it('exports the marker, version and metadata and parses back to the same templates', () => {
    const text = exportTemplateSet(DEFAULT_TEMPLATES, { name: DEFAULT_SET_NAME, exportedAt: new Date('2026-11-20T03:00:00Z') });
    const head = JSON.parse(text);
    expect(head).toMatchObject({ format: 'zalo-group-guard/templates', schemaVersion: 1, name: DEFAULT_SET_NAME, exportedAt: '2026-11-20T03:00:00.000Z' });
    expect(head.author).toBeUndefined();
    const r = parseTemplateSet(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.set.templates).toEqual(DEFAULT_TEMPLATES);
    expect(exportTemplateSet(r.set.templates, { name: r.set.name, exportedAt: r.set.exportedAt })).toBe(text);
  });

  it('accepts a file saved with a BOM and Windows line ends, normalising to NFC/LF', () => {
    const set = exported();
    const t = (set.templates as Record<string, unknown>[])[1];
    t.title = 'Thông báo họp thôn'.normalize('NFD');
    t.body = (t.body as string).replace(/\n/g, '\r\n');
    const r = parseTemplateSet(`\uFEFF${JSON.stringify(set)}`);
    if (!r.ok) throw new Error(r.error);
    expect(r.set.templates[1].title).toBe('Thông báo họp thôn');
    expect(r.set.templates[1].body).toBe(get(DEFAULT_TEMPLATES, 'hop-thon').body);
  });

  it('refuses to export invalid templates rather than write an unreadable file', () => {
    const bad = { ...get(DEFAULT_TEMPLATES, 'hop-thon'), body: 'Mời {ten_la}' };
    expect(() => exportTemplateSet([bad], { name: 'x' })).toThrow('templates[0].body: Biến {ten_la} không được hỗ trợ');
  });
});

describe('parseTemplateSet errors', () => {
  type Edit = (s: Record<string, unknown>) => unknown;
  const tpl = (s: Record<string, unknown>, i: number) => (s.templates as Record<string, unknown>[])[i];
  const pollOf = (s: Record<string, unknown>, id: string) => {
    const t = (s.templates as Record<string, unknown>[]).find((x) => x.id === id) as Record<string, unknown>;
    return t.poll as Record<string, unknown>;
  };

  it.each<[string, Edit, string]>([
    ['empty option', (s) => ((pollOf(s, 'binh-chon-gio-hop').options as string[])[1] = ''), 'templates[10].poll.options[1]: không được để trống'],
    ['wrong format marker', (s) => (s.format = 'other-app/templates'), 'Tệp không phải bộ mẫu của Zalo Group Guard (format là "other-app/templates"'],
    ['missing format marker', (s) => delete s.format, 'thiếu trường format'],
    ['newer schemaVersion', (s) => (s.schemaVersion = 2), 'phiên bản mới hơn của tiện ích (schemaVersion 2; phiên bản này chỉ đọc được 1)'],
    ['schemaVersion 0', (s) => (s.schemaVersion = 0), 'schemaVersion: phải là 1'],
    ['templates not a list', (s) => (s.templates = {}), 'templates: sai kiểu dữ liệu (cần danh sách)'],
    ['duplicate ids', (s) => (tpl(s, 2).id = 'hop-thon'), 'templates[2].id: trùng mã "hop-thon" với templates[1]'],
    ['unknown variable', (s) => (tpl(s, 1).body = 'Mời {chu_tich}'), 'templates[1].body: Biến {chu_tich} không được hỗ trợ'],
    ['bad kind', (s) => (tpl(s, 0).kind = 'quang-cao'), 'templates[0].kind: loại mẫu không hợp lệ'],
    ['missing exportedAt', (s) => delete s.exportedAt, 'exportedAt: thiếu trường bắt buộc'],
    ['empty name', (s) => (s.name = ' '), 'name: không được để trống'],
  ])('%s', (_label, edit, error) => {
    const set = exported();
    edit(set);
    const r = parseTemplateSet(JSON.stringify(set));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(error);
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });

  it.each<[string, string, string]>([
    ['empty file', '', 'Tệp trống'],
    ['only BOM and spaces', '\uFEFF  \n', 'Tệp trống'],
    ['not JSON', 'Nội quy nhóm Zalo...', 'không đúng định dạng JSON'],
    ['truncated JSON', exportTemplateSet(DEFAULT_TEMPLATES, { name: 'x', exportedAt: EXPORTED_AT }).slice(0, 500), 'không đúng định dạng JSON'],
    ['JSON array', '[]', 'Tệp không phải bộ mẫu'],
    ['JSON string', '"hop-thon"', 'Tệp không phải bộ mẫu'],
  ])('%s', (_label, text, error) => {
    const r = parseTemplateSet(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(error);
  });

  it('rejects files over 1 MB, counting UTF-8 bytes (Vietnamese letters take 2–3)', () => {
    const pad = 'ộ'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 10); // < 1M chars, > 1 MB in UTF-8
    const set = exported();
    set.name = 'x';
    (set as Record<string, unknown>).padding = pad;
    const text = JSON.stringify(set);
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const r = parseTemplateSet(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Tệp quá lớn \(khoảng 1,0 MB\)\. Chỉ nhập được tệp mẫu tối đa 1 MB\.$/);
  });

  it('reports several issues and says how many', () => {
    const set = exported();
    (set.templates as Record<string, unknown>[])[0].title = '';
    (set.templates as Record<string, unknown>[])[3].pinAfterSend = 'có';
    const r = parseTemplateSet(JSON.stringify(set));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBe('templates[0].title: không được để trống (và 1 lỗi khác)');
      expect(r.issues).toEqual(['templates[0].title: không được để trống', 'templates[3].pinAfterSend: sai kiểu dữ liệu (cần true/false)']);
    }
  });
});

describe('mergeTemplates', () => {
  const hop = get(DEFAULT_TEMPLATES, 'hop-thon');
  const changedHop: Template = { ...hop, version: 2, body: `${hop.body}\nXin cảm ơn bà con!` };
  const sameContentOtherId: Template = { ...hop, id: 'hop-thon-cu', title: 'Họp thôn (mẫu cũ)' };
  const fresh: Template = {
    id: 'ra-quan-chu-ky-so',
    title: 'Ra quân hỗ trợ chữ ký số',
    kind: 'lich-ho-tro',
    pinAfterSend: false,
    version: 1,
    body: 'Tổ CNS {thon} hỗ trợ cài đặt chữ ký số cá nhân lúc {gio}, {ngay} tại {dia_diem}.',
  };

  it.each<[MergePolicy, { added: string[]; replaced: string[]; skipped: string[]; renamed: { from: string; to: string; title: string }[] }, string]>([
    ['skip', { added: ['ra-quan-chu-ky-so'], replaced: [], skipped: ['hop-thon', 'hop-thon-cu'], renamed: [] }, hop.body ?? ''],
    // Once replaced, the old wording is gone, so the same wording under another id is new again.
    ['replace', { added: ['hop-thon-cu', 'ra-quan-chu-ky-so'], replaced: ['hop-thon'], skipped: [], renamed: [] }, changedHop.body ?? ''],
    [
      'keep-both',
      {
        added: ['hop-thon-2', 'ra-quan-chu-ky-so'],
        replaced: [],
        skipped: ['hop-thon-cu'],
        renamed: [{ from: 'hop-thon', to: 'hop-thon-2', title: 'Thông báo họp thôn (bản nhập)' }],
      },
      hop.body ?? '',
    ],
  ])('policy %s', (policy, expected, hopBody) => {
    const existing = deepFreeze(defaults());
    const r = mergeTemplates(existing, [changedHop, sameContentOtherId, fresh], policy);
    expect({ added: r.added, replaced: r.replaced, skipped: r.skipped, renamed: r.renamed }).toEqual(expected);
    expect(get(r.merged, 'hop-thon').body).toBe(hopBody);
    expect(r.merged.length).toBe(DEFAULT_TEMPLATES.length + expected.added.length);
    // Replacing keeps the position; adding appends.
    expect(r.merged.findIndex((t) => t.id === 'hop-thon')).toBe(1);
    expect(r.merged.at(-1)?.id).toBe('ra-quan-chu-ky-so');
    expect(new Set(r.merged.map((t) => t.id)).size).toBe(r.merged.length);
    if (policy === 'keep-both') expect(get(r.merged, 'hop-thon-2').body).toBe(changedHop.body);
  });

  it('never imports identical content twice, whatever the policy', () => {
    for (const policy of ['skip', 'replace', 'keep-both'] as const) {
      const r = mergeTemplates(DEFAULT_TEMPLATES, DEFAULT_TEMPLATES, policy);
      expect(r.merged).toEqual(DEFAULT_TEMPLATES);
      expect(r.skipped).toEqual(DEFAULT_TEMPLATES.map((t) => t.id));
    }
  });

  it('treats whitespace and Unicode form differences as the same content', () => {
    const respaced: Template = { ...hop, id: 'hop-thon-nhap', body: `  ${(hop.body ?? '').normalize('NFD').replace(/\n/g, '  \n')}  ` };
    expect(contentKey(respaced)).toBe(contentKey(hop));
    expect(mergeTemplates([hop], [respaced], 'keep-both').skipped).toEqual(['hop-thon-nhap']);
  });

  it('replace with same id and content but a new title updates the metadata', () => {
    const retitled: Template = { ...hop, title: 'Họp thôn cuối năm', version: 3 };
    const r = mergeTemplates([hop], [retitled], 'replace');
    expect(r.replaced).toEqual(['hop-thon']);
    expect(r.merged[0].title).toBe('Họp thôn cuối năm');
  });

  it('keep-both finds the next free id and title', () => {
    const existing: Template[] = [hop, { ...changedHop, id: 'hop-thon-2', title: 'Thông báo họp thôn (bản nhập)', body: 'Bản khác {thon}' }];
    const third: Template = { ...hop, body: 'Bản thứ ba {thon}' };
    const r = mergeTemplates(existing, [third], 'keep-both');
    expect(r.renamed).toEqual([{ from: 'hop-thon', to: 'hop-thon-3', title: 'Thông báo họp thôn (bản nhập 2)' }]);
  });

  it('keeps renamed ids within the 64-character limit', () => {
    const long = 'a'.repeat(64);
    const a: Template = { ...hop, id: long };
    const b: Template = { ...hop, id: long, body: 'Khác {thon}' };
    const r = mergeTemplates([a], [b], 'keep-both');
    expect(r.renamed[0].to).toBe(`${'a'.repeat(62)}-2`);
  });

  it('does not mutate its inputs', () => {
    const existing = deepFreeze(defaults());
    const incoming = deepFreeze([changedHop, fresh]);
    const before = structuredClone(existing);
    mergeTemplates(existing, incoming, 'replace');
    expect(existing).toEqual(before);
  });
});

describe('importTemplateSet: invalid files leave the library intact', () => {
  const big = `{"format":"zalo-group-guard/templates","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
  it.each<[string, string]>([
    ['broken JSON', '{"format": "zalo-group-guard/templates", '],
    ['wrong marker', JSON.stringify({ ...exported(), format: 'zalo-backup' })],
    ['newer version', JSON.stringify({ ...exported(), schemaVersion: 3 })],
    ['too big', big],
    ['one bad template among good ones', JSON.stringify({ ...exported(), templates: [...DEFAULT_TEMPLATES, { ...DEFAULT_TEMPLATES[0], id: 'moi', body: '' }] })],
  ])('%s', (_label, text) => {
    const existing = deepFreeze(defaults());
    const snapshot = structuredClone(existing);
    for (const policy of ['skip', 'replace', 'keep-both'] as const) {
      const r = importTemplateSet(existing, text, policy);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.merged).toBe(existing);
        expect(r.error.length).toBeGreaterThan(10);
      }
    }
    expect(existing).toEqual(snapshot);
  });

  it('a valid file merges', () => {
    const text = exportTemplateSet([{ ...get(DEFAULT_TEMPLATES, 'hop-thon'), body: 'Họp {thon} lúc {gio}' }], { name: 'Bộ mẫu xã', exportedAt: EXPORTED_AT });
    const r = importTemplateSet(DEFAULT_TEMPLATES, text, 'keep-both');
    expect(r.ok && r.result.added).toEqual(['hop-thon-2']);
    expect(r.ok && r.set.name).toBe('Bộ mẫu xã');
  });
});
