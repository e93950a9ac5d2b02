/**
 * Shapes of Zalo-page data that cross the extension's boundaries: the selector pack file (dashboard →
 * background storage → content script) and the page diagnosis (content script → popup/dashboard).
 * Plain zod only, so the background can validate them without importing lib/zalo.
 */
// Namespace import: `import { z }` drags every zod locale into the bundle.
import * as z from 'zod';

export const SELECTOR_PACK_FORMAT = 'zgg-selector-pack';
export const SELECTOR_PACK_VERSION = 1;
export const MAX_PACK_BYTES = 64 * 1024;

const candidate = z.string().trim().min(1, 'bộ chọn rỗng').max(300);

export const selectorPackSchema = z
  .object({
    format: z.literal(SELECTOR_PACK_FORMAT, { error: `phải là "${SELECTOR_PACK_FORMAT}"` }),
    version: z.literal(SELECTOR_PACK_VERSION, { error: `phiên bản gói không hỗ trợ (cần ${SELECTOR_PACK_VERSION})` }),
    name: z.string().trim().min(1, 'cần tên gói').max(120),
    author: z.string().trim().max(120).optional(),
    /** Date the pack was written (YYYY-MM-DD), shown to the admin. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'cần dạng NNNN-TT-NN').optional(),
    selectors: z
      .record(z.string(), z.array(candidate).min(1).max(10))
      .refine((r) => Object.keys(r).length > 0, 'gói không có bộ chọn nào'),
  })
  .strict();

export type SelectorPack = z.infer<typeof selectorPackSchema>;

/** The selector pack as the background stores it. */
export const storedPackSchema = z.object({ pack: selectorPackSchema, importedAt: z.string() });
export type StoredPack = z.infer<typeof storedPackSchema>;

/**
 * "Chẩn đoán trang Zalo": per area of the page, whether its parts are found and by which candidate.
 */
export const diagnosisSchema = z.object({
  appReady: z.boolean(),
  chatOpen: z.boolean(),
  /** Name of the imported selector pack in use, if any. */
  pack: z.object({ name: z.string(), date: z.string().optional(), author: z.string().optional() }).nullable(),
  areas: z.array(
    z.object({
      /** An area id of lib/zalo's selector table (AREA_IDS). */
      area: z.string(),
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
