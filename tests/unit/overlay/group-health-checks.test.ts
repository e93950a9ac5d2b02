import { describe, expect, it } from 'vitest';
import { groupHealthChecksFeature, pageNameCheck } from '@/lib/overlay/features/group-health-checks';
import { createStore, initialOverlayState } from '@/lib/overlay/store';
import type { FeatureContext } from '@/lib/overlay/features';

describe('group-health-checks overlay feature', () => {
  it.each([
    ['CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách', 'CNCĐ_Mỹ Phước_Nhơn Mỹ'],
    ['CNS-Thôn 3-xã Quảng Tân-huyện Quảng Xương', 'CNS-3-Quảng Tân'],
  ])('%s → suggests %s', (name, suggestion) => {
    expect(pageNameCheck(name)).toMatchObject({ status: 'rename', reason: 'huyen', suggestion });
  });
  it('names that follow no pattern are left alone', () => {
    expect(pageNameCheck('Hội Phụ nữ thôn Đông')).toBeNull();
    expect(pageNameCheck('Tổ CNS - Thôn Đông - Xã An Bình')).toMatchObject({ status: 'ok' });
  });
  it('follows thread changes and stops on abort', async () => {
    const store = createStore({ ...initialOverlayState });
    const ctl = new AbortController();
    await groupHealthChecksFeature.run({ store } as unknown as FeatureContext, ctl.signal);
    store.set({ thread: { id: 'g1', name: 'CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách', isGroup: true } });
    expect(store.get().groupRename).toEqual({ suggestion: 'CNCĐ_Mỹ Phước_Nhơn Mỹ', huyen: 'Kế Sách' });
    store.set({ thread: { id: 'g2', name: 'Tổ CNS - Thôn Đông - Xã An Bình', isGroup: true } });
    expect(store.get().groupRename).toBeNull();
    ctl.abort();
    store.set({ thread: { id: 'g1', name: 'CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách', isGroup: true } });
    expect(store.get().groupRename).toBeNull();
  });
});
