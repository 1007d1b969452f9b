import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../../../renderer/src/app/App';
import { Core } from '../../../electron/core/app-core';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';

/** Beranda against the real core: what the app did to a cycle log, and restoring a damaged cycle. */

let dir: string;
let core: Core;
const clock = { t: Date.parse('2026-11-25T02:00:00Z'), now() { return new Date(this.t); } };
const sessions: Record<string, string> = {};

async function openCore() {
  clock.t += 60_000;
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
}
async function as<T>(who: string, name: string, input: unknown = {}): Promise<T> {
  const r = await core.invoke({ name, input, session: sessions[who] });
  if (!r.ok) throw new Error(`${name} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
}
function show(who: string, hash: string) {
  window.ppid = { platform: 'electron', invoke: (envelope) => core.invoke(envelope) };
  window.sessionStorage.setItem('ppid.session', sessions[who]!);
  window.history.replaceState(null, '', `/${hash}`);
  return render(<App env="test" />);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-records-ui-'));
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  await core.close();
  await openCore();
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('Beranda: records you can trust', () => {
  it('says which unfinished line was set aside, on Beranda and on the cycle screen', async () => {
    const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await core.close();
    await fs.appendFile(path.join(dir, 'cycles', id, 'events.jsonl'), '{"v":2,"id":"setengah');
    await openCore();
    const beranda = show('operator', '#/beranda');
    const notice = await screen.findByRole('status', { name: /Baris riwayat yang tidak lengkap disisihkan/ });
    expect(within(notice).getByText(/"DIP 2027" tidak lengkap dan disisihkan ke events\.jsonl\.sisa-/)).toBeTruthy();
    beranda.unmount();
    show('operator', `#/siklus/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'DIP 2027' })).toBeTruthy();
    expect(await screen.findByRole('status', { name: /Baris riwayat yang tidak lengkap disisihkan/ })).toBeTruthy();
  });

  it('an administrator restores a damaged cycle from its copy; others are told to ask one', async () => {
    const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2030', year: 2030 });
    await core.close();
    await openCore(); // the log is copied on this open
    await core.close();
    const file = path.join(dir, 'cycles', id, 'events.jsonl');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('DIP 2030', 'DIP 2031'));
    await openCore();

    const operatorView = show('operator', '#/beranda');
    const alert = await screen.findByRole('alert', { name: 'Satu siklus tidak dapat dibuka' });
    expect(within(alert).getByText('DIP 2031')).toBeTruthy(); // the name as the damaged file now reads
    expect(within(alert).getByText(/Hubungi administrator/)).toBeTruthy();
    expect(within(alert).queryByRole('button')).toBeNull();
    operatorView.unmount();

    show('ppid', '#/beranda');
    const adminAlert = await screen.findByRole('alert', { name: 'Satu siklus tidak dapat dibuka' });
    fireEvent.click(within(adminAlert).getByRole('button', { name: /Pulihkan dari cadangan/ }));
    const table = await screen.findByRole('table', { name: 'Daftar siklus' });
    expect(await within(table).findByText('DIP 2030')).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'Satu siklus tidak dapat dibuka' })).toBeNull();
    expect((await fs.readdir(path.join(dir, 'cycles', id))).some((n) => /^events\.rusak-.+\.jsonl$/.test(n))).toBe(true);
  });
});
