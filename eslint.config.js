import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layering from './eslint-rules/layering.js';

/**
 * The layering is enforced here rather than remembered: the core knows no Electron and
 * no React; the domain is pure; the renderer knows no Node and sees of the core only what
 * runs in a browser. `layering/zones` (eslint-rules/layering.js) judges each import on the
 * path it resolves to, so a rule holds however deep the importing file sits;
 * tests/unit/lint-layering.test.ts proves every zone bites.
 */

/**
 * npm packages the domain (and whatever the renderer may share with it) may use: pure
 * JavaScript with no Node or DOM dependency and no I/O, so domain code runs unchanged in the
 * core, the renderer and a test. zod validates; date-fns and @date-fns/tz compute calendar
 * dates in the office's zone; canonicalize is RFC 8785 JSON (a pure string function).
 */
const PURE_PACKAGES = ['zod', 'date-fns', '@date-fns/tz', 'canonicalize'];

/** What the renderer may import from electron/: browser-safe code and the contract's types and schemas. */
const RENDERER_VISIBLE = [
  'electron/core/domain',
  'electron/core/documents/shared',
  'electron/core/contract',
  'electron/core/result',
  'electron/core/bridge',
  'electron/core/content-security-policy',
];

const zones = [
  {
    from: ['electron/core'],
    paths: { forbid: ['electron/host', 'electron/main', 'electron/preload', 'renderer'] },
    packages: { forbid: ['electron', 'electron-store', 'react', 'react-dom', '@mantine/*', '@tabler/*'] },
    message: 'electron/core must not depend on its callers, Electron or React: pass what it needs in from electron/main or electron/host.',
  },
  {
    from: ['electron/core/domain'],
    paths: { only: ['electron/core/domain'] },
    packages: { only: PURE_PACKAGES },
    builtins: false,
    message: `The domain is pure: it imports only the domain and ${PURE_PACKAGES.join(', ')} (no Node, store, services, documents, settings or app-core).`,
  },
  {
    from: ['electron/core/documents/shared'],
    paths: { only: ['electron/core/domain', 'electron/core/documents/shared'] },
    packages: { only: PURE_PACKAGES },
    builtins: false,
    message: 'documents/shared runs in the renderer too: it imports only the domain, documents/shared and pure packages (no docx, no Node).',
  },
  {
    // The renderer may import these, so they may import nothing the renderer may not.
    from: RENDERER_VISIBLE.filter((p) => !p.endsWith('/domain') && !p.endsWith('/documents/shared')),
    paths: { only: RENDERER_VISIBLE },
    packages: { only: PURE_PACKAGES },
    builtins: false,
    message: 'The renderer imports this file, so it imports only the domain, documents/shared, the contract and pure packages.',
  },
  {
    from: ['renderer'],
    // The build config runs under Node, not in the page.
    except: ['renderer/vite.config'],
    paths: { forbid: ['electron'], allow: RENDERER_VISIBLE },
    packages: { forbid: ['electron', 'electron-store', 'conf', 'lowdb', 'docx'] },
    builtins: false,
    message:
      'The renderer runs sandboxed in a browser: no Node, no Electron (only window.ppid), and from electron/core only the domain, documents/shared, the contract, result, bridge and the CSP.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { layering: { rules: { zones: layering } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'layering/zones': ['error', { root: import.meta.dirname, zones }],
    },
  },
);
