/**
 * npx tsx scripts/identity-dump.ts ROOT OUT FILE.jsonl…
 *
 * Writes every field of checkMessage's result (spans, actions, scores, explanations; more than classify prints)
 * for each line's text, with ROOT's rule engine and the bundled blocklist, one JSON line per input line. Used by
 * scripts/identity-check.sh to compare this tree's engine against another revision's.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Check = (text: string) => unknown;

async function main(): Promise<void> {
  const [root, outFile, ...files] = process.argv.slice(2);
  const rules = (await import(pathToFileURL(resolve(root, 'lib/rules/index.ts')).href)) as {
    compileRuleset: (p: unknown, o: unknown) => unknown;
    checkMessage: (t: string, rs: unknown) => unknown;
    DEFAULT_PACK: unknown;
  };
  const bl = (await import(pathToFileURL(resolve(root, 'lib/rules/links/blocklist-node.ts')).href)) as { loadBundledBlocklistSync: () => unknown };
  const rs = rules.compileRuleset(rules.DEFAULT_PACK, { blocklist: bl.loadBundledBlocklistSync() });
  const check: Check = (t) => rules.checkMessage(t, rs);
  const out = createWriteStream(outFile);
  for (const f of files) {
    for (const l of readFileSync(f, 'utf8').split('\n')) {
      let text: unknown;
      try {
        text = (JSON.parse(l) as { text?: unknown }).text;
      } catch {
        continue;
      }
      if (typeof text === 'string') out.write(JSON.stringify(check(text)) + '\n');
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}

void main();
