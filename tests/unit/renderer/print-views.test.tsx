import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter, Route, Routes } from 'react-router';
import type { SettingsView } from '../../../electron/core/contract';
import { documentFingerprint } from '../../../electron/core/documents';
import { DIP_GROUPS } from '../../../electron/core/domain/information';
import { printSpec, PrintUnavailable } from '../../../renderer/src/print/documents';
import type { PrintInput } from '../../../renderer/src/print/model';
import { pageBox, pageCss } from '../../../renderer/src/print/page-setup';
import { PrintPage } from '../../../renderer/src/print/PrintPage';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { themeOf } from '../../../renderer/src/print/texts';
import { installFakeApi } from '../../../renderer/src/test/fake-api';
import { DEMO_ITEMS, demoContext, type Stage } from '../../render/fixtures';
import { completeItem } from '../workflow-fixtures';

/** DEMO_ITEMS (12 published, 2 exempt) with one item nobody has classified yet. */
const ITEMS = [...DEMO_ITEMS, { ...completeItem('Belum diklasifikasi', 'Sekretariat', 'setiap_saat'), kategori: '' as const }];
const published = DEMO_ITEMS.filter((i) => i.kategori !== 'dikecualikan');
const exempt = DEMO_ITEMS.filter((i) => i.kategori === 'dikecualikan');

function inputOf(stage: Stage, items = ITEMS): PrintInput {
  const ctx = demoContext(stage, { items });
  const c = ctx.cycle;
  return {
    cycle: { ...c, notaDinas: { ...c.notaDinas, draft: c.notaDinas.draft! } },
    settings: { ...ctx.settings, emblemDataUrl: null },
    now: ctx.now,
    fingerprints: c.signed ? { dip: documentFingerprint('dip', c), dik: documentFingerprint('dik', c) } : null,
  };
}

function show(kind: Parameters<typeof printSpec>[0], input: PrintInput) {
  return render(
    <MantineProvider env="test">
      <PrintView spec={printSpec(kind, input)} />
    </MantineProvider>,
  );
}

