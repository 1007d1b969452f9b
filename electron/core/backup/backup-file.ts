import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BACKUP_PATH_MAX_DEPTH, packagePathKey, packagePathProblem, parentFolders, unsafePackagePath } from '../domain/sync/package-path';
import { shownBytes, shownPath, PackageError } from '../sync/package-error';
import { extract, locateData, readDirectory, writeZip, type ZipDirectory, type ZipEntry } from '../sync/zip';

/**
 * The backup file (.ppidbackup): the whole data folder in one zip, for the flash drive in the
 * drawer. A zip of
 *   manifest-cadangan.json   the table of contents (schema below)
 *   …                        every backed-up file at its path inside the data folder
 *
 * It reuses the sync package's zip layer (sync/zip.ts: yauzl and yazl, one disk, STORE or DEFLATE,
 * sizes checked before inflating, every file inflated into a buffer of its declared size) and
 * its name rules (domain/sync/package-path.ts: relative, ASCII, shallow, Windows-safe, unique
 * ignoring case), because a backup comes back from a flash drive like a package does. What
 * differs is the manifest: a backup is not signed (it is this laptop's own data, and the key
 * that would sign it is inside it), but every file is listed with its size and SHA-256, so a
 * backup that was cut off, damaged or edited is refused whole before anything is written.
 */

export const BACKUP_FORMAT = 1;
export const BACKUP_MANIFEST = 'manifest-cadangan.json';
/** A sync package's own files: a .ppid given where a backup was expected is named as such. */
const PACKAGE_MARKERS = ['manifest.json', 'manifest.sig'];

export interface BackupLimits {
  maxEntries: number;
  maxEntryBytes: number;
  /** Uncompressed bytes of all files (manifest included). */
  maxTotalBytes: number;
  /** Bytes of the .ppidbackup file. */
  maxBackupBytes: number;
  maxRatio: number;
  ratioAbove: number;
}

const MB = 1024 * 1024;

/**
 * Larger than a package's: a backup holds every year and every scan. Still bounded, because a
 * backup is read into memory (the zip layer works on one buffer, and zip32 ends at 4 GB; past
 * 65,534 files yazl writes a zip64 end record, which the reader accepts).
 * An office past these copies the data folder by hand (docs/architecture.md).
 */
export const BACKUP_LIMITS: Readonly<BackupLimits> = Object.freeze({
  maxEntries: 200_000,
  maxEntryBytes: 256 * MB,
  maxTotalBytes: 2048 * MB,
  maxBackupBytes: 2048 * MB,
  maxRatio: 200,
  ratioAbove: 1 * MB,
});
const MANIFEST_MAX_BYTES = 64 * MB;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Sidik SHA-256 harus 64 angka heksadesimal huruf kecil.');

export const backupFileEntrySchema = z.strictObject({
  path: z.string().superRefine((p, ctx) => {
    const problem = packagePathProblem(p, BACKUP_PATH_MAX_DEPTH);
    if (problem || packagePathKey(p) === BACKUP_MANIFEST) ctx.addIssue({ code: 'custom', message: `Nama berkas "${shownPath(p)}" tidak sah.` });
  }),
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: sha256Hex,
});
export type BackupFileEntry = z.infer<typeof backupFileEntrySchema>;

