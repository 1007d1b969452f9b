import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../electron/core/clock';
import { itemFieldsSchema } from '../../electron/core/domain/information';
import { auditEntry } from '../../electron/core/services/audit';
import { openAppDb, type AppDb } from '../../electron/core/store/app-db';
import { AuditLog } from '../../electron/core/store/audit-log';
import { Backups } from '../../electron/core/store/backups';

export const clock: Clock = { now: () => new Date('2026-03-02T08:00:00.000Z') };

export async function benchDir(name: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `ppid-bench-${name}-`));
}

/**
 * An app.json with one account and an audit.jsonl holding `records` entries of a realistic
 * size (who, what, a field change), written through the real stores, so open and save see
 * what an office sees.
 */
export async function appDbWithRecords(
  dir: string,
  records: number,
): Promise<{ db: AppDb; file: string; backups: Backups; audit: AuditLog; auditFile: string }> {
  const file = path.join(dir, 'app.json');
  const backups = new Backups(path.join(dir, 'backups'));
  const db = await openAppDb(file, backups, clock);
  const actor = {
    id: '0f6c1a52-1b1e-4c4e-9a51-5d6f2b1c0002',
    personId: 'demo-ketua',
    username: 'ppid',
    role: 'ppid_pembantu' as const,
    isAdmin: true,
    active: true,
    passwordHash: 'scrypt$32768$8$1$x$y',
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
  };
  db.data.users.push(actor);
  await db.write();
  const auditFile = path.join(dir, 'audit.jsonl');
  const audit = await AuditLog.open(auditFile, db.data.installationId, clock.now());
  const entries = Array.from({ length: records }, (_, i) =>
    auditEntry(actor, clock.now(), 'pengaturan.ubah', `Pengaturan diubah (${i}).`, [
      { field: 'office.phone', from: `(0567) ${20000 + i}`, to: `(0567) ${20001 + i}` },
    ]),
  );
  await audit.append(...entries);
  return { db, file, backups, audit, auditFile };
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** An item of realistic size; every tenth is setiap saat, the rest berkala (renewed every 6 months). */
export function benchItem(n: number, bidang: readonly string[]) {
  return itemFieldsSchema.parse({
    bidang: bidang[n % bidang.length],
    judul: `Informasi nomor ${n}: laporan kegiatan dan dokumen pendukungnya`,
    ringkasan: 'Ringkasan isi informasi yang cukup panjang untuk menyerupai data sebenarnya di sebuah OPD.',
    pejabatPenguasa: 'Kepala Subbagian Umum dan Kepegawaian',
    penanggungJawab: 'Sekretaris Dinas',
    waktuPembuatan: '2026',
    tempatPembuatan: 'Putussibau',
    bentuk: ['softcopy', 'hardcopy'],
    retensi: '5 tahun',
    kategori: n % 10 === 0 ? 'setiap_saat' : 'berkala',
    berkalaBulan: n % 10 === 0 ? 0 : 6,
  });
}
