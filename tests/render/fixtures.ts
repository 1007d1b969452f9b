import { settingsSchema, type Settings } from '../../electron/core/domain/office';
import { demoSetup } from '../../electron/core/services/demo';
import type { ItemFields } from '../../electron/core/domain/information';
import type { CycleState, ItemState, NotaDinasDraft } from '../../electron/core/domain/workflow';
import type { DocumentContext } from '../../electron/core/documents';
import { encodeGreyPng } from '../../electron/core/documents/docx/parts/png';
import { completeItem } from '../unit/workflow-fixtures';

/** The demo office (Diskominfotik Kapuas Hulu) as stored settings, on the paper asked for. */
export function demoSettings(paper: 'F4' | 'A4' = 'F4', font: Settings['documents']['font'] = 'Arial'): Settings {
  const { input } = demoSetup(null);
  return settingsSchema.parse({
    office: input.office,
    officials: input.officials,
    documents: { ...input.documents, paper, font },
    emblem: null,
  });
}

/** A stand-in emblem: a dark shield with a light star-ish centre, 200 × 240 px. */
export function fakeEmblem(): Buffer {
  return encodeGreyPng(200, 240, (x, y) => {
    const cx = 100;
    const half = y < 150 ? 95 : 95 - ((y - 150) * 95) / 90;
    const inShield = y > 4 && y < 238 && Math.abs(x - cx) < half;
    const inCentre = Math.hypot(x - cx, y - 100) < 38;
    const inBand = y > 170 && y < 185 && Math.abs(x - cx) < half - 10;
    return inShield && !inCentre && !inBand;
  });
}

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Aplikasi Informatika', 'Bidang Persandian dan Keamanan Informasi', 'Bidang Statistik Sektoral'];

/** Realistic rows: long judul and ringkasan, as an office would type them. */
export const DEMO_ITEMS: ItemFields[] = [
  completeItem('Profil Dinas Komunikasi, Informatika dan Statistik', B[0]!, 'berkala', {
    ringkasan: 'Kedudukan, tugas pokok dan fungsi, struktur organisasi, profil pimpinan serta alamat dan kontak dinas.',
    pejabatPenguasa: 'Sekretariat / Subbagian Umum dan Kepegawaian',
    retensi: '5 tahun (aktif 2, inaktif 3)',
  }),
  completeItem('Rencana Kerja dan Anggaran (RKA) serta Dokumen Pelaksanaan Anggaran (DPA) Tahun 2026', B[0]!, 'berkala', {
    ringkasan: 'RKA dan DPA seluruh program, kegiatan dan subkegiatan Diskominfotik Tahun Anggaran 2026 beserta perubahannya.',
    pejabatPenguasa: 'Sekretariat / Subbagian Keuangan dan Aset',
    berkalaBulan: 1,
  }),
  completeItem('Laporan Realisasi Anggaran (LRA) Semester I dan II', B[0]!, 'berkala', {
    ringkasan: 'Realisasi pendapatan dan belanja per semester.',
    pejabatPenguasa: 'Sekretariat / Subbagian Keuangan dan Aset',
  }),
  completeItem('Ringkasan laporan akses informasi publik', B[1]!, 'berkala', {
    ringkasan: 'Jumlah permohonan informasi, waktu layanan, permohonan yang dikabulkan dan ditolak beserta alasannya.',
    berkalaBulan: 3,
  }),
  completeItem('Prosedur peringatan dini dan evakuasi keadaan darurat di kantor', B[0]!, 'berkala'),
  completeItem('Daftar Informasi Publik', B[1]!, 'setiap_saat', { ringkasan: 'Daftar seluruh informasi publik yang berada di bawah penguasaan dinas.' }),
  completeItem('Peraturan, keputusan dan kebijakan beserta dokumen pendukungnya', B[1]!, 'setiap_saat', {
    ringkasan: 'Keputusan Kepala Dinas, surat edaran dan kebijakan di bidang komunikasi, informatika dan statistik.',
  }),
  completeItem('Perjanjian kerja sama dengan pihak ketiga', B[2]!, 'setiap_saat', {
    ringkasan: 'Perjanjian kerja sama penyediaan jaringan internet desa dan pusat data.',
    retensi: '10 tahun setelah perjanjian berakhir',
  }),
  completeItem('Rencana Strategis (Renstra) 2025–2029 dan Rencana Kerja (Renja) 2026', B[0]!, 'setiap_saat'),
  completeItem('Standar operasional prosedur pelayanan informasi publik', B[1]!, 'setiap_saat'),
  completeItem('Data statistik sektoral Kabupaten Kapuas Hulu', B[4]!, 'setiap_saat', {
    ringkasan: 'Kumpulan data statistik sektoral perangkat daerah yang telah diverifikasi (Satu Data Kapuas Hulu).',
    bentuk: ['softcopy'],
  }),
  completeItem('Informasi gangguan layanan jaringan dan serangan siber pada sistem pemerintah daerah', B[3]!, 'serta_merta', {
    ringkasan: 'Pemberitahuan segera apabila terjadi gangguan atau serangan siber yang berdampak pada layanan publik.',
    bentuk: ['softcopy'],
    retensi: '1 tahun',
  }),
  completeItem('Data riwayat kesehatan pegawai', B[0]!, 'dikecualikan', {
    ringkasan: 'Hasil pemeriksaan kesehatan dan rekam medis pegawai dalam berkas kepegawaian.',
    pejabatPenguasa: 'Subbagian Umum dan Kepegawaian',
  }),
  completeItem('Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah', B[3]!, 'dikecualikan', {
    ringkasan: 'Kunci enkripsi, kata sandi perangkat jaringan dan topologi keamanan pusat data pemerintah daerah.',
    pejabatPenguasa: 'Bidang Persandian dan Keamanan Informasi',
    exemption: {
      basis: 'pasal17',
      huruf: 'c',
      angka: 6,
      undangUndang: '',
      pasal: '',
      konsekuensi: 'Membuka celah serangan terhadap sistem elektronik pemerintah daerah dan data pribadi warga yang dikelolanya.',
      pertimbangan: 'Melindungi keamanan sistem elektronik dan data warga; kepentingan publik atas informasi ini tidak lebih besar daripada risiko serangan.',
      jangkaWaktu: '5 tahun atau sampai konfigurasi diganti',
    },
  }),
];

