/**
 * "Chẩn đoán trang Zalo": per area of the page, whether its parts are found and by which candidate, in a
 * plain serialisable shape (sent from the Zalo tab to the popup or dashboard, validated there).
 */
// Namespace import: `import { z }` drags every zod locale into the bundle.
import * as z from 'zod';
import { areaHealth, health } from './health';
import { AREA_IDS, SELECTORS } from './selectors';

export const diagnosisSchema = z.object({
  appReady: z.boolean(),
  chatOpen: z.boolean(),
  /** Name of the imported selector pack in use, if any. */
  pack: z.object({ name: z.string(), date: z.string().optional(), author: z.string().optional() }).nullable(),
  areas: z.array(
    z.object({
      area: z.enum(AREA_IDS),
      status: z.enum(['ok', 'degraded', 'broken']),
      rows: z.array(
        z.object({
          key: z.string(),
          description: z.string(),
          status: z.enum(['matched', 'fallback', 'failed', 'not-applicable']),
          candidate: z.number().int().optional(),
          selector: z.string().optional(),
          fromPack: z.boolean().optional(),
        }),
      ),
    }),
  ),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export function diagnose(doc: Document, pack: Diagnosis['pack'] = null): Diagnosis {
  const report = health(doc);
  const areas = areaHealth(report).map((a) => ({
    area: a.area,
    status: a.status,
    rows: report.selectors
      .filter((s) => s.area === a.area)
      .map((s) => ({
        key: s.key,
        description: SELECTORS[s.key].description,
        status: s.status,
        ...(s.candidate !== undefined ? { candidate: s.candidate } : {}),
        ...(s.selector !== undefined ? { selector: s.selector } : {}),
        ...(s.fromPack ? { fromPack: true } : {}),
      })),
  }));
  return { appReady: report.appReady, chatOpen: report.chatOpen, pack, areas };
}
