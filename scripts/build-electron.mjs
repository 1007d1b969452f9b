#!/usr/bin/env node
/**
 * Bundles the Electron main process and the preload.
 *
 * main.js: ESM for Electron 45 (Node 22). Everything but `electron` is bundled, the
 * ESM-only packages (lowdb, file-type, electron-store) included, so the packaged app needs
 * no node_modules at all.
 * preload.cjs: sandboxed preloads must be CommonJS and may only require('electron').
 *
 * Usage: node scripts/build-electron.mjs [--outdir=dist/electron] [--minify]
 * Unminified by default: the size hardly matters inside an installer, and a readable
 * stack trace in an office's log file does.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let values;
try {
  ({ values } = parseArgs({
    options: {
      outdir: { type: 'string', default: 'dist/electron' },
      minify: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }));
} catch (e) {
  console.error(`${e.message}\nPemakaian: node scripts/build-electron.mjs [--outdir=dist/electron] [--minify]`);
  process.exit(2);
}
const outdir = path.resolve(root, values.outdir);
const minify = values.minify;

// Bundled CommonJS dependencies call require() for Node built-ins; esbuild's ESM output
// has no require unless one is made for it.
const requireShim = [
  "import { createRequire as __ppidCreateRequire } from 'node:module';",
  'const require = __ppidCreateRequire(import.meta.url);',
].join('\n');

const common = {
  absWorkingDir: root,
  bundle: true,
  external: ['electron'],
  sourcemap: 'linked',
  sourcesContent: false,
  minifySyntax: minify,
  minifyWhitespace: minify,
  minifyIdentifiers: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

const started = Date.now();
await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: path.join(outdir, 'main.js'),
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    format: 'cjs',
    // The preload runs in the renderer's Chromium, not in Node.
    platform: 'browser',
    target: 'chrome130',
  }),
]);
console.log(`Electron main + preload dibangun ke ${path.relative(root, outdir) || '.'} (${Date.now() - started} ms)`);
