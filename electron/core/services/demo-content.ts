import type { ItemFields } from '../domain/information';

/**
 * What the demo office documents: a Dinas Komunikasi, Informatika dan Statistik of Kapuas Hulu.
 * Plain data; demo.ts turns it into acts through the same services as real work.
 */

export const BIDANG = {
  sekretariat: 'Sekretariat',
  ikp: 'Bidang Informasi dan Komunikasi Publik',
  aptika: 'Bidang Aplikasi Informatika',
  persandian: 'Bidang Persandian dan Keamanan Informasi',
  statistik: 'Bidang Statistik Sektoral',
} as const;

const PEJABAT = {
  sekretariat: 'Sekretaris Dinas Komunikasi, Informatika dan Statistik',
  ikp: 'Kepala Bidang Informasi dan Komunikasi Publik',
  aptika: 'Kepala Bidang Aplikasi Informatika',
  persandian: 'Kepala Bidang Persandian dan Keamanan Informasi',
  statistik: 'Kepala Bidang Statistik Sektoral',
} as const;

type Unit = keyof typeof BIDANG;
type Fields = Partial<ItemFields> & Pick<ItemFields, 'judul' | 'bidang'>;

/** An item as identified at step 1: a title and who holds it. */
export interface DemoItem {
  key: string;
  identified: Fields;
  /** Everything filled at step 3. */
  complete: Partial<ItemFields>;
}

function open(
  key: string,
  unit: Unit,
  judul: string,
  kategori: 'berkala' | 'setiap_saat' | 'serta_merta',
  rest: { ringkasan: string; waktu: string; retensi: string; bulan?: number; bentuk?: ItemFields['bentuk']; penanggungJawab?: string },
): DemoItem {
  return {
    key,
    identified: { judul, bidang: BIDANG[unit] },
    complete: {
      kategori,
      ringkasan: rest.ringkasan,
      pejabatPenguasa: PEJABAT[unit],
      penanggungJawab: rest.penanggungJawab ?? PEJABAT[unit],
      waktuPembuatan: rest.waktu,
      tempatPembuatan: 'Putussibau',
      bentuk: rest.bentuk ?? ['softcopy', 'hardcopy'],
      retensi: rest.retensi,
      berkalaBulan: kategori === 'berkala' ? (rest.bulan ?? 6) : 0,
    },
  };
}

function exempt(key: string, unit: Unit, judul: string, ringkasan: string, exemption: Partial<ItemFields['exemption']>): DemoItem {
  return {
    key,
    identified: { judul, bidang: BIDANG[unit] },
    complete: {
      kategori: 'dikecualikan',
      ringkasan,
      pejabatPenguasa: PEJABAT[unit],
      exemption: {
        basis: 'pasal17',
        huruf: '',
        angka: 0,
        undangUndang: '',
        pasal: '',
        konsekuensi: '',
        pertimbangan: '',
        jangkaWaktu: '',
        ...exemption,
      },
    },
  };
}

