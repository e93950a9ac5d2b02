import { describe, expect, it } from 'vitest';
import { GuardDb } from '@/lib/db/db';
import { DEFAULT_TEMPLATES, importTemplateSet, exportTemplateSet } from '@/lib/templates';
import { checkDraft, draftFromTemplate, emptyDraft, issuesByField, optionCount } from '@/lib/dashboard/template-draft';
import { buildLibrary, deleteTemplate, loadLibrary, saveTemplate, storeImported } from '@/lib/dashboard/template-store';

describe('template drafts', () => {
  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('default %s survives the editor round trip', (_id, tpl) => {
    const r = checkDraft(draftFromTemplate(tpl));
    expect(r.ok).toBe(true);
    // The editor does not carry updatedAt (saving stamps it); everything else is unchanged.
    if (r.ok) {
      const { updatedAt: _u, ...rest } = tpl;
      expect(r.template).toEqual(rest);
    }
  });

  it.each([
    [{ id: 'Họp Thôn', title: 'Họp thôn', body: 'Kính mời' }, 'id'],
    [{ id: 'hop-thon', title: '   ', body: 'Kính mời' }, 'title'],
    [{ id: 'hop-thon', title: 'Họp', body: 'Mời {khong_ro}' }, 'body'],
    [{ id: 'hop-thon', title: 'Họp', mode: 'poll' as const, question: 'Họp hôm nào?', options: 'Thứ Bảy\n  \nChủ nhật' }, 'poll.options'],
    [{ id: 'hop-thon', title: 'Họp', mode: 'poll' as const, question: 'Họp hôm nào?', options: 'Thứ Bảy\nthứ bảy' }, 'poll.options'],
    [{ id: 'hop-thon', title: 'Họp', mode: 'poll' as const, question: '', options: 'A\nB' }, 'poll.question'],
  ])('errors are grouped by field (%#)', (patch, field) => {
    const r = checkDraft({ ...emptyDraft(), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([...issuesByField(r.issues).keys()]).toContain(field);
  });

  it('names the option line', () => {
    const r = checkDraft({ ...emptyDraft(), id: 'binh-chon', title: 'Bình chọn', mode: 'poll', question: 'Chọn ngày', options: 'Thứ Bảy\nChủ nhật\nthứ bảy' });
    if (r.ok) throw new Error('expected errors');
    expect(issuesByField(r.issues).get('poll.options')?.[0]).toMatch(/^dòng 3: trùng với lựa chọn 1/);
    expect(optionCount({ ...emptyDraft(), options: 'A\n\nB\nA' })).toBe(2);
  });
});

describe('template library in the database', () => {
  it('user rows override defaults, own templates follow, broken rows are reported not dropped', () => {
    const base = DEFAULT_TEMPLATES[0];
    const lib = buildLibrary(DEFAULT_TEMPLATES, [
      { id: base.id, json: JSON.stringify({ ...base, title: 'Nội quy (bản của thôn)' }) },
      { id: 'hop-chi-bo', json: JSON.stringify({ id: 'hop-chi-bo', title: 'Họp chi bộ', kind: 'hop-thon', body: 'Mời họp {thon}', pinAfterSend: false, version: 1 }) },
      { id: 'hong', json: '{"id":' },
      { id: 'sai', json: JSON.stringify({ id: 'sai', title: '', kind: 'khac', body: 'x', pinAfterSend: false, version: 1 }) },
    ]);
    expect(lib.items).toHaveLength(DEFAULT_TEMPLATES.length + 1);
    expect(lib.items[0]).toMatchObject({ origin: 'modified', template: { title: 'Nội quy (bản của thôn)' } });
    expect(lib.items.at(-1)).toMatchObject({ origin: 'user', template: { id: 'hop-chi-bo' } });
    expect(lib.broken.map((b) => b.id)).toEqual(['hong', 'sai']);
    expect(lib.broken[1].issues[0].path).toBe('title');
  });

  it('save, reset to default, and import that fails leaves the library untouched', async () => {
    const db = new GuardDb(`dash-tpl-${Math.random()}`);
    const base = DEFAULT_TEMPLATES[1];
    await saveTemplate(db, { ...base, title: 'Đã sửa' }, new Date('2026-11-27T04:00:00Z'));
    expect((await loadLibrary(db)).items[1]).toMatchObject({ origin: 'modified', template: { title: 'Đã sửa', updatedAt: '2026-11-27T04:00:00.000Z' } });
    await deleteTemplate(db, base.id);
    expect((await loadLibrary(db)).items[1]).toMatchObject({ origin: 'default', template: { title: base.title } });

    const existing = (await loadLibrary(db)).items.map((i) => i.template);
    const bad = importTemplateSet(existing, '{"format":"zalo-group-guard/templates","schemaVersion":1,"name":"x","exportedAt":"2026-11-01T00:00:00+07:00","templates":[{"id":"a"}]}', 'replace');
    expect(bad.ok).toBe(false);
    expect(await db.templates.count()).toBe(0);

    const set = exportTemplateSet([{ id: 'hop-chi-bo', title: 'Họp chi bộ', kind: 'hop-thon', body: 'Mời họp', pinAfterSend: false, version: 1 }, { ...base, body: `${base.body}\nXin cảm ơn.` }], { name: 'Bộ mẫu xã An Bình' });
    const ok = importTemplateSet(existing, set, 'replace');
    if (!ok.ok) throw new Error(ok.error);
    expect(ok.result.added).toEqual(['hop-chi-bo']);
    expect(ok.result.replaced).toEqual([base.id]);
    expect(await storeImported(db, ok.result.merged, [...ok.result.added, ...ok.result.replaced])).toBe(2);
    const lib = await loadLibrary(db);
    expect(lib.items.filter((i) => i.origin !== 'default').map((i) => i.template.id).sort()).toEqual([base.id, 'hop-chi-bo'].sort());
  });
});
