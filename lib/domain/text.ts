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

/** "Thôn Đông" → "thon-dong": ASCII, lowercase, dashes (safe on every OS and in Zalo file sends). */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
