import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { FEATURES } from '@/lib/overlay/features';

const files = readdirSync('lib/overlay/features')
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));
const readme = readFileSync('README.md', 'utf8');

describe('overlay feature registry (refined-github style meta-test)', () => {
  it('every feature file is registered exactly once', () => {
    expect(FEATURES.map((f) => f.id).sort()).toEqual([...files].sort());
    expect(new Set(FEATURES.map((f) => f.id)).size).toBe(FEATURES.length);
  });

  it.each(FEATURES.map((f) => [f.id, f] as const))('%s is documented in the README with its description', (id, feature) => {
    expect(feature.description.length).toBeGreaterThan(20);
    expect(readme).toContain(`| \`${id}\` | ${feature.description} |`);
  });

  it('health and thread start before message checking, which needs the group session', () => {
    const ids = FEATURES.map((f) => f.id);
    expect(ids.indexOf('health')).toBeLessThan(ids.indexOf('check-messages'));
    expect(ids.indexOf('thread')).toBeLessThan(ids.indexOf('check-messages'));
  });
});
