// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { CATEGORY_IDS, SEVERITIES } from '../domain/categories';
import { LADDER_STEPS } from '../domain/ladder';

export { LADDER_STEPS, type LadderStep } from '../domain/ladder';

const categoryId = z.enum(CATEGORY_IDS);
/** Day counts beyond ten years are typing mistakes, not policies. */
export const MAX_DAYS = 3650;
/** A place name (thôn, xã, tỉnh): short free text. */
const placeName = z.string().trim().max(100).default('');

export const ladderSettingsSchema = z.object({
  /** Step for the 1st, 2nd, 3rd… confirmed violation; past the end the last step repeats. */
  steps: z.array(z.enum(LADDER_STEPS)).min(1).default(['remind', 'warn', 'propose-removal']),
  /**
   * III.2 says every listed act "sẽ bị mời ra khỏi nhóm ngay lập tức"; villages usually start with a
   * reminder, so only these categories go straight to the removal proposal by default.
   */
  immediateCategories: z.array(categoryId).default(['scam', 'classified-info']),
  /** Strikes older than this many days no longer count; 0 = they never expire. At most 10 years. */
  strikeWindowDays: z.number().int().min(0).max(MAX_DAYS).default(0),
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
  retentionDays: z.number().int().min(0).max(MAX_DAYS).default(365),
  /** The admin's own thôn/xã/tỉnh from the first-run setup: a group first seen starts from it. */
  place: z.object({ thon: placeName, xa: placeName, tinh: placeName }).prefault({}),
  redaction: redactionSettingsSchema.prefault({}),
  ladder: ladderSettingsSchema.prefault({}),
});
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;
export type GlobalSettingsInput = z.input<typeof globalSettingsSchema>;

const term = z.string().trim().min(1).max(200);
/** Bare host names ("vneid.gov.vn"); the URL checks match sub-domains. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]{2,}$/, 'phải là tên miền, ví dụ vneid.gov.vn');

/** 0 + 9–10 digits, or +84/84 + 9–10 digits, once spaces, dots and dashes are removed. */
const PHONE = /^(?:\+?84|0)\d{9,10}$/;

export const groupOverridesSchema = z.object({
  extraTerms: z.partialRecord(categoryId, z.array(term)).default({}),
  allowedTerms: z.array(term).default([]),
  disabledCategories: z.array(categoryId).default([]),
  severity: z.partialRecord(categoryId, z.enum(SEVERITIES)).default({}),
  allowDomains: z.array(domainSchema).default([]),
  blockDomains: z.array(domainSchema).default([]),
  /** The group's own invite links (zalo.me/g/…): not flagged as an invite to another group. */
  ownInvites: z.array(z.string().trim().regex(/^(?:https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}\/\S+$/i, 'phải là liên kết mời nhóm, ví dụ zalo.me/g/abc123')).optional(),
});
export type GroupOverrides = z.infer<typeof groupOverridesSchema>;

export const groupSettingsSchema = z.object({
  threadId: z.string().min(1),
  name: z.string().default(''),
  enabled: z.boolean().default(true),
  thon: placeName,
  xa: placeName,
  tinh: placeName,
  /** Team leader and contact phone, filled into notices ({to_truong}, {sdt}). */
  leaderName: z.string().trim().max(100).default(''),
  leaderPhone: z
    .string()
    .trim()
    .max(30)
    .refine((v) => v === '' || PHONE.test(v.replace(/[\s.()-]/g, '')), 'phải là số điện thoại Việt Nam, ví dụ 0912 345 678')
    .default(''),
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

/**
 * What a person may save from a form or an import: the stored shape plus the rules that stored rows
 * from older versions may not meet yet (a name is required so reports are never blank).
 */
export const globalSettingsFormSchema = globalSettingsSchema.extend({
  adminName: z.string().trim().min(1).max(100),
});
export const groupSettingsFormSchema = groupSettingsSchema.extend({
  name: z.string().trim().min(1).max(200),
});
