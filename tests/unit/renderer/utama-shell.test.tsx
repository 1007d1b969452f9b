import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { installFakeApi } from '../../../renderer/src/test/fake-api';

/**
 * A PPID Utama office (Diskominfo) runs the same app with its own screens: the register of
 * OPD instead of cycles, its own officials and roles. The office kind is asked first at setup.
 */

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const navLabels = () => within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getAllByRole('link').map((a) => a.textContent?.replace(/\d+$/, '').trim());

describe('the PPID Utama layout', () => {
  it('shows the register as home and only the PPID Utama’s menu in a PPID Utama office', async () => {
    installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'sekretaris' });
    render(<App env="test" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Register OPD' })).toBeTruthy();
    expect(window.location.hash).toBe('#/beranda');
    expect(navLabels()).toEqual(['Register OPD', 'Terima paket OPD', 'Menunggu kepercayaan', 'Cari informasi', 'Dokumen kabupaten', 'Verifikasi dokumen', 'Pengaturan', 'Tentang']);
    // The OPD's own work (cycles, sending packages, its archive) is not offered here.
    expect(screen.queryByRole('link', { name: 'Beranda' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Paket' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Arsip' })).toBeNull();
    // One package waits for its sender's key (fake-utama.ts): the menu says so.
    const waiting = screen.getByRole('link', { name: /Menunggu kepercayaan/ });
    await waitFor(() => expect(within(waiting).getByLabelText('1 menunggu')).toBeTruthy());

    // An OPD address typed by hand leads home, not to a blank page.
    window.location.hash = '#/arsip';
    expect(await screen.findByRole('heading', { level: 1, name: 'Register OPD' })).toBeTruthy();
  });

  it('keeps the OPD’s own menu in an OPD office', async () => {
    installFakeApi({ state: 'ready', kind: 'opd', loggedInAs: 'ppid' });
    render(<App env="test" />);
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Navigasi utama' })).toBeTruthy());
    expect(navLabels()).toEqual(['Beranda', 'Paket', 'Arsip', 'Verifikasi dokumen', 'Pengaturan', 'Tentang']);
    expect(screen.queryByRole('link', { name: 'Register OPD' })).toBeNull();
  });

  it('offers the PPID Utama’s roles and names its officials as such in Pengaturan', async () => {
    installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'sekretaris' });
    render(<App env="test" />);
    await screen.findByRole('heading', { level: 1, name: 'Register OPD' });
    window.location.hash = '#/pengaturan/akun';
    const table = await screen.findByRole('table', { name: 'Akun pengguna' });
    // The table is drawn before its rows arrive ("Memuat…"); wait for the rows themselves.
    const kepala = (await within(table).findByText('Drs. Agustinus Rangkap, M.Si.')).closest('tr')!;
    expect(kepala.textContent).toContain('PPID Utama');
    const sekretaris = within(table).getByText('Yuliana Sari, S.Sos., M.AP.').closest('tr')!;
    expect(sekretaris.textContent).toContain('Sekretaris/Pengelola PPID Utama');

    fireEvent.click(within(kepala).getByRole('button', { name: 'Ubah akun ppidutama' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ubah akun ppidutama' });
    fireEvent.click(roleInput(within(dialog)));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['PPID Utama', 'Operator OPD']);

    window.location.hash = '#/pengaturan/pejabat';
    expect(await screen.findByRole('group', { name: 'PPID Utama' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Sekretaris/Pengelola PPID Utama' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Kepala OPD' })).toBeNull();
  });
});

// ---- the setup wizard ----

function person(legend: string) {
  return within(screen.getByRole('group', { name: legend }));
}

async function choosePangkat(legend: string, label: string) {
  const input = person(legend)
    .getAllByLabelText(/Pangkat\/golongan/)
    .find((el) => el.tagName === 'INPUT')!;
  fireEvent.click(input);
  fireEvent.click(await screen.findByRole('option', { name: label }));
}

async function fillPerson(legend: string, name: string, jabatan: string, pangkat: string, nip: string) {
  type(person(legend).getByLabelText(/Nama lengkap dengan gelar/), name);
  type(person(legend).getByLabelText(/Jabatan/), jabatan);
  await choosePangkat(legend, pangkat);
  type(person(legend).getByLabelText(/NIP/), nip);
}

const next = () => fireEvent.click(screen.getByRole('button', { name: /Lanjut/ }));
const stepText = () => screen.getByText(/Langkah \d dari 5/).textContent;

/** The Peran input of a Mantine Select (its option list carries the same label). */
const roleInput = (scope: ReturnType<typeof within>) => scope.getAllByLabelText(/^Peran/).find((el: HTMLElement) => el.tagName === 'INPUT') as HTMLInputElement;

async function roleOptionsOf(accountGroup: RegExp): Promise<string[]> {
  const input = roleInput(within(screen.getByRole('group', { name: accountGroup })));
  fireEvent.click(input);
  const listbox = await screen.findByRole('listbox');
  const options = within(listbox).getAllByRole('option').map((o) => o.textContent ?? '');
  fireEvent.click(input);
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  return options;
}