/** The list signed last year; `y` is that year. */
export function signedItems(y: number): DemoItem[] {
  return [
    open('profil', 'sekretariat', 'Profil Diskominfotik (kedudukan, tugas dan fungsi, struktur organisasi, profil pimpinan)', 'berkala', {
      ringkasan: 'Kedudukan, tugas pokok dan fungsi dinas menurut Peraturan Bupati Kapuas Hulu, bagan struktur organisasi, serta profil singkat Kepala Dinas dan para Kepala Bidang.',
      waktu: `Januari ${y}`,
      retensi: 'Selama berlaku; diperbarui bila struktur berubah',
      bulan: 6,
    }),
    open('lra', 'sekretariat', 'Laporan Realisasi Anggaran (LRA) per semester', 'berkala', {
      ringkasan: `Realisasi pendapatan dan belanja Diskominfotik per semester Tahun Anggaran ${y}, per program dan kegiatan, dibandingkan dengan pagu DPA.`,
      waktu: `Juli ${y} dan Januari ${y + 1}`,
      retensi: '2 tahun aktif, 8 tahun inaktif',
      bulan: 6,
    }),
    open('lkjip', 'sekretariat', 'Laporan Kinerja Instansi Pemerintah (LKjIP)', 'berkala', {
      ringkasan: `Capaian indikator kinerja utama Diskominfotik Tahun ${y - 1}, analisis capaian, kendala dan rencana tindak lanjut.`,
      waktu: `Februari ${y}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
      bulan: 6,
    }),
    open('pengadaan', 'sekretariat', 'Pengumuman pengadaan barang dan jasa', 'berkala', {
      ringkasan: `Rencana Umum Pengadaan (RUP) Diskominfotik Tahun Anggaran ${y} dan pengumuman paket pengadaan melalui SiRUP dan LPSE Kabupaten Kapuas Hulu.`,
      waktu: `Januari ${y}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
      bentuk: ['softcopy'],
      bulan: 1,
    }),
    open('laporan-akses', 'ikp', 'Ringkasan laporan akses informasi publik', 'berkala', {
      ringkasan: 'Jumlah permohonan informasi yang diterima, dikabulkan seluruhnya atau sebagian, ditolak beserta alasannya, dan waktu rata-rata pelayanan, per triwulan.',
      waktu: `Triwulanan, Tahun ${y}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
      bulan: 3,
    }),
    open('statistik', 'statistik', 'Data statistik sektoral Kabupaten Kapuas Hulu (portal Satu Data)', 'berkala', {
      ringkasan: 'Data statistik sektoral perangkat daerah yang dihimpun dan divalidasi Diskominfotik: kependudukan, pendidikan, kesehatan, infrastruktur dan telekomunikasi per kecamatan.',
      waktu: `Semester I dan II Tahun ${y}`,
      retensi: 'Permanen',
      bentuk: ['softcopy'],
      bulan: 6,
    }),
    open('dip', 'ikp', 'Daftar Informasi Publik', 'setiap_saat', {
      ringkasan: 'Daftar seluruh informasi publik yang dikuasai Diskominfotik beserta ringkasan, penanggung jawab, waktu pembuatan, bentuk dan jangka waktu penyimpanannya.',
      waktu: `Januari ${y}`,
      retensi: 'Selama berlaku',
    }),
    open('renstra', 'sekretariat', 'Rencana Strategis (Renstra) Diskominfotik 2021–2026', 'setiap_saat', {
      ringkasan: 'Visi, misi, tujuan, sasaran, strategi, arah kebijakan serta program dan kegiatan dinas untuk lima tahun, selaras dengan RPJMD Kabupaten Kapuas Hulu.',
      waktu: 'Agustus 2021',
      retensi: 'Permanen',
    }),
    open('dpa', 'sekretariat', 'Dokumen Pelaksanaan Anggaran (DPA) Diskominfotik', 'setiap_saat', {
      ringkasan: `Rincian anggaran pendapatan dan belanja Diskominfotik Tahun Anggaran ${y} per program, kegiatan dan subkegiatan.`,
      waktu: `Januari ${y}`,
      retensi: '2 tahun aktif, 8 tahun inaktif',
    }),
    open('sop-layanan', 'ikp', 'Standar operasional prosedur pelayanan informasi publik', 'setiap_saat', {
      ringkasan: 'Prosedur permohonan informasi, pengajuan keberatan, biaya salinan dan jangka waktu pelayanan di PPID Pembantu Diskominfotik.',
      waktu: `Maret ${y - 1}`,
      retensi: 'Selama berlaku',
    }),
    open('kerja-sama', 'aptika', 'Perjanjian kerja sama penyediaan jaringan internet kantor dan ruang publik', 'setiap_saat', {
      ringkasan: 'Perjanjian dengan penyedia jasa telekomunikasi untuk akses internet perangkat daerah dan titik Wi-Fi publik di Putussibau: para pihak, jangka waktu, nilai dan kewajiban.',
      waktu: `Februari ${y}`,
      retensi: '2 tahun aktif setelah berakhir, 3 tahun inaktif',
    }),
    open('peringatan-dini', 'ikp', 'Informasi peringatan dini banjir serta kebakaran hutan dan lahan', 'serta_merta', {
      ringkasan: 'Penyebarluasan segera peringatan dini dan informasi evakuasi dari BPBD melalui situs, media sosial resmi dan radio pemerintah daerah saat keadaan darurat.',
      waktu: 'Saat terjadi keadaan darurat',
      retensi: '1 tahun aktif, 2 tahun inaktif',
      bentuk: ['softcopy'],
    }),
    exempt('sandi', 'persandian', 'Kunci kriptografi dan konfigurasi sistem persandian pemerintah daerah', 'Kunci kriptografi, sertifikat elektronik, konfigurasi perangkat persandian dan topologi jaringan intra pemerintah daerah yang dikelola Bidang Persandian.', {
      huruf: 'c',
      angka: 6,
      konsekuensi: 'Bila dibuka, pihak yang tidak berhak dapat menyadap atau memalsukan komunikasi dan dokumen elektronik pemerintah daerah serta menyerang sistem elektronik yang melayani masyarakat.',
      pertimbangan: 'Menutup informasi ini melindungi keamanan sistem persandian dan layanan publik elektronik; kepentingan itu lebih besar daripada manfaat bila informasi dibuka.',
      jangkaWaktu: '5 (lima) tahun atau sampai kunci dan konfigurasi tidak lagi dipakai',
    }),
    exempt('kesehatan', 'sekretariat', 'Riwayat kesehatan pegawai dalam berkas kepegawaian', 'Surat keterangan sakit, hasil pemeriksaan kesehatan dan catatan pengobatan pegawai yang tersimpan dalam berkas kepegawaian Subbagian Umum dan Kepegawaian.', {
      huruf: 'h',
      angka: 2,
      konsekuensi: 'Bila dibuka, rahasia pribadi pegawai tentang kondisi kesehatan fisik dan psikisnya terungkap dan dapat merugikan yang bersangkutan.',
      pertimbangan: 'Perlindungan rahasia pribadi pegawai lebih besar kepentingannya daripada kepentingan publik untuk mengetahuinya.',
    }),
    exempt('memo', 'sekretariat', 'Telaahan staf dan memorandum internal penyusunan rencana pengadaan sebelum diumumkan', 'Telaahan staf, memorandum antarbidang dan notula rapat internal tentang rencana pengadaan yang belum diputuskan dan belum diumumkan.', {
      huruf: 'i',
      angka: 0,
      konsekuensi: 'Bila dibuka sebelum diputuskan, calon penyedia dapat memperoleh keuntungan tidak wajar dan proses pengadaan yang adil terganggu.',
      pertimbangan: 'Kerahasiaan sementara menjaga proses pengambilan keputusan yang bebas dan persaingan yang sehat; informasi dibuka setelah pengadaan diumumkan.',
      jangkaWaktu: 'Sampai rencana pengadaan diumumkan',
    }),
  ];
}

/** New this year, in the cycle that waits for the PPID Pembantu's review. */
export function reviewNewItems(y: number): DemoItem[] {
  return [
    open('spbe', 'aptika', 'Hasil evaluasi Sistem Pemerintahan Berbasis Elektronik (SPBE)', 'setiap_saat', {
      ringkasan: `Indeks SPBE Kabupaten Kapuas Hulu hasil evaluasi Kementerian PANRB Tahun ${y - 1} per domain dan aspek, beserta rekomendasi perbaikannya.`,
      waktu: `Desember ${y - 1}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
    }),
    open('aduan', 'ikp', 'Rekapitulasi pengaduan masyarakat melalui SP4N-LAPOR!', 'berkala', {
      ringkasan: `Jumlah aduan masyarakat Kabupaten Kapuas Hulu yang diterima melalui SP4N-LAPOR! per bulan Tahun ${y}, status tindak lanjut dan perangkat daerah penanggung jawabnya.`,
      waktu: `Bulanan, Tahun ${y}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
      bentuk: ['softcopy'],
      bulan: 1,
    }),
    open('bts', 'aptika', 'Data menara telekomunikasi dan desa tanpa sinyal (blank spot)', 'setiap_saat', {
      ringkasan: 'Sebaran menara telekomunikasi dan daftar desa yang belum terjangkau sinyal seluler per kecamatan di Kabupaten Kapuas Hulu.',
      waktu: `Maret ${y}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
    }),
  ];
}

