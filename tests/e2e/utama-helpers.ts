import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoSetup, DEMO_PASSWORD } from '../../electron/core/services/demo';
import type { ItemFields } from '../../electron/core/domain/information';
import { completeItem, UJI_PARTICIPANTS } from '../unit/workflow-fixtures';
import { api, expect } from './fixtures';
import { HostProcess } from './host';

/**
 * How the PPID Utama e2e specs make their offices: an OPD on a host of its own running its
 * cycle through the contract and writing its package to the PPID Utama into a folder, and the
 * PPID Utama's own first run. Shared by utama.spec.ts and accessibility.spec.ts.
 */

const PASSWORD = DEMO_PASSWORD;
/** Monday 2 November 2026, 08.00 WIB: the OPD start their 2026 lists. */
export const OPD_START = Date.parse('2026-11-02T01:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Three complete items of an OPD: one berkala, one setiap saat, one exempt. */
export const itemsOf = (name: string): ItemFields[] => [
  completeItem(`Laporan Realisasi Anggaran ${name}`, 'Sekretariat', 'berkala'),
  completeItem(`Rencana Strategis ${name} 2025-2029`, 'Sekretariat', 'setiap_saat'),
  completeItem(`Data Kepegawaian Pribadi ${name}`, 'Sekretariat', 'dikecualikan'),
];

export interface Opd {
  name: string;
  unitCode: string;
  upTo: 'langkah3' | 'ditandatangani';
  /** Working days between the Konsep's arrival and the PPID Pembantu's check (standard: 15 minutes). */
  lateDays?: number;
  items: ItemFields[];
  /** Filled in as the OPD runs. */
  file?: string;
  fingerprint?: string;
}

export async function ok<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const r = await api(host, name, input, { session });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.code} ${r.body.message}`);
  return r.body.data as T;
}
export const signIn = async (host: HostProcess, username: string) => (await ok<{ sessionToken: string }>(host, 'auth.login', { username, password: PASSWORD })).sessionToken;

/** One OPD's first run, its cycle through the contract and its package to the PPID Utama, on its own host. */
export async function runOpd(o: Opd, dir: string): Promise<void> {
  const host = new HostProcess();
  let t = OPD_START;
  await host.setClock(new Date(t).toISOString());
  await host.start();
  try {
    const input = structuredClone(demoSetup(null).input);
    input.office.opdName = o.name;
    input.office.unitCode = o.unitCode;
    input.office.email = `ppid.${o.unitCode.toLowerCase()}@kapuashulukab.go.id`;
    await ok(host, 'setup.complete', input);
    const s: Record<string, string> = { operator: await signIn(host, 'operator'), ppid: await signIn(host, 'ppid'), kepala: await signIn(host, 'kepala') };
    // A few minutes between acts, as people at one office work through a morning.
    const as = async <T>(who: string, name: string, inp: unknown, after = 3 * MINUTE) => {
      t += after;
      await host.setClock(new Date(t).toISOString());
      return ok<T>(host, name, inp, s[who]);
    };
    const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'Daftar Informasi Publik Tahun 2026', year: 2026 });
    await as('operator', 'cycles.addItems', { cycleId: id, items: o.items });
    await as('operator', 'cycles.act', { cycleId: id, action: 'report' });
    await as('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    if (o.upTo === 'ditandatangani') {
      const konsep = await as<{ items: { id: string }[] }>('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
      if (o.lateDays) {
        t += o.lateDays * DAY;
        await host.setClock(new Date(t).toISOString());
        // Days later everyone logs in again.
        for (const u of Object.keys(s)) s[u] = await signIn(host, u);
      }
      for (const item of konsep.items) await as('ppid', 'cycles.markReview', { cycleId: id, itemId: item.id, verdict: 'sesuai' }, 20_000);
      await as('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
      await as('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS });
      const signed = await as<{ signed: unknown }>('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: PASSWORD });
      expect(signed.signed, `${o.name} signed`).toBeTruthy();
    }
    const self = await ok<{ fingerprint: string }>(host, 'devices.self', {}, s.ppid);
    o.fingerprint = self.fingerprint;
    const pkg = await as<{ fileName: string; base64: string }>('ppid', 'sync.export', { cycleIds: [id], to: 'ppid_utama' });
    // Forty OPD's files meet in one folder at the PPID Utama: each name starts with its OPD's unit code.
    expect(pkg.fileName).toMatch(new RegExp(`^${o.unitCode}_DIP-2026_(langkah-\\d|selesai)_untuk-PPID-Utama_2026-11-\\d\\d\\.ppid$`));
    const own = path.join(dir, o.unitCode);
    await fs.mkdir(own, { recursive: true });
    o.file = path.join(own, pkg.fileName);
    await fs.writeFile(o.file, Buffer.from(pkg.base64, 'base64'));
  } finally {
    await host.stop();
    await host.remove();
  }
}

/** The PPID Utama's first run at Diskominfotik, as its setup wizard sends it. */
export function utamaSetupInput() {
  const base = structuredClone(demoSetup(null).input);
  const { bidang: _bidang, ...office } = base.office;
  return {
    officeKind: 'utama',
    office: { ...office, opdName: 'Dinas Komunikasi, Informatika dan Statistik' },
    officials: {
      kepala: { ...base.officials.kepala, jabatan: 'Kepala Dinas Komunikasi, Informatika dan Statistik selaku PPID Utama' },
      ketuaPpid: { ...base.officials.ketuaPpid, jabatan: 'Sekretaris Dinas selaku Sekretaris PPID Utama' },
      operators: base.officials.operators,
    },
    documents: base.documents,
    accounts: [
      { personId: base.officials.kepala.id, username: 'utama', role: 'ppid_utama', isAdmin: true, password: PASSWORD },
      { personId: base.officials.operators[0]!.id, username: 'operator', role: 'operator', isAdmin: false, password: PASSWORD },
    ],
  };
}

export async function chooseFiles(page: Page, open: () => Promise<void>, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await open();
  await (await chooser).setFiles(files);
}
