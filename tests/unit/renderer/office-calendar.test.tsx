import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { HashRouter } from 'react-router';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../../../renderer/src/app/App';
import { Core } from '../../../electron/core/app-core';
import type { Clock } from '../../../electron/core/clock';
import type { AppStatus, SettingsView } from '../../../electron/core/contract';
import { DEFAULT_CALENDAR } from '../../../electron/core/domain/calendar';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { formatDate, formatDateTime, formatLongDate, greeting } from '../../../renderer/src/i18n/date';
import { officeNow, syncOfficeClock } from '../../../renderer/src/i18n/office-clock';
import { printSpec, sealCaption } from '../../../renderer/src/print/documents';
import { PrintView } from '../../../renderer/src/print/PrintView';
import type { PrintInput } from '../../../renderer/src/print/model';
import { TimingBadge, timingExplanation } from '../../../renderer/src/features/cycles/TimingBadge';
import { NewCycleModal } from '../../../renderer/src/features/cycles/NewCycleModal';
import { demoContext } from '../../render/fixtures';

/*
 * Screen and paper on one calendar. The machine zone is set far from Indonesia so that any
 * formatter still reading it shows the wrong day. Expected values are worked out by hand.
 */
const machineTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Honolulu';
});
afterAll(() => {
  process.env.TZ = machineTz;
});

const WIB = { now: '2026-11-25T02:00:00.000Z', calendar: DEFAULT_CALENDAR };
afterEach(() => syncOfficeClock(WIB));

// Thursday 3 December 2026 23.30 UTC = Friday 4 December 06.30 WIB = 07.30 WITA.
const LATE_NIGHT_UTC = '2026-12-03T23:30:00.000Z';

describe('one day on screen and on paper', () => {
  it('the screen formatter shows 23.30 UTC as the next day in WIB, and follows a WITA office', () => {
    syncOfficeClock(WIB);
    expect(formatDate(LATE_NIGHT_UTC)).toBe('4 Desember 2026');
    expect(formatDateTime(LATE_NIGHT_UTC)).toBe('4 Desember 2026 06.30');
    expect(formatLongDate(LATE_NIGHT_UTC)).toBe('Jumat, 4 Desember 2026');
    expect(formatDate('2026-12-03T16:30:00Z')).toBe('3 Desember 2026'); // 23.30 WIB
    syncOfficeClock({ now: WIB.now, calendar: { ...DEFAULT_CALENDAR, timeZone: 'Asia/Makassar' } });
    expect(formatDateTime(LATE_NIGHT_UTC)).toBe('4 Desember 2026 07.30');
    expect(formatDate('2026-12-03T16:30:00Z')).toBe('4 Desember 2026'); // 00.30 WITA
  });

  it('the print view dates the Nota Dinas and the signed DIP with the same day', () => {
    const ctx = demoContext('final');
    const c = ctx.cycle;
    const input: PrintInput = {
      cycle: { ...c, notaDinas: { ...c.notaDinas, draft: c.notaDinas.draft!, date: LATE_NIGHT_UTC }, signed: { ...c.signed!, at: LATE_NIGHT_UTC } },
      settings: { ...ctx.settings, emblemDataUrl: null } as SettingsView,
      now: ctx.now,
      fingerprints: null,
    };
    const { container, unmount } = render(
      <MantineProvider env="test">
        <PrintView spec={printSpec('notaDinas', input)} />
      </MantineProvider>,
    );
    const row = [...container.querySelectorAll('tr')].find((tr) => tr.children[0]?.textContent === 'Tanggal');
    expect(row?.children[2]?.textContent).toBe('4 Desember 2026');
    unmount();
    expect(sealCaption('dip', input.cycle, 'Asia/Jakarta')).toContain('ditandatangani 4 Desember 2026.');
    expect(sealCaption('dip', input.cycle, 'Asia/Makassar')).toContain('ditandatangani 4 Desember 2026.');
    expect(sealCaption('dip', { ...input.cycle, signed: { ...input.cycle.signed!, at: '2026-12-03T16:30:00Z' } }, 'Asia/Jakarta')).toContain(
      'ditandatangani 3 Desember 2026.',
    );
  });

  it('the timing badge explains that it counts office hours and when the step is due', () => {
    syncOfficeClock(WIB);
    const timing = { step: 'nota_dinas' as const, standardMinutes: 15, spentMinutes: 10, late: false, remainingMinutes: 5, dueAt: '2026-12-07T00:35:00.000Z' };
    expect(timingExplanation(timing)).toBe(
      'Dihitung dalam jam kerja: Senin–Jumat 07.30–16.00 WIB, di luar hari libur nasional dan cuti bersama. ' +
        'Batas waktu langkah ini: Senin, 7 Desember 2026 07.35 WIB.',
    );
  });
});

describe('the timing badge', () => {
  it('shows what counts when pointed at: office hours, holidays skipped, and the deadline', async () => {
    syncOfficeClock(WIB);
    const timing = { step: 'nota_dinas' as const, standardMinutes: 15, spentMinutes: 16, late: true, remainingMinutes: -1, dueAt: '2026-12-07T00:35:00.000Z' };
    render(
      <MantineProvider env="test">
        <TimingBadge timing={timing} />
      </MantineProvider>,
    );
    fireEvent.mouseEnter(screen.getByText('terlambat 1 menit').closest('.mantine-Badge-root')!);
    expect(await screen.findByText(/Dihitung dalam jam kerja: Senin–Jumat 07\.30–16\.00 WIB, di luar hari libur/, {}, { timeout: 5000 })).toBeTruthy();
  });
});

