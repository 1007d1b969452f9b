import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { IntakeApplied, IntakeCheck } from '../../../electron/core/domain/regency/model';
import type { Result } from '../../../electron/core/result';
import { App } from '../../../renderer/src/app/App';
import { installFakeApi, type FakeApi } from '../../../renderer/src/test/fake-api';
import { fakeApply, fakeCheck } from '../../../renderer/src/test/fake-utama';

/**
 * "Terima paket OPD": many files at once. Each is checked by the core one after another
 * while a bar says how far it is; "Terapkan" applies the ones that can be, one after another;
 * the end says what happened to every file, refusals with their reasons.
 */

/** A call held until the test lets it answer, so the screen can be looked at in between. */
function gate<T>() {
  const waiting: { resolve(v: T): void; run(): T }[] = [];
  let open = 0;
  let most = 0;
  return {
    wrap(run: () => T): Promise<T> {
      open += 1;
      most = Math.max(most, open);
      return new Promise<T>((resolve) => waiting.push({ resolve, run }));
    },
    /** Lets the oldest held call answer. */
    release() {
      const next = waiting.shift();
      if (!next) throw new Error('no call is waiting');
      open -= 1;
      next.resolve(next.run());
    },
    get held() {
      return waiting.length;
    },
    /** The most calls ever outstanding at once. */
    get most() {
      return most;
    },
  };
}

const ppid = (name: string) => new File([`isi ${name}`], name, { type: 'application/octet-stream' });

function chooseFiles(files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[data-testid="pilih-paket-opd"]')!;
  fireEvent.change(input, { target: { files } });
}

