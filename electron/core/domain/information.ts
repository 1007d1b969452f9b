import { z } from 'zod';

/**
 * One piece of public information and its classification under UU 14/2008.
 * The DIP columns follow PerKI 1/2021 in statutory order; an exempt item carries the
 * DIK columns instead and never prints in the DIP.
 */
export const CATEGORIES = ['berkala', 'setiap_saat', 'serta_merta', 'dikecualikan'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  berkala: 'Berkala',
  setiap_saat: 'Setiap saat',
  serta_merta: 'Serta merta',
  dikecualikan: 'Dikecualikan',
};

/** The SOP's own words, shown beside the choice. */
export const CATEGORY_DEFINITIONS: Record<Category, string> = {
  serta_merta:
    'Informasi yang wajib diumumkan seketika terjadinya keadaan yang dapat mengancam hajat hidup orang banyak dan ketertiban umum (Pasal 10).',
  berkala:
    'Informasi yang disediakan/diumumkan secara rutin, teratur, dan dalam jangka waktu tertentu, setidaknya setiap 6 bulan sekali (Pasal 9).',
  setiap_saat:
    'Informasi yang untuk memperolehnya harus diajukan permintaan; wajib dan rutin disediakan badan publik (Pasal 11).',
  dikecualikan:
    'Informasi yang dikecualikan setelah uji konsekuensi (Pasal 17 dan 19). Tidak dimuat dalam DIP, hanya dalam Daftar Informasi yang Dikecualikan.',
};

/**
 * Headings the DIP prints its groups under, in print order: the order of UU 14/2008 —
 * berkala (Pasal 9), serta merta (Pasal 10), setiap saat (Pasal 11). The one place the
 * order is set; the DOCX, the print view and the fingerprint follow it.
 */
export const DIP_GROUPS: { category: Exclude<Category, 'dikecualikan'>; heading: string }[] = [
  { category: 'berkala', heading: 'Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala' },
  { category: 'serta_merta', heading: 'Informasi yang Wajib Diumumkan Secara Serta Merta' },
  { category: 'setiap_saat', heading: 'Informasi yang Wajib Tersedia Setiap Saat' },
];

export const BENTUK = ['softcopy', 'hardcopy'] as const;
export const BENTUK_LABELS: Record<(typeof BENTUK)[number], string> = { softcopy: 'Softcopy', hardcopy: 'Hardcopy' };

/**
 * The sub-points (angka) of Pasal 17 UU 14/2008, in the law's words: what each number means,
 * shown where the number is chosen. Written from the statute's text as published; the
 * trailing "dan/atau" joining the last two points is left out.
 */
