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

  it('build/icon.ico holds 16 to 256 px images that Windows can read', async () => {
    const ico = await read('build', 'icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const data = ico.subarray(offset, offset + length);
      if (data.readUInt32BE(0) === 0x89504e47) {
        expect(pngInfo(data)).toMatchObject({ width: size, height: size });
      } else {
        // BITMAPINFOHEADER: 32-bit, height doubled for the AND mask
        expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
      }
      sizes.push(size);
    }
    // electron-builder refuses a Windows icon without 256×256.
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
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
    for (const icon of [c.win.icon, c.linux.icon, c.nsis.installerIcon as string]) {
      await expect(fs.access(path.join(repo, icon))).resolves.toBeUndefined();
    }
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
