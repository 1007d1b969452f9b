/**
 * Names of the files inside a sync package (.ppid). A package travels between offices on a
 * flash drive or over WhatsApp, so every name in it is written by someone we do not control
 * until the signature says otherwise — and some names are checked before there is a signature
 * to check. The rules keep a name harmless wherever the receiving code might put the file, on
 * Windows too: relative, forward slashes, plain ASCII, shallow, short, and unique when case is
 * ignored.
 */

/** Segments of letters, digits, '.', '_' and '-', not starting with '.', '_' or '-'; '/' between. */
export const PACKAGE_PATH_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;
/** A folder, a subfolder and the file: enough for `cycles/<id>/acts.jsonl`. */
export const PACKAGE_PATH_MAX_DEPTH = 3;
/**
 * A backup holds the data folder's own names, whose deepest is a PPID Utama's copy of an OPD's
 * cycle log: `utama/opd/<entry>/<cycle>/events.jsonl`.
 */
export const BACKUP_PATH_MAX_DEPTH = 5;
/** Characters of the whole name; well inside Windows' 260 once a data folder is put in front. */
export const PACKAGE_PATH_MAX_LENGTH = 160;

/** The signed table of contents and its signature: written by the package itself, never an entry. */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const RESERVED_PACKAGE_PATHS: readonly string[] = [MANIFEST_FILE, SIGNATURE_FILE];

/**
 * What is wrong with a name, most dangerous first: a name that climbs out of the folder or
 * starts at a drive or server is reported as that even when it also breaks a milder rule.
 */
export type PackagePathProblem =
  | { kind: 'traversal' }
  | { kind: 'absolute' }
  | { kind: 'backslash' }
  | { kind: 'nul' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'empty-segment' }
  | { kind: 'too-deep'; depth: number; max: number }
  | { kind: 'characters' }
  | { kind: 'windows' };

/**
 * Only the checks that keep a name from reaching outside its folder (`..`, `/x`, `C:\x`,
 * `\\server\x`, backslashes, NUL, over-long). They hold whatever package format wrote the
 * name, so a reader applies them before it knows the format; the rest is `packagePathProblem`.
 */
export function unsafePackagePath(path: string): PackagePathProblem | null {
  if (path.split(/[\\/]/).some((segment) => segment === '..')) return { kind: 'traversal' };
  if (/^[\\/]/.test(path) || /^[a-z]:/i.test(path)) return { kind: 'absolute' };
  if (path.includes('\\')) return { kind: 'backslash' };
  if (path.includes('\u0000')) return { kind: 'nul' };
  if (path.length > PACKAGE_PATH_MAX_LENGTH) return { kind: 'too-long', length: path.length, max: PACKAGE_PATH_MAX_LENGTH };
  return null;
}

/**
 * Names the pattern allows but Windows does not keep: it drops a trailing dot ('a.' becomes
 * 'a', a second name for one file) and reserves device names with any extension ('con',
 * 'aux.txt', 'com1.jsonl' open a device, not a file).
 */
const WINDOWS_UNUSABLE = /\.$|^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;

/** Every rule a format-1 entry name keeps, or null when the name is fine. */
export function packagePathProblem(path: string, maxDepth = PACKAGE_PATH_MAX_DEPTH): PackagePathProblem | null {
  const unsafe = unsafePackagePath(path);
  if (unsafe) return unsafe;
  if (path === '' || path.split('/').some((segment) => segment === '')) return { kind: 'empty-segment' };
  const depth = path.split('/').length;
  if (depth > maxDepth) return { kind: 'too-deep', depth, max: maxDepth };
  if (!PACKAGE_PATH_PATTERN.test(path)) return { kind: 'characters' };
  if (path.split('/').some((segment) => WINDOWS_UNUSABLE.test(segment))) return { kind: 'windows' };
  return null;
}

/** Windows and macOS treat `A.txt` and `a.txt` as one file: two such names are one name twice. */
export function packagePathKey(path: string): string {
  return path.toLowerCase();
}

/**
 * The folders a name sits in ('a/b/c' → 'a', 'a/b'). No file may carry one of them as its own
 * name: on disk, `cycles` cannot be a file and a folder at once.
 */
export function parentFolders(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('/'));
}

/** The problem in words for someone who never saw a zip file (Bahasa Indonesia). */
export function describePackagePathProblem(problem: PackagePathProblem): string {
  switch (problem.kind) {
    case 'traversal':
      return 'nama itu mencoba keluar dari folder paket (..)';
    case 'absolute':
      return 'nama itu menunjuk lokasi mutlak di komputer (diawali / atau \\ atau huruf drive)';
    case 'backslash':
      return 'nama itu memakai garis miring terbalik (\\)';
    case 'nul':
      return 'nama itu memuat karakter kosong tersembunyi';
    case 'too-long':
      return `nama itu terlalu panjang (${problem.length} karakter; paling panjang ${problem.max})`;
    case 'empty-segment':
      return 'nama itu memuat bagian kosong (garis miring ganda atau di ujung)';
    case 'too-deep':
      return `nama itu terlalu dalam (${problem.depth} tingkat; paling banyak ${problem.max})`;
    case 'characters':
      return 'nama itu hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung, dan diawali huruf atau angka';
    case 'windows':
      return 'nama itu tidak dapat dipakai di Windows (berakhir dengan titik, atau nama perangkat seperti CON, AUX, NUL, COM1, LPT1)';
  }
}
