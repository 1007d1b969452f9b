import type { ItemFields } from '../../electron/core/domain/information';
import { completeItem } from '../unit/workflow-fixtures';

/**
 * A realistic year of a Dinas: 40 items, descriptions of 300–600 characters as an office
 * writes them, the three DIP groups entered out of statutory order, and three exempt items —
 * personal health records (huruf h, no period), network keys (huruf c) and individual
 * census answers under the Statistics Act (another law, through huruf j).
 */

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Aplikasi Informatika', 'Bidang Persandian dan Keamanan Informasi', 'Bidang Statistik Sektoral'];

const TOPICS = [
  'Laporan Kinerja Instansi Pemerintah (LKjIP)',
  'Rencana Kerja dan Anggaran Perubahan',
  'Laporan Realisasi Anggaran Semester',
  'Daftar Barang Milik Daerah dan Inventaris',
  'Rekapitulasi Permohonan Informasi Publik',
  'Keputusan Kepala Dinas tentang Tim Pengelola Website',
  'Perjanjian Kerja Sama Jaringan Internet Desa',
  'Standar Pelayanan Pengaduan Masyarakat',
  'Data Statistik Sektoral Perangkat Daerah',
  'Laporan Pengelolaan Media Sosial Pemerintah Daerah',
];

const CLAUSES = [
  'memuat uraian program, kegiatan dan subkegiatan beserta indikator kinerja, target dan realisasinya',
  'disusun berdasarkan dokumen perencanaan dan dilengkapi dengan penjelasan atas setiap perbedaan antara target dan capaian',
  'mencakup rincian belanja pegawai, belanja barang dan jasa serta belanja modal menurut sumber dana',
  'disertai lampiran tabel, grafik dan peta sebaran layanan di seluruh kecamatan Kabupaten Kapuas Hulu',
  'diperbarui setelah verifikasi oleh Sekretariat dan diunggah pada laman resmi pemerintah daerah',
  'memuat nama kegiatan, lokasi, nilai kontrak, penyedia dan jangka waktu pelaksanaan pekerjaan',
  'termasuk catatan atas temuan pemeriksaan dan tindak lanjut yang telah dilaksanakan oleh perangkat daerah',
];

/** A description of about `chars` characters (300–600), made of the clauses above. */
function description(i: number, chars: number): string {
  const parts: string[] = [];
  let k = i;
  while (parts.join('; ').length < chars - 40) parts.push(CLAUSES[k++ % CLAUSES.length]!);
  const text = `Dokumen ini ${parts.join('; ')}.`;
  return text.length > 600 ? `${text.slice(0, 597).replace(/\s+\S*$/, '')}.` : text;
}

// Entered as an office enters them: mixed, so the printed order is the law's, not the typing's.
const ORDER = ['setiap_saat', 'berkala', 'serta_merta', 'berkala', 'setiap_saat', 'berkala', 'setiap_saat', 'berkala', 'setiap_saat', 'serta_merta'] as const;

const EXEMPT: ItemFields[] = [
  completeItem('Data riwayat kesehatan dan rekam medis pegawai', B[0]!, 'dikecualikan', {
    ringkasan:
      'Hasil pemeriksaan kesehatan berkala, surat keterangan sakit, rekam medis dan catatan psikologis pegawai yang tersimpan dalam berkas kepegawaian, termasuk riwayat perawatan dan pengobatan yang diajukan untuk keperluan cuti sakit dan klaim asuransi kesehatan.',
    pejabatPenguasa: 'Subbagian Umum dan Kepegawaian',
  }),
  completeItem('Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah', B[3]!, 'dikecualikan', {
    ringkasan:
      'Kunci enkripsi, sertifikat elektronik, kata sandi perangkat jaringan, topologi dan aturan firewall pusat data pemerintah daerah serta catatan insiden keamanan yang belum selesai ditangani, yang bila diketahui pihak luar memudahkan serangan terhadap sistem elektronik.',
    pejabatPenguasa: 'Bidang Persandian dan Keamanan Informasi',
    exemption: {
      basis: 'pasal17',
      huruf: 'c',
      angka: 6,
      undangUndang: '',
      pasal: '',
      konsekuensi:
        'Membuka celah serangan terhadap sistem elektronik pemerintah daerah, memungkinkan penyadapan komunikasi antarperangkat daerah dan pencurian data pribadi warga yang dikelola dalam pusat data, serta mengganggu layanan publik berbasis elektronik.',
      pertimbangan:
        'Melindungi keamanan sistem elektronik dan data warga; kepentingan publik atas informasi teknis ini tidak lebih besar daripada risiko serangan, dan kinerja keamanan tetap dapat dipertanggungjawabkan melalui laporan ringkas yang terbuka.',
      jangkaWaktu: '5 tahun atau sampai konfigurasi diganti',
    },
  }),
  completeItem('Data individu responden survei statistik sektoral', B[4]!, 'dikecualikan', {
    ringkasan:
      'Isian kuesioner per responden (nama, alamat, pendapatan rumah tangga dan jawaban survei) yang dikumpulkan dalam Survei Kepuasan Masyarakat dan survei statistik sektoral; yang terbuka hanya hasil olahan dan agregatnya.',
    pejabatPenguasa: 'Bidang Statistik Sektoral',
    exemption: {
      basis: 'uu_lain',
      huruf: '',
      angka: 0,
      undangUndang: 'Undang-Undang Nomor 16 Tahun 1997 tentang Statistik',
      pasal: 'Pasal 21',
      konsekuensi:
        'Mengungkap keterangan pribadi responden yang wajib dijaga kerahasiaannya, sehingga warga enggan memberi jawaban yang benar dan mutu statistik daerah menurun.',
      pertimbangan: 'Melindungi kerahasiaan responden sebagaimana diwajibkan undang-undang; hasil olahan tetap terbuka.',
      jangkaWaktu: 'Selama data individu masih dapat dikenali',
    },
  }),
];

export function cycle40Items(): ItemFields[] {
  const out: ItemFields[] = [];
  for (let i = 0; i < 37; i++) {
    const kategori = ORDER[i % ORDER.length]!;
    const topic = TOPICS[i % TOPICS.length]!;
    out.push(
      completeItem(`${topic} Tahun ${2022 + (i % 5)}`, B[i % B.length]!, kategori, {
        ringkasan: description(i, 300 + ((i * 37) % 300)),
        pejabatPenguasa: `${B[i % B.length]} / Kepala ${['Subbagian Perencanaan', 'Seksi Layanan Informasi', 'Seksi Pengelolaan Data', 'Subbagian Keuangan'][i % 4]}`,
        retensi: ['5 tahun (aktif 2, inaktif 3)', '10 tahun', 'Permanen', '2 tahun setelah kegiatan selesai'][i % 4]!,
        ...(kategori === 'berkala' ? { berkalaBulan: [6, 3, 1][i % 3]! } : {}),
      }),
    );
    // The exempt items entered among the others.
    if (i === 5) out.push(EXEMPT[0]!);
    if (i === 17) out.push(EXEMPT[1]!);
    if (i === 29) out.push(EXEMPT[2]!);
  }
  return out;
}
