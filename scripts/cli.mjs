#!/usr/bin/env node
/**
 * node scripts/cli.mjs <script> [args…]   (npm run classify uses this)
 *
 * Runs scripts/<script>.ts from a bundle that esbuild rebuilds only when one of its sources changed. Starting
 * through tsx transpiles every module on each start (about half a second); a bundle loads in a few tens of
 * milliseconds, which matters for a CLI that rule authors run over and over.
 *
 * The bundle sits three folders below the repository root (node_modules/.cache/zgg-cli/), the same depth as
 * lib/rules/links/, so paths that modules resolve relative to their own file (the bundled blocklist) still hold.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'zgg-cli');

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity; // missing: rebuild
  }
}

/** True when the bundle exists and no source it was built from is newer (or gone). */
function fresh(bundle, manifest) {
  const built = mtime(bundle);
  if (built === Infinity) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return false;
  for (const f of inputs) if (mtime(join(root, f)) > built) return false;
  return true;
}

async function build(entry, bundle, manifest) {
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'error',
    // Bundled CommonJS dependencies may call require(); give the ES module one.
    banner: { js: "import { createRequire as __zggCreateRequire } from 'node:module'; const require = __zggCreateRequire(import.meta.url);" },
  });
  mkdirSync(outDir, { recursive: true });
  // Write then rename: two first runs at once must not load a half-written file.
  const tmp = `${bundle}.${process.pid}.tmp`;
  writeFileSync(tmp, r.outputFiles[0].contents);
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify(Object.keys(r.metafile.inputs).filter((f) => !f.startsWith('<'))));
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
  renameSync(tmp, bundle);
}

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  process.stderr.write('usage: node scripts/cli.mjs <script> [args…]\n');
  process.exit(2);
}
const entry = join('scripts', `${name}.ts`);
const bundle = join(outDir, `${name}.mjs`);
const manifest = join(outDir, `${name}.inputs.json`);
if (!fresh(bundle, manifest)) await build(entry, bundle, manifest);
process.argv = [process.argv[0], join(root, entry), ...args];
try {
  const mod = await import(pathToFileURL(bundle).href);
  if (typeof mod.main !== 'function') throw new Error(`scripts/${name}.ts does not export main()`);
  process.exitCode = await mod.main(args);
} catch (e) {
  process.stderr.write(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
