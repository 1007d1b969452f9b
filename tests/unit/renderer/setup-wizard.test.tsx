import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { installFakeApi } from '../../../renderer/src/test/fake-api';

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function fillOfficeStep() {
  type(await screen.findByLabelText(/Pemerintah daerah/), 'Kabupaten Kapuas Hulu');
  type(screen.getByLabelText(/Nama OPD/), 'Dinas Pendidikan dan Kebudayaan');
  type(screen.getByLabelText(/Kode unit/), 'Disdikbud');
  type(screen.getByLabelText(/Tempat penandatanganan/), 'Putussibau');
  type(screen.getByLabelText(/Alamat kantor/), 'Jalan Kom Yos Sudarso No. 5, Putussibau');
}

function person(legend: string) {
  return within(screen.getByRole('group', { name: legend }));
}

async function choosePangkat(legend: string, label: string) {
  // The option list is labelled by the same label; the input is the one to click.
  const input = person(legend)
    .getAllByLabelText(/Pangkat\/golongan/)
    .find((el) => el.tagName === 'INPUT')!;
  fireEvent.click(input);
  fireEvent.click(await screen.findByRole('option', { name: label }));
}

async function fillPeople(opts: { operatorAsn?: 'PNS' | 'PPPK'; operatorNip?: string } = {}) {
  const k = person('Kepala OPD');
  type(k.getByLabelText(/Nama lengkap dengan gelar/), 'Drs. Paulus Sigit, M.Pd.');
  type(k.getByLabelText(/Jabatan/), 'Kepala Dinas Pendidikan dan Kebudayaan');
  await choosePangkat('Kepala OPD', 'Pembina Tingkat I (IV/b)');
  type(k.getByLabelText(/NIP/), '197008131995031004');

  const c = person('Ketua PPID Pembantu');
  type(c.getByLabelText(/Nama lengkap dengan gelar/), 'Maria Ulfa, S.E., M.M.');
  type(c.getByLabelText(/Jabatan/), 'Sekretaris Dinas');
  await choosePangkat('Ketua PPID Pembantu', 'Pembina (IV/a)');
  type(c.getByLabelText(/NIP/), '197905122005012006');

  const o = person('Operator 1');
  type(o.getByLabelText(/Nama lengkap dengan gelar/), 'Andreas Kurniawan, S.Kom.');
  type(o.getByLabelText(/Jabatan/), 'Pranata Komputer');
  if (opts.operatorAsn === 'PPPK') fireEvent.click(o.getByLabelText('PPPK'));
  else await choosePangkat('Operator 1', 'Penata Muda Tingkat I (III/b)');
  type(o.getByLabelText(/NIP/), opts.operatorNip ?? '199203212019031001');
}

const next = () => fireEvent.click(screen.getByRole('button', { name: /Lanjut/ }));
const stepText = () => screen.getByText(/Langkah \d dari 5/).textContent;

describe('Penyiapan awal (setup wizard)', () => {
  it('refuses to leave the Pejabat step with an invalid PNS NIP and says why in Indonesian', async () => {
    installFakeApi({ state: 'setup' });
    render(<App env="test" />);
    await fillOfficeStep();
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 2 dari 5'));

    await fillPeople();
    // Month 13 in the birth date: not a real date.
    type(person('Kepala OPD').getByLabelText(/NIP/), '197013131995031004');
    next();

    expect(await screen.findByText('Tanggal lahir pada NIP (13-13-1970) tidak valid.')).toBeTruthy();
    expect(stepText()).toBe('Langkah 2 dari 5');
    expect(person('Kepala OPD').getByLabelText(/NIP/).getAttribute('aria-invalid')).toBe('true');
  });

  it('only warns about an odd PPPK number and lets the wizard continue', async () => {
    installFakeApi({ state: 'setup' });
    render(<App env="test" />);
    await fillOfficeStep();
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 2 dari 5'));
    // PPPK numbers do not follow the PNS layout: appointment month "21" is not a month.
    await fillPeople({ operatorAsn: 'PPPK', operatorNip: '199203212023211001' });
    fireEvent.blur(person('Operator 1').getByLabelText(/NIP/));

    expect(await screen.findByText(/Untuk PPPK hanya peringatan/)).toBeTruthy();
    expect(person('Operator 1').getByLabelText(/NIP/).getAttribute('aria-invalid')).not.toBe('true');
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 3 dari 5'));
  });

  it('shows an error the core returns on the field and step it belongs to', async () => {
    const api = installFakeApi({ state: 'setup' });
    api.on('setup.complete', () => ({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Data tidak valid: Nama OPD sudah dipakai.',
      issues: [{ path: 'office.opdName', message: 'Nama OPD sudah dipakai.' }],
    }));
    render(<App env="test" />);
    await fillOfficeStep();
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 2 dari 5'));
    await fillPeople();
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 3 dari 5'));
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 4 dari 5'));

    // Usernames are suggested from the names; passwords are the user's to choose.
    const kepalaAccount = within(screen.getByRole('group', { name: /^Akun Kepala OPD/ }));
    expect((kepalaAccount.getByLabelText(/Nama pengguna/) as HTMLInputElement).value).toBe('paulus');
    for (const g of [/^Akun Kepala OPD/, /^Akun Ketua PPID Pembantu/, /^Akun Operator 1/]) {
      const acc = within(screen.getByRole('group', { name: g }));
      type(acc.getByLabelText(/^Kata sandi/), 'rahasia-kantor-1');
      type(acc.getByLabelText(/Ulangi kata sandi/), 'rahasia-kantor-1');
    }
    next();
    await waitFor(() => expect(stepText()).toBe('Langkah 5 dari 5'));
    fireEvent.click(screen.getByRole('button', { name: /Simpan dan mulai/ }));

    await waitFor(() => expect(stepText()).toBe('Langkah 1 dari 5'));
    expect(await screen.findByText('Nama OPD sudah dipakai.')).toBeTruthy();
    expect(screen.getByLabelText(/Nama OPD/).getAttribute('aria-invalid')).toBe('true');
    const sent = api.callsTo('setup.complete')[0]!.input as { accounts: { username: string; role: string; isAdmin: boolean }[] };
    expect(sent.accounts.map((a) => [a.username, a.role, a.isAdmin])).toEqual([
      ['paulus', 'kepala_opd', false],
      ['maria', 'ppid_pembantu', true],
      ['andreas', 'operator', false],
    ]);
  });

  it('loads the demo data and goes to the login screen', async () => {
    const api = installFakeApi({ state: 'setup' });
    render(<App env="test" />);
    fireEvent.click(await screen.findByRole('button', { name: /Coba dengan data contoh/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/masuk'));
    expect(api.callsTo('setup.loadDemo')).toHaveLength(1);
    expect(await screen.findByRole('table', { name: 'Akun contoh' })).toBeTruthy();
  });
});
