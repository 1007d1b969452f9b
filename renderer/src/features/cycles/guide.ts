import type { Role } from '../../../../electron/core/domain/roles';
import { STEPS, STEP_INFO, type Step } from '../../../../electron/core/domain/workflow';

/**
 * What each step asks of people, in plain Indonesian. Who holds a step, its time standard
 * and its output come from the core's STEP_INFO; only the wording lives here.
 */
export interface StepGuide {
  /** A label short enough for the stepper (the full one is STEP_INFO's). */
  short: string;
  /** The SOP's own description of the activity (Beranda's SOP table). */
  kegiatan: string;
  /** Numbered instructions for whoever holds the step. */
  todo: string[];
  /** For everyone else: what is happening meanwhile. */
  meanwhile: string;
}

export const STEP_GUIDE: Record<Step, StepGuide> = {
  identifikasi: {
    short: 'Identifikasi',
    kegiatan: 'Mengidentifikasi informasi yang akan didokumentasikan dan melaporkannya kepada Ketua PPID Pembantu.',
    todo: [
      'Tambahkan judul setiap informasi yang akan didokumentasikan beserta bidang yang menguasainya. Cukup judulnya dulu; kolom lain diisi pada langkah 3.',
      'Gunakan "Pilih dari daftar umum" untuk menambahkan beberapa informasi yang biasa ada sekaligus.',
      'Setelah daftar lengkap, tekan "Laporkan ke Ketua PPID".',
    ],
    meanwhile: 'Operator sedang mendaftar informasi yang akan didokumentasikan.',
  },
  nota_dinas: {
    short: 'Nota Dinas',
    kegiatan: 'Memerintahkan petugas PPID berkoordinasi dengan setiap bidang untuk mengumpulkan dan mendokumentasikan data.',
    todo: [
      'Periksa konsep Nota Dinas yang sudah disiapkan dari daftar informasi; ubah bila perlu lalu tekan "Simpan konsep".',
      'Tekan "Terbitkan Nota Dinas": nomor dan tanggal diberikan otomatis dan tidak berubah lagi.',
    ],
    meanwhile: 'PPID Pembantu sedang menyusun Nota Dinas untuk petugas.',
  },
  pengumpulan: {
    short: 'Pengumpulan',
    kegiatan: 'Mengumpulkan data dari setiap bidang dan mengklasifikasikannya (serta merta, berkala, setiap saat, dikecualikan) dalam bentuk soft file.',
    todo: [
      'Buka setiap informasi ("Isi kolom"), lengkapi kolom Daftar Informasi Publik dan pilih klasifikasinya. Lampirkan soft file bila ada.',
      'Untuk informasi yang dikecualikan, isi dasar hukum (Pasal 17), konsekuensi bila dibuka, pertimbangan bila ditutup dan jangka waktunya.',
      'Setiap informasi tersimpan saat Anda menekan "Simpan". Bila semua sudah lengkap, tekan "Kirim Konsep".',
    ],
    meanwhile: 'Operator sedang mengumpulkan dan mengklasifikasikan informasi dari setiap bidang.',
  },
  pemeriksaan_ppid: {
    short: 'Pemeriksaan PPID',
    kegiatan: 'Memeriksa daftar yang telah diklasifikasikan: bila sesuai diteruskan kepada atasan PPID, bila tidak dikembalikan kepada petugas untuk diperbaiki.',
    todo: [
      'Periksa setiap informasi pada tab Pemeriksaan, lalu tandai "Sesuai" atau "Perlu perbaikan" dengan catatan.',
      'Bila semua sesuai, tekan "Setujui, teruskan ke Kepala OPD".',
      'Bila ada yang perlu diperbaiki, tekan "Kembalikan ke petugas" dan tuliskan alasannya.',
    ],
    meanwhile: 'PPID Pembantu sedang memeriksa Konsep Daftar Informasi Publik.',
  },
  pemeriksaan_kepala: {
    short: 'Pemeriksaan Kepala',
    kegiatan: 'Memeriksa daftar: bila sesuai menandatangani, bila tidak dikembalikan kepada Ketua PPID Pembantu.',
    todo: [
      'Baca Draft Daftar Informasi Publik dan Daftar Informasi yang Dikecualikan, serta perubahannya dibanding DIP tahun lalu.',
      'Bila sesuai, tekan "Setujui dan tandatangani".',
      'Bila tidak, tekan "Kembalikan ke PPID Pembantu" dan tuliskan alasannya.',
    ],
    meanwhile: 'Kepala OPD sedang memeriksa Draft Daftar Informasi Publik.',
  },
  arsip: {
    short: 'Arsip DIK',
    kegiatan: 'Menyimpan Daftar Informasi yang Dikecualikan yang telah ditandatangani sebagai arsip.',
    todo: [
      'Simpan Daftar Informasi yang Dikecualikan yang telah ditandatangani sebagai arsip.',
      'Tekan "Catat arsip DIK" dan tuliskan bila perlu di mana arsip disimpan (mis. lemari dan nomor map).',
    ],
    meanwhile: 'Kepala OPD sedang mengarsipkan Daftar Informasi yang Dikecualikan.',
  },
  selesai: {
    short: 'Selesai',
    kegiatan: 'Siklus selesai.',
    todo: [],
    meanwhile: 'Siklus sudah selesai. Semua isinya hanya dapat dibaca.',
  },
};

/** The six SOP steps (not the closing state), in order, with their data from the core. */
export const SOP_STEPS = STEPS.filter((s) => s !== 'selesai').map((step) => ({ step, ...STEP_INFO[step], ...STEP_GUIDE[step] }));

export function stepsOf(role: Role): number[] {
  return SOP_STEPS.filter((s) => s.holder === role).map((s) => s.no);
}
