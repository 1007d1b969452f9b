import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layering is enforced here rather than remembered: the core knows no Electron and
 * no React; the renderer knows no Node.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'electron-store'], message: 'electron/core must not import Electron: pass what it needs in from electron/main.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*'], message: 'electron/core must not import React.' },
            { group: ['**/renderer/**', '**/host/**', '**/main/**', '**/preload/**'], message: 'electron/core must not depend on its callers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer runs sandboxed: no Node modules.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed: no node: imports.' },
            // A regex, not a glob: 'electron/*' would also match '../electron/core/domain/…'.
            { regex: '^electron(/.*)?$', message: 'The renderer reaches Electron only through window.ppid.' },
            { group: ['**/electron/core/store/**', '**/electron/core/services/**', '**/electron/core/app-core', '**/electron/host/**', '**/electron/main/**'], message: 'The renderer may import only types, schemas and pure domain code from electron/core.' },
          ],
        },
      ],
    },
  },
);