describe('Penyiapan awal: jenis kantor', () => {
  it('asks the kind of office first; a PPID Utama office gets its own officials and the roles PPID Utama and operator', async () => {
    const api = installFakeApi({ state: 'setup' });
    api.on('setup.complete', () => ({ ok: true, data: { done: true } }));
    render(<App env="test" />);

    const kind = await screen.findByRole('radiogroup', { name: /Jenis kantor/ });
    // An OPD unless chosen otherwise: the offices that use the app most.
    expect((within(kind).getByLabelText('Perangkat Daerah (OPD)') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(kind).getByLabelText('PPID Utama (Diskominfo)'));

    type(screen.getByLabelText(/Pemerintah daerah/), 'Kabupaten Kapuas Hulu');
    type(screen.getByLabelText(/Nama OPD/), 'Dinas Komunikasi, Informatika dan Statistik');
    type(screen.getByLabelText(/Kode unit/), 'Diskominfotik');
    type(screen.getByLabelText(/Tempat penandatanganan/), 'Putussibau');
    type(screen.getByLabelText(/Alamat kantor/), 'Jalan Lintas Selatan No. 12, Putussibau');
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 2 dari 5'));

    // The signer is the PPID Utama; the day-to-day keeper its secretary.
    expect(screen.queryByRole('group', { name: 'Kepala OPD' })).toBeNull();
    await fillPerson('PPID Utama', 'Drs. Agustinus Rangkap, M.Si.', 'Kepala Dinas Komunikasi, Informatika dan Statistik selaku PPID Utama', 'Pembina Tingkat I (IV/b)', '197008171995031004');
    await fillPerson('Sekretaris/Pengelola PPID Utama', 'Yuliana Sari, S.Sos., M.AP.', 'Sekretaris Dinas', 'Pembina (IV/a)', '197805122003122006');
    await fillPerson('Operator 1', 'Rizky Pratama, S.Kom.', 'Pranata Komputer', 'Penata Muda Tingkat I (III/b)', '199303212019031002');
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 3 dari 5'));
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 4 dari 5'));

    expect(await roleOptionsOf(/^Akun PPID Utama/)).toEqual(['PPID Utama', 'Operator OPD']);
    expect(await roleOptionsOf(/^Akun Operator 1/)).toEqual(['PPID Utama', 'Operator OPD']);
    for (const g of [/^Akun PPID Utama/, /^Akun Sekretaris\/Pengelola PPID Utama/, /^Akun Operator 1/]) {
      const acc = within(screen.getByRole('group', { name: g }));
      type(acc.getByLabelText(/^Kata sandi/), 'rahasia-kantor-1');
      type(acc.getByLabelText(/Ulangi kata sandi/), 'rahasia-kantor-1');
    }
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 5 dari 5'));
    expect(screen.getByText('PPID Utama (Diskominfo)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Simpan dan mulai/ }));

    await waitFor(() => expect(api.callsTo('setup.complete')).toHaveLength(1));
    const sent = api.callsTo('setup.complete')[0]!.input as { officeKind: string; accounts: { username: string; role: string; isAdmin: boolean }[] };
    expect(sent.officeKind).toBe('utama');
    expect(sent.accounts.map((a) => [a.username, a.role, a.isAdmin])).toEqual([
      ['agustinus', 'ppid_utama', false],
      ['yuliana', 'ppid_utama', true],
      ['rizky', 'operator', false],
    ]);
  });

  it('offers an OPD’s three roles, and puts a role back when the kind changes after the accounts step', async () => {
    installFakeApi({ state: 'setup' });
    render(<App env="test" />);
    const kind = await screen.findByRole('radiogroup', { name: /Jenis kantor/ });
    fireEvent.click(within(kind).getByLabelText('PPID Utama (Diskominfo)'));
    type(screen.getByLabelText(/Pemerintah daerah/), 'Kabupaten Kapuas Hulu');
    type(screen.getByLabelText(/Nama OPD/), 'Dinas Pendidikan');
    type(screen.getByLabelText(/Kode unit/), 'Disdik');
    type(screen.getByLabelText(/Tempat penandatanganan/), 'Putussibau');
    type(screen.getByLabelText(/Alamat kantor/), 'Jalan Kom Yos Sudarso No. 5, Putussibau');
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 2 dari 5'));
    await fillPerson('PPID Utama', 'Drs. Paulus Sigit, M.Pd.', 'Kepala Dinas', 'Pembina Tingkat I (IV/b)', '197008131995031004');
    await fillPerson('Sekretaris/Pengelola PPID Utama', 'Maria Ulfa, S.E., M.M.', 'Sekretaris Dinas', 'Pembina (IV/a)', '197905122005012006');
    await fillPerson('Operator 1', 'Andreas Kurniawan, S.Kom.', 'Pranata Komputer', 'Penata Muda Tingkat I (III/b)', '199203212019031001');
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 3 dari 5'));
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 4 dari 5'));
    expect(screen.getByRole('group', { name: /^Akun PPID Utama/ })).toBeTruthy();

    // Back to the first step: this is an OPD after all.
    fireEvent.click(screen.getByRole('button', { name: /Kantor/ }));
    await waitFor(() => expect(stepText()).toBe('Langkah 1 dari 5'));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /Jenis kantor/ })).getByLabelText('Perangkat Daerah (OPD)'));
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 2 dari 5'));
    expect(screen.getByRole('group', { name: 'Kepala OPD' })).toBeTruthy();
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 3 dari 5'));
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 4 dari 5'));
    expect(await roleOptionsOf(/^Akun Kepala OPD/)).toEqual(['Operator OPD', 'PPID Pembantu', 'Kepala OPD']);
    // The roles chosen for a PPID Utama office do not stay on an OPD's accounts.
    const kepala = within(screen.getByRole('group', { name: /^Akun Kepala OPD/ }));
    expect(roleInput(kepala).value).toBe('Kepala OPD');
    const ketua = within(screen.getByRole('group', { name: /^Akun Ketua PPID Pembantu/ }));
    expect(roleInput(ketua).value).toBe('PPID Pembantu');
  });
});
