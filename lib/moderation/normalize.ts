/**
 * Folds Vietnamese text for matching: NFC → strip diacritics, đ → d, lowercase. "Nhắc Nhở" and
 * "nhac nho" fold to the same string, so searches and similarity ignore how people type accents.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Same person in one group: names compare NFC, case-insensitive, single-spaced (accents kept). */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}
