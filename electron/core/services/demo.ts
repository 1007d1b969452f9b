import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DemoAccount } from '../contract';
import type { SetupInput } from '../domain/office';
import type { CallContext } from './context';
import { completeSetup } from './setup';

/** Fictional people; the office is real so that the documents look like the real thing. */
export const DEMO_PASSWORD = 'contoh-ppid-2026';

export function demoSetup(emblemBase64: string | null): { input: SetupInput; accounts: DemoAccount[] } {
  const people = {
    kepala: {
      id: 'demo-kepala',
      name: 'Drs. Agustinus Rangkap, M.Si.',
      jabatan: 'Kepala Dinas Komunikasi, Informatika dan Statistik',
      asn: 'PNS' as const,
      pangkat: 'IV/b' as const,
      nip: '197008171995031004',
    },
    ketuaPpid: {
      id: 'demo-ketua',
      name: 'Yuliana Sari, S.Sos., M.AP.',
      jabatan: 'Sekretaris Dinas selaku Ketua PPID Pembantu',
      asn: 'PNS' as const,
      pangkat: 'IV/a' as const,
      nip: '197805122003122006',
    },
    operators: [
      {
        id: 'demo-operator-1',
        name: 'Rizky Pratama, S.Kom.',
        jabatan: 'Pranata Komputer Ahli Pertama',
        asn: 'PNS' as const,
        pangkat: 'III/b' as const,
        nip: '199303212019031002',
      },
      {
        id: 'demo-operator-2',
        name: 'Dewi Lestari, A.Md.',
        jabatan: 'Pengelola Layanan Informasi',
        asn: 'PNS' as const,
        pangkat: 'II/c' as const,
        nip: '199507042020122008',
      },
    ],
  };
  const accounts: DemoAccount[] = [
    { username: 'operator', password: DEMO_PASSWORD, role: 'operator', name: people.operators[0]!.name },
    { username: 'operator2', password: DEMO_PASSWORD, role: 'operator', name: people.operators[1]!.name },
    { username: 'ppid', password: DEMO_PASSWORD, role: 'ppid_pembantu', name: people.ketuaPpid.name },
    { username: 'kepala', password: DEMO_PASSWORD, role: 'kepala_opd', name: people.kepala.name },
  ];
  const personOf: Record<string, string> = {
    operator: 'demo-operator-1',
    operator2: 'demo-operator-2',
    ppid: 'demo-ketua',
    kepala: 'demo-kepala',
  };
  return {
    accounts,
    input: {
      office: {
        pemda: 'Kabupaten Kapuas Hulu',
        opdName: 'Dinas Komunikasi, Informatika dan Statistik',
        unitCode: 'Diskominfotik',
        address: 'Jalan Lintas Selatan No. 12, Putussibau, Kapuas Hulu, Kalimantan Barat 78711',
        phone: '(0567) 21012',
        email: 'diskominfotik@kapuashulukab.go.id',
        website: 'diskominfotik.kapuashulukab.go.id',
        placeName: 'Putussibau',
        bidang: [
          'Sekretariat',
          'Bidang Informasi dan Komunikasi Publik',
          'Bidang Aplikasi Informatika',
          'Bidang Persandian dan Keamanan Informasi',
          'Bidang Statistik Sektoral',
        ],
      },
      officials: people,
      documents: {
        paper: 'F4',
        font: 'Arial',
        fontSize: 12,
        kodeKlasifikasi: '500.12.2',
        notaDinasPattern: '{kode}/{urut}/{unit}/{tahun}',
      },
      emblem: emblemBase64,
      accounts: accounts.map((a) => ({
        personId: personOf[a.username]!,
        username: a.username,
        role: a.role,
        isAdmin: a.username === 'ppid',
        password: a.password,
      })),
    },
  };
}

export async function loadDemo(ctx: CallContext) {
  let emblem: string | null = null;
  try {
    emblem = (await fs.readFile(path.join(ctx.stores.resourcesDir, 'emblem-default.png'))).toString('base64');
  } catch {
    emblem = null; // the demo works without a picture
  }
  const { input, accounts } = demoSetup(emblem);
  await completeSetup(ctx, input, { demo: true });
  return { accounts };
}

export function demoAccounts(ctx: CallContext): DemoAccount[] {
  return ctx.stores.appDb.data.demo ? demoSetup(null).accounts : [];
}
