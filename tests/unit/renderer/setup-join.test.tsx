import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Core } from '../../../electron/core/app-core';
import type { AppStatus, SettingsView } from '../../../electron/core/contract';
import type { DeviceSelfView } from '../../../electron/core/domain/sync/trust';
import { App } from '../../../renderer/src/app/App';
import { coreOpener, login, must, setUpDataDir, snapshotDir, tempDir, USERS } from '../../fixtures/harness';

/**
 * "Gabung ke kantor yang sudah ada" on the first-run screen, against real cores: the office
 * package comes from an administrator's laptop, and the screen joins a fresh one with it.
 */

const open = coreOpener();

async function adminLaptop() {
  const core = await open(await setUpDataDir());
  const admin = await login(core, USERS.admin);
  const pkg = await must<{ fileName: string; base64: string }>(core, 'office.exportPackage', {}, admin);
  const self = await must<DeviceSelfView>(core, 'devices.self', {}, admin);
  const settings = await must<SettingsView>(core, 'settings.get', {}, admin);
  return { core, admin, pkg, self, settings };
}

async function freshLaptop(): Promise<{ core: Core; dir: string }> {
  const dir = await tempDir();
  const core = await open(dir);
  window.ppid = { platform: 'browser', invoke: (envelope) => core.invoke(envelope) };
  return { core, dir };
}

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function chooseFile(bytes: Buffer, name: string) {
  const input = await waitFor(() => {
    // The join screen's own picker: it offers .ppid files only.
    const el = document.querySelector<HTMLInputElement>('input[type=file][accept=".ppid"]');
    if (!el) throw new Error('no .ppid file input yet');
    return el;
  });
  fireEvent.change(input, { target: { files: [new File([new Uint8Array(bytes)], name)] } });
}

describe('Penyiapan awal: gabung ke kantor yang sudah ada', () => {
  it('joins with the office package: summary with the sender’s key to compare by phone, own accounts, then the login screen', async () => {
    const a = await adminLaptop();
    const b = await freshLaptop();
    render(<App env="test" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Gabung ke kantor yang sudah ada' }));
    expect(await screen.findByRole('heading', { name: 'Pilih paket kantor' })).toBeTruthy();
    await chooseFile(Buffer.from(a.pkg.base64, 'base64'), a.pkg.fileName);

    // The summary: what the package holds, and the key to read aloud.
    expect(await screen.findByRole('heading', { name: 'Periksa isi paket' })).toBeTruthy();
    expect(screen.getByText(a.settings.office.opdName)).toBeTruthy();
    expect(screen.getByText(a.settings.officials.kepala.name)).toBeTruthy();
    expect(screen.getByTestId('kode-kunci-pengirim').textContent).toBe(a.self.fingerprint);
    expect(screen.getByText(/Laptop pengirim:/).textContent).toBe(`Laptop pengirim: ${a.self.name}, kode kunci`);
    const trusted = within(screen.getByRole('table', { name: 'Laptop yang akan dipercaya' }));
    expect(trusted.getByText(a.self.name)).toBeTruthy();
    expect(trusted.getByText('Kepala OPD')).toBeTruthy();

    // Not on without saying the digits matched.
    fireEvent.click(screen.getByRole('button', { name: /Lanjut/ }));
    expect(await screen.findByText('Cocokkan kode kunci dulu sebelum melanjutkan.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Kode kunci sudah saya cocokkan/));
    fireEvent.click(screen.getByRole('button', { name: /Lanjut/ }));

    // The accounts step of setup, for the package's officials.
    expect(await screen.findByRole('heading', { name: 'Akun di laptop ini' })).toBeTruthy();
    const ketua = within(screen.getByRole('group', { name: /^Akun Ketua PPID Pembantu/ }));
    expect((ketua.getByLabelText(/Nama pengguna/) as HTMLInputElement).value).toBe('yuliana');
    for (const group of screen.getAllByRole('group', { name: /^Akun / })) {
      type(within(group).getByLabelText(/^Kata sandi/), 'sandi-laptop-b-1');
      type(within(group).getByLabelText(/Ulangi kata sandi/), 'sandi-laptop-b-1');
    }
    fireEvent.click(screen.getByRole('button', { name: /Gabung dan mulai/ }));

    await waitFor(() => expect(window.location.hash).toBe('#/masuk'));
    expect((await must<AppStatus>(b.core, 'app.status')).state).toBe('ready');
    const admin = await login(b.core, 'yuliana', 'sandi-laptop-b-1');
    const joined = await must<SettingsView>(b.core, 'settings.get', {}, admin);
    expect(joined.officeId).toBe(a.settings.officeId);
    expect(joined.office).toEqual(a.settings.office);
    // Three screens typed through, two cores, four passwords hashed: more than the usual screen test.
  }, 120_000);

  it('refuses a work package with the reason and writes nothing', async () => {
    const a = await adminLaptop();
    const op = await login(a.core, USERS.operator);
    const { id } = await must<{ id: string }>(a.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op);
    const work = await must<{ fileName: string; base64: string }>(a.core, 'sync.export', { cycleIds: [id] }, op);
    const b = await freshLaptop();
    const before = await snapshotDir(b.dir);
    render(<App env="test" />);
    type(await screen.findByLabelText(/Nama OPD/), 'Dinas Pendidikan dan Kebudayaan');

    fireEvent.click(await screen.findByRole('button', { name: 'Gabung ke kantor yang sudah ada' }));
    await chooseFile(Buffer.from(work.base64, 'base64'), work.fileName);

    const alert = (await screen.findByText('Paket kantor ditolak')).closest<HTMLElement>('[role=alert]')!;
    expect(alert.textContent).toContain('Ini kiriman pekerjaan, bukan paket kantor.');
    expect(screen.getByRole('heading', { name: 'Pilih paket kantor' })).toBeTruthy();
    expect(await snapshotDir(b.dir)).toEqual(before);

    // Back to the ordinary setup, where nothing typed was lost.
    fireEvent.click(screen.getByRole('button', { name: /Kembali ke penyiapan awal/ }));
    expect(await screen.findByRole('heading', { name: 'Data kantor' })).toBeTruthy();
    expect((screen.getByLabelText(/Nama OPD/) as HTMLInputElement).value).toBe('Dinas Pendidikan dan Kebudayaan');
  });
});
