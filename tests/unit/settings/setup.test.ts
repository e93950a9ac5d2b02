import { afterEach, describe, expect, it } from 'vitest';
import { GuardDb } from '@/lib/db/db';
import { completeSetup, needsSetup } from '@/lib/dashboard/setup';
import { loadGlobalSettings, loadGroupSettings, saveGroupSettings } from '@/lib/settings/store';
import { DEFAULT_GLOBAL_SETTINGS } from '@/lib/settings/schema';
import { createHandlers } from '@/lib/background/handlers';

const dbs: GuardDb[] = [];
function db() {
  const d = new GuardDb(`test-setup-${Math.random()}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('first-run setup', () => {
  it('is needed until the admin name and xã are known', () => {
    expect(needsSetup(DEFAULT_GLOBAL_SETTINGS)).toBe(true);
    expect(needsSetup({ ...DEFAULT_GLOBAL_SETTINGS, adminName: 'Hoa' })).toBe(true);
    expect(needsSetup({ ...DEFAULT_GLOBAL_SETTINGS, adminName: 'Hoa', place: { thon: '', xa: 'An Bình', tinh: 'Bắc Ninh' } })).toBe(false);
  });

  it.each([
    [{ adminName: ' ', thon: '', xa: 'An Bình', tinh: 'Bắc Ninh' }, 'adminName'],
    [{ adminName: 'Hoa', thon: '', xa: '', tinh: 'Bắc Ninh' }, 'xa'],
    [{ adminName: 'Hoa', thon: '', xa: 'An Bình', tinh: '' }, 'tinh'],
  ])('refuses %j naming %s, in Vietnamese, storing nothing', async (input, path) => {
    const d = db();
    const r = await completeSetup(d, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.error).toMatch(/Quá nhỏ|ít nhất|ký tự/);
    }
    expect(await loadGlobalSettings(d)).toEqual(DEFAULT_GLOBAL_SETTINGS);
  });

  it('saves the admin and fills groups without a place: from their names when they follow the pattern', async () => {
    const d = db();
    await saveGroupSettings(d, { threadId: 'g1', name: 'Thôn Đoài - Xã Yên Phong - Bắc Ninh' });
    await saveGroupSettings(d, { threadId: 'g2', name: 'Hội phụ huynh lớp 5A' });
    await saveGroupSettings(d, { threadId: 'g3', name: 'Nhóm cũ', thon: 'Bắc', xa: 'Tam Giang', tinh: 'Bắc Ninh' });
    const r = await completeSetup(d, { adminName: 'Nguyễn Thị Hoa', thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' });
    expect(r.ok).toBe(true);
    expect((await loadGlobalSettings(d)).adminName).toBe('Nguyễn Thị Hoa');
    expect(await loadGroupSettings(d, 'g1')).toMatchObject({ thon: 'Đoài', xa: 'Yên Phong', tinh: 'Bắc Ninh' });
    expect(await loadGroupSettings(d, 'g2')).toMatchObject({ thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' });
    expect(await loadGroupSettings(d, 'g3')).toMatchObject({ thon: 'Bắc', xa: 'Tam Giang' });
  });

  it('a group opened after the setup starts from its name, else the admin place', async () => {
    const d = db();
    await completeSetup(d, { adminName: 'Hoa', thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' });
    const h = createHandlers({ db: d, blocklist: async () => ({ lookup: () => null }), openDashboard: async () => {}, setBadge: async () => {} });
    const a = await h['session.open']({ type: 'session.open', threadId: 'g9', name: 'Thôn Nam - Xã Tân Lập' }, {});
    expect(a.group).toMatchObject({ thon: 'Nam', xa: 'Tân Lập', tinh: 'Bắc Ninh' });
    const b = await h['session.open']({ type: 'session.open', threadId: 'g8', name: 'Ban quản lý chợ' }, {});
    expect(b.group).toMatchObject({ thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' });
  });
});