describe("the screen's today is the core's", () => {
  it('keeps the core clock as it ticks, whatever the machine clock says', () => {
    // The core says 1 June 2030 08.00 WIB; the machine's own clock is years away from that.
    syncOfficeClock({ now: '2030-06-01T01:00:00.000Z', calendar: DEFAULT_CALENDAR });
    const drift = officeNow().getTime() - Date.parse('2030-06-01T01:00:00.000Z');
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(60 * 60_000);
    expect(greeting()).toBe('Selamat pagi');
    expect(formatLongDate(officeNow())).toBe('Sabtu, 1 Juni 2030');
  });

  it('proposes next year by the core clock in the office zone for a new cycle', () => {
    // 31 December 2030 17.30 UTC = 1 January 2031 00.30 WIB: the next cycle is DIP 2032.
    syncOfficeClock({ now: '2030-12-31T17:30:00.000Z', calendar: DEFAULT_CALENDAR });
    render(
      <MantineProvider env="test">
        <HashRouter>
          <NewCycleModal opened onClose={() => {}} cycles={[]} />
        </HashRouter>
      </MantineProvider>,
    );
    const dialog = screen.getByRole('dialog');
    expect((within(dialog).getByLabelText(/Nama siklus/) as HTMLInputElement).value).toBe('DIP 2032');
  });
});

// ---------- Pengaturan → Kalender kerja against the real core ----------

class FakeClock implements Clock {
  // Wednesday 25 November 2026, 09.00 WIB.
  constructor(public t = Date.parse('2026-11-25T02:00:00Z')) {}
  now() {
    return new Date(this.t);
  }
}

let dir: string;
let core: Core;
let adminSession = '';

function showSettings() {
  window.ppid = { platform: 'electron', invoke: (envelope) => core.invoke(envelope) };
  window.sessionStorage.setItem('ppid.session', adminSession);
  window.history.replaceState(null, '', '/#/pengaturan/kalender');
  return render(<App env="test" />);
}

async function coreSettings(): Promise<SettingsView> {
  const r = await core.invoke({ name: 'settings.get', session: adminSession });
  if (!r.ok) throw new Error(r.message);
  return r.data as SettingsView;
}

describe('Pengaturan → Kalender kerja', () => {
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-calendar-ui-'));
    const clock = new FakeClock();
    core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', log: (m, e) => console.error(m, e) });
    const demo = await core.invoke({ name: 'setup.loadDemo' });
    if (!demo.ok) throw new Error(`${demo.code}: ${demo.message}`);
    const r = await core.invoke({ name: 'auth.login', input: { username: 'ppid', password: DEMO_PASSWORD } });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    adminSession = (r as { data: { sessionToken: string } }).data.sessionToken;
  });
  afterEach(async () => {
    await core.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses office hours that end before they start, in Indonesian, and saves nothing', async () => {
    showSettings();
    const end = await screen.findByLabelText(/Jam selesai kerja/);
    fireEvent.change(end, { target: { value: '07.00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Jam selesai kerja (07.00) harus sesudah jam mulai (07.30).')).toBeTruthy();
    expect((await coreSettings()).calendar).toEqual(DEFAULT_CALENDAR);
  });

  it('adds a regional holiday, drops a cuti bersama, switches to WITA, and the status carries it to every screen', async () => {
    showSettings();
    expect(await screen.findByTestId('kalender-ringkasan')).toHaveProperty(
      'textContent',
      'Dihitung dalam jam kerja: Senin–Jumat 07.30–16.00 WIB, di luar hari libur nasional dan cuti bersama. Standar SOP 1 hari = satu hari kerja = 8 jam 30 menit jam kerja; 15 menit = 15 menit jam kerja.',
    );
    const table = screen.getByRole('table', { name: 'Libur nasional dan cuti bersama 2026' });
    expect(within(table).getByText('Kamis, 24 Desember 2026')).toBeTruthy();
    fireEvent.click(within(table).getByLabelText('Cuti bersama Kelahiran Yesus Kristus (2026-12-24) diliburkan'));

    fireEvent.click(screen.getByRole('button', { name: 'Tambah hari libur' }));
    const row = screen.getByTestId('libur-tambahan');
    fireEvent.change(within(row).getByLabelText(/Tanggal/), { target: { value: '2026-12-07' } });
    fireEvent.change(within(row).getByLabelText(/Keterangan/), { target: { value: 'Hari Jadi Kabupaten Kapuas Hulu' } });

    fireEvent.click(screen.getAllByLabelText(/Zona waktu kantor/).find((el) => el.tagName === 'INPUT')!);
    fireEvent.click(await screen.findByRole('option', { name: /WITA/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(async () =>
      expect((await coreSettings()).calendar).toEqual({
        ...DEFAULT_CALENDAR,
        timeZone: 'Asia/Makassar',
        extraHolidays: [{ date: '2026-12-07', name: 'Hari Jadi Kabupaten Kapuas Hulu' }],
        removedHolidays: ['2026-12-24'],
      }),
    );
    const status = (await core.invoke({ name: 'app.status' })) as { ok: true; data: AppStatus };
    expect(status.data.calendar.timeZone).toBe('Asia/Makassar');
    expect(status.data.now).toBe('2026-11-25T02:00:00.000Z');
    // The screen picked the new zone up from the status: 16.30 UTC is tomorrow in WITA.
    await waitFor(() => expect(formatDate('2026-12-03T16:30:00Z')).toBe('4 Desember 2026'));
  });
});