export const PASAL17_ANGKA: Readonly<Record<string, readonly string[]>> = {
  a: [
    'menghambat proses penyelidikan dan penyidikan suatu tindak pidana',
    'mengungkapkan identitas informan, pelapor, saksi, dan/atau korban yang mengetahui adanya tindak pidana',
    'mengungkapkan data intelijen kriminal dan rencana-rencana yang berhubungan dengan pencegahan dan penanganan segala bentuk kejahatan transnasional',
    'membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya',
    'membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum',
  ],
  c: [
    'informasi tentang strategi, intelijen, operasi, taktik dan teknik yang berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan negara, meliputi tahap perencanaan, pelaksanaan dan pengakhiran atau evaluasi dalam kaitan dengan ancaman dari dalam dan luar negeri',
    'dokumen yang memuat tentang strategi, intelijen, operasi, teknik dan taktik yang berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan negara yang meliputi tahap perencanaan, pelaksanaan dan pengakhiran atau evaluasi',
    'jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan dalam penyelenggaraan sistem pertahanan dan keamanan negara serta rencana pengembangannya',
    'gambar dan data tentang situasi dan keadaan pangkalan dan/atau instalasi militer',
    'data perkiraan kemampuan militer dan pertahanan negara lain terbatas pada segala tindakan dan/atau indikasi negara tersebut yang dapat membahayakan kedaulatan Negara Kesatuan Republik Indonesia dan/atau data terkait kerjasama militer dengan negara lain yang disepakati dalam perjanjian tersebut sebagai rahasia atau sangat rahasia',
    'sistem persandian negara',
    'sistem intelijen negara',
  ],
  e: [
    'rencana awal pembelian dan penjualan mata uang nasional atau asing, saham dan aset vital milik negara',
    'rencana awal perubahan nilai tukar, suku bunga, dan model operasi institusi keuangan',
    'rencana awal perubahan suku bunga bank, pinjaman pemerintah, perubahan pajak, tarif, atau pendapatan negara/daerah lainnya',
    'rencana awal penjualan atau pembelian tanah atau properti',
    'rencana awal investasi asing',
    'proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya',
    'hal-hal yang berkaitan dengan proses pencetakan uang',
  ],
  f: [
    'posisi, daya tawar dan strategi yang akan dan telah diambil oleh negara dalam hubungannya dengan negosiasi internasional',
    'korespondensi diplomatik antarnegara',
    'sistem komunikasi dan persandian yang dipergunakan dalam menjalankan hubungan internasional',
    'perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri',
  ],
  h: [
    'riwayat dan kondisi anggota keluarga',
    'riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang',
    'kondisi keuangan, aset, pendapatan, dan rekening bank seseorang',
    'hasil-hasil evaluasi sehubungan dengan kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang',
    'catatan yang menyangkut pribadi seseorang yang berkaitan dengan kegiatan satuan pendidikan formal dan satuan pendidikan nonformal',
  ],
};

/** Pasal 17 UU 14/2008: letters and how many sub-points (angka) each has (counted from PASAL17_ANGKA). */
export const PASAL17: { huruf: string; ringkas: string; angka: number; berjangka: boolean }[] = [
  { huruf: 'a', ringkas: 'menghambat proses penegakan hukum', berjangka: true },
  { huruf: 'b', ringkas: 'mengganggu perlindungan HKI dan persaingan usaha tidak sehat', berjangka: true },
  { huruf: 'c', ringkas: 'membahayakan pertahanan dan keamanan negara', berjangka: true },
  { huruf: 'd', ringkas: 'mengungkapkan kekayaan alam Indonesia', berjangka: true },
  { huruf: 'e', ringkas: 'merugikan ketahanan ekonomi nasional', berjangka: true },
  { huruf: 'f', ringkas: 'merugikan kepentingan hubungan luar negeri', berjangka: true },
  { huruf: 'g', ringkas: 'mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat', berjangka: false },
  { huruf: 'h', ringkas: 'mengungkap rahasia pribadi', berjangka: false },
  { huruf: 'i', ringkas: 'memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan', berjangka: true },
  { huruf: 'j', ringkas: 'informasi yang tidak boleh diungkapkan berdasarkan undang-undang', berjangka: true },
].map((g) => ({ ...g, angka: PASAL17_ANGKA[g.huruf]?.length ?? 0 }));

/** What "Pasal 17 huruf h angka 2" means, in the law's words; '' when there is no such number. */
export function angkaText(huruf: string, angka: number): string {
  return PASAL17_ANGKA[huruf]?.[angka - 1] ?? '';
}

export const PASAL17_HURUF = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type Pasal17Ground = (typeof PASAL17)[number];

const text = (max: number) => z.string().trim().max(max, `Teks terlalu panjang (maksimal ${max} karakter).`).default('');

export const exemptionSchema = z.object({
  basis: z.enum(['pasal17', 'uu_lain']).default('pasal17'),
  huruf: z.union([z.literal(''), z.enum(PASAL17_HURUF)]).default(''),
  angka: z.number().int().min(0).max(7).default(0),
  /** For huruf j or another law: which law and article. */
  undangUndang: text(300),
  pasal: text(100),
  konsekuensi: text(2000),
  pertimbangan: text(2000),
  jangkaWaktu: text(200),
});
export type Exemption = z.infer<typeof exemptionSchema>;

