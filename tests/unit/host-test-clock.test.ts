import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileClock, TEST_CLOCK_ENV } from '../../electron/host/test-clock';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The machine's time, held still so the offset is the only thing that moves. */
const SYSTEM = Date.parse('2026-12-05T09:00:00.000Z');
const DAY = 86_400_000;

describe('the loopback host\'s test clock', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-clock-'));
    file = path.join(dir, 'clock.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the system time moved by the offset in the file, back or forward', () => {
    const clock = fileClock(file, () => SYSTEM);
    writeFileSync(file, JSON.stringify({ offsetMs: -30 * DAY }));
    expect(clock.now().toISOString()).toBe('2026-11-05T09:00:00.000Z');
    writeFileSync(file, JSON.stringify({ offsetMs: 0 }));
    expect(clock.now().toISOString()).toBe('2026-12-05T09:00:00.000Z');
  });

  it('keeps ticking with the system time', () => {
    let system = SYSTEM;
    const clock = fileClock(file, () => system);
    writeFileSync(file, JSON.stringify({ offsetMs: DAY }));
    expect(clock.now().toISOString()).toBe('2026-12-06T09:00:00.000Z');
    system += 90_000;
    expect(clock.now().toISOString()).toBe('2026-12-06T09:01:30.000Z');
  });

  it('follows a rewrite of the file at once, on the same clock object (a running host)', () => {
    const clock = fileClock(file, () => SYSTEM);
    writeFileSync(file, JSON.stringify({ offsetMs: 0 }));
    expect(clock.now().toISOString()).toBe('2026-12-05T09:00:00.000Z');
    // Same size, written within the same instant: no mtime or size check could tell them apart.
    writeFileSync(file, JSON.stringify({ offsetMs: 1 }));
    expect(clock.now().toISOString()).toBe('2026-12-05T09:00:00.001Z');
  });

  it('refuses a missing file, naming it and the variable, instead of falling back to the system time', () => {
    const clock = fileClock(file, () => SYSTEM);
    expect(() => clock.now()).toThrow(`Berkas jam uji ${file} (${TEST_CLOCK_ENV}) tidak dapat dibaca: ENOENT`);
  });

  it.each([
    ['not JSON', '{ offsetMs: 5 '],
    ['an empty file', ''],
    ['no offset', '{}'],
    ['an offset in text', '{ "offsetMs": "86400000" }'],
    ['a fractional offset', '{ "offsetMs": 1.5 }'],
    ['a key it does not know', '{ "offsetMs": 0, "now": "2026-01-01T00:00:00Z" }'],
  ])('refuses %s, saying what the file must hold', (_, text) => {
    writeFileSync(file, text);
    expect(() => fileClock(file, () => SYSTEM).now()).toThrow('harus berisi JSON { "offsetMs": <bilangan bulat milidetik> }');
  });

  it('refuses an offset that leaves the range of dates', () => {
    writeFileSync(file, JSON.stringify({ offsetMs: 9e15 }));
    expect(() => fileClock(file, () => SYSTEM).now()).toThrow('keluar dari rentang tanggal');
  });

  it('stops the host before it touches the data folder when the file is missing', () => {
    const rendererDir = path.join(dir, 'renderer');
    const dataDir = path.join(dir, 'data');
    mkdirSync(rendererDir);
    mkdirSync(dataDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/host/cli.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir], {
      cwd: root,
      env: { ...process.env, [TEST_CLOCK_ENV]: file },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Berkas jam uji ${file} (${TEST_CLOCK_ENV}) tidak dapat dibaca: ENOENT`);
    expect(r.stdout).not.toContain('PPID Desk siap');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('is never wired into the Electron shell', () => {
    const shell = ['electron/main', 'electron/preload'].flatMap((d) => readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
    for (const f of shell) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toContain(TEST_CLOCK_ENV);
      expect(text, f).not.toContain('test-clock');
    }
  });
});
