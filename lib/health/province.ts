/**
 * Province practice from the seed documents, mapped onto the provinces as they stand since
 * 1 July 2025 (two levels: tỉnh and xã, no huyện; Bắc Giang merged into Bắc Ninh, Sóc Trăng into
 * Cần Thơ). Each rule keeps the naming pattern and report cadence the old province wrote down.
 */
export const PROVINCE_RULES = ['bac-ninh', 'can-tho', 'thanh-hoa', 'other'] as const;
export type ProvinceRule = (typeof PROVINCE_RULES)[number];

export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const ALIASES: Record<string, ProvinceRule> = {
  'bac ninh': 'bac-ninh',
  'bac giang': 'bac-ninh',
  'can tho': 'can-tho',
  'soc trang': 'can-tho',
  'hau giang': 'can-tho',
  'thanh hoa': 'thanh-hoa',
};

/** "Tỉnh Bắc Giang", "bac giang", "TP. Cần Thơ" → the rule that applies now. */
export function provinceRuleOf(tinh: string): ProvinceRule {
  const k = fold(tinh).replace(/^(tinh|thanh pho|tp\.?)\s+/, '');
  return ALIASES[k] ?? 'other';
}

/** Current province name for a rule (for suggested names and report headers). */
export const PROVINCE_NAME_VI: Record<ProvinceRule, string> = {
  'bac-ninh': 'Bắc Ninh',
  'can-tho': 'Cần Thơ',
  'thanh-hoa': 'Thanh Hóa',
  other: '',
};
