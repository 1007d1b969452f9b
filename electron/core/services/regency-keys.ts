import type { RegisterEntry } from '../domain/regency/model';
import { LOCKS } from '../keyed-mutex';
import { AppError } from '../result';
import { appendAudit } from './audit';
import type { CallContext } from './context';

/**
 * The PPID Utama's trust in an OPD's sender keys after it was given (issue 13 follow-up). A key
 * is trusted once, at the waiting screen (regency-intake.ts `trustSender`); when that laptop is
 * lost, handed on or replaced, a PPID Utama revokes it here. The intake then refuses every later
 * package signed by it (it already checks `revokedAt`), while what was received from it stays:
 * the acts were checked and signed when they came, and the regency's lists rest on them.
 */

const UNCHANGED = 'Tidak ada yang diubah.';

/** `utama.revokeKey`: ends the trust in one sender key of one OPD; the key stays listed, marked revoked. */
export async function revokeKey(ctx: CallContext, input: { entryId: string; installationId: string }): Promise<RegisterEntry> {
  const { stores } = ctx;
  const reg = stores.regency;
  return stores.locks.run(LOCKS.regency, async () => {
    const entry = reg.entry(input.entryId);
    if (!entry) throw new AppError('NOT_FOUND', `OPD tidak ditemukan dalam register. Muat ulang daftarnya. ${UNCHANGED}`);
    const key = entry.keys.find((k) => k.installationId === input.installationId);
    if (!key) throw new AppError('NOT_FOUND', `Laptop itu tidak ada di antara laptop pengirim yang dipercaya untuk ${entry.name}. Muat ulang halamannya. ${UNCHANGED}`);
    if (key.revokedAt) throw new AppError('CONFLICT', `Kepercayaan pada kunci "${key.name}" dari ${entry.name} sudah dicabut sebelumnya. ${UNCHANGED}`);
    const r = (await reg.revokeKey(entry.entryId, key.installationId, ctx.now.toISOString()))!;
    await appendAudit(
      stores,
      ctx.actor,
      ctx.now,
      'utama.cabut',
      `Kepercayaan pada kunci pengirim "${key.name}" (${key.fingerprint}) untuk ${entry.name} dicabut: paket berikutnya yang ditandatangani kunci itu ditolak; yang sudah diterima tetap tersimpan.`,
    );
    return r.entry;
  });
}
