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

/**
 * Verifies many acts' signatures at once on the thread pool, under the key `keyOf` names for
 * each, so that `actSignatureValid` finds them done. Only a speed-up: a signature that fails
 * here is not remembered, and the per-act check refuses it with its reason.
 */
export async function preverifyActs(acts: Iterable<CycleEvent>, keyOf: (e: CycleEvent) => string | null): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const e of acts) {
    if (e.sig === null || e.installationId === MERGE_INSTALLATION) continue;
    const key = keyOf(e);
    if (!key || verifiedWith.get(e) === key) continue;
    jobs.push(
      verifySignatureAsync(key, Buffer.from(e.hash, 'hex'), Buffer.from(e.sig, 'base64')).then((ok) => {
        if (ok) verifiedWith.set(e, key);
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