/** How often a berkala item is renewed, as the editor offers it: Pasal 9 asks at least every 6 months. */
export const BERKALA_BULAN = [1, 3, 6] as const;
export const BERKALA_MESSAGE = 'Pilih seberapa sering diperbarui: setiap 1, 3 atau 6 bulan (Pasal 9: paling lama setiap 6 bulan).';

/**
 * An item as stored in the log: lenient on purpose, so acts written under older, looser rules
 * still load. What may be written now is `itemFieldsSchema`; a stored value it forbids is
 * flagged on screen (itemProblems), never hidden.
 */
export const storedItemFieldsSchema = z.object({
  bidang: z.string().trim().min(1, 'Bidang wajib dipilih.').max(120),
  judul: z.string().trim().min(1, 'Judul informasi wajib diisi.').max(300, 'Judul terlalu panjang (maksimal 300 karakter).'),
  catatan: text(2000),
  ringkasan: text(2000),
  pejabatPenguasa: text(300),
  penanggungJawab: text(300),
  waktuPembuatan: text(100),
  tempatPembuatan: text(100),
  bentuk: z.array(z.enum(BENTUK)).max(2).default([]),
  retensi: text(100),
  kategori: z.union([z.literal(''), z.enum(CATEGORIES)]).default(''),
  berkalaBulan: z.number().int().min(0).max(60).default(0),
  exemption: exemptionSchema.default(exemptionSchema.parse({})),
});

/** What the editor and the core accept: only the choices the form can produce. */
export const itemFieldsSchema = storedItemFieldsSchema.extend({
  berkalaBulan: z
    .number({ error: BERKALA_MESSAGE })
    .int(BERKALA_MESSAGE)
    .refine((n) => n === 0 || (BERKALA_BULAN as readonly number[]).includes(n), BERKALA_MESSAGE)
    .default(0),
});
export type ItemFields = z.infer<typeof storedItemFieldsSchema>;

/**
 * Each field's name on the screens (timeline, changes since the last DIP). Complete on
 * purpose: a new field does not type-check until it has its name here.
 */
export const ITEM_FIELD_LABELS: Record<keyof ItemFields, string> = {
  judul: 'Judul',
  bidang: 'Bidang',
  ringkasan: 'Ringkasan isi',
  pejabatPenguasa: 'Pejabat/unit yang menguasai',
  penanggungJawab: 'Penanggung jawab',
  waktuPembuatan: 'Waktu pembuatan',
  tempatPembuatan: 'Tempat pembuatan',
  bentuk: 'Bentuk informasi',
  retensi: 'Retensi',
  kategori: 'Klasifikasi',
  berkalaBulan: 'Frekuensi pembaruan (bulan)',
  exemption: 'Pengecualian',
  catatan: 'Catatan',
};

// ---------------------------------------------------------------- Pasal 17 letter and number

/** The Pasal 17 letter an exemption rests on; none when it rests on another law or no letter is chosen. */
export function pasal17Ground(e: Pick<Exemption, 'basis' | 'huruf'>): Pasal17Ground | undefined {
  return e.basis === 'pasal17' ? PASAL17.find((g) => g.huruf === e.huruf) : undefined;
}

/**
 * Pasal 20 ayat (1) declares the exemptions a–f not permanent; g and h are not among them,
 * so they are not limited in time (they end instead as Pasal 18 ayat (2) says). The law
 * names no limit for i and j either, but the SOP asks a period for them; only g and h go
 * without one.
 */
export function isUnlimitedInTime(e: Pick<Exemption, 'basis' | 'huruf'>): boolean {
  const ground = pasal17Ground(e);
  return ground !== undefined && !ground.berjangka;
}

/** The numbers (angka) the chosen letter has, 1..n; none for a letter without sub-points. */
export function angkaChoices(e: Pick<Exemption, 'basis' | 'huruf'>): number[] {
  return Array.from({ length: pasal17Ground(e)?.angka ?? 0 }, (_, i) => i + 1);
}

