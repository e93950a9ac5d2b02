/**
 * Known-good links: widely used Vietnamese sites and restricted second-level suffixes, kept as data in
 * data/known-good.json (source in data/README.md). A known-good host gets no heuristic finding and no
 * "unverified" chip; it is not an impersonation target (that is official-domains.ts), so a lookalike of a
 * shop here is judged like any other host.
 */
import * as z from 'zod';
import raw from './data/known-good.json';
import { hostOrParentIn, normaliseHost } from './host';

const hostEntry = z
  .string()
  .refine((s) => normaliseHost(s) === s, { message: 'phải là tên miền viết thường, không có giao thức hay đường dẫn' });

export const knownGoodSchema = z.object({
  schema: z.literal('zgg-known-good/1'),
  updated: z.string().regex(/^\d{4}-\d{2}$/),
  /** Public suffixes whose registration VNNIC restricts to one kind of body, with the reason. */
  suffixes: z.record(hostEntry, z.string().min(1)),
  /** Groups of registrable domains (or subdomains), by kind of site. */
  groups: z.record(z.string().min(1), z.array(hostEntry).min(1)),
  /** "host/path" prefixes on hosts that are otherwise shorteners (goo.gl/maps is Google Maps itself). */
  paths: z.array(z.string().regex(/^[a-z0-9.-]+\/[a-z0-9/_-]+$/)).default([]),
});
export type KnownGoodData = z.infer<typeof knownGoodSchema>;

export interface KnownGood {
  has(host: string, path: string): boolean;
  readonly size: number;
}

export function compileKnownGood(data: KnownGoodData): KnownGood {
  const hosts = new Set<string>([...Object.keys(data.suffixes), ...Object.values(data.groups).flat()]);
  const paths = data.paths.map((p) => {
    const slash = p.indexOf('/');
    return { host: p.slice(0, slash), prefix: p.slice(slash) };
  });
  return {
    size: hosts.size + paths.length,
    has(host, path) {
      if (hostOrParentIn(host, hosts)) return true;
      for (const p of paths) if (host === p.host && (path === p.prefix || path.startsWith(`${p.prefix}/`))) return true;
      return false;
    },
  };
}

/** The bundled list; a malformed file fails loudly at load (and in its unit test), never silently empty. */
export const KNOWN_GOOD: KnownGood = compileKnownGood(knownGoodSchema.parse(raw));
