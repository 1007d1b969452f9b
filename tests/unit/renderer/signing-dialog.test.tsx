import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { useForm } from '@mantine/form';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../../../renderer/src/app/App';
import { PersonFields } from '../../../renderer/src/components/forms/PersonFields';
import { ClassificationFields } from '../../../renderer/src/features/cycles/item-editor/details';
import { ExemptionFields } from '../../../renderer/src/features/cycles/item-editor/ExemptionFields';
import type { ItemFields } from '../../../electron/core/domain/information';
import { printSpec } from '../../../renderer/src/print/documents';
import type { PrintInput } from '../../../renderer/src/print/model';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { demoContext } from '../../render/fixtures';
import { Core } from '../../../electron/core/app-core';
import type { Clock } from '../../../electron/core/clock';
import type { CycleView, SigningPreview } from '../../../electron/core/domain/cycle-views';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { completeItem } from '../workflow-fixtures';

/** The Kepala's signing and uji konsekuensi dialogs, and the counts on Beranda, against the real core. */

class FakeClock implements Clock {
  constructor(public t = Date.parse('2026-11-25T02:00:00Z')) {}
  now() {
    return new Date(this.t);
  }
}

let dir: string;
let core: Core;
const sessions: Record<string, string> = {};

async function as<T = CycleView>(who: string, name: string, input: unknown = {}): Promise<T> {
  const r = await core.invoke({ name, input, session: sessions[who] });
  if (!r.ok) throw new Error(`${name} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
}

function show(who: string, hash: string) {
  window.ppid = { platform: 'electron', invoke: (envelope) => core.invoke(envelope) };
  window.sessionStorage.setItem('ppid.session', sessions[who]!);
  window.history.replaceState(null, '', `/${hash}`);
  return render(<App env="test" />);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-sign-ui-'));
  core = await Core.open({ dataDir: dir, clock: new FakeClock(), holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function atStepFive(): Promise<string> {
  const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
  await as('operator', 'cycles.addItems', {
    cycleId: id,
    items: [
      completeItem('Profil Dinas', 'Sekretariat', 'berkala'),
      completeItem('Rekap pengaduan', 'Sekretariat', 'setiap_saat'),
      completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan'),
    ],
  });
  await as('operator', 'cycles.act', { cycleId: id, action: 'report' });
  await as('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  const v = await as('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
  for (const i of v.items) await as('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
  await as('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
  return id;
}

describe('the Kepala records the uji konsekuensi, then signs with the password', () => {
  it('asks for the uji first, says what is signed, and a wrong password signs nothing', async () => {
    const id = await atStepFive();
    show('kepala', `#/siklus/${id}`);
    const sign = await screen.findByRole('button', { name: 'Setujui dan tandatangani' });
    expect((sign as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Catat uji konsekuensi lebih dahulu/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Catat uji konsekuensi' }));
    const uji = await screen.findByRole('dialog', { name: 'Catat uji konsekuensi' });
    // The officials from Pengaturan are there, ticked.
    const group = within(uji).getByRole('group', { name: 'Peserta uji konsekuensi' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox').length).toBeGreaterThanOrEqual(3));
    expect(within(group).getByLabelText(/Drs\. Agustinus Rangkap, M\.Si\. — Atasan PPID Pembantu/)).toBeTruthy();
    fireEvent.click(within(uji).getByRole('button', { name: 'Tambah peserta lain' }));
    fireEvent.change(within(uji).getAllByLabelText('Nama').at(-1)!, { target: { value: 'dr. Maria Ulfa' } });
    fireEvent.click(within(uji).getByRole('button', { name: /^Catat uji konsekuensi \(\d+ peserta\)$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Catat uji konsekuensi' })).toBeNull());
    expect((await screen.findByTestId('uji-tercatat')).textContent).toMatch(/dr\. Maria Ulfa\.$/);
    expect(screen.getByTestId('uji-tercatat').textContent).not.toMatch(/\.\./);

    await waitFor(() => expect((screen.getByRole('button', { name: 'Setujui dan tandatangani' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Setujui dan tandatangani' }));
    const dialog = await screen.findByRole('dialog', { name: 'Setujui dan tandatangani' });
    const table = await within(dialog).findByRole('table', { name: 'Yang ditandatangani' });
    const preview = await as<SigningPreview>('kepala', 'cycles.signingPreview', { cycleId: id });
    const dip = within(table).getByText('Daftar Informasi Publik').closest('tr')!;
    const dik = within(table).getByText('Daftar Informasi yang Dikecualikan').closest('tr')!;
    expect(within(dip).getByText('2')).toBeTruthy();
    expect(within(dik).getByText('1')).toBeTruthy();
    expect(dip.textContent).toMatch(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    // The same content with a later signing moment gives another code: the dialog's is the one it will store.
    expect(preview.dip.count).toBe(2);
    // One full stop after the degrees.
    expect(dialog.textContent).toContain('Drs. Agustinus Rangkap, M.Si., menyetujui');
    expect(dialog.textContent).not.toMatch(/M\.Si\.\./);

    const password = within(dialog).getByLabelText(/Kata sandi Anda/);
    fireEvent.change(password, { target: { value: 'bukan-sandinya' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tandatangani' }));
    expect(await within(dialog).findByText('Kata sandi salah. Tidak ada yang ditandatangani.')).toBeTruthy();
    expect((await as('kepala', 'cycles.get', { cycleId: id })).signed).toBeNull();

    const shown = dip.textContent!.match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/)![0];
    fireEvent.change(password, { target: { value: DEMO_PASSWORD } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tandatangani' }));
    await waitFor(async () => expect((await as('kepala', 'cycles.get', { cycleId: id })).signed).not.toBeNull());
    const printed = await as<{ dip: { short: string } }>('kepala', 'documents.fingerprints', { cycleId: id });
    expect(printed.dip.short).toBe(shown);
  });
});

describe('Beranda counts only classified items', () => {
  it('at step 2 says the items are not yet classified, not "0 dikecualikan" beside a DIP count', async () => {
    const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    await as('operator', 'cycles.addItems', { cycleId: id, items: Array.from({ length: 12 }, (_, i) => ({ bidang: 'Sekretariat', judul: `Informasi ${i + 1}` })) });
    await as('operator', 'cycles.act', { cycleId: id, action: 'report' });
    show('ppid', '#/beranda');
    const table = await screen.findByRole('table', { name: 'Daftar siklus' });
    const cell = within(table).getByTestId('jumlah-informasi');
    expect(cell.textContent).toBe('12 informasibelum diklasifikasikan');
    expect(cell.textContent).not.toMatch(/DIP/);
  });
});

describe('the Jabatan example fits the role', () => {
  function Block({ path: p }: { path: string }) {
    const form = useForm({ initialValues: { officials: { kepala: { name: '', jabatan: '', asn: 'PNS', nip: '', pangkat: '' }, ketuaPpid: { name: '', jabatan: '', asn: 'PNS', nip: '', pangkat: '' }, operators: [{ name: '', jabatan: '', asn: 'PNS', nip: '', pangkat: '' }] } } });
    return <PersonFields form={form as never} path={p} legend={p} />;
  }
  it('the operator is not offered "Kepala Dinas" as an example', () => {
    const placeholder = (p: string) => {
      const r = render(
        <MantineProvider env="test">
          <Block path={p} />
        </MantineProvider>,
      );
      const v = (within(r.container).getByLabelText(/Jabatan/) as HTMLInputElement).placeholder;
      r.unmount();
      return v;
    };
    expect(placeholder('officials.kepala')).toMatch(/Kepala Dinas/);
    expect(placeholder('officials.ketuaPpid')).toMatch(/Sekretaris/);
    expect(placeholder('officials.operators.0')).not.toMatch(/Kepala/);
  });
});

describe('the item editor: stored values flagged, angka with their meaning', () => {
  function Editor({ fields, part }: { fields: ItemFields; part: 'class' | 'exempt' }) {
    const form = useForm<ItemFields>({ mode: 'controlled', initialValues: fields });
    return part === 'class' ? <ClassificationFields form={form} bidang={['Sekretariat']} /> : <ExemptionFields form={form} />;
  }
  const mount = (fields: ItemFields, part: 'class' | 'exempt') =>
    render(
      <MantineProvider env="test">
        <Editor fields={fields} part={part} />
      </MantineProvider>,
    );

  it('a berkala period stored under older rules is shown and flagged, never hidden', () => {
    const r = mount({ ...completeItem('LRA', 'Sekretariat', 'berkala'), berkalaBulan: 12 }, 'class');
    const stored = within(r.container).getByLabelText('12 bulan (tersimpan, tidak diizinkan)') as HTMLInputElement;
    expect(stored.checked).toBe(true);
    expect(r.container.textContent).toContain('Tersimpan "setiap 12 bulan", yang tidak diizinkan.');
    r.unmount();
    const ok = mount(completeItem('LRA', 'Sekretariat', 'berkala'), 'class');
    expect(within(ok.container).queryByText(/tidak diizinkan/)).toBeNull();
    expect((within(ok.container).getByLabelText('6 bulan') as HTMLInputElement).checked).toBe(true);
  });

  it('each angka of Pasal 17 says what it means', async () => {
    const r = mount(completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan'), 'exempt');
    const angka = within(r.container).getAllByLabelText(/^Angka/).find((el) => el.tagName === 'INPUT') as HTMLInputElement;
    expect(angka.value).toBe('angka 2: riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang');
    fireEvent.click(angka);
    expect(await screen.findByRole('option', { name: 'angka 3: kondisi keuangan, aset, pendapatan, dan rekening bank seseorang' })).toBeTruthy();
  });
});

describe('the uji konsekuensi print view prints the recorded day', () => {
  it('"Pada hari ini" is the uji act’s day, not the printing day, and the recorded people sign', () => {
    const ctx = demoContext('draft');
    const c = ctx.cycle;
    const participants = [
      { name: 'Drs. Agustinus Rangkap, M.Si.', nip: '197008171995031004', jabatan: 'Kepala Dinas', role: 'Atasan PPID Pembantu' },
      { name: 'dr. Maria Ulfa', nip: '', jabatan: 'Kepala Puskesmas Putussibau', role: 'Narasumber' },
    ];
    const recorded = { at: '2026-11-24T02:00:00.000Z', by: 'Drs. Agustinus Rangkap, M.Si.', version: c.version, participants };
    const input: PrintInput = {
      cycle: { ...c, ujiKonsekuensi: recorded, notaDinas: { ...c.notaDinas, draft: c.notaDinas.draft! } },
      settings: { ...ctx.settings, emblemDataUrl: null },
      now: new Date('2026-11-27T02:00:00.000Z'),
      fingerprints: null,
    };
    const r = render(
      <MantineProvider env="test">
        <PrintView spec={printSpec('ujiKonsekuensi', input)} />
      </MantineProvider>,
    );
    const sheet = within(r.container).getAllByTestId('uji-lembar')[0]!;
    expect(sheet.textContent).toContain('Pada hari ini, Selasa, 24 November 2026');
    // The signing table lists the people the act recorded.
    expect(sheet.textContent).toMatch(/Yang melakukan uji konsekuensi:.*dr\. Maria Ulfa.*Narasumber/);
    expect(sheet.textContent).not.toContain('27 November 2026');
  });
});