/** Huruf j and another law both name the law and article that forbid disclosure. */
export function needsOtherLaw(e: Pick<Exemption, 'basis' | 'huruf'>): boolean {
  return e.basis === 'uu_lain' || e.huruf === 'j';
}

/**
 * The exemption with another letter chosen: a number the new letter does not have is
 * cleared, and so is a period when the letter is not limited in time (it would be refused).
 */
export function withHuruf(e: Exemption, huruf: Exemption['huruf']): Exemption {
  const ground = PASAL17.find((g) => g.huruf === huruf);
  const next = { ...e, huruf };
  if (!ground || ground.angka === 0 || e.angka > ground.angka) next.angka = 0;
  if (ground && !ground.berjangka) next.jangkaWaktu = '';
  return next;
}

/** The hint under the period's input: the law's limit for the chosen letter, if it sets one. */
export function jangkaWaktuHint(e: Pick<Exemption, 'basis' | 'huruf'>): string | undefined {
  if (isUnlimitedInTime(e)) return `Pengecualian Pasal 17 huruf ${e.huruf} tidak dibatasi waktu: ${UNLIMITED_REASON}`;
  if (e.basis === 'pasal17' && e.huruf === 'a') return 'Paling lama 30 tahun (Pasal 20).';
  return undefined;
}

const UU_KIP = 'UU Nomor 14 Tahun 2008';

/** Why g and h have no period, and when they end all the same — the law's own two articles. */
const UNLIMITED_REASON =
  `Pasal 20 ayat (1) ${UU_KIP} menyatakan tidak permanen hanya pengecualian huruf a sampai dengan f. ` +
  'Informasi ini tidak lagi dikecualikan apabila pihak yang rahasianya diungkap memberikan persetujuan tertulis ' +
  'atau pengungkapannya berkaitan dengan posisi seseorang dalam jabatan publik (Pasal 18 ayat (2)).';

/**
 * The period column of the DIK and of the consequence test for an exemption without one
 * (huruf g, h): "Tidak dibatasi waktu", with the articles it rests on.
 */
export function unlimitedPeriodText(huruf: string): string {
  return (
    `Tidak dibatasi waktu: Pasal 20 ayat (1) ${UU_KIP} menyatakan tidak permanen hanya pengecualian huruf a–f, bukan huruf ${huruf}. ` +
    'Terbuka bila pihak yang bersangkutan menyetujui secara tertulis atau bila berkaitan dengan jabatan publik (Pasal 18 ayat (2)).'
  );
}

/** What the screens show in place of a period the law does not set. */
export function jangkaWaktuShort(e: Exemption): string {
  return isUnlimitedInTime(e) ? 'Tidak dibatasi waktu' : e.jangkaWaktu;
}

/**
 * A partial update. Built without the defaults: zod 4 fills defaults even inside
 * `.partial()`, which would blank every field the caller did not send.
 */
function patchOf<S extends z.ZodRawShape>(shape: S) {
  return z
    .object(
      Object.fromEntries(
        Object.entries(shape).map(([k, f]) => [k, (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : (f as z.ZodType)).optional()]),
      ) as { [K in keyof typeof storedItemFieldsSchema.shape]: z.ZodOptional<z.ZodType<z.infer<(typeof storedItemFieldsSchema.shape)[K]>>> },
    )
    .strict();
}
/** An update as a caller may send it (the rules of `itemFieldsSchema`). */
export const itemPatchSchema = patchOf(itemFieldsSchema.shape);
/** An update as the log holds it (the lenient stored rules). */
export const storedItemPatchSchema = patchOf(storedItemFieldsSchema.shape);

export interface ItemProblem {
  field: string;
  message: string;
}

/**
 * What must hold before the Konsep can be sent (step 3). Returned as a list so the screen
 * can show every problem of an item at once, in the user's words.
 */
