import { AppError } from '../result';
import type { LoginResult, UserView } from '../contract';
import { LOCKS } from '../keyed-mutex';
import { appendAudit, saveAppFiles } from './audit';
import type { CallContext } from './context';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { toUserView } from './users';

const WRONG = 'Nama pengguna atau kata sandi salah.';

export async function login(ctx: CallContext, input: { username: string; password: string }): Promise<LoginResult> {
  const { appDb, sessions, throttle, settings } = ctx.stores;
  const wait = throttle.begin(input.username, ctx.now);
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', `Terlalu banyak percobaan yang salah. Coba lagi dalam ${wait} detik.`);
  let matches = false;
  let user;
  try {
    user = appDb.data.users.find((u) => u.username === input.username);
    matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  } catch (e) {
    throttle.release(input.username);
    throw e;
  }
  if (!user || !matches) {
    await throttle.fail(input.username, ctx.now);
    throw new AppError('UNAUTHENTICATED', WRONG);
  }
  if (!user.active) {
    throttle.release(input.username);
    throw new AppError('FORBIDDEN', 'Akun ini dinonaktifkan. Hubungi administrator.');
  }
  await throttle.succeed(input.username);
  const session = sessions.create(user.id, ctx.now);
  return { sessionToken: session.token, user: toUserView(user, settings.get()) };
}

export async function logout(ctx: CallContext) {
  if (ctx.session) ctx.stores.sessions.end(ctx.session);
  return { done: true as const };
}

export async function me(ctx: CallContext): Promise<UserView> {
  return toUserView(ctx.actor!, ctx.stores.settings.get());
}

export async function changePassword(ctx: CallContext, input: { current: string; next: string }) {
  const db = ctx.stores.appDb;
  const before = db.data.users.find((u) => u.id === ctx.actor!.id)!;
  if (!(await verifyPassword(input.current, before.passwordHash))) {
    throw new AppError('INVALID_INPUT', 'Kata sandi lama salah.', [{ path: 'current', message: 'Kata sandi lama salah.' }]);
  }
  const hash = await hashPassword(input.next);
  return ctx.stores.locks.run(LOCKS.app, async () => {
    const user = db.data.users.find((u) => u.id === ctx.actor!.id)!;
    // Someone changed it meanwhile (another tab, an administrator): the old one was checked against a stale hash.
    if (user.passwordHash !== before.passwordHash) {
      throw new AppError('CONFLICT', 'Kata sandi akun ini baru saja diubah di tempat lain. Muat ulang lalu coba lagi.');
    }
    user.passwordHash = hash;
    user.updatedAt = ctx.now.toISOString();
    ctx.stores.sessions.endAllFor(user.id, ctx.session);
    await saveAppFiles(ctx.stores, ctx.now, { app: true });
    await appendAudit(ctx.stores, user, ctx.now, 'akun.ganti-sandi', `${user.username} mengganti kata sandinya.`);
    return { done: true as const };
  });
}
