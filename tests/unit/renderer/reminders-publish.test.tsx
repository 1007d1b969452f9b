import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../../../renderer/src/app/App';
import { Core } from '../../../electron/core/app-core';
import type { Clock } from '../../../electron/core/clock';
import type { CycleSummary } from '../../../electron/core/domain/cycle-views';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';

/**
 * Beranda's "Pengingat" card and the "Publikasikan" group against the real core, with the
 * demo office loaded on Saturday 5 December 2026: last year's DIP was signed in January 2025,
 * so its berkala items are overdue, the DIP is more than a year old, and this year's list
 * waits, unsigned, for the PPID Pembantu.
 */

const clock: Clock = { now: () => new Date('2026-12-05T03:00:00.000Z') };
let template: string;
let dir: string;
let core: Core;
const sessions: Record<string, string> = {};

async function as<T>(who: string, name: string, input: unknown = {}): Promise<T> {
  const r = await core.invoke({ name, input, session: sessions[who] });
  if (!r.ok) throw new Error(`${name} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
}

function show(who: string, hash: string, platform: 'browser' | 'electron' = 'browser') {
  window.ppid = { platform, invoke: (envelope) => core.invoke(envelope) };
  window.sessionStorage.setItem('ppid.session', sessions[who]!);
  window.history.replaceState(null, '', `/${hash}`);
  return render(<App env="test" />);
}

beforeAll(async () => {
  // The demo's history is made once; each test opens a copy of it.
  template = mkdtempSync(path.join(os.tmpdir(), 'ppid-reminders-ui-'));
  const c = await Core.open({ dataDir: template, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await c.invoke({ name: 'setup.loadDemo', input: { cycles: true } });
  await c.close();
});
afterAll(() => fs.rm(template, { recursive: true, force: true }));

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-reminders-ui-'));
  await fs.cp(template, dir, { recursive: true });
  await fs.rm(path.join(dir, 'ppid-desk.lock'), { force: true });
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const card = async () => (await screen.findByRole('heading', { name: /^Pengingat \(\d+\)$/ })).closest('.mantine-Card-root') as HTMLElement;

describe('Beranda: Pengingat', () => {
  it('shows the operator the berkala items to renew, overdue first, each a link to the item where it is renewed', async () => {
    show('operator', '#/beranda');
    const c = await card();
    // Overdue first, by date: monthly (13 February 2025), quarterly (13 April), then the half-yearly ones by title.
    await waitFor(() => expect(c.querySelectorAll('[data-reminder]').length).toBe(4));
    expect([...c.querySelectorAll('[data-reminder] a')].map((a) => a.textContent!.replace('Perbarui informasi berkala: ', ''))).toEqual([
      'Pengumuman pengadaan barang dan jasa',
      'Ringkasan laporan akses informasi publik',
      'Data statistik sektoral Kabupaten Kapuas Hulu (portal Satu Data)',
      'Laporan Kinerja Instansi Pemerintah (LKjIP)',
    ]);
    fireEvent.click(within(c).getByRole('button', { name: 'Tampilkan semua 6' }));
    // The LRA is renewed every 6 months: due 6 months after the DIP signed on 13 January 2025.
    const lra = await within(c).findByRole('link', { name: 'Perbarui informasi berkala: Laporan Realisasi Anggaran (LRA) per semester' });
    const entry = lra.closest('[data-reminder]') as HTMLElement;
    expect(entry.dataset.status).toBe('terlambat');
    expect(within(entry).getByText('Terlambat')).toBeTruthy();
    expect(within(entry).getByText('Lewat 510 hari · 13 Juli 2025')).toBeTruthy();
    expect(within(entry).getByText(/ditandatangani 13 Januari 2025/)).toBeTruthy();
    // Nothing for another role: the DIP's yearly renewal is the PPID Pembantu's.
    expect(within(c).queryByText(/Perbarui Daftar Informasi Publik/)).toBeNull();
    expect(c.querySelectorAll('[data-reminder]').length).toBe(6);
    expect([...c.querySelectorAll('[data-reminder]')].every((e) => (e as HTMLElement).dataset.reminder === 'berkala')).toBe(true);

    // Next year's cycle carries the item: the link opens it there, in the item editor.
    fireEvent.click(lra);
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar Informasi Publik Tahun 2027' })).toBeTruthy();
    const editor = await screen.findByRole('dialog');
    expect((within(editor).getByLabelText(/Judul informasi/) as HTMLInputElement).value).toBe('Laporan Realisasi Anggaran (LRA) per semester');
  });

  it('shows the PPID Pembantu the DIP older than a year, and an administrator every role\u2019s', async () => {
    show('ppid', '#/beranda');
    const c = await card();
    const dip = await within(c).findByRole('link', { name: 'Perbarui Daftar Informasi Publik (berlaku sejak 13 Januari 2025)' });
    expect(within(dip.closest('[data-reminder]') as HTMLElement).getByText('Lewat 326 hari · 13 Januari 2026')).toBeTruthy();
    expect(c.querySelectorAll('[data-reminder]').length).toBe(1);
    fireEvent.click(within(c).getByText('Semua peran'));
    await waitFor(() => expect(c.querySelectorAll('[data-reminder]').length).toBe(4));
    expect(within(c).getAllByText(/Operator OPD/).length).toBeGreaterThan(0);
    // The list that will replace it first is this year's, at the PPID Pembantu's review.
    fireEvent.click(within(c).getByText('Untuk PPID Pembantu'));
    await waitFor(() => expect(c.querySelectorAll('[data-reminder]').length).toBe(1));
    fireEvent.click(await within(c).findByRole('link', { name: /Perbarui Daftar Informasi Publik/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar Informasi Publik Tahun 2026' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Pemeriksaan/, selected: true })).toBeTruthy();
  });

  it('says when nothing falls due for the user', async () => {
    show('kepala', '#/beranda');
    const c = await card();
    expect(await within(c).findByText('Tidak ada yang jatuh tempo untuk Anda dalam waktu dekat.')).toBeTruthy();
    expect(within(c).queryByText('Semua peran')).toBeNull();
  });
});

describe('DIP dan DIK: Publikasikan', () => {
  let saved: { name: string; blob: Blob }[];
  beforeEach(() => {
    saved = [];
    const urls = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${urls.size + 1}`;
      urls.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void urls.delete(url);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: urls.get(this.href)! });
    });
  });

  it('downloads the signed DIP as a workbook named by its fingerprint', async () => {
    const { cycles } = await as<{ cycles: CycleSummary[] }>('kepala', 'cycles.list');
    const signed = cycles.find((c) => c.signed)!;
    const codes = await as<{ dip: { short: string } }>('kepala', 'documents.fingerprints', { cycleId: signed.id });
    show('kepala', `#/siklus/${signed.id}?tab=dip`);
    const group = await screen.findByRole('group', { name: 'Publikasikan' });
    expect(await within(group).findByText(`sidik ${codes.dip.short}`)).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: 'Publikasikan Daftar Informasi Publik sebagai XLSX' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe(`DIP-2025-v1-sidik-${codes.dip.short}.xlsx`);
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: the workbook
    expect(await screen.findByText(`XLSX diunduh: ${saved[0]!.name}`)).toBeTruthy();
  });

  it('keeps every button disabled before the Kepala signs, and says why', async () => {
    const { cycles } = await as<{ cycles: CycleSummary[] }>('kepala', 'cycles.list');
    const unsigned = cycles.find((c) => c.step === 'pemeriksaan_ppid')!;
    show('kepala', `#/siklus/${unsigned.id}?tab=dip`);
    const group = await screen.findByRole('group', { name: 'Publikasikan' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['XLSX', 'CSV', 'HTML', 'XLSX', 'CSV', 'HTML']);
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(within(group).getByTestId('alasan-publikasi').textContent).toBe(
      'DIP belum ditandatangani Kepala OPD; yang dapat dipublikasikan hanya daftar yang sudah ditandatangani.',
    );
    expect(buttons[0]!.getAttribute('aria-describedby')).toBe(within(group).getByTestId('alasan-publikasi').id);
  });
});
