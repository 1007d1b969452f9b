import { afterAll, afterEach } from 'vitest';
import { fireEvent, render } from '@testing-library/react';
import path from 'node:path';
import { App } from '../../../renderer/src/app/App';
import { Core } from '../../../electron/core/app-core';
import type { Envelope } from '../../../electron/core/contract';
import type { Platform } from '../../../electron/core/platform';
import { login, removeTempDirs } from '../../fixtures/harness';
import { officeLaptops, type Laptop } from '../../fixtures/laptops';

/**
 * The sync screens against real cores: laptops of one office, each its own data folder and
 * key (tests/fixtures/laptops.ts), the screen talking to one of them as Electron's IPC would.
 */

let open: Laptop[] = [];

/** Call once at the top of a test file: laptops are closed after each test, folders after the file. */
export function useLaptops() {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.core.close()));
  });
  afterAll(removeTempDirs);
  return async (n: number): Promise<Laptop[]> => {
    open = await officeLaptops(n);
    return open;
  };
}

/** The same laptop reopened with a desktop platform (the save dialog), as Electron's main gives it. */
export async function withPlatform(l: Laptop, platform: Platform): Promise<void> {
  await l.core.close();
  l.core = await Core.open({ dataDir: l.dir, clock: l.clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', platform });
}

export async function as<T>(l: Laptop, username: string, name: string, input: unknown = {}): Promise<T> {
  const r = await l.core.invoke({ name, input, session: await login(l.core, username) });
  if (!r.ok) throw new Error(`${name} as ${username}: ${r.code} ${r.message}`);
  return r.data as T;
}

/** A package as the sender's "Kirim" makes it. */
export async function exported(l: Laptop, username: string, cycleIds: string[], to: string | null = null): Promise<File> {
  const r = await as<{ fileName: string; base64: string }>(l, username, 'sync.export', { cycleIds, to });
  return new File([Buffer.from(r.base64, 'base64')], r.fileName);
}

/**
 * Opens the app on `l` as `username` at `hash`. Every call goes to the laptop's core; the
 * names of the calls made are returned, so a test can say what was (not) asked of the core.
 */
export async function showApp(l: Laptop, username: string, hash: string, platform: 'electron' | 'browser' = 'electron') {
  const calls: Envelope[] = [];
  window.ppid = {
    platform,
    invoke: (envelope) => {
      calls.push(envelope);
      return l.core.invoke(envelope);
    },
  };
  window.sessionStorage.setItem('ppid.session', await login(l.core, username));
  window.history.replaceState(null, '', `/${hash}`);
  const view = render(<App env="test" />);
  return { ...view, calls, called: (name: string) => calls.filter((c) => c.name === name) };
}

/** What choosing a file in the "Terima paket" file chooser does. */
export function chooseFile(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[data-testid="pilih-paket"]')!;
  fireEvent.change(input, { target: { files: [file] } });
}
