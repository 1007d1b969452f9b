import type { Role } from '../../../../electron/core/domain/roles';

/** The six steps of the SOP Pendokumentasian Informasi Publik, as the SOP itself words them. */
export interface SopStep {
  no: number;
  kegiatan: string;
  pelaksana: string;
  roles: Role[];
  waktu: string;
  output: string;
}

export const SOP_STEPS: SopStep[] = [
  {
    no: 1,
    kegiatan: 'Mengidentifikasi informasi yang akan didokumentasikan dan melaporkannya kepada Ketua PPID Pembantu.',
    pelaksana: 'Operator OPD',
    roles: ['operator'],
    waktu: '1 hari',
    output: 'Data tersedia',
  },
  {
    no: 2,
    kegiatan: 'Memerintahkan petugas PPID berkoordinasi dengan setiap bidang untuk mengumpulkan dan mendokumentasikan data.',
    pelaksana: 'PPID Pembantu',
    roles: ['ppid_pembantu'],
    waktu: '15 menit',
    output: 'Nota Dinas',
  },
  {
    no: 3,
    kegiatan: 'Mengumpulkan data dari setiap bidang dan mengklasifikasikannya (serta merta, berkala, setiap saat) dalam bentuk soft file.',
    pelaksana: 'Operator / petugas PPID',
    roles: ['operator'],
    waktu: '1 hari',
    output: 'Konsep Daftar Informasi Publik',
  },
  {
    no: 4,
    kegiatan: 'Memeriksa daftar yang telah diklasifikasikan: bila sesuai diteruskan kepada atasan PPID, bila tidak dikembalikan kepada petugas untuk diperbaiki.',
    pelaksana: 'PPID Pembantu',
    roles: ['ppid_pembantu'],
    waktu: '15 menit',
    output: 'Draft Daftar Informasi Publik',
  },
  {
    no: 5,
    kegiatan: 'Memeriksa daftar: bila sesuai menandatangani, bila tidak dikembalikan kepada Ketua PPID Pembantu.',
    pelaksana: 'Kepala OPD (atasan PPID)',
    roles: ['kepala_opd'],
    waktu: '15 menit',
    output: 'Daftar Informasi Publik (ditandatangani)',
  },
  {
    no: 6,
    kegiatan: 'Menyimpan Daftar Informasi yang Dikecualikan yang telah ditandatangani sebagai arsip.',
    pelaksana: 'Kepala OPD',
    roles: ['kepala_opd'],
    waktu: '—',
    output: 'Arsip',
  },
];
