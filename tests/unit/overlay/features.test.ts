import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { FEATURES } from '@/lib/overlay/features';
import { createOverlay } from '@/lib/overlay/overlay';
import { createStore, initialOverlayState } from '@/lib/overlay/store';
import { createT } from '@/lib/i18n';

const files = readdirSync('lib/overlay/features')
  .filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')
  .map((f) => f.replace(/\.tsx?$/, ''));
const readme = readFileSync('README.md', 'utf8');

function overlay() {
  return createOverlay(FEATURES, {
    doc: document,
    store: createStore(initialOverlayState),
    t: createT('vi'),
    send: () => Promise.reject(new Error('no background in this test')),
    enqueueLog: () => undefined,
    copyToClipboard: async () => false,
  });
}

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

  it('no two features (or a feature and the panel) provide the same action', () => {
    const { core } = overlay();
    const owners = new Map<string, string>(Object.keys(core.ui).map((k) => [k, 'panel']));
    for (const f of FEATURES) {
      const provided: object = f.actions?.(core) ?? {};
      for (const name of Object.keys(provided)) {
        expect(owners.get(name), `${name} from ${f.id}`).toBeUndefined();
        owners.set(name, f.id);
      }
    }
    // What the UI calls exists at run time, not only in the type.
    const { actions } = overlay();
    for (const name of ['togglePanel', 'record', 'remind', 'strikes', 'insertTemplate', 'pinLastSent', 'listTemplates']) {
      expect(typeof (actions as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('panel sections come from the features that own them, in registry order', () => {
    expect(overlay().sections.map((s) => s.id)).toEqual(['pinned-rules', 'group-health']);
  });
});
