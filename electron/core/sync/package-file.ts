import { createHash } from 'node:crypto';
import {
  describeManifestIssue,
  manifestFormatOf,
  manifestSchema,
  PACKAGE_FORMAT,
  type Manifest,
  type ManifestEntry,
} from '../domain/sync/manifest';
import {
  MANIFEST_FILE,
  packagePathKey,
  packagePathProblem,
  parentFolders,
  RESERVED_PACKAGE_PATHS,
  SIGNATURE_FILE,
  unsafePackagePath,
} from '../domain/sync/package-path';
import { PackageError, refuse } from './package-error';
import { verifyEd25519, type PackageSigner } from './package-keys';
import { MANIFEST_MAX_BYTES, PACKAGE_LIMITS, packageLimits, SIGNATURE_MAX_BYTES, type PackageLimits } from './package-limits';
import { extract, locateData, readDirectory, writeZip, type ZipEntry } from './zip';

/**
 * The container of a sync package (.ppid): work moves between offline laptops as a file on
 * a flash drive or over WhatsApp. A package is a zip of
 *   manifest.json  the signed table of contents (domain/sync/manifest.ts)
 *   manifest.sig   base64 Ed25519 signature over manifest.json's exact bytes, by the sender
 *   …              every other file, listed in the manifest with its size and SHA-256.
 * What the files mean (acts, attachments) and how they merge is the caller's business.
 */

export { PackageError, type PackageErrorCode } from './package-error';
export { PACKAGE_LIMITS, type PackageLimits } from './package-limits';
export { PACKAGE_FORMAT, type Manifest } from '../domain/sync/manifest';
export type { PackageSigner } from './package-keys';

export interface PackageEntry {
  path: string;
  bytes: Uint8Array;
}

export interface ReadPackage {
  manifest: Manifest;
  /** Every listed file by path, in the manifest's order (sorted by path); manifest.json and manifest.sig not included. */
  entries: Map<string, Uint8Array>;
  /** SHA-256 (hex) of the .ppid file itself: what the receive log records. */
  packageSha256: string;
}

