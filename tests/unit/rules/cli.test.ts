import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';
import { classifyStream } from '../../../scripts/classify';
import { checkWith } from '../../../scripts/classify-rules';

const rs = compileRuleset(DEFAULT_PACK);

async function run(input: string): Promise<{ out: string[]; errors: string[]; result: { lines: number; errors: number } }> {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  });
  const errors: string[] = [];
  const result = await classifyStream(Readable.from([input]), sink, checkWith(rs), (m) => errors.push(m));
  return { out: out.split('\n').filter(Boolean), errors, result };
}

describe('classify CLI core', () => {
  it('writes one line per valid input, in order, with category/clause/severity/evidence', async () => {
    const { out, errors } = await run(
      [
        JSON.stringify({ id: 'a', text: 'Nhận ghi lô, đề, xiên, trả thưởng nhanh' }),
        JSON.stringify({ id: 'b', text: 'Họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa.' }),
        JSON.stringify({ id: 7, text: 'Bấm vào cutt.ly/qua-tang để nhận quà' }),
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 7]);
    expect(rows[0].flags[0]).toMatchObject({ category: 'gambling-fortune', clause: 'III.2(4)' });
    expect(['low', 'medium', 'high']).toContain(rows[0].flags[0].severity);
    expect(rows[0].flags[0].evidence).toContain('ghi lô');
    expect(rows[1].flags).toEqual([]);
    expect(rows[2].flags.map((f: { category: string }) => f.category)).toEqual(['strange-link', 'scam']);
  });

  it.each([
    ['not json', 'line 2: invalid JSON'],
    ['{"id":"x","text":5}', 'line 2: "text" must be a string'],
    ['{"id":"x"}', 'line 2: "text" must be a string'],
    ['[1,2]', 'line 2: expected an object'],
  ])('reports %s with its line number and keeps going', async (bad, msg) => {
    const { out, errors, result } = await run(['{"id":"1","text":"Mày ngu thế"}', bad, '{"id":"3","text":"vcl"}'].join('\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(msg);
    expect(result.errors).toBe(1);
    expect(out.map((l) => JSON.parse(l).id)).toEqual(['1', '3']);
  });

  it('skips blank lines silently', async () => {
    const { out, errors } = await run('\n\n{"id":"1","text":"ok"}\n\n');
    expect(errors).toEqual([]);
    expect(out).toHaveLength(1);
  });
});
