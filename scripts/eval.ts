/**
 * npm run eval -- FILE.jsonl [--misses N] [--category ID]
 * Labelled lines {"id","text","expect":[...]} → per-category precision/recall/F1, clean FP rate, misses.
 */
import { readFileSync } from 'node:fs';
import { CATEGORY_IDS } from '../lib/domain/categories';
import { compileRuleset, DEFAULT_PACK } from '../lib/rules/index';
import { evaluate, parseLabelled } from '../lib/rules/evaluate';

function main(): number {
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  const limitArg = args.indexOf('--misses');
  const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity;
  const catArg = args.indexOf('--category');
  const onlyCat = catArg >= 0 ? args[catArg + 1] : undefined;
  if (files.length === 0) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl [--misses N] [--category ID]\n');
    return 2;
  }
  const rs = compileRuleset(DEFAULT_PACK);
  let status = 0;
  for (const file of files) {
    const { messages, errors } = parseLabelled(readFileSync(file === '-' ? 0 : file, 'utf8'));
    for (const e of errors) process.stderr.write(`${file}: ${e}\n`);
    if (errors.length) status = 1;
    const r = evaluate(messages, rs);
    const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
    console.log(`\n${file}: ${r.total} messages, ${r.clean} clean, exact match ${pct(r.exact / Math.max(1, r.total))}%`);
    console.log(`clean false-positive rate: ${pct(r.cleanFpRate)}% (${r.cleanFlagged}/${r.clean})`);
    console.log('category'.padEnd(18) + 'support  precision  recall     F1     FP   FN');
    for (const c of CATEGORY_IDS) {
      const s = r.perCategory[c];
      console.log(`${c.padEnd(18)}${String(s.support).padStart(7)}  ${pct(s.precision)}%  ${pct(s.recall)}% ${pct(s.f1)}% ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`);
    }
    const misses = r.misses.filter((m) => !onlyCat || m.category === onlyCat);
    if (misses.length) {
      console.log(`\nmisses (${misses.length}):`);
      for (const m of misses.slice(0, limit)) {
        console.log(`${m.kind} ${m.category.padEnd(17)} ${m.id}  got=[${m.got.join(',')}] expect=[${m.expect.join(',')}]  ${m.text}`);
      }
    }
  }
  return status;
}

process.exitCode = main();
