// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { CATEGORY_IDS, SEVERITIES, SUGGESTED_ACTIONS } from './categories';

/** A span of the ORIGINAL message text (UTF-16 offsets into the text given to checkMessage). */
export const evidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const flagSchema = z.object({
  category: z.enum(CATEGORY_IDS),
  /** Clause of the regulation, e.g. "III.2(2)". */
  clause: z.string(),
  severity: z.enum(SEVERITIES),
  action: z.enum(SUGGESTED_ACTIONS),
  evidence: z.array(evidenceSchema),
  /** One Vietnamese sentence saying why. */
  explanation: z.string(),
  /** Which rule/signal fired (for rule authors and "allow this term"). */
  ruleId: z.string().optional(),
  score: z.number().optional(),
});
export type Flag = z.infer<typeof flagSchema>;
