import { crc32, inflateRawSync } from 'node:zlib';
import { refuse } from './package-error';

/**
 * The zip layer of a sync package, kept deliberately small: PPID Desk writes the only zips it
 * reads, so the reader accepts exactly what the writer makes (one disk, no zip64, no data
 * descriptors, no encryption, STORE or DEFLATE) and refuses the rest before inflating a byte.
 *
 * fflate's `unzipSync` is not used to read: it trusts the sizes a zip declares and inflates
 * each file whole, so a small file that inflates to gigabytes, or a header that lies about its
 * size, would be in memory before anything could say no. Here the central directory is read
 * first (declared sizes, names, flags: checked by the caller against the limits), then each
 * file inflates with Node's zlib held to its declared size (`maxOutputLength`: zlib stops the
 * moment the output would pass it, one 16 KB chunk at most beyond). zlib, not fflate's
 * streaming `Inflate`: several times faster, and inflating was most of a preview's time.
 * fflate's `zipSync` is not used to write: it orders files as object keys (a name like "2024"
 * would go before manifest.json) and stamps the current time; a fixed order and time make the same
 * package from the same input byte for byte.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
/** Deflate speed hints (bits 1–2) and UTF-8 names (bit 11): harmless. Anything else is not ours. */
const FLAGS_ACCEPTED = 0x0806;
const STORE = 0;
const DEFLATE = 8;
const AES = 99;
const VERSION = 20;

export interface ZipEntry {
  /** As stored (UTF-8, invalid sequences shown as U+FFFD: the name rules refuse those). */
  name: string;
  /** The name's bytes, compared with the local header's. */
  rawName: Uint8Array;
  method: typeof STORE | typeof DEFLATE;
  flags: number;
  crc: number;
  compressedSize: number;
  /** What the central directory declares; the inflater holds the file to it. */
  size: number;
  localOffset: number;
  /** Set by `locateData`. */
  dataStart: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  centralOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const names = new TextDecoder('utf-8');

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A file whose start is (a prefix of) a zip's is a package that was cut off; anything else is not a zip. */
function notAZipOrCut(bytes: Uint8Array): never {
  const starts = [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ];
  const head = bytes.subarray(0, 4);
  if (starts.some((sig) => head.every((b, i) => b === sig[i]))) throw refuse.truncated();
  throw refuse.notAPackage();
}

/** The end record: the last 22 bytes, unless a comment follows it (we write none, but accept its length). */
function findEnd(bytes: Uint8Array): number {
  let sawSignature = false;
  for (let at = bytes.length - END_SIZE; at >= Math.max(0, bytes.length - END_SIZE - MAX_COMMENT); at--) {
    if (u32(bytes, at) !== END) continue;
    if (at + END_SIZE + u16(bytes, at + 20) === bytes.length) return at;
    sawSignature = true;
  }
  if (sawSignature) throw refuse.damaged('akhir berkas zip tidak cocok');
  return notAZipOrCut(bytes);
}

/**
 * The central directory, checked for everything that can be judged without inflating:
 * structure, split or zip64 archives, encryption, compression method. `maxEntries` counts
 * the zip's own records and is checked before any of them is read.
 */
export function readDirectory(bytes: Uint8Array, maxEntries: number, entriesOverhead: number): ZipDirectory {
  const end = findEnd(bytes);
  const disk = u16(bytes, end + 4);
  const centralDisk = u16(bytes, end + 6);
  const onDisk = u16(bytes, end + 8);
  const count = u16(bytes, end + 10);
  const centralSize = u32(bytes, end + 12);
  const centralOffset = u32(bytes, end + 16);
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) throw refuse.unsupportedZip('zip64');
  if (disk !== 0 || centralDisk !== 0 || onDisk !== count) throw refuse.unsupportedZip('arsip terpecah');
  if (count > maxEntries) throw refuse.tooManyEntries(count - entriesOverhead, maxEntries - entriesOverhead);
  if (centralOffset + centralSize !== end) throw refuse.damaged('daftar berkas zip tidak di tempatnya');

  const entries: ZipEntry[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > end || u32(bytes, at) !== CENTRAL) throw refuse.damaged('daftar berkas zip rusak');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const nameLength = u16(bytes, at + 28);
    const next = at + CENTRAL_SIZE + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > end) throw refuse.damaged('daftar berkas zip rusak');
    const rawName = new Uint8Array(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength));
    const name = names.decode(rawName);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const localOffset = u32(bytes, at + 42);

    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === AES) throw refuse.encrypted(name);
    if (flags & ~FLAGS_ACCEPTED) throw refuse.unsupportedZip('penanda berkas yang tidak dikenal', name);
    if (method !== STORE && method !== DEFLATE) throw refuse.unsupportedZip('cara pemadatan yang tidak dikenal', name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw refuse.unsupportedZip('zip64', name);
    if (u16(bytes, at + 34) !== 0) throw refuse.unsupportedZip('arsip terpecah', name);
    if (method === STORE && compressedSize !== size) throw refuse.damaged('ukurannya tidak cocok', name);

    entries.push({ name, rawName, method, flags, crc: u32(bytes, at + 16), compressedSize, size, localOffset, dataStart: -1 });
    at = next;
  }
  if (at !== end) throw refuse.damaged('daftar berkas zip rusak');
  return { entries, centralOffset };
}

/**
 * Finds each file's data behind its local header, which must repeat the central directory
 * (name, flags, method, checksum, sizes). Files may not overlap: overlapping files are how a
 * few kilobytes pose as thousands of big files.
 */
