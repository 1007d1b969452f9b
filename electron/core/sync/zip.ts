import { crc32, createInflateRaw, deflateRawSync } from 'node:zlib';
import { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { PackageError, refuse } from './package-error';

/**
 * The zip layer of sync packages and backups: yauzl reads, yazl writes. A package or backup
 * arrives from outside (a flash drive, WhatsApp), so the reader takes only what the writer
 * makes (one disk, STORE or DEFLATE, no encryption, no data descriptors, no per-file zip64)
 * and refuses the rest before inflating a byte.
 *
 * yauzl finds the end record (refusing bytes after it), walks the central directory (zip64
 * end record included: yazl writes one past 65,534 files) and reads the local headers. It is
 * lenient by design, so what follows is still checked here, by hand:
 * - names are taken as raw bytes (`decodeStrings: false`) and read as UTF-8: yauzl would read
 *   them as CP437, turn backslashes into slashes and prefer a name hidden in an extra field,
 *   and the callers' name rules (domain/sync/package-path.ts) must judge the name as written;
 * - flags, methods, encryption and per-file zip64 markers, as the directory is read, and the
 *   entry count before it is read;
 * - every local header must repeat the central directory (yauzl ignores them but for their
 *   length), files may not overlap or reach into the central directory, and the central
 *   directory must end where its end record begins: overlapping files are how a few kilobytes
 *   pose as thousands of big files;
 * - each file inflates through its own zlib stream into a buffer of its declared size, and a
 *   byte counter destroys the stream the moment it would pass that size (a zip bomb stops after
 *   one chunk); then its CRC-32, which yauzl never checks. yauzl's `validateEntrySizes` is off:
 *   it takes a stored encrypted file for a size mismatch before we could name it, and on
 *   overflow it only unpipes its inflater instead of destroying it.
 * yauzl's errors are English text: a few patterns become their refusal (not a zip or cut off,
 * split, zip64), anything else is "damaged", which is still a refusal.
 *
 * yazl writes the files in the order given (the callers put the manifest first), every one
 * stamped with the same DOS time and no extended timestamp, so the same input gives the same
 * bytes in any time zone. It deflates with zlib at level 6; whether a file is worth deflating
 * is decided on that same zlib's output, so the ratio a reader would take for a zip bomb is
 * judged on the bytes written.
 */

const STORE = 0;
const DEFLATE = 8;
const AES = 99;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
/** Deflate speed hints (bits 1–2) and UTF-8 names (bit 11, which yazl sets): harmless. Anything else is not ours. */
const FLAGS_ACCEPTED = 0x0806;
const ZIP64_EXTRA = 0x0001;
const ZIP32_MAX = 0xffffffff;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
/** zlib's default, and what both writers used before yazl. */
const LEVEL = 6;

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
  /** yauzl's record of it. */
  record: yauzl.Entry;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: no file's data may reach into it. */
  centralOffset: number;
  /** yauzl's view of the zip, for the local headers. */
  zip: yauzl.ZipFile;
  /** The zip itself: each file's data is taken from it where yauzl located it. */
  bytes: Uint8Array;
}

const names = new TextDecoder('utf-8');

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A file whose start is (a prefix of) a zip's is a package that was cut off; anything else is not a zip. */
function notAZipOrCut(bytes: Uint8Array): PackageError {
  const starts = [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ];
  const head = bytes.subarray(0, 4);
  return starts.some((sig) => head.every((b, i) => b === sig[i])) ? refuse.truncated() : refuse.notAPackage();
}

/** What yauzl could not open, in the user's words. */
function openRefusal(bytes: Uint8Array, err: unknown): PackageError {
  const message = messageOf(err);
  if (/signature not found/i.test(message)) return notAZipOrCut(bytes);
  if (/multi-disk/i.test(message)) return refuse.unsupportedZip('arsip terpecah');
  if (/zip64/i.test(message)) return refuse.unsupportedZip('zip64');
  // Bytes after the end record ("comment length"), or an end record pointing nowhere.
  return refuse.damaged('akhir berkas zip tidak cocok');
}

function directoryRefusal(err: unknown): PackageError {
  if (err instanceof PackageError) return err;
  const message = messageOf(err);
  if (/encryption/i.test(message)) return refuse.encrypted();
  if (/zip64/i.test(message)) return refuse.unsupportedZip('zip64');
  return refuse.damaged('daftar berkas zip rusak');
}

/**
 * Where the central directory lies, read from the end record yauzl found (its comment is all
 * that follows it), or from the zip64 end record yazl writes past 65,534 files.
 */
