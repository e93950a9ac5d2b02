import { afterEach, describe, expect, it } from 'vitest';
import { GuardDb } from '@/lib/db/db';
import { parseGlobalSettings, parseGroupSettings } from '@/lib/settings/parse';
import { DEFAULT_GLOBAL_SETTINGS, defaultGroupSettings, effectiveLadder } from '@/lib/settings/schema';
import { listGroups, loadGlobalSettings, loadGroupSettings, saveGlobalSettings, saveGroupSettings } from '@/lib/settings/store';

describe('parseGlobalSettings', () => {
  it('fills every default but the admin name, which a form must give', () => {
    expect(parseGlobalSettings('{"adminName": "Hoa"}')).toEqual({
      ok: true,
      value: {
        adminName: 'Hoa',
        language: 'vi',
        retentionDays: 365,
        place: { thon: '', xa: '', tinh: '' },
        redaction: { phones: true, idNumbers: true },
        ladder: { steps: ['remind', 'warn', 'propose-removal'], immediateCategories: ['scam', 'classified-info'], strikeWindowDays: 0 },
      },
    });
  });

  it('keeps given values and fills nested defaults', () => {
    const r = parseGlobalSettings({ adminName: ' Trần Thị Bình ', retentionDays: 0, redaction: { phones: false }, ladder: { immediateCategories: [] } });
    expect(r.ok && r.value).toMatchObject({ adminName: 'Trần Thị Bình', retentionDays: 0, redaction: { phones: false, idNumbers: true }, ladder: { immediateCategories: [], steps: ['remind', 'warn', 'propose-removal'] } });
  });

  it.each([
    ['not JSON', '{"language": ', '(root)'],
    ['not an object', '[1,2]', '(root)'],
    ['language', { language: 'fr' }, 'language'],
    ['negative retention', { retentionDays: -1 }, 'retentionDays'],
    ['fractional retention', { retentionDays: 1.5 }, 'retentionDays'],
    ['redaction flag', { redaction: { phones: 'có' } }, 'redaction.phones'],
    ['ladder step', { ladder: { steps: ['remind', 'ban'] } }, 'ladder.steps[1]'],
    ['empty ladder', { ladder: { steps: [] } }, 'ladder.steps'],
    ['immediate category', { ladder: { immediateCategories: ['spam'] } }, 'ladder.immediateCategories[0]'],
    ['empty admin name', { adminName: '   ' }, 'adminName'],
    ['retention of 99,999,999 days', { retentionDays: 99_999_999 }, 'retentionDays'],
    ['strike window past ten years', { ladder: { strikeWindowDays: 5000 } }, 'ladder.strikeWindowDays'],
  ])('rejects bad %s and names the path %s', (_l, input, path) => {
    const r = parseGlobalSettings(typeof input === 'string' ? input : { adminName: 'Hoa', ...input });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.error.startsWith(`${path}: `)).toBe(true);
    }
  });
});

