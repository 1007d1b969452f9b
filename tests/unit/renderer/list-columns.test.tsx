import { describe, expect, it } from 'vitest';
import { DIK_COLUMNS, DIP_COLUMNS } from '../../../electron/core/documents';
import { expectRegistryShownEverywhere, shownIn } from './list-views';

/**
 * The DIP and DIK columns are declared once (documents/shared/columns.ts). The DOCX, the
 * print view and the DIP tab must all show those columns, in that order, and fill every one.
 */
describe('the column registry is what every view of the DIP and DIK shows', () => {
  it('the DIP: PerKI 1/2021 Pasal 11\u2019s seven columns on paper, the same columns on the DIP tab', async () => {
    // The statutory order (Pasal 11 a–g), as the law lists them; not read from the registry.
    expect(DIP_COLUMNS.map((c) => c.head)).toEqual([
      'No.',
      'Ringkasan Isi Informasi',
      'Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi',
      'Penanggung Jawab Pembuatan atau Penerbitan Informasi',
      'Waktu dan Tempat Pembuatan Informasi',
      'Bentuk Informasi yang Tersedia (Softcopy/\u200BHardcopy)',
      'Jangka Waktu Penyimpanan atau Retensi Arsip',
    ]);
    await expectRegistryShownEverywhere('dip');
  });

  it('the DIK: its six columns, the same in the DOCX, the print view and the DIP tab', async () => {
    expect(DIK_COLUMNS).toHaveLength(6);
    await expectRegistryShownEverywhere('dik');
  });

  it('the DIP tab shows the printed words of a row, under the screen\u2019s shorter labels', async () => {
    const { tab, print } = await shownIn('dip');
    expect(tab.heads).toEqual(['No', 'Informasi dan ringkasan isi', 'Pejabat/unit yang menguasai', 'Penanggung jawab', 'Waktu dan tempat', 'Bentuk informasi', 'Retensi']);
    const judul = 'Rencana Kerja dan Anggaran (RKA) serta Dokumen Pelaksanaan Anggaran (DPA) Tahun 2026';
    expect(tab.rows.get(judul)).toEqual(print.rows.get(judul));
    expect(tab.rows.get(judul)!.slice(2)).toEqual(['Sekretariat / Subbagian Keuangan dan Aset', 'Sekretaris Dinas', '2026, Putussibau', 'Softcopy, Hardcopy', '5 tahun']);
  });
});
