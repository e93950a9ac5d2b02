// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { logBodySchema, LOG_KINDS, LOG_ACTIONS } from '../log/schema';
import { CATEGORY_IDS } from '../rules/categories';
import { globalSettingsSchema, groupSettingsSchema } from '../settings/schema';
import { selectorPackSchema } from '../zalo/selector-pack';

/**
 * Every message between the content script, popup, dashboard and the background worker.
 * Requests are validated on receipt; a sender gets `{ ok: false, error }` rather than a throw.
 */
const memberRef = z.object({ name: z.string(), uid: z.string().optional() });

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  /** Start of a group visit: settings for the group (created with defaults), global settings, samples. */
  z.object({ type: z.literal('session.open'), threadId: z.string().min(1), name: z.string() }),
  z.object({ type: z.literal('log.append'), key: z.string().min(1).max(200), body: logBodySchema }),
  z.object({
    type: z.literal('log.query'),
    chainId: z.string().optional(),
    kinds: z.array(z.enum(LOG_KINDS)).optional(),
    limit: z.number().int().positive().max(1000).default(100),
  }),
  z.object({ type: z.literal('log.verify'), chainId: z.string().optional() }),
  z.object({ type: z.literal('strikes.get'), chainId: z.string().min(1), member: memberRef, category: z.enum(CATEGORY_IDS).optional() }),
  z.object({ type: z.literal('blocklist.lookup'), hosts: z.array(z.string()).max(200) }),
  z.object({
    type: z.literal('sample.add'),
    chainId: z.string().min(1),
    label: z.enum(['clean', 'violation']),
    text: z.string().max(5000),
    category: z.enum(CATEGORY_IDS).optional(),
  }),
  z.object({ type: z.literal('group.allowTerms'), threadId: z.string().min(1), terms: z.array(z.string().min(1)).max(50) }),
  z.object({ type: z.literal('group.save'), settings: groupSettingsSchema }),
  z.object({ type: z.literal('settings.save'), settings: globalSettingsSchema }),
  z.object({ type: z.literal('templates.list') }),
  z.object({ type: z.literal('badge.set'), count: z.number().int().nonnegative() }),
  z.object({ type: z.literal('dashboard.open'), hash: z.string().optional() }),
  z.object({ type: z.literal('selectorPack.get') }),
  /** The pack is validated by the pack store, whose errors name the field in Vietnamese. */
  z.object({ type: z.literal('selectorPack.save'), pack: z.unknown() }),
  z.object({ type: z.literal('selectorPack.clear') }),
  /** Relayed to an open Zalo tab (dashboard → background → content script). */
  z.object({ type: z.literal('zalo.diagnose') }),
  z.object({ type: z.literal('zalo.skeleton') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestInput = z.input<typeof requestSchema>;
export type RequestType = Request['type'];

/** Messages the popup (or background) sends to the Zalo tab's content script. */
export const tabRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab.status') }),
  z.object({ type: z.literal('tab.openPanel') }),
  z.object({ type: z.literal('tab.openPicker'), templateId: z.string().optional() }),
  z.object({ type: z.literal('tab.diagnose') }),
  z.object({ type: z.literal('tab.skeleton') }),
  /** The background pushes a newly imported (or removed: null) selector pack to open Zalo tabs. */
  z.object({ type: z.literal('tab.selectorPack'), pack: selectorPackSchema.nullable() }),
]);
export type TabRequest = z.infer<typeof tabRequestSchema>;

export const tabStatusSchema = z.object({
  ready: z.boolean(),
  thread: z.object({ id: z.string(), name: z.string(), isGroup: z.boolean() }).nullable(),
  checked: z.number(),
  openFlags: z.number(),
  features: z.array(z.object({ id: z.string(), state: z.enum(['ok', 'degraded', 'broken']), missing: z.array(z.string()) })),
  errors: z.array(z.string()),
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export { LOG_ACTIONS };
