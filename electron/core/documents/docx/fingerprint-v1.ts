import type { ItemState } from '../../domain/workflow';

/**
 * The rows fingerprint format 1 hashed, frozen as PPID Desk printed them when lists were
 * signed without a stored fingerprint. Those papers are verified by recomputation, so the
 * texts here must never follow a later rewording of the live rows (documents/shared/rows.ts):
 * copies, not imports, on purpose. Never edit this file.
 */

const V1_DIP_GROUPS = [
  { category: 'berkala', heading: 'Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala' },
  { category: 'setiap_saat', heading: 'Informasi yang Wajib Tersedia Setiap Saat' },
  { category: 'serta_merta', heading: 'Informasi yang Wajib Diumumkan Secara Serta Merta' },
] as const;

const V1_BENTUK: Record<string, string> = { softcopy: 'Softcopy', hardcopy: 'Hardcopy' };

const V1_PASAL17: { huruf: string; ringkas: string; berjangka: boolean }[] = [
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
];

type V1Exemption = ItemState['fields']['exemption'];

function pembaruanV1(bulan: number): string {
  if (!bulan) return '';
  if (bulan === 1) return 'Diperbarui setiap bulan';
  return `Diperbarui setiap ${bulan} bulan`;
}

function legalBasisV1(e: V1Exemption): string {
  if (e.basis === 'uu_lain') return `${e.pasal} ${e.undangUndang}`.trim();
  const base = `Pasal 17 huruf ${e.huruf}${e.angka ? ` angka ${e.angka}` : ''} UU Nomor 14 Tahun 2008`;
  return e.huruf === 'j' && e.undangUndang ? `${base} jo. ${e.pasal} ${e.undangUndang}` : base;
}

function jangkaWaktuV1(e: V1Exemption): string {
  if (e.jangkaWaktu.trim()) return e.jangkaWaktu.trim();
  const ground = e.basis === 'pasal17' ? V1_PASAL17.find((g) => g.huruf === e.huruf) : undefined;
  if (ground && !ground.berjangka) {
    return `Tidak dibatasi waktu (Pasal 17 huruf ${ground.huruf} jo. Pasal 20 ayat (1) UU Nomor 14 Tahun 2008)`;
  }
  return '-';
}

export function dipGroupsV1(items: readonly ItemState[]) {
  let no = 0;
  return V1_DIP_GROUPS.map((g, i) => ({
    letter: String.fromCharCode(65 + i),
    category: g.category,
    heading: g.heading,
    rows: items
      .filter((item) => item.fields.kategori === g.category)
      .map((item) => {
        const f = item.fields;
        return {
          no: ++no,
          itemId: item.id,
          judul: f.judul,
          ringkasan: f.ringkasan,
          pembaruan: f.kategori === 'berkala' ? pembaruanV1(f.berkalaBulan) : '',
          pejabat: f.pejabatPenguasa,
          penanggungJawab: f.penanggungJawab,
          waktuTempat: [f.waktuPembuatan, f.tempatPembuatan].filter((s) => s.trim()).join(', '),
          bentuk: f.bentuk.map((b) => V1_BENTUK[b]).join(', '),
          retensi: f.retensi,
        };
      }),
  }));
}

export function dikRowsV1(items: readonly ItemState[]) {
  return items
    .filter((item) => item.fields.kategori === 'dikecualikan')
    .map((item, i) => {
      const f = item.fields;
      const e = f.exemption;
      const ground = e.basis === 'pasal17' ? V1_PASAL17.find((g) => g.huruf === e.huruf) : undefined;
      return {
        no: i + 1,
        itemId: item.id,
        judul: f.judul,
        uraian: f.ringkasan,
        pejabat: f.pejabatPenguasa,
        dasarHukum: legalBasisV1(e),
        alasan: ground ? ground.ringkas : '',
        konsekuensi: e.konsekuensi,
        pertimbangan: e.pertimbangan,
        jangkaWaktu: jangkaWaktuV1(e),
      };
    });
}
