import { readFileSync } from 'node:fs';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '../lib/rules/index';
const corpus = readFileSync('tests/corpus/labelled.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l).text as string);
const withM = compileRuleset(DEFAULT_PACK);
const noM = compileRuleset(DEFAULT_PACK, { model: null });
function time(rs: typeof withM) { let t0=performance.now(), c=0; while (performance.now()-t0<1500) { for (const m of corpus) { checkMessage(m, rs); c++; } } return (performance.now()-t0)*1000/c; }
time(withM); time(noM);
for (let r=0;r<3;r++) console.log('with', time(withM).toFixed(2), 'without', time(noM).toFixed(2));