export function itemProblems(item: ItemFields): ItemProblem[] {
  const p: ItemProblem[] = [];
  const need = (field: keyof ItemFields, label: string) => {
    const v = item[field];
    if (typeof v === 'string' ? !v.trim() : Array.isArray(v) && v.length === 0) p.push({ field, message: `${label} belum diisi.` });
  };
  if (!item.kategori) {
    p.push({ field: 'kategori', message: 'Klasifikasi belum dipilih (berkala, setiap saat, serta merta atau dikecualikan).' });
  }
  need('ringkasan', item.kategori === 'dikecualikan' ? 'Uraian informasi yang dikecualikan' : 'Ringkasan isi informasi');
  need('pejabatPenguasa', 'Pejabat atau unit yang menguasai informasi');
  if (item.kategori !== 'dikecualikan') {
    need('penanggungJawab', 'Penanggung jawab pembuatan/penerbitan');
    need('waktuPembuatan', 'Waktu pembuatan');
    need('tempatPembuatan', 'Tempat pembuatan');
    need('bentuk', 'Bentuk informasi (softcopy/hardcopy)');
    need('retensi', 'Jangka waktu penyimpanan/retensi');
  }
  if (item.kategori === 'berkala') {
    if (!item.berkalaBulan) {
      p.push({ field: 'berkalaBulan', message: 'Informasi berkala harus menyebut seberapa sering diperbarui.' });
    } else if (!isBerkalaChoice(item.berkalaBulan)) {
      p.push({ field: 'berkalaBulan', message: `Tersimpan "setiap ${item.berkalaBulan} bulan", yang tidak diizinkan. ${BERKALA_MESSAGE}` });
    }
  }
  if (item.kategori === 'dikecualikan') p.push(...exemptionProblems(item.exemption));
  return p;
}

/** One of the editor's choices (1, 3 or 6 months). */
export function isBerkalaChoice(n: number): boolean {
  return (BERKALA_BULAN as readonly number[]).includes(n);
}

export function exemptionProblems(e: Exemption): ItemProblem[] {
  const p: ItemProblem[] = [];
  const ground = pasal17Ground(e);
  if (e.basis === 'pasal17') {
    if (!ground) {
      p.push({ field: 'exemption.huruf', message: 'Pilih huruf Pasal 17 UU 14/2008 yang menjadi dasar pengecualian.' });
    } else {
      if (ground.angka > 0 && (e.angka < 1 || e.angka > ground.angka)) {
        p.push({ field: 'exemption.angka', message: `Pasal 17 huruf ${ground.huruf} memiliki angka 1–${ground.angka}: pilih salah satu.` });
      }
      if (ground.angka === 0 && e.angka !== 0) {
        p.push({ field: 'exemption.angka', message: `Pasal 17 huruf ${ground.huruf} tidak memiliki angka.` });
      }
      if (ground.huruf === 'j' && (!e.undangUndang || !e.pasal)) {
        p.push({ field: 'exemption.undangUndang', message: 'Untuk Pasal 17 huruf j sebutkan undang-undang dan pasal yang melarang pengungkapannya.' });
      }
    }
  } else if (!e.undangUndang || !e.pasal) {
    p.push({ field: 'exemption.undangUndang', message: 'Sebutkan undang-undang dan pasal yang menjadi dasar pengecualian.' });
  }
  if (!e.konsekuensi) p.push({ field: 'exemption.konsekuensi', message: 'Konsekuensi bila informasi dibuka wajib diisi (uji konsekuensi).' });
  if (!e.pertimbangan) p.push({ field: 'exemption.pertimbangan', message: 'Pertimbangan/kepentingan yang dilindungi bila ditutup wajib diisi.' });
  const unlimited = isUnlimitedInTime(e);
  if (unlimited && e.jangkaWaktu) {
    p.push({ field: 'exemption.jangkaWaktu', message: `Pengecualian Pasal 17 huruf ${e.huruf} tidak dibatasi waktu: kosongkan jangka waktu.` });
  }
  if (!unlimited && !e.jangkaWaktu) p.push({ field: 'exemption.jangkaWaktu', message: 'Jangka waktu pengecualian wajib diisi.' });
  if (e.basis === 'pasal17' && e.huruf === 'a') {
    const years = /(\d+)\s*tahun/i.exec(e.jangkaWaktu);
    if (years && Number(years[1]) > 30) {
      p.push({ field: 'exemption.jangkaWaktu', message: 'Pengecualian untuk penegakan hukum paling lama 30 tahun (Pasal 20 UU 14/2008).' });
    }
  }
  return p;
}