function centralDirectory(bytes: Uint8Array, commentLength: number): { offset: number; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endRecord = bytes.length - END_SIZE - commentLength;
  const locator = endRecord - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    // yauzl has read the zip64 record there and checked its signature.
    const record = Number(view.getBigUint64(locator + 8, true));
    return { offset: Number(view.getBigUint64(record + 48, true)), end: record };
  }
  return { offset: view.getUint32(endRecord + 16, true), end: endRecord };
}

/** A central directory record, held to what the writer makes. */
function entryOf(record: yauzl.Entry): ZipEntry {
  // With decodeStrings off the name is yauzl's raw bytes.
  const rawName = new Uint8Array(record.fileNameRaw);
  const name = names.decode(rawName);
  const { generalPurposeBitFlag: flags, compressionMethod: method, compressedSize, uncompressedSize: size, relativeOffsetOfLocalHeader: localOffset } = record;
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === AES) throw refuse.encrypted(name);
  if (flags & ~FLAGS_ACCEPTED) throw refuse.unsupportedZip('penanda berkas yang tidak dikenal', name);
  if (method !== STORE && method !== DEFLATE) throw refuse.unsupportedZip('cara pemadatan yang tidak dikenal', name);
  // yazl writes per-file zip64 only past 4 GB, far beyond any limit: a marker here is not ours.
  if (record.extraFields.some((f) => f.id === ZIP64_EXTRA) || compressedSize === ZIP32_MAX || size === ZIP32_MAX || localOffset === ZIP32_MAX) {
    throw refuse.unsupportedZip('zip64', name);
  }
  if (method === STORE && compressedSize !== size) throw refuse.damaged('ukurannya tidak cocok', name);
  return { name, rawName, method, flags, crc: record.crc32, compressedSize, size, localOffset, dataStart: -1, record };
}

/**
 * The package as yauzl's reader. yauzl's own (`fromBuffer`) answers every header read on the
 * next turn of the event loop: four turns a file, and a backup of 20,000 files opened twice as
 * slowly. This one answers on the microtask queue, still asynchronously as yauzl expects.
 */
class MemoryReader extends yauzl.RandomAccessReader {
  constructor(private readonly bytes: Buffer) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from([this.bytes.subarray(start, end)]);
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    const n = Math.max(0, Math.min(length, this.bytes.length - position));
    if (n > 0) this.bytes.copy(buffer, offset, position, position + n);
    queueMicrotask(() => callback(null, n));
  }
}

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * The central directory, checked for everything that can be judged without inflating:
 * structure, split archives, zip64 markers, encryption, compression method. `maxEntries`
 * counts the zip's own records and is checked before any of them is read.
 */
export async function readDirectory(bytes: Uint8Array, maxEntries: number, entriesOverhead: number): Promise<ZipDirectory> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromRandomAccessReader(new MemoryReader(asBuffer(bytes)), bytes.length, { autoClose: false, lazyEntries: true, decodeStrings: false, validateEntrySizes: false }, (err, z) => (err ? reject(err) : resolve(z))),
    );
  } catch (err) {
    throw openRefusal(bytes, err);
  }
  if (zip.entryCount > maxEntries) throw refuse.tooManyEntries(zip.entryCount - entriesOverhead, maxEntries - entriesOverhead);
  // With decodeStrings off the comment is yauzl's raw bytes too.
  const central = centralDirectory(bytes, (zip.comment as unknown as Uint8Array).length);

  const entries: ZipEntry[] = [];
  let recordBytes = 0;
  try {
    for await (const record of zip.eachEntry()) {
      entries.push(entryOf(record));
      recordBytes += CENTRAL_SIZE + record.fileNameLength + record.extraFieldLength + record.fileCommentLength;
    }
  } catch (err) {
    throw directoryRefusal(err);
  }
  if (central.offset + recordBytes !== central.end) throw refuse.damaged('daftar berkas zip tidak di tempatnya');
  return { entries, centralOffset: central.offset, zip, bytes };
}

/**
 * Finds each file's data behind its local header, which must repeat the central directory
 * (name, flags, method, checksum, sizes). Files may not overlap: overlapping files are how a
 * few kilobytes pose as thousands of big files.
 */
export async function locateData(dir: ZipDirectory): Promise<void> {
  let previousEnd = 0;
  for (const e of [...dir.entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset < previousEnd) throw refuse.damaged('letaknya di dalam zip rusak', e.name);
    let local: yauzl.LocalFileHeader;
    try {
      local = await dir.zip.readLocalFileHeaderPromise(e.record);
    } catch {
      throw refuse.damaged('letaknya di dalam zip rusak', e.name);
    }
    const matches =
      local.generalPurposeBitFlag === e.flags &&
      local.compressionMethod === e.method &&
      local.crc32 === e.crc &&
      local.compressedSize === e.compressedSize &&
      local.uncompressedSize === e.size &&
      sameBytes(local.fileName, e.rawName);
    if (!matches) throw refuse.damaged('keterangannya di dalam zip saling bertentangan', e.name);
    if (local.fileDataStart + e.compressedSize > dir.centralOffset) throw refuse.damaged('terpotong', e.name);
    e.dataStart = local.fileDataStart;
    previousEnd = local.fileDataStart + e.compressedSize;
  }
}

