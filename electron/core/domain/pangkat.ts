/** Pangkat/golongan PNS (PP 99/2000), in order. */
export const PANGKAT = [
  { golongan: 'I/a', nama: 'Juru Muda' },
  { golongan: 'I/b', nama: 'Juru Muda Tingkat I' },
  { golongan: 'I/c', nama: 'Juru' },
  { golongan: 'I/d', nama: 'Juru Tingkat I' },
  { golongan: 'II/a', nama: 'Pengatur Muda' },
  { golongan: 'II/b', nama: 'Pengatur Muda Tingkat I' },
  { golongan: 'II/c', nama: 'Pengatur' },
  { golongan: 'II/d', nama: 'Pengatur Tingkat I' },
  { golongan: 'III/a', nama: 'Penata Muda' },
  { golongan: 'III/b', nama: 'Penata Muda Tingkat I' },
  { golongan: 'III/c', nama: 'Penata' },
  { golongan: 'III/d', nama: 'Penata Tingkat I' },
  { golongan: 'IV/a', nama: 'Pembina' },
  { golongan: 'IV/b', nama: 'Pembina Tingkat I' },
  { golongan: 'IV/c', nama: 'Pembina Utama Muda' },
  { golongan: 'IV/d', nama: 'Pembina Utama Madya' },
  { golongan: 'IV/e', nama: 'Pembina Utama' },
] as const;

export type Golongan = (typeof PANGKAT)[number]['golongan'];
export const GOLONGAN = PANGKAT.map((p) => p.golongan) as unknown as readonly [Golongan, ...Golongan[]];

/** "Pembina Tingkat I (IV/b)" — the form printed under a signature. */
export function pangkatLabel(golongan: string | undefined): string {
  const p = PANGKAT.find((x) => x.golongan === golongan);
  return p ? `${p.nama} (${p.golongan})` : '';
}