const actor = { userId: 'u-op', username: 'operator', name: 'Rizky Pratama, S.Kom.', role: 'operator' as const };

export function itemStates(fields: readonly ItemFields[]): ItemState[] {
  return fields.map((f, i) => ({
    id: `item-${String(i + 1).padStart(4, '0')}`,
    fields: f,
    origin: 'baru' as const,
    sourceItemId: null,
    attachments: [],
    addedAt: '2026-11-23T01:00:00.000Z',
    updatedAt: '2026-11-23T01:00:00.000Z',
  }));
}

/**
 * The Nota Dinas as the PPID Pembantu writes it: the items listed in the isi, up to `listed`
 * of them (five keeps the list in the body; more go to a lampiran page).
 */
export function notaDinasDraft(settings: Settings, items: readonly ItemState[], listed = 5): NotaDinasDraft {
  const o = settings.officials;
  const list = items.slice(0, listed).map((i, n) => `${n + 1}. ${i.fields.judul} (${i.fields.bidang})`).join('\n');
  return {
    kepada: `Petugas PPID Pembantu ${settings.office.opdName}`,
    dari: o.ketuaPpid.jabatan,
    tembusan: [o.kepala.jabatan],
    sifat: 'Segera',
    lampiran: '-',
    hal: 'Penghimpunan dan Pendokumentasian Informasi Publik Tahun 2026',
    batasWaktu: '1 (satu) hari kerja',
    isi:
      'Dalam rangka melaksanakan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik dan SOP Pendokumentasian Informasi Publik, ' +
      'bersama ini kami minta Saudara berkoordinasi dengan Sekretariat, Bidang Informasi dan Komunikasi Publik, Bidang Aplikasi Informatika, ' +
      'Bidang Persandian dan Keamanan Informasi dan Bidang Statistik Sektoral untuk menghimpun, mengklasifikasikan (serta merta, berkala, setiap saat, ' +
      `atau dikecualikan) dan mendokumentasikan informasi publik berikut:\n${list}\n\n` +
      'Hasilnya disusun sebagai Konsep Daftar Informasi Publik 2026 dan disampaikan kepada kami paling lambat 1 (satu) hari kerja sejak Nota Dinas ini diterima.\n\n' +
      'Demikian untuk dilaksanakan dengan penuh tanggung jawab.',
  };
}

export type Stage = 'nota_dinas' | 'konsep' | 'draft' | 'final';

