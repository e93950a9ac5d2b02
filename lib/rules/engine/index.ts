/**
 * The rule engine: compile a pack once (compile.ts), then per message normalise, match (match.ts), score
 * (score.ts), consult the model (model-gate.ts) and build flags (flags.ts). Category-specific reasoning lives in
 * the category modules (../categories), reached through their definitions.
 */
import { detectNumbers, type NumberSignals } from '../detectors';
import type { Flag } from '../flag';
import type { NormalizedText } from '../normalize';
import type { TermHit } from '../types';
import { linkSignals } from '../link-signals';
import { modelProbabilities } from '../model/compile';
import type { CompiledRuleset } from './compile';
import { MessageContext } from './context';
import { ruleFlag } from './flags';
import { matchMessage, type Matches } from './match';
import { modelAbove, modelFlag, modelVetoes } from './model-gate';
import { reaches, upperBound } from './score';

export { compileRuleset, type CompileOptions, type CompiledCategory, type CompiledRuleset } from './compile';
export { countTermHits } from './match';

const NO_NUMBERS: NumberSignals = { prices: [], phones: [], accounts: [] };

/** Warning context: the pack's warning words plus what categories read into their negated hits. */
function warningScore(rs: CompiledRuleset, m: Matches): number {
  let warning = m.warning;
  for (const h of m.negated) {
    const fromNegated = rs.catById.get(h.term.category)?.def.negatedWarning;
    if (fromNegated) warning += fromNegated(h);
  }
  return warning;
}

/** Can any category's terms (with every combo bonus) reach its threshold? Only asked when no signal can fire. */
function anyTermsCanFlag(rs: CompiledRuleset, byCat: Matches['byCat']): boolean {
  for (const cat of rs.categories) {
    const arr = byCat.get(cat.id);
    if (arr && arr.length > 0 && reaches(upperBound(cat, arr, false), cat.threshold)) return true;
  }
  return false;
}

const NO_HITS: readonly TermHit[] = [];

/**
 * May the message's digits give some category a signal: a price, phone or account number, or a signal a category
 * reads from digits in its own way (`digitSignals`)? A message with a time or a count alone ("8h", "lúc 15 giờ")
 * then goes through the fast exit like one without digits.
 */
function digitsSignal(rs: CompiledRuleset, n: NormalizedText, nums: NumberSignals, byCat: Matches['byCat']): boolean {
  if (!n.hasDigit) return false;
  if (nums.prices.length > 0 || nums.phones.length > 0 || nums.accounts.length > 0) return true;
  for (const cat of rs.categories) if (cat.def.digitSignals?.(n, byCat.get(cat.id) ?? NO_HITS)) return true;
  return false;
}

/**
 * Check one message. Returns at most one flag per category, in category order, with every evidence span
 * in ORIGINAL text offsets.
 */
export function checkMessage(text: string, rs: CompiledRuleset): Flag[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const sc = rs.scratch;
  const n = sc.normalizer.transient(text);
  const matches = matchMessage(rs, n);
  const warning = warningScore(rs, matches);
  const links = linkSignals(text, rs.linkOptions);
  const probs = rs.model ? modelProbabilities(n, rs.model, sc.hashes) : null;
  const nums = n.hasDigit ? detectNumbers(n.acc) : NO_NUMBERS;
  // Fast exit (most clean messages): without links or number signals no detector signal can fire, so a category
  // flags only if its positive term weights plus every combo bonus could reach its threshold, or the model
  // is confident about it.
  if (links.length === 0 && !digitsSignal(rs, n, nums, matches.byCat) && !modelAbove(rs, probs, matches.byCat) && !anyTermsCanFlag(rs, matches.byCat)) {
    return [];
  }
  const ctx = new MessageContext(rs, n, matches, warning, nums, links);
  const flags: Flag[] = [];
  for (const cat of rs.categories) {
    const rf = ruleFlag(rs, cat, ctx, text, links.length > 0);
    if (rf && modelVetoes(rs, cat, ctx, probs, rf.score ?? 0)) continue;
    const flag = rf ?? modelFlag(rs, cat, ctx, text, probs);
    if (flag) flags.push(flag);
  }
  return flags;
}
