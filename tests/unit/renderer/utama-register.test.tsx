import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { installFakeApi, type FakeApi } from '../../../renderer/src/test/fake-api';
import { fakeHex } from '../../../renderer/src/test/fake-utama';

/**
 * The PPID Utama's register of OPD for a year, against the fake core's six OPD of Kapuas Hulu
 * (renderer/src/test/fake-utama.ts): who signed, who is at which step, who is late, who sent
 * nothing; sortable and filterable as the PPID Utama chases them.
 */

const BKAD = 'Badan Keuangan dan Aset Daerah';
const DUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const DINKES = 'Dinas Kesehatan';
const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';
const DISDIK = 'Dinas Pendidikan';
const KECAMATAN = 'Kecamatan Putussibau Utara';

async function showRegister(user = 'sekretaris'): Promise<FakeApi> {
  window.location.hash = '#/beranda';
  const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: user });
  render(<App env="test" />);
  await screen.findByRole('table', { name: 'Register OPD' });
  return api;
}

const names = () => screen.queryAllByTestId('nama-opd').map((b) => b.textContent);
const rowOf = (name: string) => screen.getByText(name, { selector: '[data-testid="nama-opd"]' }).closest('tr')!;
const sortBy = (label: string) => fireEvent.click(screen.getByRole('button', { name: `Urutkan menurut ${label}` }));

