import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { DEMO_PASSWORD, installFakeApi } from '../../../renderer/src/test/fake-api';

describe('Masuk (login)', () => {
  it('shows the core\u2019s message for a wrong password and keeps the user on the login screen', async () => {
    const api = installFakeApi({ state: 'ready' });
    render(<App env="test" />);

    fireEvent.change(await screen.findByLabelText('Nama pengguna'), { target: { value: 'ppid' } });
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: 'bukan-sandinya' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nama pengguna atau kata sandi salah.');
    expect(api.callsTo('auth.login')).toHaveLength(1);
    expect(window.location.hash).toBe('#/masuk');
    // The password is cleared for the next try; the name stays.
    expect((screen.getByLabelText('Kata sandi') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Nama pengguna') as HTMLInputElement).value).toBe('ppid');
  });

  it('shows the throttling message as the core words it', async () => {
    const api = installFakeApi({ state: 'ready' });
    api.on('auth.login', () => ({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: 'Terlalu banyak percobaan yang salah. Coba lagi dalam 30 detik.' }));
    render(<App env="test" />);
    fireEvent.change(await screen.findByLabelText('Nama pengguna'), { target: { value: 'ppid' } });
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Coba lagi dalam 30 detik.');
  });

  it('does not call the core with an empty form', async () => {
    const api = installFakeApi({ state: 'ready' });
    render(<App env="test" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('Nama pengguna wajib diisi.')).toBeTruthy();
    expect(api.callsTo('auth.login')).toHaveLength(0);
  });

  it('fills a demo account with one click and logs in to Beranda', async () => {
    installFakeApi({ state: 'ready', demo: true });
    render(<App env="test" />);
    const table = await screen.findByRole('table', { name: 'Akun contoh' });
    fireEvent.click(within(table).getByRole('button', { name: 'Pakai akun ppid' }));
    expect((screen.getByLabelText('Kata sandi') as HTMLInputElement).value).toBe(DEMO_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    await waitFor(() => expect(window.location.hash).toBe('#/beranda'));
    expect(await screen.findByText(/Yuliana Sari, S\.Sos\., M\.AP\./, { selector: 'h1' })).toBeTruthy();
    // The ketua PPID performs SOP steps 2 and 4: exactly those rows are marked.
    const sop = screen.getByRole('table', { name: 'Alur SOP Pendokumentasian Informasi Publik' });
    const mine = sop.querySelectorAll('tbody tr[data-mine]');
    expect([...mine].map((tr) => tr.querySelector('td')?.textContent)).toEqual(['2', '4']);
  });
});
