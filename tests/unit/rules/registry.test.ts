import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, SEVERITIES, SUGGESTED_ACTIONS } from '@/lib/domain/categories';
import { DEFAULT_PACK } from '@/lib/rules/default-pack';
import { REGISTRY } from '@/lib/rules/registry';

const readme = readFileSync(resolve(__dirname, '../../../lib/rules/README.md'), 'utf8');
const EXPECTED_CLAUSE: Record<string, string> = {
  'classified-info': 'III.2(1)',
  'unverified-news': 'III.2(1)',
  'strange-link': 'III.2(2)',
  scam: 'III.2(2)',
  'sensitive-topic': 'III.2(3)',
  advertising: 'III.2(4)',
  'gambling-fortune': 'III.2(4)',
  'abusive-language': 'III.2(5)',
};

describe('category registry (meta)', () => {
  it('registers every CATEGORY_ID exactly once, in order', () => {
    expect(REGISTRY.map((d) => d.id)).toEqual([...CATEGORY_IDS]);
  });

  it.each(CATEGORY_IDS.map((id) => [id]))('%s is documented, mapped to its clause and has actions', (id) => {
    const def = REGISTRY.find((d) => d.id === id);
    expect(def).toBeDefined();
    if (!def) return;
    expect(def.clause).toBe(EXPECTED_CLAUSE[id]);
    expect(def.label.length).toBeGreaterThan(3);
    expect(def.explanation).toMatch(/[ăâđêôơưáàảãạ]/); // Vietnamese
    expect(def.explanation.trim().endsWith('.')).toBe(true);
    expect(readme).toContain('`' + id + '`');
    expect(SEVERITIES).toContain(def.defaultSeverity);
    for (const s of SEVERITIES) expect(SUGGESTED_ACTIONS).toContain(def.actions[s]);
    const cfg = DEFAULT_PACK.categories[id];
    expect(cfg?.clause).toBe(EXPECTED_CLAUSE[id]);
    expect(cfg?.enabled).toBe(true);
  });

  it('scams and classified info suggest removal, mild ads only a reminder', () => {
    const byId = Object.fromEntries(REGISTRY.map((d) => [d.id, d]));
    expect(byId.scam.actions.high).toBe('propose-removal');
    expect(byId['classified-info'].actions.high).toBe('propose-removal');
    expect(byId.advertising.actions.low).toBe('remind');
  });
});
