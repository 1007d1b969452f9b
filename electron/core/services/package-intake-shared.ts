import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MERGE_ACTOR, MERGE_INSTALLATION, STEP_INFO, TRANSITIONS, type CycleEvent, type EventBody } from '../domain/workflow';
import { AppError } from '../result';
import { CorruptFileError } from '../store/durable-file';
import { mergeActId } from '../store/cycle-repository';
import { NewerFormatLogError, parseEventLog } from '../store/event-log';
import { verifySignature, verifySignatureAsync } from '../sync/device-key';
import type { ReadPackage } from '../sync/package-file';

/**
 * What receiving a cycle package means wherever it is received: between an OPD's own laptops
 * (services/sync.ts) and at the PPID Utama (services/regency-intake.ts). The two differ in
 * whom they trust; what a package holds, how its merge acts and signatures are checked, and
 * how a refused act is named are the same.
 */

export const CYCLE_ENTRY = /^siklus\/([A-Za-z0-9-]{8,64})\.jsonl$/;
export const FILE_ENTRY = /^berkas\/([a-f0-9]{64})$/;
export const DEVICES_ENTRY = 'perangkat.json';

export const devicesSchema = z
  .array(
    z
      .object({
        installationId: z.string().max(64),
        name: z.string().max(80),
        publicKey: z.string().max(64),
        /** The sender's own earlier identities, retired by a restore (services/backup.ts renewIdentity): a label for the receiver, never trust. */
        replaces: z.array(z.string().max(64)).max(100).optional(),
      })
      .strict(),
  )
  .max(1000);
export type DeviceInfo = z.infer<typeof devicesSchema>[number];

export interface CycleContents {
  /** perangkat.json: the installations whose acts the package carries, as the sender knows them. */
  devices: Map<string, DeviceInfo>;
  /** Per cycle in the package: its acts and their lines as written. */
  cycles: { id: string; events: CycleEvent[]; lines: Map<string, string> }[];
  /** Soft files by SHA-256, each checked against its name. */
  files: Map<string, Uint8Array>;
}

/**
 * The files of a cycle package read and checked on their own: the device list, every cycle's
 * log verified line by line with each line kept as written, the soft files against their
 * hashes, nothing else. Throws AppError with an Indonesian message. `held`: the acts the receiver
 * already holds of a cycle, recognised by hash and signature instead of validated again.
 */
export function cycleContents(pkg: ReadPackage, held?: (cycleId: string) => ReadonlyMap<string, CycleEvent>): CycleContents {
  let devices = new Map<string, DeviceInfo>();
  const cycles: CycleContents['cycles'] = [];
  const files = new Map<string, Uint8Array>();
  const early = verifyEarly(pkg, held);
  for (const [p, content] of pkg.entries) {
    if (p === DEVICES_ENTRY) {
      let list: DeviceInfo[];
      try {
        list = devicesSchema.parse(JSON.parse(Buffer.from(content).toString('utf8')));
      } catch {
        throw new AppError('INVALID_INPUT', 'Daftar perangkat dalam paket tidak terbaca.');
      }
      devices = new Map(list.map((d) => [d.installationId, d]));
      continue;
    }
    const cycle = CYCLE_ENTRY.exec(p);
    if (cycle) {
      const id = cycle[1]!;
      let read;
      try {
        // A view, not a copy: Buffer.from(Uint8Array) copies a megabyte-sized log byte by byte.
        const log = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
        read = parseEventLog(p, log, true, held?.(id));
      } catch (e) {
        if (e instanceof NewerFormatLogError) throw new AppError('CONFLICT', 'Paket memuat siklus dari versi PPID Desk yang lebih baru. Perbarui aplikasi.');
        if (e instanceof CorruptFileError) throw new AppError('INVALID_INPUT', `Riwayat siklus dalam paket rusak atau diubah: ${e.message}`);
        throw e;
      }
      if (read.tail || !read.events.length) throw new AppError('INVALID_INPUT', 'Riwayat siklus dalam paket terpotong.');
      if (read.events.some((e) => e.cycleId !== id)) throw new AppError('INVALID_INPUT', 'Riwayat siklus dalam paket memuat tindakan siklus lain.');
      for (const e of read.events) {
        const h = e.sig === null ? undefined : early.get(e.hash);
        if (h && h.sig === e.sig) inFlight.set(e, h);
      }
      cycles.push({ id, events: read.events, lines: new Map(read.events.map((e, n) => [e.id, read.lines![n]!])) });
      continue;
    }
    const file = FILE_ENTRY.exec(p);
    if (file) {
      if (sha256(content) !== file[1]) throw new AppError('INVALID_INPUT', `Berkas lampiran ${file[1]!.slice(0, 12)}… tidak sesuai sidiknya.`);
      files.set(file[1]!, content);
      continue;
    }
    throw new AppError('INVALID_INPUT', `Paket memuat berkas yang tidak dikenal: ${p}.`);
  }
  if (!cycles.length) throw new AppError('INVALID_INPUT', 'Paket tidak memuat siklus apa pun.');
  return { devices, cycles, files };
}

