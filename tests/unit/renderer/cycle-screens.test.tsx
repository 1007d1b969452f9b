import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../../../renderer/src/app/App';
import { Core } from '../../../electron/core/app-core';
import type { Clock } from '../../../electron/core/clock';
import type { CycleView } from '../../../electron/core/domain/cycle-views';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { formatDuration, timingText } from '../../../renderer/src/features/cycles/format';
import { completeItem } from '../workflow-fixtures';

/**
 * The cycle screens against the real core (no fake answers): the bridge hands each call to
 * a Core on a temporary data directory, as Electron's IPC does.
 */

class FakeClock implements Clock {
  // Wednesday 25 November 2026, 09.00 WIB.
  constructor(public t = Date.parse('2026-11-25T02:00:00Z')) {}
  now() {
    return new Date(this.t);
  }
  advance(min: number) {
    this.t += min * 60_000;
  }
}

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik Sektoral'];
let dir: string;
let clock: FakeClock;
let core: Core;
const sessions: Record<string, string> = {};

async function openCore() {
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
}

async function as<T = CycleView>(who: string, name: string, input: unknown = {}): Promise<T> {
  const r = await core.invoke({ name, input, session: sessions[who] });
  if (!r.ok) throw new Error(`${name} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
}

/** Opens the app as `who` at `hash`, every call going to the real core. */
function show(who: string, hash: string) {
  window.ppid = { platform: 'electron', invoke: (envelope) => core.invoke(envelope) };
  window.sessionStorage.setItem('ppid.session', sessions[who]!);
  window.history.replaceState(null, '', `/${hash}`);
  return render(<App env="test" />);
}

async function choose(label: RegExp | string, option: string, container: HTMLElement = document.body) {
  const input = within(container)
    .getAllByLabelText(label)
    .find((el) => el.tagName === 'INPUT')!;
  fireEvent.click(input);
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-cycle-ui-'));
  clock = new FakeClock();
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  await core.close();
  await openCore();
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('working time in words', () => {
  it('says how much is left or how late, in days, hours and minutes of working time', () => {
    expect(formatDuration(10)).toBe('10 menit');
    expect(formatDuration(125)).toBe('2 jam 5 menit');
    // A day is one working day of office hours: 07.30–16.00 = 8 h 30 min.
    expect(formatDuration(8 * 60 + 30 + 180)).toBe('1 hari 3 jam');
    expect(formatDuration(2 * (8 * 60 + 30))).toBe('2 hari');
    const t = { step: 'nota_dinas' as const, standardMinutes: 15, spentMinutes: 5, late: false, remainingMinutes: 10, dueAt: null };
    expect(timingText(t)).toEqual({ text: 'sisa 10 menit', tone: 'ok' });
    expect(timingText({ ...t, spentMinutes: 140, late: true, remainingMinutes: -125 }).text).toBe('terlambat 2 jam 5 menit');
    expect(timingText({ ...t, standardMinutes: null, remainingMinutes: null }).text).toBe('tanpa batas waktu');
  });
});

describe('Beranda: the cycles', () => {
  it('lists what waits for me, how late it is, a damaged cycle, and starts a new one with next year as default', async () => {
    const late = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    await as('operator', 'cycles.addItems', { cycleId: late.id, items: [{ bidang: B[0], judul: 'Profil Dinas' }] });
    const broken = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2030', year: 2030 });
    // Wednesday 09.00 → Thursday 11.05 WIB: 7 h on Wednesday (to 16.00) and 3 h 35 min on
    // Thursday (from 07.30) = 10 h 35 min of office time; the standard "1 hari" is one
    // working day of 8 h 30 min, so 2 h 5 min late.
    clock.advance(24 * 60 + 125);
    await core.close();
    const file = path.join(dir, 'cycles', broken.id, 'events.jsonl');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('DIP 2030', 'DIP 2031'));
    await openCore();

    show('operator', '#/beranda');
    const waiting = await screen.findByRole('heading', { name: 'Menunggu Anda (Operator OPD)' });
    const card = waiting.closest('.mantine-Card-root') as HTMLElement;
    expect(within(card).getByText('DIP 2026')).toBeTruthy();
    expect(within(card).getByText('terlambat 2 jam 5 menit')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Daftar siklus' });
    expect(within(table).getByText('Identifikasi informasi')).toBeTruthy();
    expect(within(table).getByText(/Operator OPD \(Rizky Pratama, S\.Kom\., Dewi Lestari, A\.Md\.\)/)).toBeTruthy();
    expect(screen.getByText('Satu siklus tidak dapat dibuka')).toBeTruthy();
    expect(screen.getByText(/diubah di luar aplikasi/)).toBeTruthy();
    // The SOP table comes from the core's STEP_INFO.
    const sop = screen.getByRole('table', { name: 'Alur SOP Pendokumentasian Informasi Publik' });
    expect(within(sop).getByText('Konsep Daftar Informasi Publik')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Mulai siklus baru' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mulai siklus pendokumentasian baru' });
    // The core's clock says 25 November 2026 (the machine's date does not matter).
    const next = 2027;
    expect((within(dialog).getByLabelText(/Nama siklus/) as HTMLInputElement).value).toBe(`DIP ${next}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mulai siklus' }));
    expect(await screen.findByRole('heading', { level: 1, name: `DIP ${next}` })).toBeTruthy();
    expect(screen.getByTestId('tahap-sekarang').textContent).toBe('Langkah 1: Identifikasi informasi');
    const list = await as<{ cycles: { title: string }[] }>('operator', 'cycles.list');
    expect(list.cycles.map((c) => c.title)).toContain(`DIP ${next}`);
  });

  it('offers no "Mulai siklus baru" to the Kepala OPD', async () => {
    show('kepala', '#/beranda');
    expect(await screen.findByText('Belum ada siklus pendokumentasian.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mulai siklus baru' })).toBeNull();
  });
});