/**
 * "Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008" — the dasar hukum of the DIK, the
 * consequence test and the item editor. Pasal 17 is the complete list of grounds: another
 * law enters only through huruf j, so an exemption under another law reads "Pasal 17 huruf j
 * UU Nomor 14 Tahun 2008 jo. Pasal 21 Undang-Undang Nomor 16 Tahun 1997 tentang Statistik".
 */
export function legalBasisText(e: Exemption): string {
  const otherLaw = `${e.pasal} ${e.undangUndang}`.trim();
  if (e.basis === 'uu_lain' || e.huruf === 'j') {
    const base = `Pasal 17 huruf j ${UU_KIP}`;
    return otherLaw ? `${base} jo. ${otherLaw}` : base;
  }
  if (!e.huruf) return '';
  return `Pasal 17 huruf ${e.huruf}${e.angka ? ` angka ${e.angka}` : ''} ${UU_KIP}`;
}

/** The usual rows by category (domain §3), offered as a checklist at identification. */
export const CHECKLIST: { category: 'berkala' | 'setiap_saat'; judul: string }[] = [
  { category: 'berkala', judul: 'Profil badan publik (kedudukan, tugas dan fungsi, struktur organisasi, profil pimpinan)' },
  { category: 'berkala', judul: 'Ringkasan program dan kegiatan yang sedang dijalankan' },
  { category: 'berkala', judul: 'Ringkasan informasi tentang kinerja (LKjIP)' },
  { category: 'berkala', judul: 'Rencana Kerja dan Anggaran / Dokumen Pelaksanaan Anggaran (RKA/DPA)' },
  { category: 'berkala', judul: 'Laporan Realisasi Anggaran (LRA)' },
  { category: 'berkala', judul: 'Neraca, Laporan Arus Kas dan Catatan atas Laporan Keuangan' },
  { category: 'berkala', judul: 'Daftar aset dan investasi' },
  { category: 'berkala', judul: 'Ringkasan laporan akses informasi publik' },
  { category: 'berkala', judul: 'Prosedur permohonan informasi dan pengajuan keberatan' },
  { category: 'berkala', judul: 'Pengumuman pengadaan barang dan jasa' },
  { category: 'berkala', judul: 'Prosedur peringatan dini dan evakuasi keadaan darurat' },
  { category: 'setiap_saat', judul: 'Daftar Informasi Publik' },
  { category: 'setiap_saat', judul: 'Peraturan, keputusan dan kebijakan beserta dokumen pendukungnya' },
  { category: 'setiap_saat', judul: 'Data organisasi, kepegawaian dan keuangan' },
  { category: 'setiap_saat', judul: 'Perjanjian dengan pihak ketiga' },
  { category: 'setiap_saat', judul: 'Surat izin yang diterbitkan' },
  { category: 'setiap_saat', judul: 'Rencana Strategis (Renstra) dan Rencana Kerja (Renja)' },
  { category: 'setiap_saat', judul: 'Agenda kerja pimpinan' },
  { category: 'setiap_saat', judul: 'Informasi tentang pelayanan informasi publik' },
  { category: 'setiap_saat', judul: 'Hasil penelitian' },
  { category: 'setiap_saat', judul: 'Standar operasional prosedur pelayanan publik' },
  { category: 'setiap_saat', judul: 'Laporan layanan akses informasi publik' },
];
