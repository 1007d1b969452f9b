import { createHash, createPublicKey, verify } from 'node:crypto';
import { Inflate, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../electron/core/domain/clean-text';
import { PACKAGE_KINDS, PACKAGE_RECIPIENT_ROLES, type Manifest } from '../../electron/core/domain/sync/manifest';
import { packagePathProblem } from '../../electron/core/domain/sync/package-path';
import { PACKAGE_ERROR_CODES } from '../../electron/core/sync/package-error';
import {
  PACKAGE_FORMAT,
  PACKAGE_LIMITS,
  PackageError,
  readPackage,
  writePackage,
  type PackageEntry,
  type PackageErrorCode,
  type PackageLimits,
  type PackageSigner,
} from '../../electron/core/sync/package-file';
import {
  ACTS_PATH,
  badPackages,
  baseManifest,
  deflateBomb,
  goodEntries,
  goodPackage,
  listing,
  OFFICE_PATH,
  otherSigner,
  readField,
  SCAN_PATH,
  SENDER_INSTALLATION,
  testSigner,
  zipLayout,
} from '../fixtures/bad-packages';

/**
 * Sync packages (.ppid) carry an office's work between offline laptops on a flash drive or
 * over WhatsApp. What a user relies on: a package made here opens elsewhere exactly as it was
 * made; a package that was cut, damaged, forged, edited after signing, or built to attack the
 * machine is refused, with a message a civil servant understands, before anything is used.
 */

const text = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Bahasa Indonesia, in the user's words: no English or programmer's terms leak through. */
function expectIndonesian(message: string): void {
  expect(message).toMatch(/\b(paket|berkas|tanda tangan)\b/i);
  expect(message).not.toMatch(/\b(the|invalid|error|expected|received|failed|file|entry|undefined|object|string|number)\b/i);
}

/** The refusal readPackage throws for `bytes`. */
async function refusal(bytes: Uint8Array, limits?: Partial<PackageLimits>): Promise<PackageError> {
  try {
    await readPackage(bytes, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(PackageError);
    return err as PackageError;
  }
  throw new Error('the package was accepted');
}

async function writeRefusal(write: () => Promise<unknown>): Promise<PackageError> {
  try {
    await write();
  } catch (err) {
    expect(err).toBeInstanceOf(PackageError);
    return err as PackageError;
  }
  throw new Error('the package was written');
}

describe('a package opens exactly as it was made', () => {
  it('gives back the manifest and every file, byte for byte', async () => {
    const entries = goodEntries();
    const read = await readPackage(await goodPackage());

    expect(read.manifest).toEqual({ format: PACKAGE_FORMAT, ...baseManifest(), entries: listing(entries) });
    expect([...read.entries.keys()]).toEqual([SCAN_PATH, ACTS_PATH, OFFICE_PATH]);
    for (const e of entries) {
      const back = read.entries.get(e.path)!;
      expect(back).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(back).equals(Buffer.from(e.bytes))).toBe(true);
    }
  });

  it('reads a Buffer as fs.readFile gives it, and returns files that do not share its memory', async () => {
    const file = Buffer.concat([Buffer.alloc(7), Buffer.from(await goodPackage())]).subarray(7);
    const read = await readPackage(file);
    const scan = read.entries.get(SCAN_PATH)!;
    expect(Buffer.isBuffer(scan)).toBe(false);
    const before = sha256(scan);
    file.fill(0);
    expect(sha256(scan)).toBe(before);
    expect(before).toBe(sha256(goodEntries().find((e) => e.path === SCAN_PATH)!.bytes));
  });

  it('reports the SHA-256 of the file as received, for the receive log', async () => {
    const pkg = await goodPackage();
    expect((await readPackage(pkg)).packageSha256).toBe(createHash('sha256').update(pkg).digest('hex'));
  });

  it('is an ordinary zip: manifest.json, manifest.sig, then the files by path; text deflated, scans stored', async () => {
    const pkg = await goodPackage();
    expect(zipLayout(pkg).records.map((r) => r.name)).toEqual(['manifest.json', 'manifest.sig', SCAN_PATH, ACTS_PATH, OFFICE_PATH]);
    expect(readField(pkg, ACTS_PATH, 'method')).toBe(8);
    expect(readField(pkg, SCAN_PATH, 'method')).toBe(0);
    // Any zip tool opens it (fflate's own reader here) and finds the same bytes.
    const unzipped = unzipSync(pkg);
    for (const e of goodEntries()) expect(Buffer.from(unzipped[e.path]!).equals(Buffer.from(e.bytes))).toBe(true);
  });

  it("carries in manifest.sig the sender's Ed25519 signature over manifest.json's exact bytes", async () => {
    const unzipped = unzipSync(await goodPackage());
    const manifest = JSON.parse(new TextDecoder().decode(unzipped['manifest.json'])) as Manifest;
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(manifest.sender.publicKey, 'base64')]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const signature = Buffer.from(new TextDecoder().decode(unzipped['manifest.sig']), 'base64');
    expect(manifest.sender.publicKey).toBe(testSigner.publicKey);
    expect(verify(null, unzipped['manifest.json']!, key, signature)).toBe(true);
  });

  it('makes the same package from the same work, byte for byte, whatever order the files come in', async () => {
    const a = await goodPackage();
    const b = await goodPackage(testSigner, baseManifest(), [...goodEntries()].reverse());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('makes the same bytes in every time zone, the zip’s file times being the package’s creation time in UTC', async () => {
    const zone = process.env.TZ;
    const made: Uint8Array[] = [];
    try {
      // Jakarta, and two zones whose clocks move for summer time.
      for (const tz of ['Asia/Jakarta', 'America/New_York', 'Australia/Sydney']) {
        process.env.TZ = tz;
        made.push(await goodPackage());
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(made.every((p) => Buffer.from(p).equals(Buffer.from(made[0]!)))).toBe(true);
    // createdAt is 2026-11-24T03:15:00Z: DOS time 03:15:00, date 2026-11-24, in every file's headers.
    const view = new DataView(made[0]!.buffer, made[0]!.byteOffset, made[0]!.byteLength);
    for (const r of zipLayout(made[0]!).records) {
      expect(view.getUint16(r.local + 10, true)).toBe((3 << 11) | (15 << 5));
      expect(view.getUint16(r.local + 12, true)).toBe(((2026 - 1980) << 9) | (11 << 5) | 24);
    }
  });

  it('puts a file named only with digits after the manifest too', async () => {
    const pkg = await goodPackage(testSigner, baseManifest(), [
      { path: 'catatan.txt', bytes: text('x') },
      { path: '2026', bytes: text('y') },
    ]);
    expect(zipLayout(pkg).records.map((r) => r.name)).toEqual(['manifest.json', 'manifest.sig', '2026', 'catatan.txt']);
    expect([...(await readPackage(pkg)).entries.keys()]).toEqual(['2026', 'catatan.txt']);
  });

  it('stores a big, very repetitive file instead of deflating it past the zip-bomb ratio, so another copy opens it', async () => {
    const log = text('{"type":"item.edited"}\n'.repeat(200_000)); // 4.6 MB that deflates > 200:1
    const pkg = await goodPackage(testSigner, baseManifest(), [{ path: ACTS_PATH, bytes: log }]);
    expect(readField(pkg, ACTS_PATH, 'method')).toBe(0);
    expect(Buffer.from((await readPackage(pkg)).entries.get(ACTS_PATH)!).equals(Buffer.from(log))).toBe(true);
  });

  it('opens a package signed by a key no one here knows: trusting the key is the caller’s decision', async () => {
    const read = await readPackage(await goodPackage(otherSigner));
    expect(read.manifest.sender.publicKey).toBe(otherSigner.publicKey);
    expect(read.manifest.sender.publicKey).not.toBe(testSigner.publicKey);
  });

  it('opens an empty package and one at exactly the limits', async () => {
    expect((await readPackage(await goodPackage(testSigner, baseManifest(), []))).entries.size).toBe(0);
    const pkg = await goodPackage();
    const entries = goodEntries();
    const manifestBytes = readField(pkg, 'manifest.json', 'size') + readField(pkg, 'manifest.sig', 'size');
    const exact: PackageLimits = {
      maxEntries: entries.length,
      maxEntryBytes: Math.max(...entries.map((e) => e.bytes.length)),
      maxTotalBytes: entries.reduce((n, e) => n + e.bytes.length, manifestBytes),
      maxPackageBytes: pkg.length,
      maxRatio: PACKAGE_LIMITS.maxRatio,
      ratioAbove: PACKAGE_LIMITS.ratioAbove,
    };
    expect((await readPackage(pkg, exact)).entries.size).toBe(3);
  });
});

describe('writePackage refuses to make a package another copy would refuse', () => {
  const write = (entries: PackageEntry[], manifest = baseManifest(), signer: PackageSigner = testSigner) => () => writePackage(manifest, entries, signer);

  it.each([
    ['../x', 'path-traversal'],
    ['cycles/../../x', 'path-traversal'],
    ['/etc/x', 'path-absolute'],
    ['C:\\x', 'path-absolute'],
    ['\\\\server\\x', 'path-absolute'],
    ['cycles\\a.jsonl', 'path-backslash'],
    ['a\u0000b', 'path-nul'],
    [`cycles/${'a'.repeat(160)}`, 'path-too-long'],
    ['a/b/c/d', 'path-invalid'],
    ['.hidden', 'path-invalid'],
    ['rapat pagi.txt', 'path-invalid'],
    ['catatan.', 'path-invalid'],
    ['aux.txt', 'path-invalid'],
    ['cycles/LPT1', 'path-invalid'],
    ['', 'path-invalid'],
  ] as const)('a file named %j (%s)', async (path, code) => {
    const err = await writeRefusal(write([{ path, bytes: text('x') }]));
    expect(err.code).toBe(code);
    expectIndonesian(err.message);
  });

  it('two files whose names differ only in case, a name for a file and a folder, or the manifest’s own names', async () => {
    for (const entries of [
      [{ path: 'Office.json', bytes: text('a') }, { path: 'office.json', bytes: text('b') }],
      [{ path: 'cycles', bytes: text('a') }, { path: 'cycles/a.jsonl', bytes: text('b') }],
      [{ path: 'manifest.json', bytes: text('a') }],
      [{ path: 'MANIFEST.SIG', bytes: text('a') }],
    ]) {
      const err = await writeRefusal(write(entries));
      expect(err.code).toBe('duplicate-entry');
      expectIndonesian(err.message);
      expect(err.message).toContain(entries.at(-1)!.path);
    }
  });

  it('a manifest the schema refuses, naming the field', async () => {
    const err = await writeRefusal(write(goodEntries(), { ...baseManifest(), seq: 0 }));
    expect(err.code).toBe('manifest-invalid');
    expect(err.message).toContain('nomor urut');
    const extra = await writeRefusal(write(goodEntries(), { ...baseManifest(), priority: 'tinggi' } as Omit<Manifest, 'format' | 'entries'>));
    expect(extra.code).toBe('manifest-invalid');
    expect(extra.message).toContain('priority');
  });

  it('a signer whose key is not the sender’s, or whose signature does not verify', async () => {
    expect((await writeRefusal(write(goodEntries(), baseManifest(), otherSigner))).code).toBe('signature-invalid');
    const liar: PackageSigner = { publicKey: testSigner.publicKey, sign: () => new Uint8Array(64) };
    const err = await writeRefusal(write(goodEntries(), baseManifest(), liar));
    expect(err.code).toBe('signature-invalid');
    expectIndonesian(err.message);
  });
});

const corpus = await badPackages();
const good = await goodPackage();

describe('readPackage refuses a bad package, saying what is wrong in Bahasa Indonesia', () => {
  it.each(corpus.map((b) => [b.name, b] as const))('%s', async (_, bad) => {
    const err = await refusal(bad.bytes);
    expect(err.code).toBe(bad.expectCode);
    expectIndonesian(err.message);
    for (const m of bad.mentions) expect(err.message).toContain(m);
  });

  it('the corpus has a package for every refusal (the package-size limit is tested below)', () => {
    const covered = new Set<PackageErrorCode>(corpus.map((b) => b.expectCode));
    expect(PACKAGE_ERROR_CODES.filter((c) => !covered.has(c))).toEqual(['package-too-large']);
  });

  it('a newer format is told to update the app, even when the rest would be refused', async () => {
    const newer = corpus.find((b) => b.expectCode === 'format-newer')!;
    expect((await refusal(newer.bytes)).message).toBe('Paket dibuat oleh versi PPID Desk yang lebih baru (versi 2.0.0, format 2). Perbarui aplikasi, lalu buka paket ini lagi.');
  });

  it('a package cut at any byte is refused as cut off', async () => {
    const pkg = await goodPackage();
    const codes = new Set<string>();
    for (let length = 0; length < pkg.length; length++) codes.add((await refusal(pkg.slice(0, length))).code);
    expect([...codes]).toEqual(['truncated']);
  });
});

describe('the limits hold, with smaller ones passed in', () => {
  const pkg = good;

  it.each<[string, Partial<PackageLimits>, PackageErrorCode, string[]]>([
    ['the package file', { maxPackageBytes: pkg.length - 1 }, 'package-too-large', ['Paket terlalu besar']],
    ['the number of files', { maxEntries: 2 }, 'too-many-entries', ['3', 'paling banyak 2']],
    ['one file', { maxEntryBytes: 2999 }, 'entry-too-large', [SCAN_PATH]],
    ['everything together', { maxTotalBytes: 4000 }, 'total-too-large', ['setelah dibuka']],
    ['the compression ratio', { maxRatio: 2, ratioAbove: 1000 }, 'zip-bomb', [ACTS_PATH, 'bom zip']],
  ])('%s', async (_, limits, code, mentions) => {
    const err = await refusal(pkg, limits);
    expect(err.code).toBe(code);
    expectIndonesian(err.message);
    for (const m of mentions) expect(err.message).toContain(m);
  });
});

describe('a zip bomb is refused without inflating it', () => {
  it('the bomb stream really inflates far past its declared size and ends in a block no inflater accepts', () => {
    // So a reader that inflated everything before judging would fail on the tail ("damaged"),
    // not on the size: the corpus's "zip-bomb" verdict for it proves the reader stopped early.
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
    });
    const stream = deflateBomb(4 * 1024 * 1024);
    // In small pushes, so what comes out before the tail is counted (a push fails whole).
    const push = () => {
      for (let at = 0; at < stream.length; at += 256) inflater.push(stream.subarray(at, at + 256), at + 256 >= stream.length);
    };
    expect(push).toThrow();
    expect(produced).toBeGreaterThan(3.5 * 1024 * 1024);
  });

  it('a file declaring 1000 bytes that inflates to 128 MB', async () => {
    const bomb = corpus.find((b) => b.name.startsWith('zip bomb: declares 1000 bytes'))!;
    expect((await refusal(bomb.bytes)).code).toBe('zip-bomb');
  });

  it('a file declaring 150 MB is judged on the declaration: its bytes are not even DEFLATE', async () => {
    const big = corpus.find((b) => b.expectCode === 'entry-too-large')!;
    expect((await refusal(big.bytes)).code).toBe('entry-too-large');
  });
});

describe('properties', () => {
  const segment = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,9}$/);
  const path = fc
    .array(segment, { minLength: 1, maxLength: 3 })
    .map((s) => s.join('/'))
    // Valid names only (what is valid is tested above): no trailing dots or device names, not the manifest's.
    .filter((p) => packagePathProblem(p) === null && !['manifest.json', 'manifest.sig'].includes(p.toLowerCase()));
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.string({ maxLength: 2000 }).map(text),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 400 })).map(([s, n]) => text(s.repeat(n))),
  );
  const entries = fc
    .uniqueArray(fc.record({ path, bytes }), { selector: (e) => e.path.toLowerCase(), maxLength: 10 })
    // On disk a name cannot be a file and a folder at once.
    .filter((list) => list.every((a) => list.every((b) => !b.path.toLowerCase().startsWith(`${a.path.toLowerCase()}/`))));
  const line = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !s.includes('\n') && cleanText(s) === s);
  const manifest = fc.record({
    kind: fc.constantFrom(...PACKAGE_KINDS),
    seq: fc.integer({ min: 1, max: 2 ** 40 }),
    received: fc.dictionary(fc.uuid({ version: 4 }), fc.integer({ min: 1, max: 10_000 }), { maxKeys: 4 }),
    officeName: line,
    senderName: line,
    role: fc.constantFrom(...PACKAGE_RECIPIENT_ROLES, null),
    note: fc.string({ maxLength: 200 }).filter((s) => cleanText(s) === s),
  });

  it('any set of files round-trips with its manifest', async () => {
    await fc.assert(
      fc.asyncProperty(entries, manifest, async (files, m) => {
        const received = Object.fromEntries(Object.entries(m.received).filter(([id]) => id !== SENDER_INSTALLATION));
        const head = {
          ...baseManifest(),
          kind: m.kind,
          seq: m.seq,
          received,
          officeName: m.officeName,
          sender: { ...baseManifest().sender, name: m.senderName },
          to: { role: m.role, note: m.note },
        };
        const read = await readPackage(await writePackage(head, files, testSigner));
        expect(read.manifest).toEqual({ format: PACKAGE_FORMAT, ...head, entries: listing(files) });
        expect(read.entries.size).toBe(files.length);
        for (const f of files) expect(sha256(read.entries.get(f.path)!)).toBe(sha256(f.bytes));
      }),
      { numRuns: 60 },
    );
  });

  it('a byte changed anywhere is refused, or (in a field nobody reads, like a timestamp) changes nothing', async () => {
    const pkg = await goodPackage();
    const original = await readPackage(pkg);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: pkg.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const bent = pkg.slice();
        bent[at]! ^= mask;
        let read;
        try {
          read = await readPackage(bent);
        } catch (err) {
          expect(err).toBeInstanceOf(PackageError);
          return;
        }
        expect(read.manifest).toEqual(original.manifest);
        expect([...read.entries.keys()]).toEqual([...original.entries.keys()]);
        for (const [p, b] of original.entries) expect(Buffer.from(read.entries.get(p)!).equals(Buffer.from(b))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

