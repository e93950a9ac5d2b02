/**
 * npm run --silent classify -- FILE.jsonl   (or "-" for stdin)
 * Input lines {"id","text"} → output lines {"id","flags":[{"category","clause","severity","evidence":[...]}]}, same order.
 * A malformed line is reported on stderr with its line number, skipped, and the exit status becomes 1.
 */
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { checkMessage, compileRuleset, DEFAULT_PACK, type CompiledRuleset, type Flag } from '../lib/rules/index';
import { loadBundledBlocklistSync } from '../lib/rules/links/blocklist-node';

export interface ClassifyResult {
  lines: number;
  errors: number;
}

const EMPTY_FLAGS = '[]';

/** The checker classifyStream takes, for a compiled ruleset. */
export function checkWith(rs: CompiledRuleset): (text: string) => readonly Flag[] {
  return (text) => checkMessage(text, rs);
}

/** One output line, written by hand: category/clause/severity are known-safe ASCII ids, only free text is escaped. */
function outputLine(id: unknown, text: string, check: (text: string) => readonly Flag[]): string {
  const flags = check(text);
  let f = EMPTY_FLAGS;
  if (flags.length > 0) {
    f = '[';
    for (let i = 0; i < flags.length; i++) {
      const fl = flags[i];
      if (i > 0) f += ',';
      f += `{"category":"${fl.category}","clause":${JSON.stringify(fl.clause)},"severity":"${fl.severity}","evidence":[`;
      for (let k = 0; k < fl.evidence.length; k++) f += (k > 0 ? ',' : '') + JSON.stringify(fl.evidence[k].text);
      f += ']}';
    }
    f += ']';
  }
  return `{"id":${id === undefined ? 'null' : JSON.stringify(id)},"flags":${f}}\n`;
}

/**
 * Stream JSONL from `input` to `output`; errors go to `onError`. Lines are split by hand and output is written in
 * batches. `check` is checkMessage against a ruleset (`checkWith`), or any other checker (the benchmark passes one
 * that flags nothing to time the reading and writing alone).
 */
export async function classifyStream(
  input: Readable,
  output: Writable,
  check: (text: string) => readonly Flag[],
  onError: (msg: string) => void,
): Promise<ClassifyResult> {
  let lineNo = 0;
  let errors = 0;
  let buf = '';
  const flush = async () => {
    if (!buf) return;
    const chunk = buf;
    buf = '';
    if (!output.write(chunk)) await new Promise<void>((r) => output.once('drain', () => r()));
  };
  const handle = (raw: string) => {
    lineNo++;
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      errors++;
      onError(`line ${lineNo}: invalid JSON`);
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      errors++;
      onError(`line ${lineNo}: expected an object {"id","text"}`);
      return;
    }
    const rec = obj as { id?: unknown; text?: unknown };
    if (typeof rec.text !== 'string') {
      errors++;
      onError(`line ${lineNo}: "text" must be a string`);
      return;
    }
    buf += outputLine(rec.id ?? null, rec.text, check);
  };
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const data = rest + chunk;
    let from = 0;
    let nl = data.indexOf('\n');
    while (nl >= 0) {
      handle(data.slice(from, nl));
      from = nl + 1;
      nl = data.indexOf('\n', from);
    }
    rest = data.slice(from);
    if (buf.length > 1 << 16) await flush();
  }
  if (rest !== '') handle(rest);
  await flush();
  return { lines: lineNo, errors };
}

/** Entry point (scripts/cli.mjs runs it from a bundle; `tsx scripts/classify.ts` runs it directly). */
export async function main(args: readonly string[] = process.argv.slice(2)): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write('usage: npm run --silent classify -- FILE.jsonl   ("-" reads stdin)\n');
    return 2;
  }
  const input = file === '-' ? process.stdin : createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    else input.once('open', () => resolve()).once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const blocklist = process.env.ZGG_NO_BLOCKLIST ? undefined : loadBundledBlocklistSync();
  const rs = compileRuleset(DEFAULT_PACK, { blocklist });
  const r = await classifyStream(input, process.stdout, checkWith(rs), (m) => process.stderr.write(m + '\n'));
  return r.errors > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`classify failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
