import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter, Route, Routes } from 'react-router';
import type { CycleView } from '../../../electron/core/domain/cycle-views';
import { STEP_INFO, type Step } from '../../../electron/core/domain/workflow';
import { availableDocuments } from '../../../renderer/src/features/documents/available';
import { DocumentActions } from '../../../renderer/src/features/documents/DocumentActions';
import { base64ToBlob } from '../../../renderer/src/features/documents/download';
import { installFakeApi } from '../../../renderer/src/test/fake-api';
import { itemStates } from '../../render/fixtures';
import { completeItem } from '../workflow-fixtures';

const ITEMS = itemStates([
  completeItem('Profil Dinas', 'Sekretariat', 'berkala'),
  completeItem('Daftar Informasi Publik', 'Sekretariat', 'setiap_saat'),
  completeItem('Data riwayat kesehatan pegawai', 'Sekretariat', 'dikecualikan'),
]);

/** The fields availableDocuments and the component read, at a step of the SOP. */
function viewAt(step: Step, opts: { exempt?: boolean; issued?: boolean; signed?: boolean } = {}): CycleView {
  const issued = opts.issued ?? STEP_INFO[step].no > 2;
  const signed = opts.signed ?? STEP_INFO[step].no > 5;
  return {
    id: 'c0ffee00-1111-4222-8333-444455556666',
    title: 'DIP 2026',
    year: 2026,
    step,
    stepNo: STEP_INFO[step].no,
    version: 2,
    items: (opts.exempt === false ? ITEMS.filter((i) => i.fields.kategori !== 'dikecualikan') : ITEMS).map((i) => ({ ...i, problems: [], review: null, flaggedNote: null })),
    notaDinas: { draft: null, saved: false, number: issued ? '500.12.2/007/Diskominfotik/2026' : null, date: null, problems: [] },
    signed: signed ? { at: '2026-11-25T03:30:00.000Z', by: 'Drs. Agustinus Rangkap, M.Si.' } : null,
  } as unknown as CycleView;
}

const summary = (v: CycleView) => availableDocuments(v).map((d) => `${d.kind}:${d.stateLabel}`);

describe('availableDocuments', () => {
  it('offers nothing while the items are being identified (step 1)', () => {
    expect(summary(viewAt('identifikasi'))).toEqual([]);
  });

  it('offers the Nota Dinas from step 2, as a KONSEP until it is issued', () => {
    expect(availableDocuments(viewAt('nota_dinas'))).toEqual([{ kind: 'notaDinas', title: 'Nota Dinas', state: 'konsep', stateLabel: 'Konsep' }]);
  });

  it('adds the DIP and DIK from step 3 as Konsep, and the uji konsekuensi only when something is exempt', () => {
    expect(summary(viewAt('pengumpulan'))).toEqual([
      'notaDinas:Nomor 500.12.2/007/Diskominfotik/2026',
      'dip:Konsep',
      'dik:Konsep',
      'ujiKonsekuensi:1 lembar',
    ]);
    expect(summary(viewAt('pengumpulan', { exempt: false }))).toEqual(['notaDinas:Nomor 500.12.2/007/Diskominfotik/2026', 'dip:Konsep', 'dik:Konsep']);
    expect(summary(viewAt('pemeriksaan_ppid'))).toContain('dip:Konsep');
  });

  it('says Draft before the Kepala and Final once signed', () => {
    expect(summary(viewAt('pemeriksaan_kepala')).slice(1, 3)).toEqual(['dip:Draft', 'dik:Draft']);
    expect(summary(viewAt('arsip')).slice(1, 3)).toEqual(['dip:Final', 'dik:Final']);
    expect(summary(viewAt('selesai')).slice(1, 3)).toEqual(['dip:Final', 'dik:Final']);
    // A list returned from the Kepala to the PPID is a Konsep again.
    expect(summary(viewAt('pemeriksaan_ppid', { signed: false })).slice(1, 3)).toEqual(['dip:Konsep', 'dik:Konsep']);
  });

  it('limits the list to the kinds asked for', () => {
    expect(availableDocuments(viewAt('arsip'), ['dip', 'notaDinas']).map((d) => d.kind)).toEqual(['notaDinas', 'dip']);
  });
});

