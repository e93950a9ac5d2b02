// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { logBodySchema, logEntrySchema, LOG_KINDS, LOG_ACTIONS } from '../log/schema';
import { CATEGORY_IDS } from '../domain/categories';
import { domainSchema, globalSettingsSchema, groupSettingsSchema, LADDER_STEPS } from '../settings/schema';
import { diagnosisSchema, selectorPackSchema, storedPackSchema } from './zalo-page';
import { PAGE_FACT_ITEMS } from '../health/checklist';

/**
 * Every message between the content script, popup, dashboard and the background worker, as one map
 * from request type to { request fields, reply }. Both directions are zod schemas: the receiver
 * validates the request, the sender validates the reply (lib/messages/client.ts), so a reply type is
 * never written by hand at a call site. A failure travels as `{ ok: false, error }`, never a throw.
 */

type Shape = z.ZodRawShape;
type Entry = { request: Shape; reply: z.ZodType };
/** The map with each request completed by its `type` literal (the map key). */
export type Protocol<M extends Record<string, Entry>> = {
  [K in keyof M & string]: { request: z.ZodObject<{ type: z.ZodLiteral<K> } & M[K]['request']>; reply: M[K]['reply'] };
};

function defineProtocol<const M extends Record<string, Entry>>(map: M): Protocol<M> {
  const out: Record<string, { request: z.ZodObject; reply: z.ZodType }> = {};
  for (const [type, entry] of Object.entries(map)) {
    out[type] = { request: z.object({ type: z.literal(type), ...entry.request }), reply: entry.reply };
  }
  // The loop above builds exactly the mapped type; TypeScript cannot follow Object.entries.
  return out as Protocol<M>;
}

/** A discriminated union over every request of a protocol (validated on receipt by the router). */
function requestUnion<P extends Record<string, { request: z.ZodObject }>>(
  protocol: P,
): z.ZodDiscriminatedUnion<[P[keyof P]['request'], ...P[keyof P]['request'][]], 'type'> {
  // Object.values loses the tuple type discriminatedUnion wants; the map is never empty.
  const options = Object.values(protocol).map((m) => m.request) as [z.ZodObject, ...z.ZodObject[]];
  return z.discriminatedUnion('type', options) as z.ZodDiscriminatedUnion<[P[keyof P]['request'], ...P[keyof P]['request'][]], 'type'>;
}

// ---- Shapes that cross the boundary -------------------------------------------------------------

export const memberRefSchema = z.object({ name: z.string(), uid: z.string().optional() });

/** What the background hands a content script when a group is opened. */
export const sessionDataSchema = z.object({
  global: globalSettingsSchema,
  group: groupSettingsSchema,
  /** Learned samples as MinHash signatures (lib/moderation/similarity). */
  samples: z.array(
    z.object({ kind: z.enum(['clean', 'violation']), category: z.enum(CATEGORY_IDS).optional(), signature: z.array(z.number()) }),
  ),
});
export type SessionData = z.infer<typeof sessionDataSchema>;

/** A member's confirmed strikes (newest first) and the ladder step the next decision should take. */
export const strikeInfoSchema = z.object({
  count: z.number().int().nonnegative(),
  entries: z.array(
    z.object({
      time: z.string(),
      category: z.enum(CATEGORY_IDS).optional(),
      action: z.enum(LOG_ACTIONS).optional(),
      seq: z.number().int(),
    }),
  ),
  nextStep: z.enum(LADDER_STEPS),
  similarity: z.number().optional(),
});
export type StrikeInfo = z.infer<typeof strikeInfoSchema>;

/** A domain blocklist's answer for one host; null = on no list. */
export const hostHitSchema = z.object({ list: z.string(), matched: z.string(), kind: z.string().optional() }).nullable();
export type HostHit = z.infer<typeof hostHitSchema>;

const chainReportSchema = z.object({
  chainId: z.string(),
  ok: z.boolean(),
  entries: z.number(),
  head: z.string().nullable(),
  purgedTexts: z.number(),
  problems: z.array(z.object({ seq: z.number(), reason: z.string() })),
});

const templateRowSchema = z.object({ id: z.string(), json: z.string(), updatedAt: z.string() });

// ---- Content script / popup / dashboard → background --------------------------------------------