async function open(api: FakeApi) {
  render(<App env="test" />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Terima paket OPD' })).toBeTruthy();
  return api;
}

const rowOf = (fileName: string) => document.querySelector<HTMLElement>(`tr[data-file="${fileName}"]`)!;

describe('Terima paket OPD', () => {
  it('checks many files one at a time with a progress bar, applies the ready and the waiting ones, and sums up every file', async () => {
    window.location.hash = '#/terima';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'operator' });
    const checks = gate<Result<IntakeCheck>>();
    const applies = gate<Result<IntakeApplied>>();
    api.on('utama.check', (input) => checks.wrap(() => ({ ok: true, data: fakeCheck(api.regency, (input as { fileName: string }).fileName) })));
    api.on('utama.apply', (input) => applies.wrap(() => fakeApply(api.regency, (input as { checkId: string }).checkId)));
    await open(api);

    // Ready (Dinas Pendidikan), received before (Dinkes), from a laptop not yet trusted (PUPR),
    // broken (BKAD): file names tell the fake core which (fake-utama.ts).
    const files = ['disdik-2026.ppid', 'dinkes-2026-sama.ppid', 'pupr-2026-baru.ppid', 'bkad-2026-rusak.ppid'];
    chooseFiles(files.map(ppid));

    for (let i = 1; i <= files.length; i++) {
      await waitFor(() => expect(checks.held).toBe(1));
      expect(screen.getByRole('progressbar', { name: `Memeriksa ${i} dari 4` })).toBeTruthy();
      expect(within(screen.getByTestId('kemajuan')).getByText(`Memeriksa ${i} dari 4`)).toBeTruthy();
      // Not yet checked files wait their turn; nothing can be applied while checking.
      expect(within(rowOf(files[files.length - 1]!)).getByText(i < files.length ? 'Menunggu giliran' : 'Sedang diperiksa…')).toBeTruthy();
      expect(screen.queryByRole('button', { name: /Terapkan/ })).toBeNull();
      checks.release();
    }
    // One call at a time: the window is never waiting on forty answers at once.
    expect(checks.most).toBe(1);
    expect(api.callsTo('utama.check').map((c) => (c.input as { fileName: string }).fileName)).toEqual(files);

    const apply = await screen.findByRole('button', { name: 'Terapkan 2 paket' });
    expect(screen.queryByTestId('kemajuan')).toBeNull();
    const summary = screen.getByTestId('ringkasan-periksa');
    expect(summary.textContent).toContain('4 berkas diperiksa');
    expect(within(rowOf('disdik-2026.ppid')).getByText('Siap diterapkan')).toBeTruthy();
    expect(within(rowOf('disdik-2026.ppid')).getByText('Dinas Pendidikan')).toBeTruthy();
    expect(rowOf('disdik-2026.ppid').textContent).toContain('DIP 2026: Langkah 5: Pemeriksaan Kepala OPD (3 tindakan baru)');
    expect(within(rowOf('dinkes-2026-sama.ppid')).getByText('Sudah diterima')).toBeTruthy();
    expect(within(rowOf('pupr-2026-baru.ppid')).getByText('Menunggu kunci dipercaya')).toBeTruthy();
    expect(within(rowOf('bkad-2026-rusak.ppid')).getByText('Ditolak')).toBeTruthy();
    expect(rowOf('bkad-2026-rusak.ppid').textContent).toContain('tanda tangan paket tidak cocok');
    // Checked, not written.
    expect(api.callsTo('utama.apply')).toHaveLength(0);

    fireEvent.click(apply);
    await waitFor(() => expect(applies.held).toBe(1));
    expect(screen.getByRole('progressbar', { name: 'Menerapkan 1 dari 2' })).toBeTruthy();
    applies.release();
    await waitFor(() => expect(applies.held).toBe(1));
    expect(screen.getByRole('progressbar', { name: 'Menerapkan 2 dari 2' })).toBeTruthy();
    applies.release();

    const done = await screen.findByTestId('ringkasan-akhir');
    expect(applies.most).toBe(1);
    // Only what could change anything was sent: the ready package and the one that waits.
    const checkIds = api.callsTo('utama.apply').map((c) => (c.input as { checkId: string }).checkId);
    expect(checkIds).toEqual([fakeCheck(api.regency, 'disdik-2026.ppid').checkId, fakeCheck(api.regency, 'pupr-2026-baru.ppid').checkId]);
    const count = (r: string) => done.querySelector(`[data-count="${r}"]`)!.textContent;
    expect(count('diterapkan')).toBe('Diterapkan: 1');
    expect(count('sama')).toBe('Sudah diterima: 1');
    expect(count('menunggu_kepercayaan')).toBe('Menunggu kepercayaan: 1');
    expect(count('ditolak')).toBe('Ditolak: 1');
    expect(within(done).getByText('3 tindakan baru dicatat di register OPD.')).toBeTruthy();
    expect(within(done).getByTestId('alasan-tolak').textContent).toBe(
      'bkad-2026-rusak.ppid: Berkas ini bukan paket PPID Desk yang utuh: tanda tangan paket tidak cocok dengan isinya.',
    );
    expect(within(done).getByRole('link', { name: 'Buka Menunggu kepercayaan' })).toBeTruthy();
    expect(within(rowOf('disdik-2026.ppid')).getByText('Diterapkan')).toBeTruthy();
    expect(within(rowOf('pupr-2026-baru.ppid')).getByText('Menunggu kepercayaan')).toBeTruthy();
    // The package now waiting is counted in the menu (one was waiting before).
    const waiting = within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getByRole('link', { name: /Menunggu kepercayaan/ });
    await waitFor(() => expect(within(waiting).getByLabelText('2 menunggu')).toBeTruthy());
  });

  it('says in the summary why a file the core refused at apply time was not taken, and a file that is no package is refused without being sent', async () => {
    window.location.hash = '#/terima';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'sekretaris' });
    api.on('utama.apply', () => ({ ok: false, code: 'CONFLICT', message: 'Siklus dalam paket ini sudah tercatat untuk OPD lain (Dinas Kesehatan). Paket tidak diterapkan.' }));
    await open(api);
    chooseFiles([ppid('disdik-2026.ppid'), new File(['%PDF'], 'surat.pdf')]);

    fireEvent.click(await screen.findByRole('button', { name: 'Terapkan 1 paket' }));
    const done = await screen.findByTestId('ringkasan-akhir');
    expect(api.callsTo('utama.check')).toHaveLength(1);
    expect(done.querySelector('[data-count="ditolak"]')!.textContent).toBe('Ditolak: 2');
    expect(done.querySelector('[data-count="diterapkan"]')!.textContent).toBe('Diterapkan: 0');
    const reasons = within(done).getByTestId('alasan-tolak').textContent!;
    expect(reasons).toContain('disdik-2026.ppid: Siklus dalam paket ini sudah tercatat untuk OPD lain (Dinas Kesehatan). Paket tidak diterapkan.');
    expect(reasons).toContain('surat.pdf: Bukan berkas paket PPID Desk (.ppid).');
  });

  it('takes files dropped anywhere on the window and opens the intake screen', async () => {
    window.location.hash = '#/beranda';
    installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'sekretaris' });
    render(<App env="test" />);
    await screen.findByRole('heading', { level: 1, name: 'Register OPD' });
    const files = [ppid('disdik-2026.ppid'), ppid('dinkes-2026.ppid')];
    const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(await screen.findByTestId('zona-paket-opd')).toBeTruthy();
    fireEvent.drop(window, { dataTransfer });
    expect(await screen.findByRole('heading', { level: 1, name: 'Terima paket OPD' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Terapkan 2 paket' })).toBeTruthy();
  });
});
