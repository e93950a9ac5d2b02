import { describe, expect, it } from 'vitest';
import { createTemplateService, groupValues, mergeLibrary } from '@/lib/overlay/templates';
import { DEFAULT_TEMPLATES, type Template } from '@/lib/templates';
import { createT } from '@/lib/i18n';
import { DEFAULT_GLOBAL_SETTINGS, defaultGroupSettings } from '@/lib/settings/schema';
import type { SessionData } from '@/lib/messages/protocol';

const session: SessionData = {
  global: DEFAULT_GLOBAL_SETTINGS,
  group: { ...defaultGroupSettings('g1', 'Thôn Đông'), thon: 'thôn Đông', xa: 'xã Yên Hòa', tinh: 'tỉnh Bắc Ninh', leaderName: 'Nguyễn Văn Hùng', leaderPhone: '0912 345 678' },
  samples: [],
};

const custom: Template = { ...DEFAULT_TEMPLATES.find((t) => t.id === 'thong-bao-chung')!, title: 'Thông báo của thôn (bản xã gửi)' };

function service(rows: { id: string; json: string }[] | Error = []) {
  return createTemplateService({
    userRows: async () => {
      if (rows instanceof Error) throw rows;
      return rows;
    },
    sessionData: () => session,
    t: createT('vi'),
  });
}

describe('overlay template service', () => {
  it('user templates override defaults with the same id', () => {
    const merged = mergeLibrary(DEFAULT_TEMPLATES, [custom]);
    expect(merged).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(merged.find((t) => t.id === custom.id)?.title).toBe(custom.title);
  });

  it('group settings fill {thon}/{xa}/{tinh}', () => {
    expect(groupValues(session)).toEqual({ thon: 'thôn Đông', xa: 'xã Yên Hòa', tinh: 'tỉnh Bắc Ninh', to_truong: 'Nguyễn Văn Hùng', sdt: '0912 345 678' });
    expect(groupValues(null)).toEqual({});
  });

  it('lists with prefilled variables, searches without accents, and ignores corrupt stored rows', async () => {
    const svc = service([{ id: 'x', json: '{not json' }, { id: custom.id, json: JSON.stringify(custom) }]);
    const all = await svc.list('', '');
    expect(all.find((t) => t.id === custom.id)?.title).toBe(custom.title);
    const rules = (await svc.list('noi quy', ''))[0];
    expect(rules.id).toBe('noi-quy-nhom');
    expect(rules.variables.find((v) => v.name === 'thon')).toMatchObject({ value: 'thôn Đông', fromSettings: true });
  });

  it('renders notices, reports missing form values, and renders polls with their options', async () => {
    const svc = service(new Error('background asleep')); // built-in library still works
    const missing = await svc.preview('hop-thon', {});
    expect(missing.ok).toBe(false);
    expect(missing.missing.length).toBeGreaterThan(0);
    const ok = await svc.render('noi-quy-nhom', {});
    expect(ok.ok).toBe(true);
    expect(ok.text).toContain('THÔN ĐÔNG');
    const poll = await svc.render('binh-chon-gio-hop', { ngay: '2026-12-05' });
    expect(poll.poll?.options.length).toBeGreaterThanOrEqual(2);
    expect(poll.text.split('\n').length).toBe(1 + (poll.poll?.options.length ?? 0));
  });
});