/**
 * A received merge act must be exactly the one the receiver would write for its parents
 * (recomputed, never trusted): null when it is, else why not. `all`: every act known, held and incoming.
 */
export function mergeActProblem(e: CycleEvent, all: ReadonlyMap<string, CycleEvent>): string | null {
  const parents = e.parents.map((p) => all.get(p));
  if (parents.some((p) => !p)) return 'penggabungan mengikuti tindakan yang tidak ada';
  const at = parents.reduce((m, p) => (p!.at > m ? p!.at : m), parents[0]!.at);
  const sorted = [...e.parents].sort();
  if (e.id !== mergeActId(e.parents) || e.at !== at || e.parents.some((p, n) => p !== sorted[n]) || JSON.stringify(e.actor) !== JSON.stringify(MERGE_ACTOR)) {
    return 'penggabungan tidak sesuai aturan (dibuat ulang di luar aplikasi)';
  }
  return null;
}

/**
 * Acts whose signature already verified under a key (an act read from a package is never
 * changed): a check, its apply and the repository's own re-check under the cycle's lock each
 * ask, and Ed25519 is the most expensive part of receiving.
 */
const verifiedWith = new WeakMap<CycleEvent, string>();

/** The act's signature under `publicKey` (remembered per act object). Unsigned acts are the caller's business. */
export function actSignatureValid(e: CycleEvent, publicKey: string): boolean {
  if (e.sig === null) return false;
  if (verifiedWith.get(e) === publicKey) return true;
  if (!verifySignature(publicKey, Buffer.from(e.hash, 'hex'), Buffer.from(e.sig, 'base64'))) return false;
  verifiedWith.set(e, publicKey);
  return true;
}

/** A signature being verified since its package was read: under which key, for which signature text. */
interface EarlyCheck {
  publicKey: string;
  sig: string;
  ok: Promise<boolean>;
}

/** Acts read from a package whose signature is already being verified (verifyEarly). */
const inFlight = new WeakMap<CycleEvent, EarlyCheck>();

const ID_AT = Buffer.from('"id":"');
const INSTALLATION_AT = Buffer.from('"installationId":"');
const HASH_AT = Buffer.from(',"hash":"');
const SIG_AT = '","sig":"';

/**
 * Starts verifying the signatures of a package's cycle logs on the thread pool before the
 * lines are parsed and validated, so both run at once. The key is the one the package gives
 * for the line's installation (its device list, the signed manifest's sender). Only a guess
 * read off the line's text, never a verdict: preverifyActs uses an answer only for an act
 * with exactly this hash, signature and the key the receiver decides on, and anything else
 * is verified as before. Acts the receiver holds (`held`, same hash) are not verified again.
 */