/** Already compressed: deflating them again costs time and saves nothing. */
const STORED_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|heic|pdf|zip|gz|7z|rar|docx|xlsx|pptx|odt|ods|odp|mp3|m4a|mp4|ppid)$/i;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The manifest with its keys in one order, so the same input signs the same bytes. */
function ordered(m: Manifest): Manifest {
  return {
    format: m.format,
    kind: m.kind,
    appVersion: m.appVersion,
    packageId: m.packageId,
    officeId: m.officeId,
    officeName: m.officeName,
    ...(m.office && { office: { unitCode: m.office.unitCode, pemda: m.office.pemda, ppid: { name: m.office.ppid.name, phone: m.office.ppid.phone, email: m.office.ppid.email } } }),
    sender: { installationId: m.sender.installationId, name: m.sender.name, publicKey: m.sender.publicKey },
    seq: m.seq,
    received: Object.fromEntries(Object.keys(m.received).sort().map((k) => [k, m.received[k]!])),
    createdAt: m.createdAt,
    to: m.to.seq === undefined ? { role: m.to.role, note: m.to.note } : { role: m.to.role, note: m.to.note, seq: m.to.seq },
    entries: m.entries.map((e) => ({ path: e.path, bytes: e.bytes, sha256: e.sha256 })),
  };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * A signed package of `entries`. Deterministic: manifest.json, manifest.sig, then the entries
 * sorted by path, each stamped with `createdAt`. Refuses (PackageError, the reader's codes)
 * what a reader with the default limits would refuse: bad or duplicate paths, sizes over
 * PACKAGE_LIMITS, a manifest the schema refuses, a signer whose key is not `sender.publicKey`.
 */
export async function writePackage(manifest: Omit<Manifest, 'format' | 'entries'>, entries: PackageEntry[], signer: PackageSigner): Promise<Uint8Array> {
  const seen = new Map<string, string>(RESERVED_PACKAGE_PATHS.map((p) => [p, p]));
  for (const { path } of entries) {
    const problem = packagePathProblem(path);
    if (problem) throw refuse.path(path, problem);
    const earlier = seen.get(packagePathKey(path));
    if (earlier !== undefined) throw refuse.duplicate(path, earlier);
    seen.set(packagePathKey(path), path);
  }
  for (const { path } of entries) {
    const folder = parentFolders(path).find((f) => seen.has(packagePathKey(f)));
    if (folder !== undefined) throw refuse.fileAndFolder(path, seen.get(packagePathKey(folder))!);
  }
  const limits = PACKAGE_LIMITS;
  if (entries.length > limits.maxEntries) throw refuse.tooManyEntries(entries.length, limits.maxEntries);
  for (const e of entries) if (e.bytes.length > limits.maxEntryBytes) throw refuse.entryTooLarge(e.path, e.bytes.length, limits.maxEntryBytes);

  const sorted = [...entries].sort(byPath);
  const listed: ManifestEntry[] = sorted.map((e) => ({ path: e.path, bytes: e.bytes.length, sha256: sha256(e.bytes) }));
  const parsed = manifestSchema.safeParse({ ...manifest, format: PACKAGE_FORMAT, entries: listed });
  if (!parsed.success) throw refuse.manifestInvalid(describeManifestIssue(parsed.error));
  if (manifest.sender.publicKey !== signer.publicKey) throw refuse.signatureInvalid('kunci penanda tangan bukan kunci pengirim yang tercantum');

  const manifestBytes = new TextEncoder().encode(JSON.stringify(ordered(parsed.data)));
  if (manifestBytes.length > MANIFEST_MAX_BYTES) throw refuse.entryTooLarge(MANIFEST_FILE, manifestBytes.length, MANIFEST_MAX_BYTES);
  const total = listed.reduce((n, e) => n + e.bytes, manifestBytes.length);
  if (total > limits.maxTotalBytes) throw refuse.totalTooLarge(total, limits.maxTotalBytes);
  const signature = signer.sign(manifestBytes);
  if (!verifyEd25519(signer.publicKey, manifestBytes, signature)) throw refuse.signatureInvalid('penanda tangan tidak memakai kunci pengirim yang tercantum');
  const signatureBytes = new TextEncoder().encode(Buffer.from(signature).toString('base64'));

  // Deflated when it saves a twentieth, and not past the ratio a reader takes for a zip bomb (zip.ts).
  const zip = await writeZip(
    [
      { name: MANIFEST_FILE, bytes: manifestBytes, compress: true },
      { name: SIGNATURE_FILE, bytes: signatureBytes, compress: false },
      ...sorted.map((e) => ({ name: e.path, bytes: e.bytes, compress: !STORED_EXTENSIONS.test(e.path) })),
    ],
    new Date(parsed.data.createdAt),
    limits,
  );
  if (zip.length > limits.maxPackageBytes) throw refuse.packageTooLarge(zip.length, limits.maxPackageBytes);
  return zip;
}

/**
 * Opens a package and proves it self-consistent: a zip PPID Desk could have written, within
 * `limits` (PACKAGE_LIMITS by default; checked on the declared sizes before anything
 * inflates, and again while inflating, since declared sizes can lie), a manifest of this
 * format signed by the key it names, and exactly the files it lists with their sizes and
 * SHA-256. Throws PackageError with an Indonesian message otherwise.
 *
 * It does NOT say whether the sender may be trusted: any key can sign a package naming itself.
 * Whether `manifest.sender.publicKey` belongs to an installation of this office is the
 * caller's decision, as is whether the package was already received (`packageSha256`,
 * `manifest.seq`).
 */
export async function readPackage(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): Promise<ReadPackage> {
  const lim = packageLimits(limits);
  if (bytes.length > lim.maxPackageBytes) throw refuse.packageTooLarge(bytes.length, lim.maxPackageBytes);
  const own = RESERVED_PACKAGE_PATHS.length;
  const dir = await readDirectory(bytes, lim.maxEntries + own, own);

  // Names that could reach outside a folder, and duplicates, whatever the format.
  const byName = new Map<string, ZipEntry>();
  const byKey = new Map<string, ZipEntry>();
  for (const e of dir.entries) {
    const unsafe = unsafePackagePath(e.name);
    if (unsafe) throw refuse.path(e.name, unsafe);
    const earlier = byKey.get(packagePathKey(e.name));
    if (earlier) throw refuse.duplicate(e.name, earlier.name);
    byKey.set(packagePathKey(e.name), e);
    byName.set(e.name, e);
  }
  for (const e of dir.entries) {
    const folder = parentFolders(e.name).find((f) => byKey.has(packagePathKey(f)));
    if (folder !== undefined) throw refuse.fileAndFolder(e.name, byKey.get(packagePathKey(folder))!.name);
  }

  // Sizes as declared, before a byte is inflated.
  let total = 0;
  for (const e of dir.entries) {
    if (e.size > lim.ratioAbove && e.size > e.compressedSize * lim.maxRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      throw refuse.zipBomb(e.name, `mengaku ${ratio.toLocaleString('id-ID')} kali lebih besar daripada ukurannya di dalam paket`);
    }
    const cap = e.name === MANIFEST_FILE ? MANIFEST_MAX_BYTES : e.name === SIGNATURE_FILE ? SIGNATURE_MAX_BYTES : lim.maxEntryBytes;
    if (e.size > cap) throw refuse.entryTooLarge(e.name, e.size, cap);
    total += e.size;
  }
  if (total > lim.maxTotalBytes) throw refuse.totalTooLarge(total, lim.maxTotalBytes);
  await locateData(dir);

  const manifestEntry = byName.get(MANIFEST_FILE);
  if (!manifestEntry) throw refuse.manifestMissing();
  const manifestBytes = await extract(dir, manifestEntry);
  const raw = manifestJson(manifestBytes);
  // Format 1's name rules, once the package is known to be format 1.
  for (const e of dir.entries) {
    if (e.name === MANIFEST_FILE || e.name === SIGNATURE_FILE) continue;
    const problem = packagePathProblem(e.name);
    if (problem) throw refuse.path(e.name, problem);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw refuse.manifestInvalid(describeManifestIssue(parsed.error));
  const manifest = parsed.data;

  const signatureEntry = byName.get(SIGNATURE_FILE);
  if (!signatureEntry) throw refuse.signatureMissing();
  const signatureText = new TextDecoder('latin1').decode(await extract(dir, signatureEntry));
  if (!/^[A-Za-z0-9+/]{85}[AQgw]==$/.test(signatureText)) throw refuse.signatureInvalid('berkas tanda tangan (manifest.sig) rusak');
  if (!verifyEd25519(manifest.sender.publicKey, manifestBytes, Buffer.from(signatureText, 'base64'))) {
    // Not naming manifest.sender.name: an unsigned manifest's words are not repeated to the user.
    throw refuse.signatureInvalid('daftar isi paket berubah setelah ditandatangani, atau paket tidak ditandatangani oleh pengirim yang tercantum di dalamnya');
  }

  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const e of dir.entries) {
    if (e.name !== MANIFEST_FILE && e.name !== SIGNATURE_FILE && !listed.has(e.name)) throw refuse.entryUnlisted(e.name);
  }
  const found = manifest.entries.map((l) => {
    const e = byName.get(l.path);
    if (!e) throw refuse.entryMissing(l.path);
    if (e.size !== l.bytes) throw refuse.entryMismatch(l.path, `ukurannya ${e.size.toLocaleString('id-ID')} byte, di daftar isi ${l.bytes.toLocaleString('id-ID')} byte`);
    return [l, e] as const;
  });
  const entries = new Map<string, Uint8Array>();
  for (const [l, e] of found) {
    const data = await extract(dir, e);
    if (sha256(data) !== l.sha256) throw refuse.entryMismatch(l.path, 'sidik SHA-256 isinya tidak cocok');
    entries.set(l.path, data);
  }
  return { manifest, entries, packageSha256: sha256(bytes) };
}

/** The manifest's JSON, of this format: a newer one must hear "update", not schema errors. */
function manifestJson(bytes: Uint8Array): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw refuse.manifestNotJson('isinya bukan JSON');
  }
  const format = manifestFormatOf(raw);
  if (format.kind === 'newer') {
    const version = (raw as Record<string, unknown>).appVersion;
    throw refuse.formatNewer(format.format, typeof version === 'string' && /^[0-9A-Za-z.+-]{1,40}$/.test(version) ? version : null);
  }
  if (format.kind === 'unknown') throw refuse.formatUnknown(format.shown);
  return raw;
}

/** Whether `err` is a package refusal (for callers that catch broadly). */
export function isPackageError(err: unknown): err is PackageError {
  return err instanceof PackageError;
}
