/** The bundled Vietnamese pack, validated once at load (a broken bundled pack is a build error, not a runtime surprise). */
import raw from './packs/default-vi.json';
import { parsePack, type RulePack } from './pack-schema';

function load(): RulePack {
  const r = parsePack(raw);
  if (!r.ok) throw new Error(`default-vi.json is invalid: ${r.error}`);
  return r.pack;
}

export const DEFAULT_PACK: RulePack = load();