export function locateData(bytes: Uint8Array, dir: ZipDirectory): void {
  let previousEnd = 0;
  for (const e of [...dir.entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const at = e.localOffset;
    if (at < previousEnd || at + LOCAL_SIZE > dir.centralOffset || u32(bytes, at) !== LOCAL) throw refuse.damaged('letaknya di dalam zip rusak', e.name);
    const nameLength = u16(bytes, at + 26);
    const start = at + LOCAL_SIZE + nameLength + u16(bytes, at + 28);
    const matches =
      u16(bytes, at + 6) === e.flags &&
      u16(bytes, at + 8) === e.method &&
      u32(bytes, at + 14) === e.crc &&
      u32(bytes, at + 18) === e.compressedSize &&
      u32(bytes, at + 22) === e.size &&
      at + LOCAL_SIZE + nameLength <= dir.centralOffset &&
      sameBytes(bytes.subarray(at + LOCAL_SIZE, at + LOCAL_SIZE + nameLength), e.rawName);
    if (!matches) throw refuse.damaged('keterangannya di dalam zip saling bertentangan', e.name);
    if (start + e.compressedSize > dir.centralOffset) throw refuse.damaged('terpotong', e.name);
    e.dataStart = start;
    previousEnd = start + e.compressedSize;
  }
}

/**
 * One file's bytes, never more than its declared size in memory (plus one zlib chunk): a
 * stream that inflates past it is refused as a zip bomb the moment it does, whatever follows.
 */
export function extract(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let out: Uint8Array;
  if (e.method === STORE) {
    // A copy, and a plain Uint8Array: on a Buffer (fs.readFile's) slice() would share memory.
    out = new Uint8Array(data);
  } else {
    try {
      // At least 1: zlib's bound must be positive; an empty file that inflates to a byte is caught below.
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      // A copy: a small Buffer may sit in Node's shared pool, and callers get plain bytes of their own.
      out = new Uint8Array(inflated);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw refuse.zipBomb(e.name, 'mengembang melebihi ukuran yang tercantum');
      throw refuse.damaged('tidak dapat dibuka', e.name);
    }
    if (out.length > e.size) throw refuse.zipBomb(e.name, 'mengembang melebihi ukuran yang tercantum');
    if (out.length !== e.size) throw refuse.damaged('lebih pendek daripada ukuran yang tercantum', e.name);
  }
  if (crc32(out) >>> 0 !== e.crc) throw refuse.damaged('tidak utuh: isinya tidak cocok dengan nilai pemeriksaannya', e.name);
  return out;
}

export interface ZipFileIn {
  /** ASCII (the caller has checked the name rules). */
  name: string;
  bytes: Uint8Array;
  /** The DEFLATE stream of `bytes`, or null to store them as they are. */
  deflated: Uint8Array | null;
}

/** MS-DOS date and time of `when`'s UTC fields, so the same input gives the same bytes in any zone. */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = when.getUTCFullYear();
  // DOS dates run from 1980 to 2107; createdAt is informational, so a clock outside that is clamped.
  if (Number.isNaN(year) || year < 1980) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
  };
}

/** A zip of `files` in the order given, every file stamped `modified`. */
export function writeZip(files: ZipFileIn[], modified: Date): Uint8Array {
  const { date, time } = dosDateTime(modified);
  const encoder = new TextEncoder();
  const prepared = files.map((f) => ({
    name: encoder.encode(f.name),
    crc: crc32(f.bytes) >>> 0,
    size: f.bytes.length,
    data: f.deflated ?? f.bytes,
    method: f.deflated ? DEFLATE : STORE,
    offset: 0,
  }));
  const localTotal = prepared.reduce((n, f) => n + LOCAL_SIZE + f.name.length + f.data.length, 0);
  const centralTotal = prepared.reduce((n, f) => n + CENTRAL_SIZE + f.name.length, 0);
  const out = new Uint8Array(localTotal + centralTotal + END_SIZE);
  const view = new DataView(out.buffer);
  const header = (at: number, f: (typeof prepared)[number], central: boolean): number => {
    view.setUint32(at, central ? CENTRAL : LOCAL, true);
    let p = at + 4;
    if (central) {
      view.setUint16(p, VERSION, true); // version made by: 2.0, MS-DOS attributes
      p += 2;
    }
    view.setUint16(p, VERSION, true);
    view.setUint16(p + 2, 0, true); // flags: ASCII names, sizes known up front
    view.setUint16(p + 4, f.method, true);
    view.setUint16(p + 6, time, true);
    view.setUint16(p + 8, date, true);
    view.setUint32(p + 10, f.crc, true);
    view.setUint32(p + 14, f.data.length, true);
    view.setUint32(p + 18, f.size, true);
    view.setUint16(p + 22, f.name.length, true);
    // extra field, and for the central record comment, disk, attributes: all zero
    p += 26;
    if (central) {
      view.setUint32(p + 10, f.offset, true);
      p += 14;
    }
    out.set(f.name, p);
    return p + f.name.length;
  };
  let at = 0;
  for (const f of prepared) {
    f.offset = at;
    at = header(at, f, false);
    out.set(f.data, at);
    at += f.data.length;
  }
  const centralOffset = at;
  for (const f of prepared) at = header(at, f, true);
  view.setUint32(at, END, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralOffset, true);
  view.setUint32(at + 16, centralOffset, true);
  return out;
}
