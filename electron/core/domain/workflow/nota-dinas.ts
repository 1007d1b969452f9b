import { z } from 'zod';

/** The Nota Dinas the PPID Pembantu sends to the bidang (SOP step 1), as the form edits it. */
export const notaDinasDraftSchema = z.object({
  kepada: z.string().trim().max(300, 'Kepada terlalu panjang.'),
  dari: z.string().trim().max(300, 'Dari terlalu panjang.'),
  tembusan: z.array(z.string().trim().min(1).max(300)).max(10, 'Maksimal 10 tembusan.'),
  sifat: z.enum(['Biasa', 'Segera', 'Sangat Segera', 'Rahasia'], { error: 'Sifat tidak dikenal.' }),
  lampiran: z.string().trim().max(100, 'Lampiran terlalu panjang.'),
  hal: z.string().trim().max(300, 'Hal terlalu panjang.'),
  isi: z.string().trim().max(20000, 'Isi terlalu panjang.'),
  batasWaktu: z.string().trim().max(100, 'Batas waktu terlalu panjang.'),
});
export type NotaDinasDraft = z.infer<typeof notaDinasDraftSchema>;
