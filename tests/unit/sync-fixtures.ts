import { createHash, createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../electron/core/app-core';
import type { Role } from '../../electron/core/domain/roles';
import type { AppliedPackage, PackagePreview } from '../../electron/core/domain/sync/preview';
import type { DeviceSelfView } from '../../electron/core/domain/sync/trust';
import type { Actor, CycleEvent, EventBody } from '../../electron/core/domain/workflow';
import type { Stores } from '../../electron/core/services/context';
import { parseEventLog } from '../../electron/core/store/event-log';
import { readPackage, writePackage, type PackageEntry } from '../../electron/core/sync/package-file';
import { ed25519Signer, type PackageSigner } from '../../electron/core/sync/package-keys';
import { call, failure, login, must, openCore, snapshotDir, tempDir, type FakeClock } from '../fixtures/harness';
import { officeLaptops, type Laptop } from '../fixtures/laptops';

/**
 * Desks for the sync tests: laptops of one office (tests/fixtures/laptops.ts), each named as
 * the office would name it, with its people logged in, and the roles the others trust it
 * with. A package goes from one desk to another only as the screens move it: sync.export,
 * then sync.preview and sync.apply on the receiver.
 */
export interface Desk extends Laptop {
  name: string;
  installationId: string;
  publicKey: string;
  /** The roles other laptops trust this one with (its acts carry only these). */
  roles: Role[];
  /** Session per user name: `ppid` is the administrator on every laptop (the demo office). */
  s: Record<'operator' | 'operator2' | 'ppid' | 'kepala', string>;
}

export interface Sent {
  fileName: string;
  base64: string;
  bytes: Buffer;
  seq: number;
  packageId: string;
}

export async function desks(spec: { name: string; roles: Role[] }[]): Promise<Desk[]> {
  const laptops = await officeLaptops(spec.length);
  return Promise.all(
    laptops.map(async (l, n) => {
      const s = {
        operator: await login(l.core, 'operator'),
        operator2: await login(l.core, 'operator2'),
        ppid: await login(l.core, 'ppid'),
        kepala: await login(l.core, 'kepala'),
      };
      const self = await must<DeviceSelfView>(l.core, 'devices.renameSelf', { name: spec[n]!.name }, s.ppid);
      return { ...l, name: spec[n]!.name, installationId: self.installationId, publicKey: self.publicKey, roles: spec[n]!.roles, s };
    }),
  );
}

export function storesOf(core: Core): Stores {
  return (core as unknown as { stores: Stores }).stores;
}

export async function send(from: Desk, cycleIds: string[], opts: { to?: string | null; withFiles?: boolean; user?: keyof Desk['s'] } = {}): Promise<Sent> {
  const r = await must<{ fileName: string; base64: string; seq: number; packageId: string }>(
    from.core,
    'sync.export',
    { cycleIds, to: opts.to ?? null, withFiles: opts.withFiles ?? true },
    from.s[opts.user ?? 'ppid'],
  );
  return { ...r, bytes: Buffer.from(r.base64, 'base64') };
}

export function preview(to: Desk, pkg: { base64: string; fileName: string } | Uint8Array, user: keyof Desk['s'] = 'ppid') {
  const input = pkg instanceof Uint8Array ? { base64: Buffer.from(pkg).toString('base64'), fileName: 'paket.ppid' } : { base64: pkg.base64, fileName: pkg.fileName };
  return must<PackagePreview>(to.core, 'sync.preview', input, to.s[user]);
}

/**
 * Receives as the office does: a preview, then "Terapkan", trusting once each laptop seen for
 * the first time with the roles the office gave it (looked up among `all`).
 */
export async function receive(to: Desk, pkg: Sent | Uint8Array, all: Desk[]): Promise<{ preview: PackagePreview; applied: AppliedPackage }> {
  const p = await preview(to, pkg);
  const trust = p.signers
    .filter((s) => s.trust === 'baru')
    .map((s) => {
      const d = all.find((x) => x.installationId === s.installationId);
      if (!d) throw new Error(`fixture: unknown signer ${s.name}`);
      return { installationId: s.installationId, roles: d.roles };
    });
  const applied = await must<AppliedPackage>(to.core, 'sync.apply', { previewId: p.previewId, trust }, to.s.ppid);
  return { preview: p, applied };
}

/**
 * The SHA-256 and modification time of every file of a data folder (the lock aside): what
 * "nothing changed" compares — no file added, removed, changed, or even rewritten.
 */
export async function hashes(dir: string): Promise<Record<string, string>> {
  const snap = await snapshotDir(dir);
  return Object.fromEntries(
    [...snap].map(([k, v]) => [k, `${createHash('sha256').update(v.bytes).digest('hex')} ${v.mtimeMs}`] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** Every act of a cycle as stored on a laptop: id → hash, read from its events.jsonl with the app's own reader. */
export async function actsOn(desk: Desk, cycleId: string): Promise<Map<string, string>> {
  const file = path.join(desk.dir, 'cycles', cycleId, 'events.jsonl');
  const read = parseEventLog(file, await fs.readFile(file));
  return new Map(read.events.map((e) => [e.id, e.hash]));
}

export async function eventsOn(desk: Desk, cycleId: string): Promise<CycleEvent[]> {
  const file = path.join(desk.dir, 'cycles', cycleId, 'events.jsonl');
  return parseEventLog(file, await fs.readFile(file)).events;
}

/** The laptop's package signer, from the key file in its data folder (device-key.pem). */
export async function keyOf(desk: Desk): Promise<PackageSigner> {
  return ed25519Signer(createPrivateKey(await fs.readFile(path.join(desk.dir, 'device-key.pem'), 'utf8')));
}

/**
 * A package made from another one: its manifest kept (a new package id unless told), its
 * entries edited by `edit`, signed by `signer`. What someone holding that key can produce.
 */
export async function resign(bytes: Uint8Array, signer: PackageSigner, edit: (entries: PackageEntry[]) => PackageEntry[], manifestPatch: Record<string, unknown> = {}): Promise<Uint8Array> {
  const pkg = await readPackage(bytes);
  const { format: _f, entries: _e, ...manifest } = pkg.manifest;
  const entries = edit([...pkg.entries].map(([p, b]) => ({ path: p, bytes: b })));
  return writePackage({ ...manifest, sender: { ...manifest.sender, publicKey: signer.publicKey }, ...manifestPatch } as typeof manifest, entries, signer);
}

export const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

/**
 * A copy of a laptop's data folder opened by a second core: the same installation and key,
 * whose repository a test drives directly (CycleRepository.record, past the services' checks),
 * then exports with the real sync.export — a laptop running a tampered app. The original laptop
 * is untouched, so other tests go on with it.
 */
export async function tamperedCopy(desk: Desk, clock: FakeClock): Promise<{ desk: Desk; stores: Stores; close(): Promise<void> }> {
  const dir = await tempDir('ppid-tampered-');
  await fs.cp(desk.dir, dir, { recursive: true, filter: (src) => path.basename(src) !== 'ppid-desk.lock' });
  const core = await openCore(dir, clock);
  const s = { operator: await login(core, 'operator'), operator2: await login(core, 'operator2'), ppid: await login(core, 'ppid'), kepala: await login(core, 'kepala') };
  return { desk: { ...desk, dir, core, clock, s }, stores: storesOf(core), close: () => core.close() };
}

/** The actor a laptop's own user would be, for acts recorded directly. */
export function actorOf(stores: Stores, username: string, role?: Role): Actor {
  const u = stores.appDb.data.users.find((x) => x.username === username)!;
  return { userId: u.id, username: u.username, name: `Akun ${u.username}`, role: role ?? u.role };
}

export async function recordDirectly(stores: Stores, cycleId: string, actor: Actor, at: Date, bodies: EventBody[]) {
  return stores.cycles.record(cycleId, actor, at, () => bodies);
}

/** Preview refused with a message; "Terapkan" of that file refused too; the data folder unchanged, byte for byte. */
export async function refusedEverywhere(to: Desk, bytes: Uint8Array, user: keyof Desk['s'] = 'ppid'): Promise<{ preview: string; apply: string }> {
  const before = await hashes(to.dir);
  const p = failure(await call(to.core, 'sync.preview', { base64: Buffer.from(bytes).toString('base64'), fileName: 'paket.ppid' }, to.s[user]));
  // The file's own preview id: a package that never passed a preview cannot be applied.
  const previewId = createHash('sha256').update(bytes).digest('hex');
  const a = failure(await call(to.core, 'sync.apply', { previewId, trust: [] }, to.s[user]));
  const after = await hashes(to.dir);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`data folder changed: ${JSON.stringify(diff(before, after))}`);
  return { preview: p.message, apply: a.message };
}

export function diff(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]);
}