export const BACKGROUND_PROTOCOL = defineProtocol({
  ping: { request: {}, reply: z.object({ pong: z.literal(true), at: z.string() }) },
  /** Start of a group visit: settings for the group (created with defaults), global settings, samples. */
  'session.open': { request: { threadId: z.string().min(1), name: z.string() }, reply: sessionDataSchema },
  'log.append': {
    request: { key: z.string().min(1).max(200), body: logBodySchema },
    reply: z.object({ seq: z.number().int().positive(), deduped: z.boolean() }),
  },
  'log.query': {
    request: {
      chainId: z.string().optional(),
      kinds: z.array(z.enum(LOG_KINDS)).optional(),
      limit: z.number().int().positive().max(1000).default(100),
    },
    reply: z.array(logEntrySchema),
  },
  'log.verify': { request: { chainId: z.string().optional() }, reply: z.array(chainReportSchema) },
  'strikes.get': {
    request: { chainId: z.string().min(1), member: memberRefSchema, category: z.enum(CATEGORY_IDS).optional() },
    reply: strikeInfoSchema,
  },
  'blocklist.lookup': { request: { hosts: z.array(z.string()).max(200) }, reply: z.record(z.string(), hostHitSchema) },
  'sample.add': {
    request: {
      chainId: z.string().min(1),
      label: z.enum(['clean', 'violation']),
      text: z.string().max(5000),
      category: z.enum(CATEGORY_IDS).optional(),
    },
    reply: z.object({ added: z.boolean() }),
  },
  'group.allowTerms': {
    request: { threadId: z.string().min(1), terms: z.array(z.string().min(1)).max(50) },
    reply: groupSettingsSchema,
  },
  /** "Tin cậy tên miền này cho nhóm" on an unverified link: add it to the group's allow list and log who did it. */
  'group.trustDomain': {
    request: { key: z.string().min(1).max(200), threadId: z.string().min(1), domain: domainSchema, body: logBodySchema },
    reply: z.object({ group: groupSettingsSchema, seq: z.number().int().positive(), deduped: z.boolean() }),
  },
  /** Thôn/xã/tỉnh the admin typed into a template: kept for the group where its settings are still empty. */
  'group.fillPlace': {
    request: {
      threadId: z.string().min(1),
      place: z.object({ thon: z.string().trim().max(100), xa: z.string().trim().max(100), tinh: z.string().trim().max(100) }).partial(),
    },
    reply: groupSettingsSchema,
  },
  'group.save': { request: { settings: groupSettingsSchema }, reply: groupSettingsSchema },
  'settings.save': { request: { settings: globalSettingsSchema }, reply: globalSettingsSchema },
  'templates.list': { request: {}, reply: z.array(templateRowSchema) },
  'badge.set': { request: { count: z.number().int().nonnegative() }, reply: z.literal(true) },
  'dashboard.open': { request: { hash: z.string().optional() }, reply: z.literal(true) },
  /** The imported selector pack, or null. */
  'selectorPack.get': { request: {}, reply: storedPackSchema.nullable() },
  /** The pack is validated by the pack store, whose errors name the field in Vietnamese. */
  'selectorPack.save': { request: { pack: z.unknown() }, reply: storedPackSchema },
  'selectorPack.clear': { request: {}, reply: z.literal(true) },
  /** Relayed to an open Zalo tab (dashboard → background → content script); null when none is open. */
  'zalo.diagnose': { request: {}, reply: diagnosisSchema.nullable() },
  'zalo.skeleton': { request: {}, reply: z.string().nullable() },
  /** Member names the panel read from Zalo's member list, for the group's household roster coverage. */
  'health.members': {
    request: {
      threadId: z.string().min(1),
      names: z.array(z.string().trim().min(1).max(200)).max(20_000),
      /** False when the list could not be read to its end (cancelled, stuck, fewer rows than the heading). */
      complete: z.boolean(),
      headerCount: z.number().int().nonnegative().optional(),
    },
    reply: z.object({ count: z.number().int().nonnegative() }),
  },
  /** What the panel read on the page about the group's setup; each fact ticks (or unticks) its checklist item, dated. */
  'health.pageFacts': {
    request: {
      threadId: z.string().min(1),
      facts: z.partialRecord(z.enum(PAGE_FACT_ITEMS), z.boolean()),
    },
    reply: z.literal(true),
  },
});

export const requestSchema = requestUnion(BACKGROUND_PROTOCOL);
export type Request = z.infer<typeof requestSchema>;
export type RequestInput = z.input<typeof requestSchema>;
export type RequestType = Request['type'];
/** A request of one type, as the handler receives it (defaults applied). */
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;
/** What the background answers to a request of type K, as the sender receives it. */
export type ReplyOf<K extends RequestType> = z.output<(typeof BACKGROUND_PROTOCOL)[K]['reply']>;

// ---- Popup / background → the Zalo tab's content script -----------------------------------------

/** One area of Zalo's page (lib/zalo AREA_IDS) as the status chip and popup show it. */
export const areaSummarySchema = z.object({
  id: z.string(),
  state: z.enum(['ok', 'degraded', 'broken']),
  missing: z.array(z.string()),
});
export type AreaSummary = z.infer<typeof areaSummarySchema>;

export const tabStatusSchema = z.object({
  ready: z.boolean(),
  thread: z.object({ id: z.string(), name: z.string(), isGroup: z.boolean() }).nullable(),
  checked: z.number(),
  openFlags: z.number(),
  areas: z.array(areaSummarySchema),
  errors: z.array(z.string()),
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

export const TAB_PROTOCOL = defineProtocol({
  'tab.status': { request: {}, reply: tabStatusSchema },
  'tab.openPanel': { request: {}, reply: z.literal(true) },
  'tab.openPicker': { request: { templateId: z.string().optional() }, reply: z.literal(true) },
  'tab.diagnose': { request: {}, reply: diagnosisSchema },
  /** The page skeleton as JSON text (no message text, names or digits). */
  'tab.skeleton': { request: {}, reply: z.string() },
  /** The background pushes a newly imported (or removed: null) selector pack to open Zalo tabs; reply: candidates applied. */
  'tab.selectorPack': { request: { pack: selectorPackSchema.nullable() }, reply: z.number().int().nonnegative() },
});

export const tabRequestSchema = requestUnion(TAB_PROTOCOL);
export type TabRequest = z.infer<typeof tabRequestSchema>;
export type TabRequestType = TabRequest['type'];
export type TabReplyOf<K extends TabRequestType> = z.output<(typeof TAB_PROTOCOL)[K]['reply']>;

/** Handlers for a protocol: each returns its reply (what the reply schema accepts), sync or async. */
export type HandlersOf<P extends Record<string, { request: z.ZodObject; reply: z.ZodType }>, Ctx> = {
  [K in keyof P & string]: (
    req: z.output<P[K]['request']>,
    ctx: Ctx,
  ) => z.input<P[K]['reply']> | PromiseLike<z.input<P[K]['reply']>>;
};

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };
