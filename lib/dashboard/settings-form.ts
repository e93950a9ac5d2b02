/** Textareas hold lists one item per line; blank lines and repeats are dropped, order kept. */
export function linesToList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const v = raw.trim();
    if (v && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

export function listToLines(list: readonly string[] | undefined): string {
  return (list ?? []).join('\n');
}

/**
 * "overrides.blockDomains[2]" → { field: "overrides.blockDomains", line: 3 }: which form control an
 * error belongs to, and which line of a list textarea (1-based) holds the bad value.
 */
export function errorField(path: string): { field: string; line?: number } {
  const m = /^(.*?)\[(\d+)\](?:\.|$)/.exec(path);
  if (m) return { field: m[1], line: Number(m[2]) + 1 };
  return { field: path };
}

/** Number input text → integer, or undefined when empty/not a whole number (the schema then names it). */
export function parseWhole(text: string): number | undefined {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : undefined;
}
