import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBLEM_MAX_BYTES, inspectImage } from '../../electron/core/services/emblem';

/**
 * The packaging inputs: icons electron-builder needs, the demo emblem the core reads, and
 * the electron-builder config checked against electron-builder's own schema (a real build
 * needs downloads, so it happens elsewhere).
 */

const repo = path.resolve(__dirname, '..', '..');
const read = (...p: string[]) => fs.readFile(path.join(repo, ...p));

function pngInfo(bytes: Buffer) {
  expect(bytes.readUInt32BE(0)).toBe(0x89504e47);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

describe('icons and emblem', () => {
  it('build/icon.png is a 512×512 PNG with alpha (Linux, and electron-builder’s source)', async () => {
    expect(pngInfo(await read('build', 'icon.png'))).toEqual({ width: 512, height: 512, colorType: 6 });
  });

  it('resources/icon.png is the 256×256 window icon', async () => {
    expect(pngInfo(await read('resources', 'icon.png'))).toEqual({ width: 256, height: 256, colorType: 6 });
  });

  it('the default emblem passes the core’s own emblem checks', async () => {
    const bytes = await read('resources', 'emblem-default.png');
    expect(bytes.length).toBeLessThan(EMBLEM_MAX_BYTES);
    expect(await inspectImage(bytes)).toEqual({ mime: 'image/png', width: 400, height: 480 });
  });
});

describe('build/electron-builder.yml', () => {
  const require = createRequire(import.meta.url);
  type Config = Record<string, unknown> & {
    nsis: Record<string, unknown>;
    win: { icon: string; target: { target: string; arch: string[] }[] };
    linux: { icon: string; category: string; maintainer: string; target: { target: string }[] };
    extraResources: { from: string; to: string }[];
    files: (string | { filter: string[] })[];
  };
  const load = async (): Promise<Config> => {
    const { getConfig } = require('app-builder-lib/out/util/config/config.js');
    return getConfig(repo, path.join(repo, 'build', 'electron-builder.yml'), null);
  };

  it('is valid against electron-builder’s schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneclick: false } }, new DebugLogger(false))).rejects.toThrow(
      /configuration/,
    );
  });

  it('keeps the decisions offices rely on', async () => {
    const c = await load();
    expect(c.productName).toBe('PPID Desk');
    expect(c.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['id_ID'],
      language: '1057',
      deleteAppDataOnUninstall: false,
    });
    expect(c.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(c.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(c.linux.category).toBe('Office');
    expect(c.linux.maintainer).toMatch(/<.+@.+>/);
    expect(c.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
    // One PNG for every platform: electron-builder makes the Windows .ico (it needs 256×256
    // or more) and, with no installerIcon given, the installer's icons from it.
    expect(c.win.icon).toBe('build/icon.png');
    expect(c.linux.icon).toBe('build/icon.png');
    expect(c.nsis.installerIcon).toBeUndefined();
    expect(c.nsis.uninstallerIcon).toBeUndefined();
    const { width, height } = pngInfo(await read(c.win.icon));
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(256);
  });

  it('packs the bundles named by package.json and no node_modules', async () => {
    const c = await load();
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    // The same filter electron-builder builds from `files`, with its own default exclusions.
    const patterns = c.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    const matcher = new FileMatcher(repo, '/out', (s: string) => s, ['!**/node_modules/**', ...patterns]);
    const filter = matcher.createFilter();
    const packs = (rel: string, moduleFile = false) =>
      filter(path.join(repo, rel), { isDirectory: () => false, moduleFullFilePath: moduleFile ? rel : undefined });
    const pkg = JSON.parse((await read('package.json')).toString('utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(packs(pkg.main)).toBe(true);
    expect(packs('dist/electron/preload.cjs')).toBe(true);
    expect(packs('dist/renderer/index.html')).toBe(true);
    expect(packs('package.json')).toBe(true);
    expect(packs('dist/electron/main.js.map')).toBe(false);
    expect(packs('electron/core/app-core.ts')).toBe(false);
    expect(packs('node_modules/zod/package.json', true)).toBe(false);
    expect(packs('node_modules/lowdb/lib/index.js', true)).toBe(false);
  });
});
