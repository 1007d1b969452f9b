import { AppError } from '../result';
import { canEdit, decide, ujiProblems, type CycleState, type UjiParticipant } from '../domain/workflow';
import { shortFingerprint, signingFingerprints } from '../documents';
import type { CallContext } from './context';
import type { SigningPreview } from '../domain/cycle-views';
import { verifyPassword } from './password';

/**
 * The Kepala's signature is an act of its own: they type their password again, the core
 * checks it (wrong tries count toward the same lock as logging in), and they see what they
 * sign — each list, its number of rows and the fingerprint code stored in the signing act.
 */

/** How long a preview stays signable: the moment shown is the moment stored. */
export const PREVIEW_MINUTES = 30;

export const WRONG_SIGNING_PASSWORD = 'Kata sandi salah. Tidak ada yang ditandatangani.';
export const SIGNING_PASSWORD_REQUIRED = 'Masukkan kata sandi Anda untuk menandatangani.';


/** What the signing act would store if signed at `at` by `by`. */
export function previewOf(s: CycleState, at: string, by: string): SigningPreview {
  const f = signingFingerprints({ ...s, signed: { at, by } });
  return {
    at,
    signedBy: by,
    version: s.version,
    dip: { count: f.dip.count, short: shortFingerprint(f.dip.sha256) },
    dik: { count: f.dik.count, short: shortFingerprint(f.dik.sha256) },
  };
}

/**
 * The signing moment to store: the preview's, if the Kepala signs what they were shown
 * (not in the future, not before the cycle's last act, not stale), else now.
 */
export function signingMoment(s: CycleState, now: Date, previewAt: string | undefined): string {
  if (!previewAt) return now.toISOString();
  const t = Date.parse(previewAt);
  const stale = 'Pratinjau tanda tangan sudah tidak berlaku. Buka lagi "Setujui dan tandatangani".';
  if (!Number.isFinite(t) || t > now.getTime() || now.getTime() - t > PREVIEW_MINUTES * 60_000 || t < Date.parse(s.updatedAt)) {
    throw new AppError('CONFLICT', stale);
  }
  return new Date(t).toISOString();
}

/**
 * Checks the signer's password against their account. A wrong one counts in the log-in
 * throttle of that user name, so signing cannot be used to guess a password faster.
 */
export async function confirmSigner(ctx: CallContext, password: string | undefined): Promise<void> {
  if (!password) throw new AppError('INVALID_INPUT', SIGNING_PASSWORD_REQUIRED, [{ path: 'password', message: 'Kata sandi wajib diisi.' }]);
  const user = ctx.actor!;
  const { throttle } = ctx.stores;
  const wait = throttle.begin(user.username, ctx.now);
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', `Terlalu banyak percobaan yang salah. Coba lagi dalam ${wait} detik.`);
  let ok: boolean;
  try {
    const current = ctx.stores.appDb.data.users.find((u) => u.id === user.id);
    ok = !!current && (await verifyPassword(password, current.passwordHash));
  } catch (e) {
    throttle.release(user.username);
    throw e;
  }
  if (!ok) {
    await throttle.fail(user.username, ctx.now);
    throw new AppError('INVALID_INPUT', WRONG_SIGNING_PASSWORD, [{ path: 'password', message: 'Kata sandi salah.' }]);
  }
  await throttle.succeed(user.username);
}

/** What "Setujui dan tandatangani" will sign now, or why it cannot yet. */
export function signingPreview(ctx: CallContext, s: CycleState, signerName: string): SigningPreview {
  const d = decide(s, ctx.actor!.role, 'approve', '');
  if (!d.ok) throw new AppError(d.code, d.message);
  if (d.transition.step !== 'pemeriksaan_kepala') throw new AppError('CONFLICT', 'Tidak ada yang ditandatangani pada tahap ini.');
  return previewOf(s, ctx.now.toISOString(), signerName);
}

/** Whether the uji konsekuensi may be recorded now (the Kepala, at step 5, with exempt items). */
export function assertUjiRecordable(s: CycleState, ctx: CallContext) {
  const r = canEdit(s, ctx.actor!.role, 'uji');
  if (!r.ok) throw new AppError(r.code, r.message);
  if (!s.items.some((i) => i.fields.kategori === 'dikecualikan')) {
    throw new AppError('CONFLICT', 'Tidak ada informasi yang dikecualikan: uji konsekuensi tidak diperlukan.');
  }
}

export function cleanParticipants(list: readonly UjiParticipant[]): UjiParticipant[] {
  return list.map((p) => ({ name: p.name.trim(), nip: p.nip.trim(), jabatan: p.jabatan.trim(), role: p.role.trim() }));
}

export { ujiProblems };