describe('Register OPD', () => {
  it('shows the year’s totals and each OPD’s standing, step, lateness and what needs attention', async () => {
    await showRegister();
    const total = (k: string) => screen.getByTestId(`jumlah-${k}`).textContent;
    expect([total('opd'), total('ditandatangani'), total('proses'), total('belum_kirim'), total('late')]).toEqual(['6', '2', '2', '2', '2']);

    expect(names()).toEqual([BKAD, DUKCAPIL, DINKES, PUPR, DISDIK, KECAMATAN]);
    const dinkes = within(rowOf(DINKES));
    expect(dinkes.getByText('Ditandatangani')).toBeTruthy();
    expect(dinkes.getByText('Terlambat')).toBeTruthy();
    expect(dinkes.getByText('Ditandatangani 4 hari kerja sesudah batas')).toBeTruthy();
    expect(dinkes.getByText('2 berkala lewat waktu')).toBeTruthy();
    expect(dinkes.getByText('24 November 2026', { selector: 'td:last-child *' })).toBeTruthy();
    const pupr = within(rowOf(PUPR));
    expect(pupr.getByText('Dalam proses')).toBeTruthy();
    expect(pupr.getByText('Langkah 4: Pemeriksaan PPID Pembantu')).toBeTruthy();
    expect(within(rowOf(BKAD)).getByText('1 pengecualian berakhir')).toBeTruthy();
    const dukcapil = within(rowOf(DUKCAPIL));
    expect(dukcapil.getByText('Belum mengirim')).toBeTruthy();
    expect(dukcapil.getByText('1 paket menunggu')).toBeTruthy();
    expect(dukcapil.getByText('Belum pernah')).toBeTruthy();
  });

  it('sorts by name, standing, step, lateness and the last package, each way', async () => {
    await showRegister();
    sortBy('opd');
    expect(names()).toEqual([KECAMATAN, DISDIK, PUPR, DINKES, DUKCAPIL, BKAD]);
    expect(screen.getByRole('columnheader', { name: /OPD/ }).getAttribute('aria-sort')).toBe('descending');

    // The most late first: Dinkes signed 4 working days late, PUPR is 3 days over at step 4.
    sortBy('ketepatan waktu');
    expect(names().slice(0, 2)).toEqual([DINKES, PUPR]);
    expect(screen.getByRole('columnheader', { name: /Ketepatan waktu/ }).getAttribute('aria-sort')).toBe('descending');

    // Newest package first; those who never sent last (A→Z among themselves).
    sortBy('paket terakhir');
    expect(names()).toEqual([BKAD, DINKES, DISDIK, PUPR, DUKCAPIL, KECAMATAN]);
    sortBy('paket terakhir');
    expect(names()).toEqual([DUKCAPIL, KECAMATAN, PUPR, DISDIK, DINKES, BKAD]);

    // Those who sent nothing, then those in progress, then the signed ones.
    sortBy('status');
    expect(names()).toEqual([DUKCAPIL, KECAMATAN, BKAD, PUPR, DINKES, DISDIK]);

    // Furthest along the SOP last: nothing sent, step 3, step 4, step 6.
    sortBy('langkah');
    expect(names()).toEqual([DUKCAPIL, KECAMATAN, BKAD, PUPR, DINKES, DISDIK]);
    sortBy('langkah');
    expect(names().slice(0, 2)).toEqual([DINKES, DISDIK]);
  });

  it('filters by standing, lateness and text, and says how many are shown', async () => {
    await showRegister();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'belum_kirim' } });
    expect(names()).toEqual([DUKCAPIL, KECAMATAN]);
    expect(screen.getByTestId('jumlah-tampil').textContent).toBe('2 dari 6 OPD');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Hanya yang terlambat'));
    expect(names()).toEqual([DINKES, PUPR]);
    // Both at once: late and still in progress.
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'proses' } });
    expect(names()).toEqual([PUPR]);

    fireEvent.click(screen.getByRole('button', { name: 'Hapus saringan' }));
    expect(names()).toHaveLength(6);
    // By name, unit code or the contact's name, whatever the case.
    fireEvent.change(screen.getByLabelText('Cari OPD'), { target: { value: 'KESEHATAN' } });
    expect(names()).toEqual([DINKES]);
    fireEvent.change(screen.getByLabelText('Cari OPD'), { target: { value: 'pupr' } });
    expect(names()).toEqual([PUPR]);
    fireEvent.change(screen.getByLabelText('Cari OPD'), { target: { value: 'goreti' } });
    expect(names()).toEqual([BKAD]);
    fireEvent.change(screen.getByLabelText('Cari OPD'), { target: { value: 'dinas perhubungan' } });
    expect(names()).toEqual([]);
    expect(screen.getByText('Tidak ada OPD yang cocok dengan saringan ini.')).toBeTruthy();
  });

  it('asks the core for another year when one is picked', async () => {
    const api = await showRegister();
    expect(api.callsTo('utama.register').at(-1)!.input).toEqual({ year: null });
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2025' } });
    await waitFor(() => expect(api.callsTo('utama.register').at(-1)!.input).toEqual({ year: 2025 }));
    await waitFor(() => expect(screen.getByTestId('jumlah-late').textContent).toBe('0'));
  });

  it('opens an OPD’s page with its contact, trusted laptop and cycles, and corrects its data with the core’s message on the field', async () => {
    const api = await showRegister();
    fireEvent.click(screen.getByText(DINKES, { selector: '[data-testid="nama-opd"]' }));
    expect(await screen.findByRole('heading', { level: 1, name: DINKES })).toBeTruthy();
    expect(window.location.hash).toBe('#/opd/e-dinkes?tahun=2026');
    expect(screen.getByText('dr. Paulina Sari')).toBeTruthy();
    expect(screen.getByText('0813 4520 7788')).toBeTruthy();
    const keys = within(screen.getByRole('table', { name: 'Laptop pengirim yang dipercaya' }));
    expect(keys.getByText('Laptop PPID Dinkes')).toBeTruthy();
    expect(keys.getByText('Aktif')).toBeTruthy();
    const cycles = screen.getByRole('table', { name: 'Siklus OPD per tahun' });
    expect(cycles.querySelector('tr[data-year="2026"]')!.textContent).toContain('Langkah 6: Arsip DIK');

    fireEvent.click(screen.getByRole('button', { name: 'Ubah data OPD' }));
    const dialog = await screen.findByRole('dialog', { name: `Ubah data ${DINKES}` });
    // Checked here as the core checks it, before anything is sent.
    fireEvent.change(within(dialog).getByLabelText('Telepon'), { target: { value: 'tanya sekretariat' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(await within(dialog).findByText('Nomor telepon hanya boleh berisi angka, spasi, tanda kurung, + dan -.')).toBeTruthy();
    expect(api.callsTo('utama.saveEntry')).toHaveLength(0);

    // What only the core knows comes back on its field: another OPD already has that unit code.
    fireEvent.change(within(dialog).getByLabelText('Telepon'), { target: { value: '0813 4520 7789' } });
    fireEvent.change(within(dialog).getByLabelText(/Kode unit/), { target: { value: 'pupr' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    const unit = within(dialog).getByLabelText(/Kode unit/);
    await waitFor(() => expect(unit.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText(`Kode unit pupr sudah dipakai ${PUPR}.`).length).toBeGreaterThan(0);

    fireEvent.change(unit, { target: { value: 'Dinkes' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('utama.saveEntry').at(-1)!.input).toMatchObject({ entryId: 'e-dinkes', unitCode: 'Dinkes', contact: { phone: '0813 4520 7789' } });
    expect(await screen.findByText('0813 4520 7789')).toBeTruthy();
  });

  it('adds an OPD typed by hand, which then shows as not having sent anything', async () => {
    await showRegister();
    fireEvent.click(screen.getByRole('button', { name: 'Tambah OPD' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tambah OPD ke register' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tambahkan' }));
    expect(await within(dialog).findByText('Nama OPD wajib diisi.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Nama OPD/), { target: { value: 'Dinas Perhubungan' } });
    fireEvent.change(within(dialog).getByLabelText(/Kode unit/), { target: { value: 'Dishub' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tambahkan' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(names()).toContain('Dinas Perhubungan'));
    expect(within(rowOf('Dinas Perhubungan')).getByText('Belum mengirim')).toBeTruthy();
  });
});

describe('Menunggu kepercayaan', () => {
  async function showWaiting(user: string) {
    window.location.hash = '#/menunggu';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: user });
    render(<App env="test" />);
    const card = await screen.findByTestId('pengirim-menunggu');
    return { api, card };
  }

  it('shows the sender’s name and 20-digit key in five groups with what to compare, and lets the PPID Utama trust it after ticking', async () => {
    const { api, card } = await showWaiting('ppidutama');
    expect(within(card).getByRole('heading', { name: DUKCAPIL })).toBeTruthy();
    expect(card.textContent).toContain('Dikirim dari laptop Laptop Sekretaris Disdukcapil');
    const groups = [...within(card).getByTestId('sidik-pengirim').querySelectorAll('.fingerprint-group')].map((g) => g.textContent);
    expect(groups).toEqual(['3997', '7530', '1284', '0056', '7781']);
    expect(within(card).getByTestId('petunjuk-cocokkan').textContent).toMatch(
      /^Cocokkan kode ini lewat telepon dengan PPID Pembantu Dinas Kependudukan dan Pencatatan Sipil: minta ia membuka Pengaturan › Perangkat di laptop “Laptop Sekretaris Disdukcapil”/,
    );

    const trust = within(card).getByRole('button', { name: 'Percayai & terapkan' });
    fireEvent.click(trust);
    expect(await within(card).findByText('Cocokkan dulu kode ini lewat telepon, lalu centang.')).toBeTruthy();
    expect(api.callsTo('utama.trustSender')).toHaveLength(0);

    fireEvent.click(within(card).getByLabelText(/Saya sudah mencocokkan kode ini/));
    fireEvent.click(trust);
    const result = await screen.findByTestId('hasil-percaya');
    expect(api.callsTo('utama.trustSender').map((c) => c.input)).toEqual([{ checkId: fakeHex('dukcapil-2026.ppid') }]);
    expect(result.textContent).toContain('dukcapil-2026.ppid (Dinas Kependudukan dan Pencatatan Sipil): 4 tindakan baru');
    expect(within(result).getByText('Diterapkan')).toBeTruthy();
    expect(await screen.findByText(/Tidak ada paket yang menunggu/)).toBeTruthy();
  });

  it('offers no trust button to an operator and says who can trust and why', async () => {
    const { api, card } = await showWaiting('operator');
    expect(within(card).queryByRole('button', { name: /Percayai/ })).toBeNull();
    expect(within(card).queryByLabelText(/Saya sudah mencocokkan/)).toBeNull();
    expect(within(card).getByTestId('hanya-ppid-utama').textContent).toContain('Hanya akun dengan peran PPID Utama yang dapat mempercayai kunci laptop OPD');
    // The code is still shown: the operator passes it on.
    expect(within(card).getByTestId('sidik-pengirim').textContent).toContain('3997');
    expect(api.callsTo('utama.trustSender')).toHaveLength(0);
  });
});

describe('Dokumen kabupaten', () => {
  it('shows draft lists, opens each document’s print view, and signs after a confirmation that says what is recorded', async () => {
    window.location.hash = '#/dokumen';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'ppidutama' });
    render(<App env="test" />);
    const sign = await screen.findByTestId('tanda-tangan-kabupaten');
    expect(sign.textContent).toContain('Belum ditandatangani');
    const dip = screen.getByText('Daftar Informasi Publik Kabupaten 2026').closest<HTMLElement>('[data-document]')!;
    expect(within(dip).getByTestId('status-dokumen').textContent).toBe('Draft');

    fireEvent.click(within(sign).getByRole('button', { name: 'Tandatangani' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tandatangani daftar kabupaten 2026?' });
    const recorded = within(dialog).getByTestId('yang-dicatat').textContent!;
    expect(recorded).toContain('Drs. Agustinus Rangkap, M.Si.');
    expect(recorded).toContain('versi bertanda tangan daftar setiap OPD yang dimuat (2 OPD)');
    expect(recorded).toContain('sidik DIP Kabupaten dan DIK Kabupaten 2026');
    expect(dialog.textContent).toContain('3 OPD belum mengirim daftar yang ditandatangani');
    expect(api.callsTo('utama.sign')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ya, tandatangani' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('utama.sign').map((c) => c.input)).toEqual([{ year: 2026 }]);
    await waitFor(() => expect(within(dip).getByTestId('status-dokumen').textContent).toBe('Final'));

    // The print view of the signed list carries its seal.
    fireEvent.click(within(dip).getByRole('button', { name: 'Cetak' }));
    await waitFor(() => expect(window.location.hash).toBe('#/cetak-kabupaten/2026/dip-kabupaten'));
    expect(await screen.findByTestId('ringkasan-gabungan')).toBeTruthy();
    expect(screen.getByTestId('status-dokumen').textContent).toBe('Final');
  });

  it('tells an operator that only the PPID Utama signs, and offers no signing', async () => {
    window.location.hash = '#/dokumen';
    installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'operator' });
    render(<App env="test" />);
    const sign = await screen.findByTestId('tanda-tangan-kabupaten');
    expect(within(sign).queryByRole('button', { name: /Tandatangani/ })).toBeNull();
    expect(within(sign).getByTestId('hanya-ppid-utama').textContent).toContain('Hanya akun dengan peran PPID Utama yang dapat menandatangani');
  });
});
