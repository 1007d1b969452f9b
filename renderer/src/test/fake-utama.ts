import type { SettingsView } from '../../../electron/core/contract';
import type { Result } from '../../../electron/core/result';
import { storedItemFieldsSchema, type Category, type ItemFields } from '../../../electron/core/domain/information';
import { registerEntryInputSchema } from '../../../electron/core/domain/regency/model';
import type {
  IntakeApplied,
  IntakeCheck,
  OpdStanding,
  RegencySearchHit,
  RegencySignature,
  RegisterEntry,
  RegisterRow,
  RegisterView,
  WaitingPackage,
} from '../../../electron/core/domain/regency/model';
import type { RegencyInput, RegencyOpd } from '../../../electron/core/documents/shared/regency';
import type { RelayDeviceTrusted, RelayWaitingOffice } from '../../../electron/core/domain/regency/relay-waiting';
import { STEP_INFO, type Step } from '../../../electron/core/domain/workflow/sop';

/**
 * The PPID Utama's side of the fake core (renderer tests and the screenshot harness): a
 * register of six OPD of Kabupaten Kapuas Hulu for 2026, one package waiting for its sender's
 * key, items to search, and the regency's documents. Pure data and plain functions, so it
 * runs in jsdom and in a browser alike.
 *
 * | OPD                               | 2026 standing  | step | late                         | extra                       |
 * |-----------------------------------|----------------|------|------------------------------|-----------------------------|
 * | Dinas Pendidikan                  | ditandatangani | 6    | no                           |                             |
 * | Dinas Kesehatan                   | ditandatangani | 6    | yes (ditandatangani 4 hari kerja terlambat) | 2 berkala overdue |
 * | Dinas PUPR                        | proses         | 4    | yes (langkah 4, 3 hari kerja)|                             |
 * | Badan Keuangan dan Aset Daerah    | proses         | 3    | no                           | 1 exemption ending          |
 * | Kecamatan Putussibau Utara        | belum_kirim    | —    | no                           |                             |
 * | Dinas Kependudukan dan Capil      | belum_kirim    | —    | no                           | 1 package waiting for trust |
 *
 * Intake answers by file name, so a test names what it wants: "…rusak…" is refused, "…sama…"
 * was received before, "…baru…" comes from an untrusted laptop, anything else is ready.
 */

export const UTAMA_SETTINGS: SettingsView = {
  officeKind: 'utama',
  office: {
    pemda: 'Kabupaten Kapuas Hulu',
    opdName: 'Dinas Komunikasi, Informatika dan Statistik',
    unitCode: 'Diskominfotik',
    address: 'Jalan Lintas Selatan No. 12, Putussibau',
    phone: '(0567) 21012',
    email: 'diskominfotik@kapuashulukab.go.id',
    website: 'ppid.kapuashulukab.go.id',
    placeName: 'Putussibau',
    bidang: ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik'],
  },
  officials: {
    kepala: {
      id: 'utama-kepala',
      name: 'Drs. Agustinus Rangkap, M.Si.',
      jabatan: 'Kepala Dinas Komunikasi, Informatika dan Statistik selaku PPID Utama',
      asn: 'PNS',
      pangkat: 'IV/b',
      nip: '197008171995031004',
    },
    ketuaPpid: { id: 'utama-sekretaris', name: 'Yuliana Sari, S.Sos., M.AP.', jabatan: 'Sekretaris Dinas', asn: 'PNS', pangkat: 'IV/a', nip: '197805122003122006' },
    operators: [{ id: 'utama-operator-1', name: 'Rizky Pratama, S.Kom.', jabatan: 'Pranata Komputer', asn: 'PNS', pangkat: 'III/b', nip: '199303212019031002' }],
  },
  documents: {
    paper: 'F4',
    font: 'Arial',
    fontSize: 12,
    kodeKlasifikasi: '500.12.2',
    notaDinasPattern: '{kode}/{urut}/{unit}/{tahun}',
    listDecree: { enabled: false, issuer: 'kepala', pattern: '100.3.3/{urut}/{unit}/{tahun}' },
  },
  emblem: null,
  emblemDataUrl: null,
  calendar: {
    timeZone: 'Asia/Jakarta',
    officeStart: '07.30',
    officeEnd: '16.00',
    workingDays: [1, 2, 3, 4, 5],
    extraHolidays: [],
    removedHolidays: [],
  },
};

