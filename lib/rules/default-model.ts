/** The bundled model, validated once at load (a broken bundled model is a build error, not a runtime surprise). */
import raw from './packs/model-vi.json';
import { compileModel, type CompiledModel } from './model/compile';
import { parseModel, type LinearModel } from './model/schema';

function load(): LinearModel {
  const r = parseModel(raw);
  if (!r.ok) throw new Error(`model-vi.json is invalid: ${r.error}`);
  return r.model;
}

export const DEFAULT_MODEL: LinearModel = load();

let compiled: CompiledModel | null = null;

/** Compiled on first use and shared by every ruleset (the table is read-only). */
export function defaultCompiledModel(): CompiledModel {
  return (compiled ??= compileModel(DEFAULT_MODEL));
}
