import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { HashRouter } from 'react-router';
import type { ArchiveCycleView, ArchiveScanView, ScanCheck } from '../../../electron/core/domain/archive';
import { ArchivePage } from '../../../renderer/src/features/archive';
import { installFakeApi, type FakeApi } from '../../../renderer/src/test/fake-api';

/**
 * The Arsip screen against a fake core: what a user looks for (a year, a classification, a
 * bidang, a word), how long each record is kept, attaching a scan with the core's verdict
 * shown first, and opening a filed scan whose file was changed.
 */

const SCAN: ArchiveScanView = {
  attachmentId: 'scan-nd-2025',
  name: 'Nota Dinas 2025 ttd.pdf',
  bytes: 245_000,
  mime: 'application/pdf',
  sha256: 'ab'.repeat(32),
  version: 1,
  qr: { status: 'tanpa_kode', text: null },
  at: '2025-01-20T02:00:00.000Z',
  by: 'Rizky Pratama, S.Kom.',
};

function cycle(year: number, over: Partial<ArchiveCycleView> = {}): ArchiveCycleView {
  const id = `c-${year}`;
  return {
    id,
    title: `Daftar Informasi Publik Tahun ${year}`,
    year,
    version: 2,
    signedAt: `${year}-01-13T03:00:00.000Z`,
    signedBy: 'Drs. Agustinus Rangkap, M.Si.',
    notaDinasNumber: `500.12.2/001/Diskominfotik/${year}`,
    canFile: true,
    documents: [
      { document: 'notaDinas', itemId: null, label: 'Nota Dinas', printsQr: false, scans: [] },
      { document: 'dip', itemId: null, label: 'Daftar Informasi Publik', printsQr: true, scans: [] },
      { document: 'dik', itemId: null, label: 'Daftar Informasi yang Dikecualikan', printsQr: true, scans: [] },
      { document: 'ujiKonsekuensi', itemId: `${id}-kes`, label: 'Lembar Uji Konsekuensi 1 — Riwayat kesehatan pegawai', printsQr: false, scans: [] },
    ],
    records: [
      { itemId: `${id}-lra`, judul: `Laporan Realisasi Anggaran ${year}`, bidang: 'Sekretariat', kategori: 'berkala', kategoriLabel: 'Berkala', retensi: '2 tahun aktif, 8 tahun inaktif', retentionEnds: `${year + 10}-01-13` },
      { itemId: `${id}-renstra`, judul: 'Rencana Strategis', bidang: 'Bidang Statistik Sektoral', kategori: 'setiap_saat', kategoriLabel: 'Setiap saat', retensi: 'Permanen', retentionEnds: null },
      { itemId: `${id}-kes`, judul: 'Riwayat kesehatan pegawai', bidang: 'Sekretariat', kategori: 'dikecualikan', kategoriLabel: 'Dikecualikan', retensi: '', retentionEnds: null },
    ],
    ...over,
  };
}

const C2025 = cycle(2025);
C2025.documents[0] = { ...C2025.documents[0]!, scans: [SCAN] };
const C2026 = cycle(2026);

let api: FakeApi;
beforeEach(() => {
  api = installFakeApi({ state: 'ready' });
  api.on('archive.list', () => ({ ok: true, data: [C2026, C2025] }));
});
afterEach(() => vi.restoreAllMocks());

function mount() {
  return render(
    <MantineProvider env="test">
      <HashRouter>
        <ArchivePage />
      </HashRouter>
    </MantineProvider>,
  );
}

const cards = () => screen.queryAllByTestId('arsip-siklus');
const titles = () => cards().map((c) => within(c).getByRole('heading', { level: 2 }).textContent);