const ok = <T>(data: T): Result<T> => ({ ok: true, data });

const zeroCounts = (): Record<Category, number> => ({ berkala: 0, setiap_saat: 0, serta_merta: 0, dikecualikan: 0 });
const stepLabel = (step: Step) => `Langkah ${STEP_INFO[step].no}: ${STEP_INFO[step].label}`;

/** A stable 64-hex id from a text, as the core's SHA-256 check ids look. */
export function fakeHex(text: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

interface OpdSeed {
  entryId: string;
  name: string;
  unitCode: string;
  contact: { name: string; phone: string; email: string };
  standing: OpdStanding;
  step: Step | null;
  late: string;
  counts: Partial<Record<Category, number>>;
  berkalaOverdue?: number;
  exemptionsEnding?: number;
  lastReceivedAt: string | null;
  signedAt: string | null;
  waiting?: number;
}

const SEEDS: OpdSeed[] = [
  {
    entryId: 'e-disdik',
    name: 'Dinas Pendidikan',
    unitCode: 'Disdik',
    contact: { name: 'Fransiska Yuliani, S.Pd.', phone: '0812 5600 1122', email: 'ppid.disdik@kapuashulukab.go.id' },
    standing: 'ditandatangani',
    step: 'arsip',
    late: '',
    counts: { berkala: 4, serta_merta: 1, setiap_saat: 6, dikecualikan: 1 },
    lastReceivedAt: '2026-11-20T03:10:00.000Z',
    signedAt: '2026-11-19T02:00:00.000Z',
  },
  {
    entryId: 'e-dinkes',
    name: 'Dinas Kesehatan',
    unitCode: 'Dinkes',
    contact: { name: 'dr. Paulina Sari', phone: '0813 4520 7788', email: '' },
    standing: 'ditandatangani',
    step: 'arsip',
    late: 'Ditandatangani 4 hari kerja sesudah batas',
    counts: { berkala: 8, serta_merta: 4, setiap_saat: 15, dikecualikan: 3 },
    berkalaOverdue: 2,
    lastReceivedAt: '2026-11-24T08:00:00.000Z',
    signedAt: '2026-11-24T07:30:00.000Z',
  },
  {
    entryId: 'e-pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    unitCode: 'PUPR',
    contact: { name: 'Hendrikus Lambang, S.T.', phone: '0852 4711 3030', email: 'pupr@kapuashulukab.go.id' },
    standing: 'proses',
    step: 'pemeriksaan_ppid',
    late: 'Langkah 4 terlambat 3 hari kerja',
    counts: { berkala: 2, setiap_saat: 5 },
    lastReceivedAt: '2026-11-17T04:00:00.000Z',
    signedAt: null,
  },
  {
    entryId: 'e-bkad',
    name: 'Badan Keuangan dan Aset Daerah',
    unitCode: 'BKAD',
    contact: { name: 'Maria Goreti, S.E.', phone: '0811 5660 2020', email: '' },
    standing: 'proses',
    step: 'pengumpulan',
    late: '',
    counts: { berkala: 3, setiap_saat: 4, dikecualikan: 2 },
    exemptionsEnding: 1,
    lastReceivedAt: '2026-11-25T01:00:00.000Z',
    signedAt: null,
  },
  {
    entryId: 'e-kec-utara',
    name: 'Kecamatan Putussibau Utara',
    unitCode: 'Kec.PSU',
    contact: { name: 'Antonius Jalung', phone: '', email: '' },
    standing: 'belum_kirim',
    step: null,
    late: '',
    counts: {},
    lastReceivedAt: null,
    signedAt: null,
  },
  {
    entryId: 'e-dukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    unitCode: 'Disdukcapil',
    contact: { name: '', phone: '', email: '' },
    standing: 'belum_kirim',
    step: null,
    late: '',
    counts: {},
    lastReceivedAt: null,
    signedAt: null,
    waiting: 1,
  },
];

function rowOf(seed: OpdSeed, year: number): RegisterRow {
  return {
    entryId: seed.entryId,
    opdName: seed.name,
    unitCode: seed.unitCode,
    contact: seed.contact,
    standing: seed.standing,
    cycle: seed.step ? { id: `${seed.entryId}-${year}`, title: `DIP ${year}`, step: seed.step, stepLabel: stepLabel(seed.step) } : null,
    signedAt: seed.signedAt,
    late: seed.late !== '',
    lateness: seed.late,
    counts: { ...zeroCounts(), ...seed.counts },
    berkalaOverdue: seed.berkalaOverdue ?? 0,
    exemptionsEnding: seed.exemptionsEnding ?? 0,
    lastReceivedAt: seed.lastReceivedAt,
    waiting: seed.waiting ?? 0,
  };
}

function entryOf(seed: OpdSeed): RegisterEntry {
  const received = seed.lastReceivedAt !== null;
  return {
    entryId: seed.entryId,
    officeId: received ? `office-${seed.entryId}` : null,
    name: seed.name,
    unitCode: seed.unitCode,
    contact: seed.contact,
    keys: received
      ? [
          {
            installationId: `inst-${seed.entryId}`,
            name: `Laptop PPID ${seed.unitCode}`,
            publicKey: 'MCowBQYDK2VwAyEA' + 'A'.repeat(43) + '=',
            fingerprint: '4821 0937 5516 2048 7730',
            trustedAt: '2026-10-02T03:00:00.000Z',
            trustedBy: 'ppidutama',
            revokedAt: null,
          },
        ]
      : [],
    devices: received ? { [`inst-${seed.entryId}`]: { name: `Laptop PPID ${seed.unitCode}`, publicKey: 'x' } } : {},
    addedAt: '2026-09-01T02:00:00.000Z',
    addedBy: 'ppidutama',
    source: 'manual',
  };
}

function item(judul: string, bidang: string, kategori: Category): ItemFields {
  return storedItemFieldsSchema.parse({
    bidang,
    judul,
    ringkasan: `Ringkasan ${judul}`,
    pejabatPenguasa: `Kepala ${bidang}`,
    penanggungJawab: 'Sekretaris Dinas',
    waktuPembuatan: '2026',
    tempatPembuatan: 'Putussibau',
    bentuk: ['softcopy', 'hardcopy'],
    retensi: '5 tahun',
    kategori,
    berkalaBulan: kategori === 'berkala' ? 6 : 0,
    exemption:
      kategori === 'dikecualikan'
        ? { basis: 'pasal17', huruf: 'h', angka: 2, konsekuensi: 'Membuka data pribadi.', pertimbangan: 'Melindungi rahasia pribadi.', jangkaWaktu: '' }
        : undefined,
  });
}

const ITEMS: Record<string, [string, string, Category][]> = {
  'e-disdik': [
    ['Rencana Strategis Dinas Pendidikan 2025–2029', 'Sekretariat', 'berkala'],
    ['Laporan Realisasi Anggaran Dana BOS Daerah', 'Sekretariat', 'berkala'],
    ['Petunjuk teknis Penerimaan Peserta Didik Baru', 'Bidang Pembinaan SMP', 'setiap_saat'],
    ['Berkas penilaian kinerja dan data pribadi guru', 'Bidang Ketenagaan', 'dikecualikan'],
  ],
  'e-dinkes': [
    ['Profil Kesehatan Kabupaten Kapuas Hulu', 'Sekretariat', 'berkala'],
    ['Laporan Realisasi Anggaran Dinas Kesehatan', 'Sekretariat', 'berkala'],
    ['Peringatan kejadian luar biasa demam berdarah', 'Bidang P2P', 'serta_merta'],
    ['Daftar puskesmas dan jam pelayanan', 'Bidang Pelayanan Kesehatan', 'setiap_saat'],
    ['Rekam medis pasien puskesmas', 'Bidang Pelayanan Kesehatan', 'dikecualikan'],
  ],
  'e-pupr': [
    ['Rencana Kerja Dinas PUPR 2026', 'Sekretariat', 'berkala'],
    ['Daftar paket pekerjaan jalan dan jembatan', 'Bidang Bina Marga', 'setiap_saat'],
  ],
  'e-bkad': [
    ['Laporan Realisasi Anggaran Pemerintah Daerah', 'Bidang Akuntansi', 'berkala'],
    ['Daftar aset tanah milik daerah', 'Bidang Aset', 'setiap_saat'],
  ],
};

function regencyOpd(seed: OpdSeed, year: number): RegencyOpd {
  const list = (ITEMS[seed.entryId] ?? []).map(([judul, bidang, kategori], i) => ({ id: `${seed.entryId}-${i + 1}`, fields: item(judul, bidang, kategori) }));
  const signed = seed.standing === 'ditandatangani' && seed.signedAt;
  const fp = (kind: string) => {
    const sha256 = fakeHex(`${seed.entryId}:${kind}:${year}`);
    return { sha256, short: (sha256.slice(0, 12).toUpperCase().match(/.{4}/g) ?? []).join('-') };
  };
  return {
    opdId: seed.entryId,
    opdName: seed.name,
    unitCode: seed.unitCode,
    signed: signed ? { at: seed.signedAt!, by: `Kepala ${seed.name}`, fingerprints: { dip: fp('dip'), dik: fp('dik') } } : null,
    step: seed.step ?? 'identifikasi',
    items: list,
    late: seed.late !== '',
    lateness: seed.late ? seed.late.toLowerCase() : '',
  };
}

/** The regency's records the fake answers from; tests may change them before rendering. */
export interface FakeRegency {
  seeds: OpdSeed[];
  entries: RegisterEntry[];
  waiting: WaitingPackage[];
  signatures: Map<number, RegencySignature>;
  /** checkId → what was applied, for "applied twice writes nothing". */
  applied: Set<string>;
  checks: Map<string, IntakeCheck>;
  /** OPD offices on the relay whose laptops are not trusted yet (utama.relayWaiting); none unless a test puts some. */
  relayWaiting: RelayWaitingOffice[];
}

export function fakeRegency(): FakeRegency {
  return {
    seeds: structuredClone(SEEDS),
    entries: SEEDS.map(entryOf),
    waiting: [
      {
        checkId: fakeHex('dukcapil-2026.ppid'),
        fileName: 'dukcapil-2026.ppid',
        receivedAt: '2026-11-24T06:15:00.000Z',
        opd: { officeId: 'office-e-dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', unitCode: 'Disdukcapil', entryId: 'e-dukcapil' },
        sender: { installationId: 'inst-dukcapil', name: 'Laptop Sekretaris Disdukcapil', fingerprint: '3997 7530 1284 0056 7781', publicKey: 'MCowBQYDK2VwAyEA' + 'B'.repeat(43) + '=' },
        cycles: [{ title: 'DIP 2026', year: 2026, stepLabel: stepLabel('pemeriksaan_kepala') }],
      },
    ],
    signatures: new Map(),
    applied: new Set(),
    checks: new Map(),
    relayWaiting: [],
  };
}

/**
 * Two offices on the regency's relay waiting for trust: Dinas Perhubungan (in the register,
 * one laptop) and Kecamatan Embaloh Hulu (new, two laptops: one of them already known as
 * Dinas Pendidikan's, so it cannot be trusted for another OPD).
 */
export function fakeRelayWaiting(): RelayWaitingOffice[] {
  const key = (c: string) => `${c.repeat(43)}=`;
  return [
    {
      officeId: 'office-dishub',
      officeName: 'Dinas Perhubungan',
      unitCode: 'Dishub',
      entryId: null,
      entryName: null,
      laptops: [{ installationId: '8d1c5a52-4c1e-4bb1-9a36-2f3c2a6d1e01', name: 'Laptop PPID Pembantu Dishub', publicKey: key('D'), fingerprint: '4821 0937 5512 8840 1276', cardAt: '2026-12-10T02:30:00.000Z', problem: null }],
      acts: 212,
    },
    {
      officeId: 'office-embaloh',
      officeName: 'Kecamatan Embaloh Hulu',
      unitCode: 'KecEH',
      entryId: null,
      entryName: null,
      laptops: [
        { installationId: '1f7e0b6a-9d3c-4a8e-b0b5-6a1c2e3d4f02', name: 'Laptop Sekretaris Camat', publicKey: key('E'), fingerprint: '0719 3364 2098 5547 9013', cardAt: '2026-12-11T01:00:00.000Z', problem: null },
        {
          installationId: '2a8f1c7b-0e4d-4b9f-81c6-7b2d3f4e5a03',
          name: 'Laptop Operator',
          publicKey: key('F'),
          fingerprint: '6650 1182 4473 0291 3358',
          cardAt: '2026-12-09T07:45:00.000Z',
          problem: 'Laptop "Laptop Operator" sudah tercatat milik Dinas Pendidikan, sedangkan kartunya mengaku dari Kecamatan Embaloh Hulu: satu laptop hanya dipakai satu OPD. Tanyakan langsung kepada pemilik laptop itu.',
        },
      ],
      acts: 37,
    },
  ];
}

export function fakeTrustRelayDevice(regency: FakeRegency, input: { installationId?: unknown; publicKey?: unknown }): Result<RelayDeviceTrusted> {
  const office = regency.relayWaiting.find((o) => o.laptops.some((l) => l.installationId === input.installationId && l.publicKey === input.publicKey));
  const laptop = office?.laptops.find((l) => l.installationId === input.installationId);
  if (!office || !laptop) return { ok: false, code: 'NOT_FOUND', message: 'Kartu laptop dengan kunci itu belum diterima dari server relay di komputer ini.' };
  if (laptop.problem) return { ok: false, code: 'CONFLICT', message: `${laptop.problem} Tidak ada yang diubah.` };
  regency.relayWaiting = regency.relayWaiting.filter((o) => o !== office);
  return ok({ entryId: `e-${office.officeId}`, opdName: office.officeName, laptopName: laptop.name, fingerprint: laptop.fingerprint, added: office.entryId === null });
}

export function fakeRegisterView(regency: FakeRegency, year: number): RegisterView {
  const rows = year === 2026 ? regency.seeds.map((s) => rowOf(s, year)) : regency.seeds.map((s) => rowOf({ ...s, standing: s.lastReceivedAt ? 'ditandatangani' : 'belum_kirim', step: s.lastReceivedAt ? 'selesai' : null, late: '', waiting: 0 }, year));
  const count = (st: OpdStanding) => rows.filter((r) => r.standing === st).length;
  // Entries added through the register show up as OPD that sent nothing yet.
  for (const e of regency.entries) {
    if (!rows.some((r) => r.entryId === e.entryId)) {
      rows.push(rowOf({ entryId: e.entryId, name: e.name, unitCode: e.unitCode, contact: e.contact, standing: 'belum_kirim', step: null, late: '', counts: {}, lastReceivedAt: null, signedAt: null }, year));
    }
  }
  return {
    year,
    years: [2026, 2025],
    rows,
    totals: { belum_kirim: count('belum_kirim'), proses: count('proses'), ditandatangani: count('ditandatangani'), late: rows.filter((r) => r.late).length, opd: rows.length },
  };
}

/** What one file would do, from its name (see the table above). */
export function fakeCheck(regency: FakeRegency, fileName: string): IntakeCheck {
  const checkId = fakeHex(fileName);
  const lower = fileName.toLowerCase();
  const seed = regency.seeds.find((s) => lower.includes(s.unitCode.toLowerCase().replace(/[^a-z]/g, ''))) ?? regency.seeds[0]!;
  const opd = { officeId: `office-${seed.entryId}`, name: seed.name, unitCode: seed.unitCode, entryId: seed.entryId };
  const sender = { installationId: `inst-${seed.entryId}`, name: `Laptop PPID ${seed.unitCode}`, fingerprint: '1204 5561 0093 7720 4418' };
  const cycles = [{ id: `${seed.entryId}-2026`, title: 'DIP 2026', year: 2026, step: 'pemeriksaan_kepala' as Step, stepLabel: stepLabel('pemeriksaan_kepala'), newActs: 3 }];
  let check: IntakeCheck;
  if (lower.includes('rusak')) {
    check = { checkId: '', fileName, status: 'ditolak', message: 'Berkas ini bukan paket PPID Desk yang utuh: tanda tangan paket tidak cocok dengan isinya.', opd: null, sender: null, cycles: [] };
  } else if (lower.includes('sama') || regency.applied.has(checkId)) {
    check = { checkId, fileName, status: 'sama', message: 'Semua tindakan dalam paket ini sudah diterima sebelumnya.', opd, sender, cycles: cycles.map((c) => ({ ...c, newActs: 0 })) };
  } else if (lower.includes('baru')) {
    check = {
      checkId,
      fileName,
      status: 'menunggu_kepercayaan',
      message: `Kunci laptop pengirim belum dipercaya untuk ${seed.name}.`,
      opd,
      sender: { ...sender, name: `Laptop baru ${seed.unitCode}`, fingerprint: '8810 2233 4471 0905 6128' },
      cycles,
    };
  } else {
    check = { checkId, fileName, status: 'siap', message: null, opd, sender, cycles };
  }
  if (check.checkId) regency.checks.set(check.checkId, check);
  return check;
}

export function fakeApply(regency: FakeRegency, checkId: string): Result<IntakeApplied> {
  const check = regency.checks.get(checkId);
  if (!check) return { ok: false, code: 'NOT_FOUND', message: 'Paket yang diperiksa tidak dikenal. Pilih berkasnya lagi.' };
  const base = { checkId, fileName: check.fileName, opdName: check.opd?.name ?? null };
  if (check.status === 'ditolak') return ok({ ...base, result: 'ditolak', message: check.message, newActs: 0 });
  if (check.status === 'menunggu_kepercayaan') {
    if (!regency.waiting.some((w) => w.checkId === checkId) && check.opd && check.sender) {
      regency.waiting.push({
        checkId,
        fileName: check.fileName,
        receivedAt: '2026-11-25T02:00:00.000Z',
        opd: check.opd,
        sender: { ...check.sender, publicKey: 'k' },
        cycles: check.cycles.map((c) => ({ title: c.title, year: c.year, stepLabel: c.stepLabel })),
      });
    }
    return ok({ ...base, result: 'menunggu_kepercayaan', message: 'Disimpan sampai kunci pengirimnya dipercaya di Menunggu kepercayaan.', newActs: 0 });
  }
  if (check.status === 'sama' || regency.applied.has(checkId)) return ok({ ...base, result: 'sama', message: null, newActs: 0 });
  regency.applied.add(checkId);
  return ok({ ...base, result: 'diterapkan', message: null, newActs: check.cycles.reduce((n, c) => n + c.newActs, 0) });
}

export function fakeTrust(regency: FakeRegency, checkId: string): Result<IntakeApplied[]> {
  const pkg = regency.waiting.find((w) => w.checkId === checkId);
  if (!pkg) return { ok: false, code: 'NOT_FOUND', message: 'Paket ini tidak lagi menunggu.' };
  const same = regency.waiting.filter((w) => w.sender.publicKey === pkg.sender.publicKey);
  regency.waiting = regency.waiting.filter((w) => w.sender.publicKey !== pkg.sender.publicKey);
  return ok(same.map((w) => ({ checkId: w.checkId, fileName: w.fileName, result: 'diterapkan' as const, message: null, opdName: w.opd.name, newActs: 4 })));
}

export function fakeRevokeKey(regency: FakeRegency, entryId: string, installationId: string): Result<RegisterEntry> {
  const entry = regency.entries.find((e) => e.entryId === entryId);
  if (!entry) return { ok: false, code: 'NOT_FOUND', message: 'OPD tidak ditemukan dalam register. Muat ulang daftarnya. Tidak ada yang diubah.' };
  const key = entry.keys.find((k) => k.installationId === installationId);
  if (!key) return { ok: false, code: 'NOT_FOUND', message: `Laptop itu tidak ada di antara laptop pengirim yang dipercaya untuk ${entry.name}. Tidak ada yang diubah.` };
  if (key.revokedAt) return { ok: false, code: 'CONFLICT', message: `Kepercayaan pada kunci "${key.name}" dari ${entry.name} sudah dicabut sebelumnya. Tidak ada yang diubah.` };
  key.revokedAt = '2026-11-25T02:00:00.000Z';
  return ok(structuredClone(entry));
}

export function fakeSaveEntry(regency: FakeRegency, input: unknown): Result<RegisterEntry> {
  const raw = (input ?? {}) as { entryId?: string | null };
  const parsed = registerEntryInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false, code: 'INVALID_INPUT', message: `Data tidak valid: ${issues.map((i) => i.message).join(' ')}`, issues };
  }
  const v = parsed.data;
  const clash = regency.entries.find((e) => e.entryId !== raw.entryId && v.unitCode && e.unitCode.toLowerCase() === v.unitCode.toLowerCase());
  if (clash) return { ok: false, code: 'CONFLICT', message: `Kode unit ${v.unitCode} sudah dipakai ${clash.name}.`, issues: [{ path: 'unitCode', message: `Kode unit ${v.unitCode} sudah dipakai ${clash.name}.` }] };
  if (raw.entryId) {
    const at = regency.entries.findIndex((e) => e.entryId === raw.entryId);
    if (at < 0) return { ok: false, code: 'NOT_FOUND', message: 'OPD tidak ditemukan di register.' };
    const next = { ...regency.entries[at]!, name: v.name, unitCode: v.unitCode, contact: v.contact };
    regency.entries[at] = next;
    const seed = regency.seeds.find((s) => s.entryId === raw.entryId);
    if (seed) Object.assign(seed, { name: v.name, unitCode: v.unitCode, contact: v.contact });
    return ok(next);
  }
  const entry: RegisterEntry = {
    entryId: `e-${regency.entries.length + 1}-${fakeHex(v.name).slice(0, 6)}`,
    officeId: null,
    name: v.name,
    unitCode: v.unitCode,
    contact: v.contact,
    keys: [],
    devices: {},
    addedAt: '2026-11-25T02:00:00.000Z',
    addedBy: 'ppidutama',
    source: 'manual',
  };
  regency.entries.push(entry);
  return ok(entry);
}