/** New next year, in the cycle that is at step 3: only some are filled so far. */
export function nextYearNewItems(y: number): DemoItem[] {
  return [
    open('ppid-award', 'ikp', 'Hasil monitoring dan evaluasi keterbukaan informasi publik', 'setiap_saat', {
      ringkasan: `Nilai dan kualifikasi keterbukaan informasi Diskominfotik hasil monitoring dan evaluasi Komisi Informasi Provinsi Kalimantan Barat Tahun ${y - 1}.`,
      waktu: `November ${y - 1}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
    }),
    open('podcast', 'ikp', 'Agenda siaran dialog interaktif Radio Pemda Kapuas Hulu', 'berkala', {
      ringkasan: 'Jadwal dan tema dialog interaktif bersama perangkat daerah yang disiarkan Radio Pemerintah Daerah.',
      waktu: `Bulanan, Tahun ${y}`,
      retensi: '1 tahun aktif, 2 tahun inaktif',
      bentuk: ['softcopy'],
      bulan: 1,
    }),
    open('csirt', 'persandian', 'Laporan insiden keamanan siber Kapuashulukab-CSIRT', 'berkala', {
      ringkasan: 'Ringkasan jumlah dan jenis insiden keamanan siber pada sistem elektronik pemerintah daerah yang ditangani, tanpa rincian teknis kerentanan.',
      waktu: `Semester I dan II Tahun ${y}`,
      retensi: '2 tahun aktif, 3 tahun inaktif',
      bulan: 6,
    }),
    open('wifi', 'aptika', 'Daftar titik layanan internet gratis di ruang publik', 'setiap_saat', {
      ringkasan: 'Lokasi, kapasitas dan jam layanan titik Wi-Fi publik yang disediakan pemerintah daerah.',
      waktu: `Januari ${y}`,
      retensi: 'Selama berlaku',
    }),
  ];
}
