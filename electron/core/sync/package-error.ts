import { describePackagePathProblem, type PackagePathProblem } from '../domain/sync/package-path';

/**
 * Why a sync package was refused. The code is for the program (tests, the receive log, which
 * advice to show); the message is for the civil servant who picked the file: Bahasa
 * Indonesia, what is wrong, and what to do about it.
 */
export const PACKAGE_ERROR_CODES = [
  /** Not a zip at all: a photo, a document, the wrong file picked. */
  'not-a-package',
  /** Cut off: the zip's end record is missing (an interrupted copy or download). */
  'truncated',
  /** The zip's records contradict each other or a file's checksum fails: damaged in transit. */
  'damaged',
  /** Zip features PPID Desk never writes (zip64, split archives, other compression methods). */
  'unsupported-zip',
  'encrypted',
  'package-too-large',
  'too-many-entries',
  'entry-too-large',
  'total-too-large',
  /** A file inflates far beyond its size, or beyond what its header declared. */
  'zip-bomb',
  /** Two files with one name, case ignored; or one name for a file and a folder. */
  'duplicate-entry',
  'path-traversal',
  'path-absolute',
  'path-backslash',
  'path-nul',
  'path-too-long',
  'path-invalid',
  'manifest-missing',
  'manifest-not-json',
  'manifest-invalid',
  /** A format this version never wrote and no version will (0, "1", missing). */
  'format-unknown',
  /** A newer PPID Desk wrote it: update the app. */
  'format-newer',
  'signature-missing',
  'signature-invalid',
  /** In the zip, not in the signed manifest. */
  'entry-unlisted',
  /** In the signed manifest, not in the zip. */
  'entry-missing',
  /** Size or SHA-256 differs from the signed manifest. */
  'entry-mismatch',
] as const;
export type PackageErrorCode = (typeof PACKAGE_ERROR_CODES)[number];

export class PackageError extends Error {
  override readonly name = 'PackageError';