export function fakeSearch(regency: FakeRegency, input: { query?: string; year?: number | null; category?: Category | null; entryId?: string | null; limit?: number }): RegencySearchHit[] {
  const words = (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const hits: RegencySearchHit[] = [];
  for (const seed of regency.seeds) {
    for (const [i, [judul, bidang, kategori]] of (ITEMS[seed.entryId] ?? []).entries()) {
      hits.push({
        entryId: seed.entryId,
        opdName: seed.name,
        cycleId: `${seed.entryId}-2026`,
        year: 2026,
        itemId: `${seed.entryId}-${i + 1}`,
        judul,
        ringkasan: `Ringkasan ${judul}`,
        bidang,
        category: kategori,
        signed: seed.standing === 'ditandatangani',
      });
    }
  }
  return hits.filter(
    (h) =>
      (input.year == null || h.year === input.year) &&
      (input.category == null || h.category === input.category) &&
      (input.entryId == null || h.entryId === input.entryId) &&
      words.every((w) => `${h.judul} ${h.ringkasan} ${h.bidang} ${h.opdName}`.toLowerCase().includes(w)),
  );
}

export function fakeDocumentData(regency: FakeRegency, year: number): { input: RegencyInput; signature: RegencySignature | null } {
  const signature = regency.signatures.get(year) ?? null;
  const k = UTAMA_SETTINGS.officials.kepala;
  return {
    input: {
      regency: {
        pemda: UTAMA_SETTINGS.office.pemda,
        name: `PPID Utama ${UTAMA_SETTINGS.office.pemda}`,
        officials: { ppidUtama: { name: k.name, nip: k.nip, jabatan: k.jabatan, pangkat: k.pangkat, asn: k.asn } },
        signed: signature ? { at: signature.at } : null,
      },
      year,
      opds: regency.seeds.filter((s) => s.standing !== 'belum_kirim' || s.entryId === 'e-kec-utara').map((s) => regencyOpd(s, year)),
    },
    signature,
  };
}

export function fakeSign(regency: FakeRegency, year: number, by: string): RegencySignature {
  const data = fakeDocumentData(regency, year).input;
  const sig: RegencySignature = {
    year,
    at: '2026-11-25T02:00:00.000Z',
    by,
    opds: Object.fromEntries(data.opds.filter((o) => o.signed).map((o) => [o.opdId, { dip: o.signed!.fingerprints.dip.sha256, dik: o.signed!.fingerprints.dik.sha256 }])),
    fingerprints: { dip: fakeHex(`kab-dip-${year}`), dik: fakeHex(`kab-dik-${year}`) },
  };
  regency.signatures.set(year, sig);
  return sig;
}

