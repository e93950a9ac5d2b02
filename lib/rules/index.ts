/**
 * Rule engine public API. Pure TypeScript: runs in the content script, the service worker and Node.
 *
 *   const rs = compileRuleset(DEFAULT_PACK, { overrides, blocklist });   // once
 *   const flags = checkMessage(text, rs);                                // per message
 */
import { compileRuleset, type CompileOptions, type CompiledRuleset } from './engine';
import { parsePack, type RulePack } from './pack-schema';

export { checkMessage, compileRuleset } from './engine';
export type { CompiledRuleset, CompileOptions, CompiledCategory } from './engine';
export { DEFAULT_PACK } from './default-pack';
export {
  applyOverrides,
  groupOverridesSchema,
  packSchema,
  parseOverrides,
  parsePack,
  termSchema,
  type GroupOverrides,
  type PackTerm,
  type RulePack,
} from './pack-schema';
export { normalize, foldString, type NormalizedText } from './normalize';
export { REGISTRY, categoryDefinition } from './registry';
export type { Blocklist, LinkSignal } from './link-signals';
export { unverifiedLinks, type UnverifiedLink } from './unverified';
export type { Flag, Evidence } from './flag';
export type { CategoryId, Severity, SuggestedAction } from './categories';

export type ReplaceResult = { ok: true; ruleset: CompiledRuleset; pack: RulePack } | { ok: false; ruleset: CompiledRuleset; error: string };

/**
 * Validate and compile a new pack. On any error the CURRENT ruleset is returned unchanged together with a
 * message naming the failing field, so a bad import never leaves a group unprotected.
 */
export function replacePack(current: CompiledRuleset, input: unknown, options?: CompileOptions): ReplaceResult {
  const parsed = parsePack(input);
  if (!parsed.ok) return { ok: false, ruleset: current, error: parsed.error };
  try {
    return { ok: true, ruleset: compileRuleset(parsed.pack, options), pack: parsed.pack };
  } catch (e) {
    return { ok: false, ruleset: current, error: `compile: ${(e as Error).message}` };
  }
}
