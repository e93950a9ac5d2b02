/**
 * Downloads without the "downloads" permission: an <a download> pointing at a Blob URL.
 * `doc` is a parameter so tests (and the iframe preview) pass their own document.
 */
export function downloadBlob(doc: Document, blob: Blob, fileName: string): void {
  const url = doc.defaultView!.URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke later so slow machines still read it.
  doc.defaultView!.setTimeout(() => doc.defaultView!.URL.revokeObjectURL(url), 60_000);
}

export function downloadText(doc: Document, text: string, fileName: string, type: string): void {
  downloadBlob(doc, new Blob([text], { type }), fileName);
}

import { slugify } from '../domain/text';

/** Re-exported for the dashboard views that build file names next to their downloads. */
export { slugify };

/** Period → "2026-11" (month), "2026-q4" (quarter), "2026-11-03_2026-11-20" (custom). */
export function periodSlug(period: { kind: 'month' | 'quarter' | 'custom'; from: string; to: string }): string {
  const day = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
  const from = day(period.from);
  if (period.kind === 'month') return from.slice(0, 7);
  if (period.kind === 'quarter') return `${from.slice(0, 4)}-q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}`;
  const last = day(new Date(Date.parse(period.to) - 1).toISOString());
  return `${from}_${last}`;
}

/**
 * "bao-cao-thon-dong-2026-11.xlsx". `place` names the unit: the thôn for one group, else the xã.
 * A name that slugs to nothing (e.g. only symbols) falls back to "nhom".
 */
export function reportFileName(prefix: string, unit: string, period: Parameters<typeof periodSlug>[0], ext: string): string {
  const parts = [slugify(prefix), slugify(unit) || 'nhom', periodSlug(period)];
  return `${parts.filter(Boolean).join('-')}.${ext}`;
}