/** Strict like a package manifest: a key this version does not know is a newer format, not noise. */
export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  kind: z.literal('cadangan'),
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'Versi aplikasi tidak sah.'),
  createdAt: z.iso.datetime(),
  installationId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Pengenal instalasi tidak sah.'),
  officeId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Pengenal kantor tidak sah.').nullable(),
  files: z.array(backupFileEntrySchema).max(BACKUP_LIMITS.maxEntries),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const BACKUP_ERROR_CODES = [
  'not-a-backup',
  'is-package',
  'truncated',
  'damaged',
  'unsupported',
  'too-large',
  'unsafe-path',
  'duplicate',
  'manifest-invalid',
  'format-newer',
  'file-unlisted',
  'file-missing',
  'file-mismatch',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/** Why a backup was refused: a code for the program, a sentence for the administrator. Nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

const USE_ANOTHER = 'Pakai berkas cadangan lain (misalnya cadangan otomatis hari sebelumnya). Data di laptop ini tidak diubah.';

const refuse = {
  notABackup: () => new BackupError('not-a-backup', `Berkas ini bukan cadangan PPID Desk (.ppidbackup). Data di laptop ini tidak diubah.`),
  isPackage: () =>
    new BackupError(
      'is-package',
      'Berkas ini paket kiriman (.ppid), bukan cadangan. Paket kiriman diterima lewat "Terima paket"; untuk memulihkan data pilih berkas .ppidbackup. Data di laptop ini tidak diubah.',
    ),
  truncated: () => new BackupError('truncated', `Berkas cadangan terpotong (penyalinan ke atau dari flashdisk tidak selesai). ${USE_ANOTHER}`),
  damaged: (what: string, path?: string) =>
    new BackupError('damaged', `Berkas cadangan rusak (${path === undefined ? what : `${shownPath(path)}: ${what}`}). ${USE_ANOTHER}`, path),
  unsupported: (what: string) => new BackupError('unsupported', `Berkas ini tidak dibuat oleh PPID Desk (${what}). ${USE_ANOTHER}`),
  tooLarge: (what: string) => new BackupError('too-large', `Berkas cadangan terlalu besar untuk dipulihkan di sini (${what}). Hubungi admin TI.`),
  unsafePath: (path: string) =>
    new BackupError('unsafe-path', `Berkas cadangan memuat nama berkas yang tidak sah (${shownPath(path)}) dan ditolak demi keamanan komputer ini.`, path),
  duplicate: (path: string) => new BackupError('duplicate', `Berkas cadangan memuat dua berkas bernama sama (${shownPath(path)}): bukan cadangan PPID Desk yang utuh.`, path),
  manifestInvalid: (what: string) => new BackupError('manifest-invalid', `Daftar isi cadangan tidak sah (${what}). ${USE_ANOTHER}`),
  formatNewer: (format: number, appVersion: string | null) =>
    new BackupError(
      'format-newer',
      `Cadangan ini dibuat oleh versi PPID Desk yang lebih baru (${appVersion ? `versi ${appVersion}, ` : ''}format ${format}). Perbarui aplikasi, lalu pulihkan lagi.`,
    ),
  unlisted: (path: string) =>
    new BackupError('file-unlisted', `Berkas cadangan memuat berkas yang tidak ada dalam daftar isinya (${shownPath(path)}): cadangan telah diubah. ${USE_ANOTHER}`, path),
  missing: (path: string) => new BackupError('file-missing', `Berkas ${shownPath(path)} tercantum dalam daftar isi cadangan tetapi tidak ada di dalamnya. ${USE_ANOTHER}`, path),
  mismatch: (path: string, what: string) =>
    new BackupError('file-mismatch', `Isi cadangan tidak cocok dengan daftar isinya (berkas ${shownPath(path)}: ${what}): cadangan rusak atau telah diubah. ${USE_ANOTHER}`, path),
};

/** The zip layer speaks of packages; a backup's reader says the same things in its own words. */
function fromZipError(e: unknown): never {
  if (!(e instanceof PackageError)) throw e;
  switch (e.code) {
    case 'not-a-package':
      throw refuse.notABackup();
    case 'truncated':
      throw refuse.truncated();
    case 'unsupported-zip':
    case 'encrypted':
      throw refuse.unsupported(e.code === 'encrypted' ? 'dikunci kata sandi' : 'jenis zip yang tidak dikenal');
    case 'too-many-entries':
      throw refuse.tooLarge('terlalu banyak berkas');
    case 'zip-bomb':
      throw refuse.damaged('mengembang melebihi ukuran yang tercantum', e.path);
    default:
      throw refuse.damaged(e.code === 'damaged' ? 'isi zip tidak utuh' : e.code, e.path);
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Already compressed (scans, PDFs, images, documents): deflating them again costs time and saves nothing. */
function looksCompressed(bytes: Uint8Array): boolean {
  const b = bytes;
  return (
    (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) || // %PDF
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || // JPEG
    (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || // PNG
    (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || // zip: docx, xlsx, .ppid
    (b[0] === 0x1f && b[1] === 0x8b) // gzip
  );
}

export interface BackupFileIn {
  path: string;
  bytes: Uint8Array;
}

/**
 * A backup of `files`: the manifest first, then the files sorted by path, every one stamped
 * with `createdAt`. Refuses (BackupError) a name or a size the reader would refuse.
 * `compress: false` stores every file as it is (the safety copy a restore makes of the data
 * it replaces: made while everyone waits, and kept on the laptop's own disk).
 */
export async function writeBackup(manifest: Omit<BackupManifest, 'format' | 'kind' | 'files'>, files: BackupFileIn[], opts: { compress?: boolean } = {}): Promise<Uint8Array> {
  const compress = opts.compress ?? true;
  const seen = new Set<string>([packagePathKey(BACKUP_MANIFEST)]);
  for (const f of files) {
    if (packagePathProblem(f.path, BACKUP_PATH_MAX_DEPTH)) throw refuse.unsafePath(f.path);
    if (seen.has(packagePathKey(f.path))) throw refuse.duplicate(f.path);
    seen.add(packagePathKey(f.path));
    if (f.bytes.length > BACKUP_LIMITS.maxEntryBytes) throw refuse.tooLarge(`${shownPath(f.path)}: ${shownBytes(f.bytes.length)}`);
  }
  if (files.length > BACKUP_LIMITS.maxEntries) throw refuse.tooLarge(`${files.length.toLocaleString('id-ID')} berkas`);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const full: BackupManifest = {
    format: BACKUP_FORMAT,
    kind: 'cadangan',
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    installationId: manifest.installationId,
    officeId: manifest.officeId,
    files: sorted.map((f) => ({ path: f.path, bytes: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  const parsed = backupManifestSchema.safeParse(full);
  if (!parsed.success) throw refuse.manifestInvalid(parsed.error.issues[0]?.message ?? 'tidak sah');
  const manifestBytes = new TextEncoder().encode(JSON.stringify(full));
  const total = full.files.reduce((n, f) => n + f.bytes, manifestBytes.length);
  if (total > BACKUP_LIMITS.maxTotalBytes) throw refuse.tooLarge(shownBytes(total));
  // DEFLATE for text, when it saves a twentieth and stays under the reader's zip-bomb ratio (zip.ts);
  // STORE for what is already compressed.
  const zip = await writeZip(
    [
      { name: BACKUP_MANIFEST, bytes: manifestBytes, compress },
      ...sorted.map((f) => ({ name: f.path, bytes: f.bytes, compress: compress && !looksCompressed(f.bytes) })),
    ],
    new Date(full.createdAt),
    BACKUP_LIMITS,
  );
  if (zip.length > BACKUP_LIMITS.maxBackupBytes) throw refuse.tooLarge(shownBytes(zip.length));
  return zip;
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** SHA-256 of the .ppidbackup file itself. */
  sha256: string;
  /** One listed file's bytes, checked against its SHA-256 (BackupError otherwise): kept from the check, or inflated again. */
  read(path: string): Promise<Uint8Array>;
}

/**
 * Opens a backup and proves it whole before anyone acts on it: a zip PPID Desk wrote, within
 * `limits` (checked on the declared sizes before a byte inflates), a manifest of a known
 * format, exactly the files it lists, and every file's size and SHA-256 as listed (each file
 * is inflated and hashed here, then let go: memory holds one file at a time). Throws
 * BackupError otherwise.
 */
export async function openBackup(bytes: Uint8Array, limits: Partial<BackupLimits> = {}, keep: (path: string) => boolean = () => false): Promise<OpenedBackup> {
  const lim = { ...BACKUP_LIMITS, ...limits };
  if (bytes.length > lim.maxBackupBytes) throw refuse.tooLarge(shownBytes(bytes.length));
  let dir: ZipDirectory;
  try {
    dir = await readDirectory(bytes, lim.maxEntries + 1, 1);
  } catch (e) {
    fromZipError(e);
  }
  const byKey = new Map<string, ZipEntry>();
  for (const e of dir.entries) {
    if (unsafePackagePath(e.name)) throw refuse.unsafePath(e.name);
    if (byKey.has(packagePathKey(e.name))) throw refuse.duplicate(e.name);
    byKey.set(packagePathKey(e.name), e);
  }
  for (const e of dir.entries) if (parentFolders(e.name).some((f) => byKey.has(packagePathKey(f)))) throw refuse.duplicate(e.name);

  let total = 0;
  for (const e of dir.entries) {
    if (e.size > lim.ratioAbove && e.size > e.compressedSize * lim.maxRatio) throw refuse.damaged('mengaku jauh lebih besar daripada isinya', e.name);
    const cap = e.name === BACKUP_MANIFEST ? MANIFEST_MAX_BYTES : lim.maxEntryBytes;
    if (e.size > cap) throw refuse.tooLarge(`${shownPath(e.name)}: ${shownBytes(e.size)}`);
    total += e.size;
  }
  if (total > lim.maxTotalBytes) throw refuse.tooLarge(shownBytes(total));
  try {
    await locateData(dir);
  } catch (e) {
    fromZipError(e);
  }

  const manifestEntry = byKey.get(BACKUP_MANIFEST);
  if (!manifestEntry || manifestEntry.name !== BACKUP_MANIFEST) {
    if (PACKAGE_MARKERS.every((m) => byKey.has(m))) throw refuse.isPackage();
    throw refuse.notABackup();
  }
  const manifest = parseManifest(await inflate(dir, manifestEntry));

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) throw refuse.manifestInvalid('satu berkas tercantum dua kali');
  for (const e of dir.entries) if (e !== manifestEntry && !listed.has(e.name)) throw refuse.unlisted(e.name);
  const entries = new Map<string, ZipEntry>();
  for (const f of manifest.files) {
    const e = byKey.get(packagePathKey(f.path));
    if (!e || e.name !== f.path) throw refuse.missing(f.path);
    if (e.size !== f.bytes) throw refuse.mismatch(f.path, `ukurannya ${shownBytes(e.size)}, di daftar isi ${shownBytes(f.bytes)}`);
    entries.set(f.path, e);
  }
  const kept = new Map<string, Uint8Array>();
  const read = async (path: string): Promise<Uint8Array> => {
    const hit = kept.get(path);
    if (hit) return hit;
    const f = listed.get(path);
    const e = entries.get(path);
    if (!f || !e) throw refuse.missing(path);
    const data = await inflate(dir, e);
    if (sha256(data) !== f.sha256) throw refuse.mismatch(path, 'sidik SHA-256 isinya tidak cocok');
    return data;
  };
  // Every file, now: a restore must never begin on a backup whose last file turns out damaged.
  // The ones the caller will read again (`keep`: data files, not scans) stay, already checked.
  for (const f of manifest.files) {
    const data = await read(f.path);
    if (keep(f.path)) kept.set(f.path, data);
  }
  return { manifest, sha256: sha256(bytes), read };
}

/** One file's bytes through the zip layer (held to its declared size, CRC checked), refusals in a backup's words. */
async function inflate(dir: ZipDirectory, e: ZipEntry): Promise<Uint8Array> {
  try {
    return await extract(dir, e);
  } catch (err) {
    fromZipError(err);
  }
}

function parseManifest(bytes: Uint8Array): BackupManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw refuse.manifestInvalid('isinya bukan JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse.manifestInvalid('isinya bukan objek JSON');
  const { format, kind, appVersion } = raw as Record<string, unknown>;
  if (kind !== undefined && kind !== 'cadangan') throw refuse.isPackage();
  if (typeof format === 'number' && Number.isInteger(format) && format > BACKUP_FORMAT) {
    throw refuse.formatNewer(format, typeof appVersion === 'string' && /^[0-9A-Za-z.+-]{1,40}$/.test(appVersion) ? appVersion : null);
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse.manifestInvalid(issue ? `${issue.path.join('.') || 'daftar isi'}: ${issue.message}` : 'tidak sah');
  }
  return parsed.data;
}

export function isBackupError(e: unknown): e is BackupError {
  return e instanceof BackupError;
}
