import { AppError } from '../result';
import type { LoginResult, UserView } from '../contract';
import { appendAudit } from './audit';
import type { CallContext } from './context';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { toUserView } from './users';

const WRONG = 'Nama pengguna atau kata sandi salah.';

export async function login(ctx: CallContext, input: { username: string; password: string }): Promise<LoginResult> {
  const { appDb, sessions, throttle, settings } = ctx.stores;
  const wait = throttle.check(input.username, ctx.now);
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', `Terlalu banyak percobaan yang salah. Coba lagi dalam ${wait} detik.`);
  const user = appDb.data.users.find((u) => u.username === input.username);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !matches) {
    throttle.fail(input.username, ctx.now);
    throw new AppError('UNAUTHENTICATED', WRONG);
  }
  if (!user.active) throw new AppError('FORBIDDEN', 'Akun ini dinonaktifkan. Hubungi administrator.');
  throttle.succeed(input.username);
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
  const user = ctx.stores.appDb.data.users.find((u) => u.id === ctx.actor!.id)!;
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    throw new AppError('INVALID_INPUT', 'Kata sandi lama salah.', [{ path: 'current', message: 'Kata sandi lama salah.' }]);
  }
  user.passwordHash = await hashPassword(input.next);
  user.updatedAt = ctx.now.toISOString();
  ctx.stores.sessions.endAllFor(user.id, ctx.session);
  appendAudit(ctx.stores.appDb.data, user, ctx.now, 'akun.ganti-sandi', `${user.username} mengganti kata sandinya.`);
  await ctx.stores.appDb.write();
  return { done: true as const };
}
