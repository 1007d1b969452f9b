import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { HashRouter } from 'react-router';
import type { Verification } from '../../../electron/core/domain/document-views';
import { VerifyPage } from '../../../renderer/src/features/documents/VerifyPage';
import { installFakeApi } from '../../../renderer/src/test/fake-api';

const SIGNED: Verification = {
  result: 'signed',
  message: 'Ini adalah Daftar Informasi Publik "DIP 2026" versi 2 yang sah, ditandatangani oleh Drs. Agustinus Rangkap, M.Si.',
  cycleId: 'c0ffee00-1111-4222-8333-444455556666',
  title: 'DIP 2026',
  kind: 'dip',
  version: 2,
  signedAt: '2026-11-25T03:30:00.000Z',
  signedBy: 'Drs. Agustinus Rangkap, M.Si.',
};
const OLDER: Verification = {
  ...SIGNED,
  result: 'older',
  title: 'DIP 2025',
  message: 'Cocok dengan Daftar Informasi Publik "DIP 2025" yang ditandatangani, tetapi sudah digantikan oleh "DIP 2026".',
};
const NONE: Verification = {
  result: 'none',
  message: 'Tidak cocok dengan daftar yang ditandatangani mana pun di aplikasi ini.',
  cycleId: null,
  title: null,
  kind: null,
  version: null,
  signedAt: null,
  signedBy: null,
};

const QR_TEXT = `PPIDDESK|DIP|c0ffee00-1111-4222-8333-444455556666|v2|${'ab'.repeat(32)}`;

/** A fake core that knows one signed and one superseded list, and checks codes as the core does. */
function fakeCore() {
  const api = installFakeApi({ state: 'ready' });
  api.on('documents.verify', (input) => {
    const code = (input as { code: string }).code;
    if (code === QR_TEXT || code.toUpperCase().replace(/[^0-9A-F]/g, '') === 'C0EE4F97AB20') return { ok: true, data: SIGNED };
    if (code === '1111-2222-3333') return { ok: true, data: OLDER };
    if (!/^PPIDDESK\|/.test(code) && code.toUpperCase().replace(/[^0-9A-F]/g, '').length !== 12) {
      return { ok: false, code: 'INVALID_INPUT', message: 'Kode tidak dikenali. Ketik sidik dokumen (12 huruf/angka, mis. C0EE-4F97-AB20) atau isi kode QR.' };
    }
    return { ok: true, data: NONE };
  });
  return api;
}

function mount(readQr?: (file: Blob) => Promise<string | null>) {
  return render(
    <MantineProvider env="test">
      <HashRouter>
        <VerifyPage readQr={readQr} />
      </HashRouter>
    </MantineProvider>,
  );
}

async function check(code: string) {
  fireEvent.change(screen.getByLabelText('Sidik dokumen atau isi kode QR'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
  return screen.findByTestId('hasil-verifikasi');
}

describe('Verifikasi dokumen', () => {
  it('shows a signed list in green as "Dokumen sah" with what was signed, by whom and when', async () => {
    const api = fakeCore();
    mount();
    const result = await check(' c0ee-4f97-ab20 ');
    expect(result.getAttribute('data-result')).toBe('signed');
    expect(result.textContent).toContain('Dokumen sah');
    expect(result.textContent).toContain('Daftar Informasi Publik');
    expect(result.textContent).toContain('DIP 2026');
    expect(result.textContent).toContain('Drs. Agustinus Rangkap, M.Si.');
    expect(result.textContent).toContain('25 November 2026');
    expect(result.className).toMatch(/Alert/);
    expect(result.getAttribute('style') ?? '').toContain('teal');
    expect(screen.getByRole('link', { name: 'Lihat daftar yang ditandatangani' }).getAttribute('href')).toBe('#/cetak/c0ffee00-1111-4222-8333-444455556666/dip');
    expect(api.callsTo('documents.verify').map((c) => c.input)).toEqual([{ code: 'c0ee-4f97-ab20' }]);
  });

  it('shows a superseded list in amber as "Versi lama", saying what replaced it', async () => {
    fakeCore();
    mount();
    const result = await check('1111-2222-3333');
    expect(result.getAttribute('data-result')).toBe('older');
    expect(result.textContent).toContain('Versi lama');
    expect(result.textContent).toContain('sudah digantikan oleh "DIP 2026"');
    expect(result.getAttribute('style') ?? '').toContain('yellow');
  });

  it('shows a code that matches nothing in red as "Tidak cocok"', async () => {
    fakeCore();
    mount();
    const result = await check('0000-0000-0000');
    expect(result.getAttribute('data-result')).toBe('none');
    expect(result.textContent).toContain('Tidak cocok');
    expect(result.textContent).toContain('Tidak cocok dengan daftar yang ditandatangani mana pun');
    expect(result.getAttribute('style') ?? '').toContain('red');
    expect(screen.queryByRole('link', { name: 'Lihat daftar yang ditandatangani' })).toBeNull();
  });

  it('puts the core\u2019s refusal of a malformed code under the field, and asks for a code when empty', async () => {
    const api = fakeCore();
    mount();
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    expect(await screen.findByText('Isi sidik dokumen atau kode QR yang akan diperiksa.')).toBeTruthy();
    expect(api.callsTo('documents.verify')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Sidik dokumen atau isi kode QR'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    expect(await screen.findByText(/Kode tidak dikenali/)).toBeTruthy();
    expect(screen.getByLabelText('Sidik dokumen atau isi kode QR').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('hasil-verifikasi')).toBeNull();
  });

  it('reads the QR code from a chosen scan and checks what it says', async () => {
    const api = fakeCore();
    const read: Blob[] = [];
    mount(async (file) => {
      read.push(file);
      return QR_TEXT;
    });
    const scan = new File([new Uint8Array([137, 80, 78, 71])], 'pindaian.png', { type: 'image/png' });
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [scan] } });
    const result = await screen.findByTestId('hasil-verifikasi');
    expect(result.getAttribute('data-result')).toBe('signed');
    expect(read).toEqual([scan]);
    expect(api.callsTo('documents.verify').map((c) => c.input)).toEqual([{ code: QR_TEXT }]);
    expect((screen.getByLabelText('Sidik dokumen atau isi kode QR') as HTMLInputElement).value).toBe(QR_TEXT);
  });

  it('says plainly when no QR code could be read from the image, and checks nothing', async () => {
    const api = fakeCore();
    mount(async () => null);
    const photo = new File([new Uint8Array([255, 216, 255])], 'foto.jpg', { type: 'image/jpeg' });
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [photo] } });
    const note = await screen.findByTestId('qr-tidak-terbaca');
    expect(note.textContent).toContain('Kode QR tidak terbaca');
    expect(note.textContent).toContain('Tidak ada kode QR yang terbaca dari "foto.jpg"');
    expect(note.textContent).toContain('ketik sidik dokumen');
    expect(api.callsTo('documents.verify')).toHaveLength(0);
    expect(screen.queryByTestId('hasil-verifikasi')).toBeNull();
  });

  it('treats a reader failure like an unreadable image, and refuses files that are not PNG or JPG', async () => {
    fakeCore();
    mount(async () => {
      throw new Error('gambar rusak');
    });
    const input = document.querySelector('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['x'], 'rusak.png', { type: 'image/png' })] } });
    expect((await screen.findByTestId('qr-tidak-terbaca')).textContent).toContain('rusak.png');
    fireEvent.change(input, { target: { files: [new File(['%PDF'], 'daftar.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(screen.getByTestId('qr-tidak-terbaca').textContent).toContain('Berkas "daftar.pdf" bukan gambar PNG atau JPG.'));
  });
});