describe('DocumentActions', () => {
  let saved: { name: string; blob: Blob }[];
  let urls: Map<string, Blob>;

  beforeEach(() => {
    saved = [];
    urls = new Map();
    // jsdom has no object URLs and does not download: record what would be saved.
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
  afterEach(() => vi.restoreAllMocks());

  function mount(view?: CycleView, kinds?: Parameters<typeof DocumentActions>[0]['kinds']) {
    window.location.hash = '/siklus/c0ffee00-1111-4222-8333-444455556666';
    return render(
      <MantineProvider env="test">
        <Notifications />
        <HashRouter>
          <Routes>
            <Route path="/siklus/:id" element={<DocumentActions cycleId="c0ffee00-1111-4222-8333-444455556666" view={view} kinds={kinds} />} />
            <Route path="/cetak/:cycleId/:kind" element={<p>halaman cetak</p>} />
          </Routes>
        </HashRouter>
      </MantineProvider>,
    );
  }

  it('downloads the core\u2019s DOCX under its own name and says so', async () => {
    const api = installFakeApi({ state: 'ready' });
    const bytes = 'PK\u0003\u0004 isi dokumen';
    api.on('documents.build', () => ({
      ok: true,
      data: { fileName: 'DIP-2026-Draft-v2.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: btoa(bytes), state: 'draft' },
    }));
    mount(viewAt('pemeriksaan_kepala'));
    fireEvent.click(screen.getByRole('button', { name: 'Unduh DOCX Daftar Informasi Publik' }));
    expect(await screen.findByText('DOCX disimpan: DIP-2026-Draft-v2.docx')).toBeTruthy();
    expect(api.callsTo('documents.build').map((c) => c.input)).toEqual([{ cycleId: 'c0ffee00-1111-4222-8333-444455556666', kind: 'dip' }]);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('DIP-2026-Draft-v2.docx');
    expect(saved[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(new TextDecoder('latin1').decode(new Uint8Array(await saved[0]!.blob.arrayBuffer()))).toBe(bytes);
    // The anchor is gone and the object URL released shortly after.
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(urls.size).toBe(0), { timeout: 2000 });
  });

  it('shows the core\u2019s message when the DOCX cannot be built', async () => {
    const api = installFakeApi({ state: 'ready' });
    api.on('documents.build', () => ({ ok: false, code: 'CONFLICT', message: 'Belum ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.' }));
    mount(viewAt('pengumpulan'));
    fireEvent.click(screen.getByRole('button', { name: 'Unduh DOCX Lembar Uji Konsekuensi' }));
    expect(await screen.findByText('Belum ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.')).toBeTruthy();
    expect(saved).toHaveLength(0);
  });

  it('in the desktop app asks the core to show a save dialog instead of downloading', async () => {
    const api = installFakeApi({ state: 'ready' });
    window.ppid = { ...window.ppid!, platform: 'electron' };
    api.on('documents.save', () => ({ ok: true, data: { savedTo: 'C:\\Users\\pegawai\\Documents\\DIP-2026-Final-v2.docx', fileName: 'DIP-2026-Final-v2.docx', openError: null } }));
    mount(viewAt('arsip'));
    fireEvent.click(screen.getByRole('button', { name: 'Unduh DOCX Daftar Informasi Publik' }));
    expect(await screen.findByText('DOCX disimpan: C:\\Users\\pegawai\\Documents\\DIP-2026-Final-v2.docx')).toBeTruthy();
    expect(api.callsTo('documents.save').map((c) => c.input)).toEqual([{ cycleId: 'c0ffee00-1111-4222-8333-444455556666', kind: 'dip', open: false }]);
    expect(api.callsTo('documents.build')).toHaveLength(0);
    expect(saved).toHaveLength(0);
  });

  it('opens the print route for "Pratinjau & cetak"', async () => {
    installFakeApi({ state: 'ready' });
    mount(viewAt('arsip'));
    fireEvent.click(screen.getByRole('button', { name: 'Pratinjau & cetak Daftar Informasi yang Dikecualikan' }));
    expect(await screen.findByText('halaman cetak')).toBeTruthy();
    expect(window.location.hash).toBe('#/cetak/c0ffee00-1111-4222-8333-444455556666/dik');
  });

  it('loads the cycle itself when not given one, and shows only the kinds asked for', async () => {
    const api = installFakeApi({ state: 'ready' });
    api.on('cycles.get', () => ({ ok: true, data: viewAt('arsip') }));
    mount(undefined, ['dip']);
    expect(await screen.findByRole('button', { name: 'Pratinjau & cetak Daftar Informasi Publik' })).toBeTruthy();
    expect(screen.getByText('Final')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Nota Dinas/ })).toBeNull();
    expect(api.callsTo('cycles.get')).toHaveLength(1);
  });

  it('turns base64 into the exact bytes', async () => {
    const blob = base64ToBlob(btoa(String.fromCharCode(0, 1, 2, 250, 255)), 'application/octet-stream');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 1, 2, 250, 255]);
  });
});
