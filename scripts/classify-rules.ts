/**
 * The rule engine side of `classify`, in a module of its own: scripts/classify.ts imports it on demand, so the thread
 * that only reads the input and writes the results in order never loads (or validates) the rules.
 */
import { checkMessage, compileRuleset, DEFAULT_PACK, type CompiledRuleset, type Flag } from '../lib/rules/index';
import { loadBundledBlocklistSync } from '../lib/rules/links/blocklist-node';

/** The checker classifyStream takes, for a compiled ruleset. */
export function checkWith(rs: CompiledRuleset): (text: string) => readonly Flag[] {
  return (text) => checkMessage(text, rs);
}

/** checkMessage against the bundled pack and blocklist (ZGG_NO_BLOCKLIST: without the blocklist). */
export function cliChecker(): (text: string) => readonly Flag[] {
  const blocklist = process.env.ZGG_NO_BLOCKLIST ? undefined : loadBundledBlocklistSync();
  return checkWith(compileRuleset(DEFAULT_PACK, { blocklist }));
}
