import { readFileSync } from 'node:fs';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '../lib/rules/index';
const rs = compileRuleset(DEFAULT_PACK);
for (const f of process.argv.slice(2)) {
  for (const l of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
    const o = JSON.parse(l) as { id: string; text: string; expect: string[] };
    const flags = checkMessage(o.text, rs);
    const extra = flags.filter((x) => !o.expect.includes(x.category));
    if (extra.length) console.log(`${o.id} [${o.expect.join(',')}] +${extra.map((x) => `${x.category}(${x.ruleId ?? ''}: ${x.evidence.map((e) => e.text).join('|')})`).join(' ')}\n   ${o.text.slice(0, 220)}`);
  }
}