describe('Arsip', () => {
  it('lists every signed cycle with its papers, their scans, and each record’s retention and the day it ends', async () => {
    mount();
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(titles()).toEqual(['Daftar Informasi Publik Tahun 2026', 'Daftar Informasi Publik Tahun 2025']);
    const old = cards()[1]!;
    expect(within(old).getByText('Nomor 500.12.2/001/Diskominfotik/2025')).toBeTruthy();
    expect(within(old).getByRole('button', { name: 'Nota Dinas 2025 ttd.pdf' })).toBeTruthy();
    expect(within(old).getByText('Tanpa kode')).toBeTruthy();
    expect(within(old).getByText('1 dari 4 dokumen dipindai')).toBeTruthy();
    expect(within(old).getAllByText('Belum ada pindaian')).toHaveLength(3);
    // The records open on request; each shows its retensi and when it ends.
    fireEvent.click(within(old).getByRole('button', { name: 'Tampilkan' }));
    const lra = within(old).getByText('Laporan Realisasi Anggaran 2025').closest('tr')!;
    expect(lra.textContent).toContain('2 tahun aktif, 8 tahun inaktif');
    expect(lra.textContent).toContain('13 Januari 2035');
    const renstra = within(old).getByText('Rencana Strategis').closest('tr')!;
    expect(renstra.textContent).toContain('Permanen');
    expect(renstra.textContent).toContain('tidak berbatas tanggal');
  });

  it('searches by year, classification, bidang and text', async () => {
    mount();
    await waitFor(() => expect(cards()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2025' } });
    expect(titles()).toEqual(['Daftar Informasi Publik Tahun 2025']);
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '' } });

    fireEvent.change(screen.getByLabelText('Klasifikasi'), { target: { value: 'dikecualikan' } });
    expect(cards()).toHaveLength(2);
    // Only the matching records, shown at once.
    expect(within(cards()[0]!).getByText('(1 dari 3)')).toBeTruthy();
    expect(within(cards()[0]!).getByText('Riwayat kesehatan pegawai')).toBeTruthy();
    expect(within(cards()[0]!).queryByText('Rencana Strategis')).toBeNull();

    fireEvent.change(screen.getByLabelText('Bidang'), { target: { value: 'Bidang Statistik Sektoral' } });
    expect(cards()).toHaveLength(0);
    expect(screen.getByText('Tidak ada arsip yang cocok dengan pencarian ini.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus saringan' }));
    expect(cards()).toHaveLength(2);

    fireEvent.change(screen.getByLabelText('Cari'), { target: { value: 'realisasi 2026' } });
    expect(titles()).toEqual(['Daftar Informasi Publik Tahun 2026']);
    expect(within(cards()[0]!).getByText('Laporan Realisasi Anggaran 2026')).toBeTruthy();
    // A scan's file name finds its cycle.
    fireEvent.change(screen.getByLabelText('Cari'), { target: { value: 'ttd.pdf' } });
    expect(titles()).toEqual(['Daftar Informasi Publik Tahun 2025']);
  });

  it('attaches a scan: the core’s verdict first, a mismatch filed only when confirmed', async () => {
    const verdict: ScanCheck = {
      qr: { status: 'versi_lain', text: 'PPIDDESK:DIP:C-2025:V2:' + 'AB'.repeat(16) },
      message: 'Kode QR menunjuk Daftar Informasi Publik yang lebih lama: "Daftar Informasi Publik Tahun 2025" (tahun 2025, versi 2), bukan yang ditandatangani pada "Daftar Informasi Publik Tahun 2026".',
      needsConfirmation: true,
      sha256: 'cd'.repeat(32),
      bytes: 4,
      mime: 'image/png',
      name: 'dip.png',
    };
    api.on('archive.checkScan', () => ({ ok: true, data: verdict }));
    const filed = cycle(2026);
    filed.documents[1] = { ...filed.documents[1]!, scans: [{ ...SCAN, attachmentId: 'scan-dip', name: 'dip.png', mime: 'image/png', qr: verdict.qr, version: 2 }] };
    api.on('archive.fileScan', () => ({ ok: true, data: filed }));
    mount();
    await waitFor(() => expect(cards()).toHaveLength(2));
    fireEvent.click(within(cards()[0]!).getByRole('button', { name: 'Lampirkan pindaian Daftar Informasi Publik' }));
    const dialog = await screen.findByRole('dialog');
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'dip.png', { type: 'image/png' });
    fireEvent.change(dialog.querySelector('input[type="file"]')!, { target: { files: [png] } });
    const result = await within(dialog).findByTestId('hasil-pindaian');
    expect(result.getAttribute('data-status')).toBe('versi_lain');
    expect(result.textContent).toContain('Versi lain');
    expect(result.textContent).toContain('yang lebih lama');
    expect(api.callsTo('archive.checkScan').map((c) => c.input)).toEqual([{ cycleId: 'c-2026', document: 'dip', itemId: null, name: 'dip.png', base64: 'iVBORw==' }]);
    expect(api.callsTo('archive.fileScan')).toHaveLength(0);

    const fileIt = within(dialog).getByRole('button', { name: 'Arsipkan' });
    expect(fileIt.hasAttribute('disabled') || fileIt.getAttribute('data-disabled') === 'true').toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Tetap arsipkan/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Arsipkan' }));
    await waitFor(() => expect(api.callsTo('archive.fileScan')).toHaveLength(1));
    expect(api.callsTo('archive.fileScan')[0]!.input).toMatchObject({ cycleId: 'c-2026', document: 'dip', itemId: null, name: 'dip.png', confirmMismatch: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(cards()[0]!).getByRole('button', { name: 'dip.png' })).toBeTruthy();
    expect(within(cards()[0]!).getByText('Versi lain')).toBeTruthy();
  });

  it('says so, in place, when a filed scan was changed or is missing; an intact one is downloaded', async () => {
    let status: 'ok' | 'berubah' | 'hilang' = 'berubah';
    api.on('archive.openScan', () =>
      status === 'ok'
        ? { ok: true, data: { status: 'ok', name: SCAN.name, mime: SCAN.mime, base64: 'JVBERi0=', sha256: SCAN.sha256 } }
        : { ok: true, data: { status, name: SCAN.name, message: status === 'berubah' ? `Berkas pindaian "${SCAN.name}" telah berubah sejak diarsipkan.` : `Berkas pindaian "${SCAN.name}" tidak ada lagi di folder data.` } },
    );
    const created = vi.fn(() => 'blob:arsip');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    mount();
    await waitFor(() => expect(cards()).toHaveLength(2));
    const open = () => fireEvent.click(within(cards()[1]!).getByRole('button', { name: SCAN.name }));
    open();
    let note = await screen.findByTestId('hasil-buka');
    expect(note.getAttribute('data-kind')).toBe('bad');
    expect(note.textContent).toContain('Berkas berubah');
    expect(note.textContent).toContain('telah berubah sejak diarsipkan');
    expect(created).not.toHaveBeenCalled();

    status = 'hilang';
    open();
    await waitFor(() => expect(screen.getByTestId('hasil-buka').textContent).toContain('Berkas hilang'));

    status = 'ok';
    open();
    await waitFor(() => expect(screen.getByTestId('hasil-buka').getAttribute('data-kind')).toBe('ok'));
    note = screen.getByTestId('hasil-buka');
    expect(note.textContent).toContain('Berkas utuh');
    expect(created).toHaveBeenCalledTimes(1);
    expect(api.callsTo('archive.openScan').map((c) => c.input)).toEqual(Array(3).fill({ cycleId: 'c-2025', attachmentId: 'scan-nd-2025' }));
  });
});