  constructor(
    readonly code: PackageErrorCode,
    message: string,
    /** The file inside the package the refusal is about, when there is one. */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A name as a person can read it: control characters made visible, long names shortened. */
export function shownPath(path: string): string {
  // eslint-disable-next-line no-control-regex -- making control characters visible is the point
  const visible = path.replace(/[\u0000-\u001f\u007f]/g, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible;
}

/** Sizes as an office worker reads them: "1,5 MB". */
export function shownBytes(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace('.', ',');
  return `${rounded} ${units[unit]}`;
}

const SEND_AGAIN = 'minta pengirim mengirim ulang';
const MAKE_AGAIN = 'minta pengirim membuat paket baru dari PPID Desk';

export const refuse = {
  notAPackage: () => new PackageError('not-a-package', 'Berkas ini bukan paket PPID Desk. Pilih berkas .ppid yang dibuat oleh PPID Desk.'),
  truncated: () => new PackageError('truncated', `Paket terpotong atau rusak saat dikirim: ${SEND_AGAIN}.`),
  damaged: (what: string, path?: string) =>
    new PackageError('damaged', `Paket rusak saat dikirim (${path === undefined ? what : `berkas ${shownPath(path)} ${what}`}): ${SEND_AGAIN}.`, path),
  unsupportedZip: (what: string, path?: string) =>
    new PackageError('unsupported-zip', `Paket ini tidak dibuat oleh PPID Desk (${what}${path === undefined ? '' : `: ${shownPath(path)}`}): ${MAKE_AGAIN}.`, path),
  encrypted: (path?: string) =>
    new PackageError(
      'encrypted',
      `Paket berisi berkas yang dikunci kata sandi${path === undefined ? '' : ` (${shownPath(path)})`}. PPID Desk tidak pernah mengunci paket: ${MAKE_AGAIN}.`,
      path,
    ),
  packageTooLarge: (size: number, max: number) =>
    new PackageError('package-too-large', `Paket terlalu besar (${shownBytes(size)}; paling besar ${shownBytes(max)}). Kirim pekerjaan dalam beberapa paket.`),
  tooManyEntries: (count: number, max: number) =>
    new PackageError('too-many-entries', `Paket berisi terlalu banyak berkas (${count.toLocaleString('id-ID')}; paling banyak ${max.toLocaleString('id-ID')}). Kirim pekerjaan dalam beberapa paket.`),
  entryTooLarge: (path: string, size: number, max: number) =>
    new PackageError('entry-too-large', `Berkas ${shownPath(path)} di dalam paket terlalu besar (${shownBytes(size)}; paling besar ${shownBytes(max)}).`, path),
  totalTooLarge: (size: number, max: number) =>
    new PackageError('total-too-large', `Isi paket terlalu besar setelah dibuka (${shownBytes(size)}; paling besar ${shownBytes(max)}). Kirim pekerjaan dalam beberapa paket.`),
  zipBomb: (path: string, why: string) =>
    new PackageError('zip-bomb', `Berkas ${shownPath(path)} di dalam paket ${why} (bom zip). Paket ditolak demi keamanan komputer ini.`, path),
  duplicate: (path: string, other: string) =>
    new PackageError(
      'duplicate-entry',
      path === other
        ? `Paket berisi dua berkas bernama sama (${shownPath(path)}). Paket ditolak.`
        : `Paket berisi dua berkas yang namanya sama bila huruf besar-kecil diabaikan (${shownPath(other)} dan ${shownPath(path)}). Paket ditolak.`,
      path,
    ),
  fileAndFolder: (path: string, folder: string) =>
    new PackageError('duplicate-entry', `Paket memakai satu nama untuk berkas sekaligus folder (${shownPath(folder)} dan ${shownPath(path)}). Paket ditolak.`, path),
  path: (path: string, problem: PackagePathProblem) => {
    const code: PackageErrorCode =
      problem.kind === 'traversal'
        ? 'path-traversal'
        : problem.kind === 'absolute'
          ? 'path-absolute'
          : problem.kind === 'backslash'
            ? 'path-backslash'
            : problem.kind === 'nul'
              ? 'path-nul'
              : problem.kind === 'too-long'
                ? 'path-too-long'
                : 'path-invalid';
    const danger = code === 'path-traversal' || code === 'path-absolute' ? ' Paket ditolak demi keamanan komputer ini.' : '';
    return new PackageError(code, `Paket berisi nama berkas yang tidak sah (${shownPath(path)}): ${describePackagePathProblem(problem)}.${danger}`, path);
  },
  manifestMissing: () =>
    new PackageError('manifest-missing', `Paket tidak memiliki daftar isi (manifest.json), jadi bukan paket PPID Desk yang utuh: ${MAKE_AGAIN}.`),
  manifestNotJson: (what: string) => new PackageError('manifest-not-json', `Daftar isi paket (manifest.json) tidak terbaca (${what}): ${MAKE_AGAIN}.`),
  manifestInvalid: (what: string) => new PackageError('manifest-invalid', `Daftar isi paket (manifest.json) tidak sah: ${what.replace(/\.?$/, '.')}`),
  formatUnknown: (shown: string) =>
    new PackageError('format-unknown', `Paket memakai format yang tidak dikenal PPID Desk (format ${shown}): ${MAKE_AGAIN}.`),
  formatNewer: (format: number, appVersion: string | null) =>
    new PackageError(
      'format-newer',
      `Paket dibuat oleh versi PPID Desk yang lebih baru (${appVersion ? `versi ${appVersion}, ` : ''}format ${format}). Perbarui aplikasi, lalu buka paket ini lagi.`,
    ),
  signatureMissing: () => new PackageError('signature-missing', 'Paket tidak bertanda tangan (manifest.sig tidak ada). Paket ditolak.'),
  signatureInvalid: (what: string) => new PackageError('signature-invalid', `Tanda tangan paket tidak sah: ${what}. Paket ditolak.`),
  entryUnlisted: (path: string) =>
    new PackageError('entry-unlisted', `Paket berisi berkas yang tidak tercantum dalam daftar isinya (${shownPath(path)}): paket diubah setelah ditandatangani.`, path),
  entryMissing: (path: string) =>
    new PackageError('entry-missing', `Berkas ${shownPath(path)} tercantum dalam daftar isi paket tetapi tidak ada di dalam paket: ${SEND_AGAIN}.`, path),
  entryMismatch: (path: string, what: string) =>
    new PackageError('entry-mismatch', `Isi paket berubah setelah ditandatangani (berkas ${shownPath(path)}: ${what}).`, path),
};
