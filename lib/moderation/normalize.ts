

/** Same person in one group: names compare NFC, case-insensitive, single-spaced (accents kept). */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}
