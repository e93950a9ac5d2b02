import { describe, expect, it } from 'vitest';
import { placeFromGroupName } from '@/lib/settings/place-from-name';

describe('placeFromGroupName', () => {
  it.each([
    ['Thôn Đông - Xã An Bình - Bắc Ninh', { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' }],
    ['Tổ CNS - Thôn Đông - Xã Yên Phong', { thon: 'Đông', xa: 'Yên Phong', tinh: '' }],
    ['Tổ CNS thôn Đoài, xã Yên Phong, tỉnh Bắc Ninh', { thon: 'Đoài', xa: 'Yên Phong', tinh: 'Bắc Ninh' }],
    ['Nhóm Zalo thôn Đông xã An Bình', { thon: 'Đông', xa: 'An Bình', tinh: '' }],
    ['TDP 3 - Phường Đình Bảng - TP Bắc Ninh', { thon: 'Tổ dân phố 3', xa: 'Đình Bảng', tinh: 'Bắc Ninh' }],
    ['Thôn Đông - Thông tin chung', { thon: 'Đông', xa: '', tinh: '' }],
    ['Hội phụ nữ', { thon: '', xa: '', tinh: '' }],
    // Province patterns (lib/health/group-name.ts): parts by position, no unit words.
    ['Tổ CNS - Đoài - Yên Phong', { thon: 'Đoài', xa: 'Yên Phong', tinh: '' }],
    ['CNCĐ_Ấp Phú Hòa_Xã Long Phú', { thon: 'Phú Hòa', xa: 'Long Phú', tinh: '' }],
  ])('%s', (name, place) => {
    expect(placeFromGroupName(name)).toEqual(place);
  });
});