describe('the DIP print view', () => {
  it('lists every published item under its own heading, numbered 1..n across the list, and no exempt or unclassified item', () => {
    show('dip', inputOf('final'));
    const table = screen.getByRole('table', { name: 'Daftar Informasi Publik' });
    // Walk the rows in order, remembering the heading each item row falls under.
    let heading = '';
    const seen: { no: string; judul: string; heading: string }[] = [];
    for (const tr of table.querySelectorAll('tbody tr')) {
      if (tr.matches('[data-testid="dip-kelompok"]')) heading = tr.textContent!;
      else if (tr.matches('[data-testid="dip-baris"]')) {
        seen.push({ no: tr.children[0]!.textContent!, judul: tr.children[1]!.querySelector('.pp-b')!.textContent!, heading });
      }
    }
    const expected = DIP_GROUPS.flatMap((g, gi) =>
      published.filter((i) => i.kategori === g.category).map((i) => ({ judul: i.judul, heading: `${String.fromCharCode(65 + gi)}. ${g.heading}` })),
    );
    expect(seen.map(({ judul, heading }) => ({ judul, heading }))).toEqual(expected);
    expect(seen.map((r) => r.no)).toEqual(published.map((_, i) => `${i + 1}.`));
    for (const item of exempt) expect(table.textContent).not.toContain(item.judul);
    expect(table.textContent).not.toContain('Belum diklasifikasi');
  });

  it('says so under a heading with no items', () => {
    show('dip', inputOf('konsep', DEMO_ITEMS.filter((i) => i.kategori !== 'serta_merta')));
    const groups = screen.getAllByTestId('dip-kelompok');
    expect(groups.map((g) => g.textContent)).toEqual(DIP_GROUPS.map((g, i) => `${String.fromCharCode(65 + i)}. ${g.heading}`));
    // Serta merta is group B (UU 14/2008 Pasal 9, 10, 11).
    expect(groups[1]!.textContent).toBe('B. Informasi yang Wajib Diumumkan Secara Serta Merta');
    const afterB = groups[1]!.parentElement!.querySelectorAll('tr')[1]!;
    expect(afterB.textContent).toBe('Tidak ada informasi dalam kelompok ini.');
  });

  it.each([
    ['konsep', 'KONSEP — belum ditandatangani'],
    ['draft', 'DRAFT — belum ditandatangani'],
  ] as const)('marks the %s on the page and in every printed page\u2019s header', (stage, mark) => {
    const { container } = show('dip', inputOf(stage));
    expect(screen.getByTestId('tanda-konsep').textContent).toBe(mark);
    expect(container.querySelector('.pp-doc > style')!.textContent).toContain(`@top-right { content: "${mark}"`);
    expect(container.querySelector('.pp-watermark')!.textContent).toBe(mark.split(' ')[0]);
    expect(screen.queryByTestId('segel')).toBeNull();
  });

  it('prints the signed list unmarked, with its fingerprint and QR code on every page', () => {
    const input = inputOf('final');
    const { container } = show('dip', input);
    expect(screen.queryByTestId('tanda-konsep')).toBeNull();
    expect(container.querySelector('.pp-watermark')).toBeNull();
    const short = input.fingerprints!.dip!.short;
    expect(screen.getByTestId('sidik-dokumen').textContent).toBe(short);
    expect(screen.getByRole('img', { name: `Kode QR sidik dokumen ${short}` }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const css = container.querySelector('.pp-doc > style')!.textContent!;
    expect(css).not.toContain('@top-right');
    expect(css).toContain(`Sidik dokumen: ${short}`);
    expect(css).toMatch(/@bottom-left \{ content: url\("data:image\/svg\+xml;base64,/);
    expect(css).toContain('counter(page) " dari " counter(pages)');
  });

  it('refuses a signed list whose fingerprint could not be loaded, rather than print it without', () => {
    expect(() => printSpec('dip', { ...inputOf('final'), fingerprints: null })).toThrow(PrintUnavailable);
  });
});

describe('the DIK print view', () => {
  it('lists exactly the exempt items, numbered 1..n', () => {
    show('dik', inputOf('draft'));
    const rows = screen.getAllByTestId('dik-baris');
    expect(rows.map((r) => r.children[1]!.querySelector('.pp-b')!.textContent)).toEqual(exempt.map((i) => i.judul));
    expect(rows.map((r) => r.children[0]!.textContent)).toEqual(['1.', '2.']);
    expect(screen.getByTestId('tanda-konsep').textContent).toBe('DRAFT — belum ditandatangani');
  });

  it('says so when nothing is exempt', () => {
    show('dik', inputOf('konsep', published));
    expect(screen.queryAllByTestId('dik-baris')).toHaveLength(0);
    expect(screen.getByRole('table', { name: 'Daftar Informasi yang Dikecualikan' }).textContent).toContain('Tidak ada informasi yang dikecualikan.');
  });
});

describe('the Nota Dinas and the uji konsekuensi sheets', () => {
  it('marks the Nota Dinas KONSEP and leaves the number open until it is issued', () => {
    const { unmount } = show('notaDinas', inputOf('nota_dinas'));
    expect(screen.getByTestId('tanda-konsep').textContent).toBe('KONSEP — belum diterbitkan');
    expect(screen.getByTestId('nomor-surat').textContent).toBe('NOMOR: …/…/…/…');
    unmount();
    show('notaDinas', inputOf('final'));
    expect(screen.queryByTestId('tanda-konsep')).toBeNull();
    expect(screen.getByTestId('nomor-surat').textContent).toBe('NOMOR: 500.12.2/007/Diskominfotik/2026');
    expect(screen.getByTestId('tanda-tangan').textContent).toContain('Yuliana Sari, S.Sos., M.AP.');
  });

  it('prints one sheet per exempt item, each with the kop, and none when nothing is exempt', () => {
    show('ujiKonsekuensi', inputOf('final'));
    const sheets = screen.getAllByTestId('uji-lembar');
    expect(sheets.map((s) => within(s).getByText(/^Lembar \d dari 2/).textContent)).toEqual([
      'Lembar 1 dari 2 — Daftar Informasi yang Dikecualikan Tahun 2026',
      'Lembar 2 dari 2 — Daftar Informasi yang Dikecualikan Tahun 2026',
    ]);
    for (const s of sheets) expect(within(s).getByText('PEMERINTAH KABUPATEN KAPUAS HULU')).toBeTruthy();
    expect(() => printSpec('ujiKonsekuensi', inputOf('final', published))).toThrow(PrintUnavailable);
  });
});

describe('page setup', () => {
  it('sizes the page by the paper setting, landscape for the lists', () => {
    const theme = themeOf({ documents: { paper: 'F4', font: 'Arial', fontSize: 12, kodeKlasifikasi: '500.12.2', notaDinasPattern: '{kode}', listDecree: { enabled: false, issuer: 'kepala', pattern: '{urut}' } } });
    expect(pageCss(pageBox('F4', 'landscape'), { mark: null, footer: { kind: 'pageOfPages' } }, theme)).toContain('size: 330mm 215mm; margin: 20mm 15mm 26mm 20mm;');
    expect(pageCss(pageBox('A4', 'portrait'), { mark: null, footer: { kind: 'fromSecondPage' } }, theme)).toContain('size: 210mm 297mm; margin: 20mm 20mm 20mm 30mm;');
    expect(pageCss(pageBox('A4', 'portrait'), { mark: 'A "B" \\ C', footer: { kind: 'fromSecondPage' } }, theme)).toContain('content: "A \\"B\\" \\\\ C"');
    const a4 = inputOf('final');
    a4.settings = { ...a4.settings, documents: { ...a4.settings.documents, paper: 'A4' } };
    expect(printSpec('dik', a4).box).toMatchObject({ width: 297, height: 210, orientation: 'landscape' });
  });
});

describe('the print page (#/cetak/:cycleId/:kind)', () => {
  function mount(route: string) {
    window.location.hash = route;
    return render(
      <MantineProvider env="test">
        <Notifications />
        <HashRouter>
          <Routes>
            <Route path="/cetak/:cycleId/:kind" element={<PrintPage />} />
            <Route path="/siklus/:id" element={<p>halaman siklus</p>} />
          </Routes>
        </HashRouter>
      </MantineProvider>,
    );
  }

  async function withCycle(stage: Stage) {
    const api = installFakeApi({ state: 'ready' });
    const input = inputOf(stage);
    const settings: SettingsView = { ...api.settings!, emblemDataUrl: null };
    api.on('settings.get', () => ({ ok: true, data: settings }));
    api.on('cycles.get', (i) =>
      (i as { cycleId: string }).cycleId === input.cycle.id ? { ok: true, data: input.cycle } : { ok: false, code: 'NOT_FOUND', message: 'Siklus tidak ditemukan.' },
    );
    api.on('documents.fingerprints', () => ({ ok: true, data: input.fingerprints ?? { dip: null, dik: null } }));
    return { api, input };
  }

  it('loads the cycle, the settings and, for a signed list, its fingerprints', async () => {
    const { api, input } = await withCycle('final');
    mount(`/cetak/${input.cycle.id}/dip`);
    expect((await screen.findByTestId('sidik-dokumen')).textContent).toBe(input.fingerprints!.dip!.short);
    expect(screen.getAllByTestId('dip-baris')).toHaveLength(published.length);
    expect(api.callsTo('documents.fingerprints')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Cetak' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unduh DOCX' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kembali' })).toBeTruthy();
    // "Simpan sebagai PDF" suggests the document's own name (set by an effect once the page has loaded).
    await waitFor(() => expect(document.title).toBe('DIP-2026-Final-v2'));
  });

  it('does not ask for fingerprints before signing, and shows the Draft mark', async () => {
    const { api, input } = await withCycle('draft');
    mount(`/cetak/${input.cycle.id}/dip`);
    expect((await screen.findByTestId('tanda-konsep')).textContent).toBe('DRAFT — belum ditandatangani');
    expect(api.callsTo('documents.fingerprints')).toHaveLength(0);
  });

  it('calls window.print for "Cetak"', async () => {
    const { input } = await withCycle('konsep');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    mount(`/cetak/${input.cycle.id}/uji-konsekuensi`);
    expect(await screen.findAllByTestId('uji-lembar')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Cetak' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('goes back to the cycle from "Kembali" when the print page was opened directly', async () => {
    const { input } = await withCycle('draft');
    mount(`/cetak/${input.cycle.id}/dik`);
    await screen.findAllByTestId('dik-baris');
    fireEvent.click(screen.getByRole('button', { name: 'Kembali' }));
    expect(await screen.findByText('halaman siklus')).toBeTruthy();
    expect(window.location.hash).toBe(`#/siklus/${input.cycle.id}`);
  });

  it('shows the core\u2019s message for a missing cycle and refuses an unknown document kind', async () => {
    await withCycle('final');
    const { unmount } = mount('/cetak/tidak-ada/dip');
    expect((await screen.findByRole('alert')).textContent).toContain('Siklus tidak ditemukan.');
    unmount();
    const { input } = await withCycle('final');
    mount(`/cetak/${input.cycle.id}/surat`);
    expect((await screen.findByRole('alert')).textContent).toContain('Jenis dokumen tidak dikenal.');
  });
});