/** zlib's output chunk: the declared size (plus one byte, to see it passed) up to 256 KB; 64 bytes is zlib's least. */
const chunkFor = (size: number) => Math.min(Math.max(size + 1, 64), 256 * 1024);

/**
 * One file's bytes (a plain Uint8Array of its own), never more than its declared size in
 * memory: a stream that inflates past it is refused as a zip bomb the moment it does, and
 * destroyed, whatever follows.
 *
 * The data is taken where yauzl's local header reading put it (`locateData`). yauzl's own
 * read stream would hand over the same slice of the same buffer through three more stream
 * stages: reading a package of scans took three times as long, and a small deflated file
 * twice as long, for nothing.
 */
export async function extract(dir: ZipDirectory, e: ZipEntry): Promise<Uint8Array> {
  if (e.dataStart < 0) throw new Error('zip: locateData first');
  const data = dir.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === STORE) {
    const out = new Uint8Array(data);
    if (crc32(out) >>> 0 !== e.crc) throw refuse.damaged('tidak utuh: isinya tidak cocok dengan nilai pemeriksaannya', e.name);
    return out;
  }
  const out = new Uint8Array(e.size);
  let filled = 0;
  let crc = 0;
  let overflow = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (filled + chunk.length > out.length) {
        overflow = true;
        done(new Error('past the declared size'));
        return;
      }
      out.set(chunk, filled);
      filled += chunk.length;
      crc = crc32(chunk, crc);
      done();
    },
  });
  try {
    const inflater = createInflateRaw({ chunkSize: chunkFor(e.size) });
    inflater.end(data);
    await pipeline(inflater, sink);
  } catch {
    if (overflow) throw refuse.zipBomb(e.name, 'mengembang melebihi ukuran yang tercantum');
    throw refuse.damaged('tidak dapat dibuka', e.name);
  }
  if (filled !== e.size) throw refuse.damaged('lebih pendek daripada ukuran yang tercantum', e.name);
  if (crc >>> 0 !== e.crc) throw refuse.damaged('tidak utuh: isinya tidak cocok dengan nilai pemeriksaannya', e.name);
  return out;
}

export interface ZipFileIn {
  /** ASCII (the caller has checked the name rules). */
  name: string;
  bytes: Uint8Array;
  /** Worth trying to deflate (text); false for what is already compressed (scans, PDFs). */
  compress: boolean;
}

/** A reader's ratio limit: a file bigger than `ratioAbove` that deflates past `maxRatio`:1 is refused. */
export interface DeflateLimits {
  maxRatio: number;
  ratioAbove: number;
}

/**
 * Whether `bytes` go in deflated: when deflating saves a twentieth, unless a big file is so
 * repetitive that a reader would take its ratio for a zip bomb. Judged on the same zlib and
 * level yazl then deflates with, so the file written is the file judged.
 */
function worthDeflating(bytes: Uint8Array, compress: boolean, limits: DeflateLimits): boolean {
  if (!compress || bytes.length === 0) return false;
  // Synchronous: zlib's thread pool costs more than it saves on the small files most are.
  const deflated = deflateRawSync(bytes, { level: LEVEL }).length;
  if (deflated >= bytes.length * 0.95) return false;
  return !(bytes.length > limits.ratioAbove && bytes.length > deflated * limits.maxRatio);
}

/**
 * yazl writes the DOS time from a Date's local fields. These local fields are `when`'s UTC
 * ones, so every time zone writes the same bytes. (Outside 1980–2107 yazl clamps.)
 */
function dosClock(when: Date): Date {
  if (Number.isNaN(when.getTime())) return new Date(1980, 0, 1);
  return new Date(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds());
}

/** A zip of `files` in the order given, every file stamped `modified`. */
export async function writeZip(files: ZipFileIn[], modified: Date, limits: DeflateLimits): Promise<Uint8Array> {
  const deflate = files.map((f) => worthDeflating(f.bytes, f.compress, limits));
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  zip.on('error', (err: Error) => output.destroy(err));
  const mtime = dosClock(modified);
  files.forEach((f, i) => {
    zip.addBuffer(asBuffer(f.bytes), f.name, { mtime, forceDosTimestamp: true, compressionLevel: deflate[i] ? LEVEL : 0 });
  });
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(output);
  zip.end();
  await done;
  // A plain Uint8Array of its own: a small Buffer may sit in Node's shared pool.
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
