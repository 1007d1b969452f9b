import { itemFieldsSchema, type ItemFields } from '../../electron/core/domain/information';

/** A complete, valid item of the given category, for tests. */
export function completeItem(judul: string, bidang: string, kategori: ItemFields['kategori'], extra: Partial<ItemFields> = {}): ItemFields {
  return itemFieldsSchema.parse({
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
        ? {
            basis: 'pasal17',
            huruf: 'h',
            angka: 2,
            konsekuensi: 'Membuka riwayat kesehatan pegawai.',
            pertimbangan: 'Melindungi rahasia pribadi.',
            jangkaWaktu: '',
          }
        : undefined,
    ...extra,
  });
}
