// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { CATEGORY_IDS, SEVERITIES } from '../rules/categories';

/** Steps of the escalation ladder, in the words of the regulation ("nhắc nhở" … "mời ra khỏi nhóm"). */
export const LADDER_STEPS = ['remind', 'warn', 'propose-removal'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

const categoryId = z.enum(CATEGORY_IDS);

export const ladderSettingsSchema = z.object({
  /** Step for the 1st, 2nd, 3rd… confirmed violation; past the end the last step repeats. */
  steps: z.array(z.enum(LADDER_STEPS)).min(1).default(['remind', 'warn', 'propose-removal']),
  /**
   * III.2 says every listed act "sẽ bị mời ra khỏi nhóm ngay lập tức"; villages usually start with a
   * reminder, so only these categories go straight to the removal proposal by default.
   */
  immediateCategories: z.array(categoryId).default(['scam', 'classified-info']),
  /** Strikes older than this many days no longer count; 0 = they never expire. */
  strikeWindowDays: z.number().int().nonnegative().default(0),
});
export type LadderSettings = z.infer<typeof ladderSettingsSchema>;

export const redactionSettingsSchema = z.object({
  phones: z.boolean().default(true),
  /** CCCD/CMND numbers and bank account numbers next to "stk/tk/số tài khoản". */
  idNumbers: z.boolean().default(true),
});
export type RedactionSettings = z.infer<typeof redactionSettingsSchema>;

export const globalSettingsSchema = z.object({
  adminName: z.string().trim().max(100).default(''),
  language: z.enum(['vi', 'en']).default('vi'),
  /** Days to keep message text snapshots; 0 = keep forever. The hash chain itself is never pruned. */
  retentionDays: z.number().int().nonnegative().default(365),
  redaction: redactionSettingsSchema.prefault({}),
  ladder: ladderSettingsSchema.prefault({}),
});
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;
export type GlobalSettingsInput = z.input<typeof globalSettingsSchema>;

const term = z.string().trim().min(1).max(200);
/** Bare host names ("vneid.gov.vn"); the URL checks match sub-domains. */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]{2,}$/, 'phải là tên miền, ví dụ vneid.gov.vn');

export const groupOverridesSchema = z.object({
  extraTerms: z.partialRecord(categoryId, z.array(term)).default({}),
  allowedTerms: z.array(term).default([]),
  disabledCategories: z.array(categoryId).default([]),
  severity: z.partialRecord(categoryId, z.enum(SEVERITIES)).default({}),
  allowDomains: z.array(domain).default([]),
  blockDomains: z.array(domain).default([]),
});
export type GroupOverrides = z.infer<typeof groupOverridesSchema>;

export const groupSettingsSchema = z.object({
  threadId: z.string().min(1),
  name: z.string().default(''),
  enabled: z.boolean().default(true),
  thon: z.string().default(''),
  xa: z.string().default(''),
  tinh: z.string().default(''),
  /** Team leader and contact phone, filled into notices ({to_truong}, {sdt}). */
  leaderName: z.string().trim().max(100).default(''),
  leaderPhone: z.string().trim().max(30).default(''),
  overrides: groupOverridesSchema.prefault({}),
  /** Per-group ladder; absent = use the global ladder. */
  ladder: ladderSettingsSchema.optional(),
});
export type GroupSettings = z.infer<typeof groupSettingsSchema>;
export type GroupSettingsInput = z.input<typeof groupSettingsSchema>;

export const DEFAULT_GLOBAL_SETTINGS: GlobalSettings = globalSettingsSchema.parse({});

export function defaultGroupSettings(threadId: string, name = ''): GroupSettings {
  return groupSettingsSchema.parse({ threadId, name });
}

/** The ladder that applies in a group. */
export function effectiveLadder(global: GlobalSettings, group?: Pick<GroupSettings, 'ladder'>): LadderSettings {
  return group?.ladder ?? global.ladder;
}
