#!/usr/bin/env node
/**
 * node scripts/identity-inputs.mjs OUTDIR
 *
 * Writes the generated inputs scripts/identity-check.sh compares on: the bench's 100k lines (as `npm run bench --
 * rules` builds them) and a deterministic mutated set built from the development corpora (diacritics stripped,
 * NFD, upper case, digit/symbol-for-letter swaps, spaced letters, links and numbers added, bad lines), so a
 * precheck that skips work must agree with the full path on text the corpora do not hold as written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/identity-inputs.mjs OUTDIR');
const root = new URL('..', import.meta.url).pathname;

// The bench messages, read from the bench itself so the two never drift apart.
const benchSrc = readFileSync(join(root, 'scripts/bench-rules.ts'), 'utf8');
const samples = [...benchSrc.slice(benchSrc.indexOf('SAMPLES = ['), benchSrc.indexOf('];', benchSrc.indexOf('SAMPLES = ['))).matchAll(/^\s+'(.*)',$/gm)].map((m) => m[1]);
if (samples.length < 5) throw new Error('bench SAMPLES not found');
let big = '';
for (let i = 0; i < 100000; i++) big += JSON.stringify({ id: `m${i}`, text: `${samples[i % samples.length]} #${i}` }) + '\n';
writeFileSync(join(out, 'bench100k.jsonl'), big);

// Sources: development corpora only (the unseen sets are compared as they are, never mutated or printed).
const sources = ['labelled', 'extra', 'fresh', 'fresh2', 'fresh3', 'holdout', 'links', 'transactional-unseen'];
const texts = [];
for (const s of sources) {
  for (const l of readFileSync(join(root, 'tests/corpus', `${s}.jsonl`), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const t = JSON.parse(l).text;
    if (typeof t === 'string') texts.push(t);
  }
}
let x = 12345;
const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff), x / 0x7fffffff);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const strip = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const leet = (t) => t.replace(/[oaeil]/g, (c) => (rnd() < 0.4 ? { o: '0', a: '@', e: '3', i: '1', l: '1' }[c] : c));
const spaced = (t) => t.replace(/\S{4,9}/, (w) => w.split('').join(pick([' ', '.', '-'])));
const links = ['http://bit.ly/3xYz9', 'https://vneid-hotro.net/login', 'www.google.com', 'zalo.me/g/abcd123', 'https://thuvienphapluat.vn/van-ban', 'tai-app.xyz/nhan-qua', 'https://192.168.1.10/a.apk', 'shopee.vn/sp/123', 'xn--vietcmbank-abc.com', 'forms.gle/AbCdE'];
const nums = ['0968123456', '0968.123.456', '500k', '1.500.000đ', 'STK 1903 5678 9012', '+84 912 345 678', 'lô 27', '8h30', '39-93', 'số dư 12.000.000 VND'];
const muts = [
  (t) => strip(t),
  (t) => t.normalize('NFD'),
  (t) => t.toUpperCase(),
  (t) => leet(t),
  (t) => spaced(t),
  (t) => `${t} ${pick(links)}`,
  (t) => `${pick(links)} ${t}`,
  (t) => `${t} ${pick(nums)}`,
  (t) => strip(`${t} ${pick(nums)} ${pick(links)}`),
  (t) => t.slice(0, Math.floor(t.length * rnd())),
  (t) => t.replace(/\s+/g, ''),
  (t) => leet(strip(t)),
];
let mut = '';
let id = 0;
for (const t of texts) for (const m of muts) if (rnd() < 0.5) mut += JSON.stringify({ id: `x${id++}`, text: m(t) }) + '\n';
mut += '{"id":"bad1","text":5}\nnot json\n{"id":"bad2"}\n\n[1,2]\n{"text":""}\n';
writeFileSync(join(out, 'mutated.jsonl'), mut);
