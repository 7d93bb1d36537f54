// Lint: the layers (docs/ARCHITECTURE.md), no import cycles, no promise left floating, nothing
// unused. `npm test` runs it with --max-warnings 0.
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'better-sqlite3', 'ws'];
const layer = (message, groups) => ({ patterns: [{ group: groups, message }] });

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.tsbuild/**',
      'node_modules/**',
      'release/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
      'scripts/**',
      'test/bench/**',
      'test/desktop/offline.cjs',
      '*.config.*',
      'bin/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    // The typed rule (no-floating-promises) asks one program holding every linted file
    // (tsconfig.eslint.json), not the three typecheck uses, which each parsed and typed shared/
    // (and the e2e one electron/ too) again: 83 → 71 s of CPU for the whole ESLint run (old and new
    // at the same moment), the same faults found. The layers themselves are typecheck's (each
    // tsconfig's lib and types) and the no-restricted-imports rules below. `npm test` runs ESLint
    // from scripts/check.mjs instead, which hands it typecheck's three programs, already checked.
    languageOptions: { parserOptions: { project: ['./tsconfig.eslint.json'], tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.renderer.json', 'tsconfig.e2e.json'], noWarnOnMultipleProjects: true })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // The layers: shared/ is pure; renderer/ is the browser; the host and the CLI never load Electron.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', layer('shared/ imports neither electron/, renderer/, Node nor Electron', ['**/electron/**', '**/renderer/**', 'electron', ...node])] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', layer('renderer/ runs in the browser: no Node, no Electron, nothing from electron/', ['**/electron/**', 'electron', ...node])],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts', 'electron/desktop/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', layer('the host, the CLI and the desktop rules never import Electron or renderer/', ['electron', '**/renderer/**'])] },
  },
);