function verifyEarly(pkg: ReadPackage, held?: (cycleId: string) => ReadonlyMap<string, CycleEvent>): Map<string, EarlyCheck> {
  const keys = new Map<string, string>();
  const listed = pkg.entries.get(DEVICES_ENTRY);
  if (listed) {
    const parsed = devicesSchema.safeParse(safeJson(listed));
    if (parsed.success) for (const d of parsed.data) keys.set(d.installationId, d.publicKey);
  }
  const sender = pkg.manifest.sender;
  if (sender) keys.set(sender.installationId, sender.publicKey);
  const found: { hash: string; publicKey: string; sig: string }[] = [];
  for (const [p, content] of pkg.entries) {
    const cycle = CYCLE_ENTRY.exec(p);
    if (!cycle) continue;
    const have = held?.(cycle[1]!);
    const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    for (let start = 0; start < b.length; ) {
      const nl = b.indexOf(0x0a, start);
      const end = nl < 0 ? b.length : nl;
      const line = { start, end };
      start = end + 1;
      // ,"hash":"<64 hex>","sig":"<88 base64>"} closes a signed line.
      const h = b.lastIndexOf(HASH_AT, end - 1);
      if (h < line.start || end - h !== HASH_AT.length + 64 + SIG_AT.length + 88 + 2) continue;
      const hash = b.toString('latin1', h + HASH_AT.length, h + HASH_AT.length + 64);
      if (b.toString('latin1', h + HASH_AT.length + 64, h + HASH_AT.length + 64 + SIG_AT.length) !== SIG_AT) continue;
      const sig = b.toString('latin1', end - 90, end - 2);
      const installationId = stringAt(b, INSTALLATION_AT, line.start, h);
      const publicKey = installationId === null ? undefined : keys.get(installationId);
      if (!publicKey) continue;
      if (have?.size) {
        const id = stringAt(b, ID_AT, line.start, h);
        if (id !== null && have.get(id)?.hash === hash) continue;
      }
      found.push({ hash, publicKey, sig });
    }
  }
  return new Map(found.map((f) => [f.hash, { publicKey: f.publicKey, sig: f.sig, ok: verifySignatureAsync(f.publicKey, Buffer.from(f.hash, 'hex'), Buffer.from(f.sig, 'base64')) }]));
}

/** The text of the first `"key":"…"` between `from` and `to`, or null. */
function stringAt(b: Buffer, key: Buffer, from: number, to: number): string | null {
  const at = b.indexOf(key, from);
  if (at < 0 || at >= to) return null;
  const close = b.indexOf(0x22, at + key.length);
  return close < 0 || close >= to ? null : b.toString('utf8', at + key.length, close);
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * Verifies many acts' signatures at once on the thread pool, under the key `keyOf` names for
 * each, so that `actSignatureValid` finds them done; an act whose check started when its
 * package was read (verifyEarly) under that very key waits for that one. Only a speed-up: a
 * signature that fails here is not remembered, and the per-act check refuses it with its reason.
 */
export async function preverifyActs(acts: Iterable<CycleEvent>, keyOf: (e: CycleEvent) => string | null): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const e of acts) {
    if (e.sig === null || e.installationId === MERGE_INSTALLATION) continue;
    const key = keyOf(e);
    if (!key || verifiedWith.get(e) === key) continue;
    const early = inFlight.get(e);
    const ok = early && early.publicKey === key && early.sig === e.sig ? early.ok : verifySignatureAsync(key, Buffer.from(e.hash, 'hex'), Buffer.from(e.sig, 'base64'));
    jobs.push(
      ok.then((valid) => {
        if (valid) verifiedWith.set(e, key);
      }),
    );
  }
  await Promise.all(jobs);
}

const ACT_LABELS: Record<Exclude<EventBody['type'], 'transition'>, string> = {
  'cycle.created': 'pembuatan siklus',
  'item.added': 'penambahan informasi',
  'item.updated': 'perubahan informasi',
  'item.removed': 'penghapusan informasi',
  'item.attached': 'lampiran berkas',
  'item.detached': 'pelepasan lampiran',
  'notaDinas.saved': 'penyusunan Nota Dinas',
  'review.marked': 'tanda pemeriksaan',
  'uji.recorded': 'uji konsekuensi',
  merge: 'penggabungan',
  'conflict.resolved': 'penyelesaian konflik',
  'archive.filed': 'arsip pindaian',
};

/** The refused act as the office names it: "Kirim Konsep", "tanda pemeriksaan" — never a code. */
export function actLabel(b: EventBody): string {
  if (b.type !== 'transition') return ACT_LABELS[b.type];
  const t = TRANSITIONS.find((x) => x.step === b.from && x.action === b.action) ?? TRANSITIONS.find((x) => x.action === b.action);
  return `"${t?.label ?? b.action}" pada tahap "${STEP_INFO[b.from]?.label ?? b.from}"`;
}

export function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}