async function cycleAtStep3() {
  const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
  let v = await as('operator', 'cycles.addItems', {
    cycleId: id,
    items: [
      { bidang: B[0], judul: 'Profil Dinas' },
      { bidang: B[2], judul: 'Data kesehatan pegawai' },
    ],
  });
  await as('operator', 'cycles.act', { cycleId: id, action: 'report' });
  await as('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  v = await as('operator', 'cycles.updateItem', { cycleId: id, itemId: v.items[0]!.id, fields: completeItem('Profil Dinas', B[0]!, 'berkala') });
  return { id, items: v.items };
}

describe('the cycle screen', () => {
  it('step 3: an incomplete item blocks "Kirim Konsep"; the editor classifies it as dikecualikan (Pasal 17 g, no time limit) and saves', async () => {
    const { id, items } = await cycleAtStep3();
    show('operator', `#/siklus/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'DIP 2027' })).toBeTruthy();
    expect(screen.getByTestId('giliran').textContent).toContain('Operator OPD');
    const send = screen.getByRole('button', { name: 'Kirim Konsep' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(screen.getByLabelText('Belum dapat dilanjutkan').textContent).toContain('1 informasi belum lengkap: "Data kesehatan pegawai"');

    const row = document.querySelector('tr[data-item="Data kesehatan pegawai"]') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Isi kolom' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('radio', { name: 'Dikecualikan' }));
    type(within(drawer).getByLabelText(/Uraian informasi yang dikecualikan/), 'Akta kelahiran dan surat wasiat pegawai.');
    type(within(drawer).getByLabelText(/Pejabat atau unit\/satuan kerja/), 'Subbagian Kepegawaian');
    await choose(/Pasal 17 huruf/, 'g. mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat', drawer);
    // Letter g has no sub-points and no time limit.
    expect(within(drawer).queryByLabelText(/^Angka/)).toBeNull();
    expect((within(drawer).getByLabelText(/Jangka waktu pengecualian/) as HTMLInputElement).disabled).toBe(true);
    expect(within(drawer).getByTestId('status-kelengkapan').textContent).toContain('Konsekuensi bila informasi dibuka wajib diisi');
    type(within(drawer).getByLabelText(/Konsekuensi bila informasi dibuka/), 'Mengungkap data pribadi pegawai.');
    type(within(drawer).getByLabelText(/Pertimbangan bila ditutup/), 'Melindungi hak pribadi.');
    expect(within(drawer).getByTestId('status-kelengkapan').textContent).toContain('Lengkap');
    expect(within(drawer).getByTestId('status-simpan').textContent).toBe('Ada perubahan yang belum disimpan.');

    fireEvent.click(within(drawer).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(within(drawer).getByTestId('status-simpan').textContent).toMatch(/^Tersimpan pukul/));
    const saved = await as('operator', 'cycles.get', { cycleId: id });
    const item = saved.items.find((i) => i.id === items[1]!.id)!;
    expect(item.fields.kategori).toBe('dikecualikan');
    expect(item.fields.exemption).toMatchObject({ basis: 'pasal17', huruf: 'g', angka: 0, jangkaWaktu: '' });
    expect(item.problems).toEqual([]);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Kirim Konsep' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('leaving the screen with the editor open saves its edits instead of dropping them', async () => {
    const { id, items } = await cycleAtStep3();
    show('operator', `#/siklus/${id}`);
    const row = (await screen.findByText('Profil Dinas')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Ubah' }));
    const drawer = await screen.findByRole('dialog');
    type(within(drawer).getByLabelText(/Jangka waktu penyimpanan\/retensi/), 'Permanen');
    expect(within(drawer).getByTestId('status-simpan').textContent).toBe('Ada perubahan yang belum disimpan.');
    // The navbar's Beranda link (e.g. after the back button): the cycle screen goes away.
    fireEvent.click(screen.getAllByRole('link', { name: /Beranda/ })[0]!);
    await screen.findByRole('table', { name: 'Alur SOP Pendokumentasian Informasi Publik' });
    await waitFor(async () => {
      const v = await as('operator', 'cycles.get', { cycleId: id });
      expect(v.items.find((i) => i.id === items[0]!.id)!.fields.retensi).toBe('Permanen');
    });
  });

  it('step 4: the PPID Pembantu must give a reason to return; the operator then sees it and the flagged item', async () => {
    const { id, items } = await cycleAtStep3();
    await as('operator', 'cycles.updateItem', { cycleId: id, itemId: items[1]!.id, fields: completeItem('Data kesehatan pegawai', B[2]!, 'dikecualikan') });
    await as('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });

    const view = show('ppid', `#/siklus/${id}`);
    expect(await screen.findByText('Konsep versi 1')).toBeTruthy();
    const r1 = document.querySelector('tr[data-item="Profil Dinas"]') as HTMLElement;
    fireEvent.click(within(r1).getByRole('button', { name: 'Sesuai' }));
    await waitFor(() => expect(within(r1).getByRole('button', { name: 'Sesuai' }).getAttribute('aria-pressed')).toBe('true'));
    const r2 = document.querySelector('tr[data-item="Data kesehatan pegawai"]') as HTMLElement;
    fireEvent.click(within(r2).getByRole('button', { name: 'Perlu perbaikan' }));
    type(within(r2).getByLabelText('Catatan perbaikan untuk petugas'), 'Dasar hukumnya huruf h angka 2, bukan angka 1.');
    fireEvent.click(within(r2).getByRole('button', { name: 'Simpan catatan' }));
    await waitFor(() => expect(screen.getByTestId('jumlah-perbaikan').textContent).toBe('1 perlu perbaikan'));
    expect((screen.getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Kembalikan ke petugas' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kembalikan ke petugas' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan' }));
    expect(within(dialog).getByText(/Tuliskan alasan pengembalian/)).toBeTruthy();
    expect((await as('ppid', 'cycles.get', { cycleId: id })).step).toBe('pemeriksaan_ppid');
    type(within(dialog).getByLabelText(/Alasan pengembalian/), 'Perbaiki dasar hukum data kesehatan.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan' }));
    await waitFor(() => expect(screen.getByTestId('tahap-sekarang').textContent).toBe('Langkah 3: Pengumpulan & klasifikasi'));
    expect(screen.getByTestId('menunggu').textContent).toContain('Menunggu Operator OPD');
    view.unmount();

    show('operator', `#/siklus/${id}`);
    expect((await screen.findByTestId('alasan-pengembalian')).textContent).toContain('Perbaiki dasar hukum data kesehatan.');
    const flagged = document.querySelector('tr[data-item="Data kesehatan pegawai"]') as HTMLElement;
    expect(flagged.dataset.flagged).toBe('true');
    expect(within(flagged).getByTestId('catatan-perbaikan').textContent).toBe('Perlu perbaikan: Dasar hukumnya huruf h angka 2, bukan angka 1.');
  });

  it('step 2: the Nota Dinas is saved, then issued with the next number and shown as a letter', async () => {
    const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await as('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: B[0], judul: 'Profil Dinas' }] });
    await as('operator', 'cycles.act', { cycleId: id, action: 'report' });

    show('ppid', `#/siklus/${id}`);
    const form = await screen.findByRole('form', { name: 'Konsep Nota Dinas' });
    expect((within(form).getByLabelText(/^Isi/) as HTMLTextAreaElement).value).toContain('1. Profil Dinas (Sekretariat)');
    type(within(form).getByLabelText(/^Hal/), 'Pendokumentasian Informasi Publik 2027');
    expect(screen.getByTestId('status-nota-dinas').textContent).toBe('Belum disimpan');
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan konsep' }));
    await waitFor(() => expect(screen.getByTestId('status-nota-dinas').textContent).toBe('Tersimpan'));
    expect((await as('ppid', 'cycles.get', { cycleId: id })).notaDinas.draft.hal).toBe('Pendokumentasian Informasi Publik 2027');

    fireEvent.click(within(form).getByRole('button', { name: 'Terbitkan…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terbitkan Nota Dinas' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terbitkan Nota Dinas' }));
    await waitFor(() => expect(screen.getByTestId('tahap-sekarang').textContent).toBe('Langkah 3: Pengumpulan & klasifikasi'));
    fireEvent.click(screen.getByRole('tab', { name: /Nota Dinas/ }));
    expect((await within(await screen.findByTestId('nota-dinas-surat')).findByTestId('nomor-surat')).textContent).toBe('NOMOR: 500.12.2/001/Diskominfotik/2026');
    expect(screen.getByTestId('nota-dinas-surat').textContent).toContain('Pendokumentasian Informasi Publik 2027');
  });
});