describe('parseGroupSettings', () => {
  it('fills defaults for a new group', () => {
    const r = parseGroupSettings({ threadId: 'g1', name: 'Tổ CNS - Thôn Đông - Xã Yên Phong' });
    expect(r).toEqual({
      ok: true,
      value: {
        threadId: 'g1',
        name: 'Tổ CNS - Thôn Đông - Xã Yên Phong',
        enabled: true,
        thon: '',
        xa: '',
        tinh: '',
        leaderName: '',
        leaderPhone: '',
        overrides: { extraTerms: {}, allowedTerms: [], disabledCategories: [], severity: {}, allowDomains: [], blockDomains: [] },
      },
    });
  });

  it('accepts full overrides and normalises domains', () => {
    const r = parseGroupSettings({
      threadId: 'g1',
      name: 'Thôn Đông',
      thon: 'Thôn Đông',
      leaderPhone: '0912.345.678',
      overrides: {
        extraTerms: { advertising: ['thanh lý', 'pass lại'], 'gambling-fortune': ['soi cầu'] },
        allowedTerms: ['bán hàng hộ hội phụ nữ'],
        disabledCategories: ['advertising'],
        severity: { 'abusive-language': 'high' },
        allowDomains: [' BacNinh.gov.vn '],
        blockDomains: ['vneid-hotro.net'],
      },
    });
    expect(r.ok && r.value.overrides.allowDomains).toEqual(['bacninh.gov.vn']);
    expect(r.ok && r.value.overrides.extraTerms.advertising).toEqual(['thanh lý', 'pass lại']);
  });

  it.each([
    ['missing threadId', {}, 'threadId'],
    ['enabled not boolean', { threadId: 'g', enabled: 'yes' }, 'enabled'],
    ['unknown category in extraTerms', { threadId: 'g', overrides: { extraTerms: { spam: ['x'] } } }, 'overrides.extraTerms.spam'],
    ['empty term', { threadId: 'g', overrides: { extraTerms: { scam: ['ok', ' '] } } }, 'overrides.extraTerms.scam[1]'],
    ['bad severity', { threadId: 'g', overrides: { severity: { scam: 'critical' } } }, 'overrides.severity.scam'],
    ['disabled category', { threadId: 'g', overrides: { disabledCategories: ['rao-vat'] } }, 'overrides.disabledCategories[0]'],
    ['URL instead of domain', { threadId: 'g', overrides: { allowDomains: ['https://bacninh.gov.vn/'] } }, 'overrides.allowDomains[0]'],
    ['group ladder', { threadId: 'g', ladder: { steps: ['kick'] } }, 'ladder.steps[0]'],
    ['empty group name', { threadId: 'g', name: ' ' }, 'name'],
    ['phone "abc-xyz"', { threadId: 'g', leaderPhone: 'abc-xyz' }, 'leaderPhone'],
    ['phone too short', { threadId: 'g', leaderPhone: '0912 345' }, 'leaderPhone'],
  ])('rejects %s naming %s', (_l, input, path) => {
    const r = parseGroupSettings('threadId' in input ? { name: 'Nhóm thôn', ...input } : input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe(path);
  });

  it('a group ladder overrides the global one', () => {
    const g = defaultGroupSettings('g');
    expect(effectiveLadder(DEFAULT_GLOBAL_SETTINGS, g)).toBe(DEFAULT_GLOBAL_SETTINGS.ladder);
    const own = parseGroupSettings({ threadId: 'g', name: 'Nhóm', ladder: { immediateCategories: ['scam', 'sensitive-topic'] } });
    expect(own.ok && effectiveLadder(DEFAULT_GLOBAL_SETTINGS, own.value).immediateCategories).toEqual(['scam', 'sensitive-topic']);
  });
});

describe('settings store', () => {
  const db = new GuardDb(`test-settings-${Math.random()}`);
  afterEach(async () => {
    await db.settings.clear();
    await db.groups.clear();
  });

  it('returns defaults before anything is saved, then the saved values', async () => {
    expect(await loadGlobalSettings(db)).toEqual(DEFAULT_GLOBAL_SETTINGS);
    await saveGlobalSettings(db, { adminName: 'Bình', retentionDays: 30 });
    expect(await loadGlobalSettings(db)).toMatchObject({ adminName: 'Bình', retentionDays: 30, language: 'vi' });
  });

  it('a corrupt stored row falls back to defaults rather than breaking the worker', async () => {
    await db.settings.put({ ...DEFAULT_GLOBAL_SETTINGS, id: 'global', language: 'xx' as 'vi' });
    expect(await loadGlobalSettings(db)).toEqual(DEFAULT_GLOBAL_SETTINGS);
  });

  it('rejects invalid saves', async () => {
    await expect(saveGlobalSettings(db, { retentionDays: -5 })).rejects.toThrow();
    await expect(saveGroupSettings(db, { threadId: '' })).rejects.toThrow();
  });

  it('stores groups by thread id', async () => {
    expect(await loadGroupSettings(db, 'g1')).toEqual(defaultGroupSettings('g1'));
    await saveGroupSettings(db, { threadId: 'g1', name: 'Thôn Đông', enabled: false });
    await saveGroupSettings(db, { threadId: 'g2', name: 'Thôn Đoài' });
    expect((await loadGroupSettings(db, 'g1')).enabled).toBe(false);
    expect((await listGroups(db)).map((g) => g.name).sort()).toEqual(['Thôn Đoài', 'Thôn Đông']);
  });
});