/** A cycle at a stage of the SOP, built directly (the fold is tested elsewhere). */
export function demoCycle(settings: Settings, stage: Stage, fields: readonly ItemFields[] = DEMO_ITEMS, listed = 5): CycleState {
  const items = itemStates(fields);
  const issued = stage !== 'nota_dinas';
  const step = ({ nota_dinas: 'nota_dinas', konsep: 'pemeriksaan_ppid', draft: 'pemeriksaan_kepala', final: 'arsip' } as const)[stage];
  return {
    id: 'c0ffee00-1111-4222-8333-444455556666',
    title: 'Daftar Informasi Publik 2026',
    year: 2026,
    carriedFrom: null,
    createdAt: '2026-11-23T01:00:00.000Z',
    createdBy: actor,
    step,
    items,
    removedItems: [],
    notaDinas: {
      draft: notaDinasDraft(settings, items, listed),
      number: issued ? '500.12.2/007/Diskominfotik/2026' : null,
      date: issued ? '2026-11-23T02:15:00.000Z' : null,
    },
    version: stage === 'nota_dinas' ? 0 : 2,
    reviewRound: stage === 'nota_dinas' ? 0 : 2,
    reviews: {},
    priorReviews: {},
    returns: [],
    signed: stage === 'final' ? { at: '2026-11-25T03:30:00.000Z', by: 'Drs. Agustinus Rangkap, M.Si.' } : null,
    archived: null,
    ujiKonsekuensi: null,
    archive: [],
    visits: [],
    conflicts: [],
    setAside: [],
    resolvedConflicts: [],
    heads: [],
    lastEventId: null,
    lastHash: null,
    eventCount: 0,
    updatedAt: '2026-11-25T03:30:00.000Z',
  };
}

/** `n` rows spread over the three DIP groups with ~1 in 10 exempt, for pagination tests and benches. */
export function manyItems(n: number): ItemFields[] {
  const cats = ['berkala', 'setiap_saat', 'setiap_saat', 'berkala', 'serta_merta', 'setiap_saat', 'berkala', 'setiap_saat', 'setiap_saat', 'dikecualikan'] as const;
  return Array.from({ length: n }, (_, i) =>
    completeItem(`Informasi nomor ${i + 1}: ${['Laporan kegiatan', 'Data layanan', 'Keputusan Kepala Dinas', 'Rekap pengaduan'][i % 4]} ${2020 + (i % 7)}`, B[i % B.length]!, cats[i % cats.length]!, {
      ringkasan: i % 3 === 0 ? 'Ringkasan yang agak panjang agar baris tabel memuat lebih dari satu baris teks dan halaman terisi seperti daftar sungguhan.' : `Ringkasan informasi ${i + 1}.`,
    }),
  );
}

/**
 * `n` items as an office types them for a whole year: long judul, ringkasan of 300 to 600
 * characters (the Nota Dinas lists the judul; the ringkasan fill the lists).
 */
export function longItems(n: number): ItemFields[] {
  const topics = [
    'Laporan penyelenggaraan layanan jaringan internet desa dan titik akses publik',
    'Rekapitulasi pengaduan masyarakat melalui kanal SP4N-LAPOR! dan tindak lanjutnya',
    'Rencana strategis dan rencana kerja perangkat daerah beserta perubahannya',
    'Data statistik sektoral kecamatan dan desa hasil pemutakhiran triwulanan',
  ];
  const sentence = 'Dokumen ini memuat uraian kegiatan, capaian kinerja, anggaran yang digunakan, kendala di lapangan serta rencana tindak lanjut pada tahun berjalan. ';
  return Array.from({ length: n }, (_, i) => {
    const ringkasan = sentence.repeat(2 + (i % 3)).trim().slice(0, 300 + ((i * 37) % 300));
    return completeItem(`${topics[i % topics.length]} Tahun ${2020 + (i % 7)} (berkas ${i + 1})`, B[i % B.length]!, (['berkala', 'setiap_saat', 'serta_merta'] as const)[i % 3]!, { ringkasan });
  });
}

export function demoContext(
  stage: Stage,
  opts: { paper?: 'F4' | 'A4'; items?: ItemFields[]; emblem?: boolean; listed?: number } = {},
): DocumentContext {
  const settings = demoSettings(opts.paper ?? 'F4');
  return {
    settings,
    emblem: opts.emblem === false ? null : fakeEmblem(),
    cycle: demoCycle(settings, stage, opts.items ?? DEMO_ITEMS, opts.listed),
    now: new Date('2026-11-25T03:00:00.000Z'),
  };
}
