// Lint rules for the whole repository (ESLint flat config). `npm run lint` must report zero errors.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// `_`-prefixed names are deliberately unused (placeholders in signatures and destructuring).
const unusedVars = [
  'error',
  { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
];

export default defineConfig([
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'out/', 'bench-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // One unused-variable rule for JS and TS alike (the TypeScript one understands type-only uses).
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unusedVars,
      // Text cleaning strips control characters on purpose (XLSX cells, normalisation, URL scanning).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    // Playwright fixtures call a parameter named `use`, which is not React's `use` hook.
    ignores: ['tests/e2e/**', 'tests/e2e-firefox/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter's destructuring, so `{}` means "none".
    files: ['tests/e2e/**', 'tests/e2e-firefox/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Node scripts (build, bench, CLI); TypeScript files get their globals from the type checker.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The replica runs in the page, not in Node.
    files: ['tests/fixtures/zalo/replica.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
]);
