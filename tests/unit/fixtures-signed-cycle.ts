import { createHash } from 'node:crypto';
import type { ItemState } from '../../electron/core/domain/workflow';

/**
 * One signed cycle written out in full, never built by app code: the fingerprints pinned
 * against it must hold for every later version of the app.
 */
const at = '2026-11-20T02:00:00.000Z';

export const FIXED_ITEMS: ItemState[] = [
  {
    id: 'item-0001-profil',
    fields: {
      bidang: 'Sekretariat',
      judul: 'Profil Dinas Komunikasi dan Informatika',
      catatan: '',
      ringkasan: 'Struktur organisasi, tugas dan fungsi, alamat kantor',
      pejabatPenguasa: 'Sekretaris Dinas',
      penanggungJawab: 'Kepala Sub Bagian Umum',
      waktuPembuatan: '2026',
      tempatPembuatan: 'Putussibau',
      bentuk: ['softcopy', 'hardcopy'],
      retensi: '5 tahun',
      kategori: 'berkala',
      berkalaBulan: 6,
      exemption: { basis: 'pasal17', huruf: '', angka: 0, undangUndang: '', pasal: '', konsekuensi: '', pertimbangan: '', jangkaWaktu: '' },
    },
    origin: 'baru',
    sourceItemId: null,
    attachments: [],
    addedAt: at,
    updatedAt: at,
  },
  {
    id: 'item-0002-kesehatan',
    fields: {
      bidang: 'Sekretariat',
      judul: 'Data kesehatan pegawai',
      catatan: '',
      ringkasan: 'Rekam medis pegawai',
      pejabatPenguasa: 'Sekretaris Dinas',
      penanggungJawab: 'Kepala Sub Bagian Umum',
      waktuPembuatan: '2026',
      tempatPembuatan: 'Putussibau',
      bentuk: ['hardcopy'],
      retensi: '10 tahun',
      kategori: 'dikecualikan',
      berkalaBulan: 0,
      exemption: {
        basis: 'pasal17',
        huruf: 'h',
        angka: 2,
        undangUndang: '',
        pasal: '',
        konsekuensi: 'Membuka riwayat kesehatan pegawai.',
        pertimbangan: 'Melindungi rahasia pribadi.',
        jangkaWaktu: '',
      },
    },
    origin: 'baru',
    sourceItemId: null,
    attachments: [],
    addedAt: at,
    updatedAt: at,
  },
];

export const FIXED_CYCLE = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  year: 2026,
  version: 1,
  signed: { at: '2026-11-25T03:00:00.000Z', by: 'Drs. Agustinus' },
  items: FIXED_ITEMS,
};

/** Lines as format 1 wrote them: fixed key order, no `v`, hash over prev hash + "\n" + the line before its hash. */
export function formatOneLog(cycleId: string, acts: { at: string; actor: object; body: object }[]): string {
  let prev: string | null = null;
  let prevHash = '';
  return acts
    .map((a, n) => {
      const id = `${cycleId.slice(0, 8)}-act-${String(n + 1).padStart(4, '0')}`;
      const base = JSON.stringify({ id, cycleId, prev, installationId: 'inst-lama', at: a.at, actor: a.actor, body: a.body });
      const hash = createHash('sha256').update(prevHash).update('\n').update(base).digest('hex');
      prev = id;
      prevHash = hash;
      return `${base.slice(0, -1)},"hash":"${hash}"}\n`;
    })
    .join('');
}
