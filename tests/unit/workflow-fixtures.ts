import { storedItemFieldsSchema, type ItemFields } from '../../electron/core/domain/information';

/** A complete, valid item of the given category, for tests. */
export function completeItem(judul: string, bidang: string, kategori: ItemFields['kategori'], extra: Partial<ItemFields> = {}): ItemFields {
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

/** Who took part in a uji konsekuensi, as the Kepala records it before signing. */
export const UJI_PARTICIPANTS = [
  { name: 'Drs. Agustinus Rangkap, M.Si.', nip: '', jabatan: 'Kepala Dinas', role: 'Atasan PPID Pembantu' },
  { name: 'Yohanes Sudarto, S.Kom.', nip: '', jabatan: 'Sekretaris', role: 'Ketua PPID Pembantu' },
];

type Call = <T>(who: string, name: string, input?: unknown) => Promise<T>;

/** The Kepala signs as the screen does: the uji konsekuensi first when there are exempt items, then the password. */
export async function signAsKepala<T>(call: Call, cycleId: string, password: string): Promise<T> {
  const v = await call<{ items: { fields: ItemFields }[] }>('kepala', 'cycles.get', { cycleId });
  if (v.items.some((i) => i.fields.kategori === 'dikecualikan')) await call('kepala', 'cycles.recordUji', { cycleId, participants: UJI_PARTICIPANTS });
  return call<T>('kepala', 'cycles.act', { cycleId, action: 'approve', password });
}
