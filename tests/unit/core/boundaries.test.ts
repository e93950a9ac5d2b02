import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = process.cwd();
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every project file reachable from `entries` through import/export statements. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file) || !/\.(ts|tsx)$/.test(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, m[1] ?? m[2]);
      if (target) todo.push(target);
    }
  }
  return seen;
}

const filesIn = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(ROOT, dir, f));

describe('architecture boundaries (import scan)', () => {
  const background = reachable([...filesIn('lib/background'), join(ROOT, 'entrypoints/background/index.ts')]);

  it('the scan follows relative and @/ imports (so it can see a violation)', () => {
    const rel = [...background].map((f) => relative(ROOT, f));
    expect(rel).toContain('lib/messages/protocol.ts');
    expect(rel).toContain('lib/log/append.ts');
    expect(rel).toContain('lib/db/index.ts');
  });

  it.each(['lib/overlay/', 'components/', 'entrypoints/zalo.content/', 'lib/zalo/'])(
    'the background worker imports nothing from %s',
    (forbidden) => {
      const hits = [...background].map((f) => relative(ROOT, f)).filter((f) => f.startsWith(forbidden));
      expect(hits).toEqual([]);
    },
  );

  it('only lib/zalo reads Zalo’s selector table', () => {
    const users = [...filesIn('lib'), ...filesIn('components'), ...filesIn('entrypoints')]
      .filter((f) => !relative(ROOT, f).startsWith('lib/zalo/'))
      .filter((f) => /from\s+['"][^'"]*zalo\/selectors['"]/.test(readFileSync(f, 'utf8')));
    expect(users.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
