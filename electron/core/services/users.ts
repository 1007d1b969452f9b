import { randomUUID } from 'node:crypto';
import { AppError } from '../result';
import type { UserView } from '../contract';
import type { AccountInput, Settings } from '../domain/office';
import { checkAccountCoverage, roleOutsideOffice } from '../domain/office';
import type { AppData, UserRecord } from '../store/app-db';
import { LOCKS } from '../keyed-mutex';
import { appendAudit, saveAppFiles } from './audit';
import type { CallContext } from './context';
import { hashPassword } from './password';
import { ROLE_LABELS, type Role } from '../domain/roles';

export function allPeople(settings: Settings | null) {
  if (!settings) return [];
  const o = settings.officials;
  return [o.kepala, o.ketuaPpid, ...o.operators];
}

export function toUserView(u: UserRecord, settings: Settings | null): UserView {
  const person = allPeople(settings).find((p) => p.id === u.personId);
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    isAdmin: u.isAdmin,
    active: u.active,
    personId: u.personId,
    name: person?.name ?? '(pejabat tidak ditemukan)',
    jabatan: person?.jabatan ?? '',
  };
}

export async function newUserRecord(input: AccountInput, now: Date): Promise<UserRecord> {
  return {
    id: randomUUID(),
    personId: input.personId,
    username: input.username,
    role: input.role,
    isAdmin: input.isAdmin,
    active: true,
    passwordHash: await hashPassword(input.password),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

function assertCoverage(users: UserRecord[], settings: Settings | null) {
  const issues = checkAccountCoverage(users, allPeople(settings).map((p) => p.id), settings?.officeKind ?? 'opd');
  if (issues.length) throw new AppError('CONFLICT', issues.map((i) => i.message).join(' '));
}

export async function listUsers(ctx: CallContext): Promise<UserView[]> {
  const settings = ctx.stores.settings.get();
  return ctx.stores.appDb.data.users.map((u) => toUserView(u, settings));
}

/** An OPD's accounts hold the SOP's roles, the PPID Utama's its own two (OFFICE_ROLES): nothing else can be given. */
function assertRoleOfOffice(role: Role, settings: Settings | null) {
  const problem = roleOutsideOffice(role, settings?.officeKind ?? 'opd');
  if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'role', message: problem }]);
}

export async function createUser(ctx: CallContext, input: AccountInput): Promise<UserView> {
  const db = ctx.stores.appDb;
  assertRoleOfOffice(input.role, ctx.stores.settings.get());
  // Hashing takes a while: done before the lock, so it holds no one else up.
  const user = await newUserRecord(input, ctx.now);
  return ctx.stores.locks.run(LOCKS.app, async () => {
    const settings = ctx.stores.settings.get();
    if (db.data.users.some((u) => u.username === input.username)) {
      throw new AppError('CONFLICT', `Nama pengguna "${input.username}" sudah dipakai.`);
    }
    if (!allPeople(settings).some((p) => p.id === input.personId)) {
      throw new AppError('NOT_FOUND', 'Pejabat untuk akun ini tidak ditemukan di Pengaturan.');
    }
    if (db.data.users.some((u) => u.personId === input.personId)) {
      throw new AppError('CONFLICT', 'Orang ini sudah punya akun.');
    }
    db.data.users.push(user);
    await saveAppFiles(ctx.stores, ctx.now, { app: true });
    await appendAudit(ctx.stores, ctx.actor, ctx.now, 'akun.buat', `Akun ${user.username} (${ROLE_LABELS[user.role]}) dibuat.`);
    return toUserView(user, settings);
  });
}

export async function updateUser(
  ctx: CallContext,
  input: { id: string; role: Role; isAdmin: boolean; active: boolean },
): Promise<UserView> {
  return ctx.stores.locks.run(LOCKS.app, () => updateUserLocked(ctx, input));
}

async function updateUserLocked(
  ctx: CallContext,
  input: { id: string; role: Role; isAdmin: boolean; active: boolean },
): Promise<UserView> {
  const db = ctx.stores.appDb;
  const user = db.data.users.find((u) => u.id === input.id);
  if (!user) throw new AppError('NOT_FOUND', 'Akun tidak ditemukan.');
  if (input.role !== user.role) assertRoleOfOffice(input.role, ctx.stores.settings.get());
  const next = { ...user, role: input.role, isAdmin: input.isAdmin, active: input.active, updatedAt: ctx.now.toISOString() };
  const users = db.data.users.map((u) => (u.id === user.id ? next : u));
  assertCoverage(users, ctx.stores.settings.get());
  const changes = (['role', 'isAdmin', 'active'] as const)
    .filter((k) => user[k] !== next[k])
    .map((k) => ({ field: k, from: user[k], to: next[k] }));
  if (!changes.length) return toUserView(user, ctx.stores.settings.get());
  Object.assign(user, next);
  if (!user.active) ctx.stores.sessions.endAllFor(user.id);
  await saveAppFiles(ctx.stores, ctx.now, { app: true });
  await appendAudit(ctx.stores, ctx.actor, ctx.now, 'akun.ubah', `Akun ${user.username} diubah.`, changes);
  return toUserView(user, ctx.stores.settings.get());
}

export async function resetPassword(ctx: CallContext, input: { id: string; password: string }) {
  const db = ctx.stores.appDb;
  if (!db.data.users.some((u) => u.id === input.id)) throw new AppError('NOT_FOUND', 'Akun tidak ditemukan.');
  const hash = await hashPassword(input.password);
  return ctx.stores.locks.run(LOCKS.app, async () => {
    const user = db.data.users.find((u) => u.id === input.id);
    if (!user) throw new AppError('NOT_FOUND', 'Akun tidak ditemukan.');
    user.passwordHash = hash;
    user.updatedAt = ctx.now.toISOString();
    ctx.stores.sessions.endAllFor(user.id, user.id === ctx.actor?.id ? ctx.session : undefined);
    await saveAppFiles(ctx.stores, ctx.now, { app: true });
    await appendAudit(ctx.stores, ctx.actor, ctx.now, 'akun.setel-sandi', `Kata sandi akun ${user.username} disetel ulang oleh administrator.`);
    return { done: true as const };
  });
}

export function ensureCoverage(data: AppData, settings: Settings | null) {
  assertCoverage(data.users, settings);
}
