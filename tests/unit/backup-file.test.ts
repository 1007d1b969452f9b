import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_MANIFEST,
  BackupError,
  openBackup,
  writeBackup,
  type BackupErrorCode,
  type BackupFileIn,
} from '../../electron/core/backup/backup-file';
import { goodPackage, setField, zipOf } from '../fixtures/bad-packages';
import { makePng } from '../fixtures/harness';

/**
 * A backup (.ppidbackup) is the office's whole data on a flash drive. What the administrator
 * relies on: the file holds every file byte for byte; one that was cut off during copying,
 * damaged, edited, or is not a backup at all is refused whole, with a sentence that says what
 * to do, before a single file of it is used.
 */

const text = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const meta = { appVersion: '0.1.0', createdAt: '2026-03-02T08:00:00.000Z', installationId: '8d4a7a8e-6a43-4c55-9a43-0f3e4c1b2a10', officeId: 'b6f1c5f2-2c7e-4f55-8f6e-1c2d3e4f5a6b' };

const acts = Array.from({ length: 400 }, (_, i) => JSON.stringify({ v: 4, id: `act-${i}`, at: '2026-01-02T00:00:00Z', body: { type: 'item.added', judul: `Informasi ${i}` } })).join('\n') + '\n';
const files: BackupFileIn[] = [
  { path: 'app.json', bytes: text('{"schemaVersion":3,"installationId":"x","users":[]}') },
  { path: 'settings.json', bytes: text('{"schemaVersion":3,"settings":{}}') },
  { path: 'device-key.pem', bytes: text('-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n') },
  { path: 'cycles/2f9b8c1e-aaaa-bbbb-cccc-1234567890ab/events.jsonl', bytes: text(acts) },
  { path: 'files/ab/ab12cd', bytes: makePng(64, 64) },
  { path: 'assets/lambang.png', bytes: makePng(32, 32) },
  { path: 'login-throttle.json', bytes: new Uint8Array() },
];

async function refusal(bytes: Uint8Array): Promise<BackupError> {
  try {
    await openBackup(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return e as BackupError;
  }
  throw new Error('the backup was accepted');
}

async function expectRefused(bytes: Uint8Array, code: BackupErrorCode): Promise<BackupError> {
  const e = await refusal(bytes);
  expect(e.code).toBe(code);
  // In the administrator's words, and it says nothing on the laptop changed (or what to do).
  expect(e.message).toMatch(/cadangan|paket|PPID Desk/i);
  expect(e.message).not.toMatch(/\b(the|invalid|error|expected|undefined|entry)\b/i);
  return e;
}

/** The zip's files, to rebuild a backup with one thing changed (what an edit on another PC does, or an attacker's tool). */
function unpacked(backup: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(backup)));
}

function rezip(entries: Map<string, Uint8Array>): Uint8Array {
  // fflate, not the app's writer: it writes any name as given ("../x" too).
  return zipOf([...entries].map(([name, bytes]) => [name, bytes, 0]));
}

describe('backup file', () => {
  it('holds every file byte for byte, with its size and SHA-256 in the manifest', async () => {
    const backup = await writeBackup(meta, files);
    const opened = await openBackup(backup);
    expect(opened.manifest).toMatchObject({ format: BACKUP_FORMAT, kind: 'cadangan', ...meta });
    expect(opened.manifest.files.map((f) => f.path)).toEqual(files.map((f) => f.path).sort());
    for (const f of files) {
      expect(Buffer.from(await opened.read(f.path)).equals(Buffer.from(f.bytes)), f.path).toBe(true);
      expect(opened.manifest.files.find((m) => m.path === f.path)).toEqual({ path: f.path, bytes: f.bytes.length, sha256: sha256(f.bytes) });
    }
    // Any zip tool can open it (a backup is not a locked box), and it is smaller than the data.
    expect(Object.keys(unzipSync(backup)).sort()).toEqual([BACKUP_MANIFEST, ...files.map((f) => f.path)].sort());
    expect(backup.length).toBeLessThan(files.reduce((n, f) => n + f.bytes.length, 0));
  });

  it('refuses a backup cut off while copying, at any length', async () => {
    const backup = await writeBackup(meta, files);
    for (const keep of [10, 100, backup.length >> 2, backup.length >> 1, backup.length - 30, backup.length - 1]) {
      const e = await refusal(backup.subarray(0, keep));
      expect(['truncated', 'damaged', 'not-a-backup'], `cut to ${keep}`).toContain(e.code);
    }
    await expectRefused(backup.subarray(0, backup.length >> 1), 'truncated');
  });

  it('refuses a backup with any damaged byte in a file it holds', async () => {
    const backup = await writeBackup(meta, files);
    const opened = await openBackup(backup);
    // One byte flipped in the middle of each stored file's data: the checksum or the hash catches it.
    const raw = Buffer.from(backup);
    for (const f of opened.manifest.files.filter((m) => m.bytes > 0)) {
      const at = raw.indexOf(Buffer.from(files.find((x) => x.path === f.path)!.bytes.subarray(0, 16)));
      const target = at > 0 ? at + 8 : raw.indexOf(Buffer.from(f.path)) + f.path.length + 20;
      const copy = Buffer.from(raw);
      copy[target] = copy[target]! ^ 0xff;
      expect(['damaged', 'file-mismatch', 'manifest-invalid'], f.path).toContain((await refusal(copy)).code);
    }
  });

  it('refuses a backup whose files were edited, added to or removed, though the zip itself is sound', async () => {
    const backup = await writeBackup(meta, files);
    const edited = unpacked(backup);
    edited.set('app.json', text('{"schemaVersion":3,"installationId":"x","users":[{"username":"penyusup","isAdmin":true}]}'));
    expect((await expectRefused(rezip(edited), 'file-mismatch')).message).toContain('app.json');

    const sameSize = unpacked(backup);
    const key = Buffer.from(sameSize.get('device-key.pem')!);
    key[40] = key[40] === 0x41 ? 0x42 : 0x41;
    sameSize.set('device-key.pem', key);
    expect((await expectRefused(rezip(sameSize), 'file-mismatch')).message).toContain('device-key.pem');

    const added = unpacked(backup);
    added.set('trust.json', text('{"trusted":[]}'));
    await expectRefused(rezip(added), 'file-unlisted');

    const removed = unpacked(backup);
    removed.delete('settings.json');
    await expectRefused(rezip(removed), 'file-missing');

    const noManifest = unpacked(backup);
    noManifest.delete(BACKUP_MANIFEST);
    await expectRefused(rezip(noManifest), 'not-a-backup');
  });

  it('says what a file is when it is not a backup: a photo, a document, or an exchange package', async () => {
    await expectRefused(makePng(20, 20), 'not-a-backup');
    await expectRefused(text('bukan zip sama sekali'), 'not-a-backup');
    expect((await expectRefused(await goodPackage(), 'is-package')).message).toContain('paket kiriman (.ppid)');
  });

  it('asks for an update when a newer app wrote the backup, before judging the rest', async () => {
    const entries = unpacked(await writeBackup(meta, files));
    const manifest = JSON.parse(Buffer.from(entries.get(BACKUP_MANIFEST)!).toString('utf8'));
    entries.set(BACKUP_MANIFEST, text(JSON.stringify({ ...manifest, format: BACKUP_FORMAT + 1, appVersion: '2.0.0', something: 'new' })));
    expect((await expectRefused(rezip(entries), 'format-newer')).message).toMatch(/versi 2\.0\.0.*Perbarui aplikasi/);
  });

  it('refuses a file that inflates past the size its header declares (a zip bomb), before holding it whole', async () => {
    const entries = unpacked(await writeBackup(meta, files));
    const claimed = new Uint8Array(1000);
    // The manifest agrees with the header: only inflating tells.
    const manifest = JSON.parse(Buffer.from(entries.get(BACKUP_MANIFEST)!).toString('utf8'));
    for (const f of manifest.files) if (f.path === 'settings.json') Object.assign(f, { bytes: claimed.length, sha256: sha256(claimed) });
    entries.set(BACKUP_MANIFEST, text(JSON.stringify(manifest)));
    // 50 MB of spaces deflated, stored as they are, then labelled DEFLATE of the claimed 1000 bytes.
    entries.set('settings.json', deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x20)));
    const zip = setField(setField(rezip(entries), 'settings.json', 'method', 8), 'settings.json', 'size', claimed.length);
    expect((await expectRefused(zip, 'damaged')).message).toMatch(/settings\.json.*melebihi ukuran/);
  });

  it('opens a backup with a zip64 end record, as the writer makes one past 65,534 files', async () => {
    const entries = unpacked(await writeBackup(meta, files));
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of entries) zip.addBuffer(Buffer.from(bytes), name, { compress: false });
    // The end record yazl writes for 65,535 files or more, forced here for seven.
    zip.end({ forceZip64Format: true, comment: '' });
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const backup = Buffer.concat(chunks);
    expect(backup.readUInt32LE(backup.length - 22 - 20)).toBe(0x07064b50);
    const opened = await openBackup(backup);
    for (const f of files) expect(Buffer.from(await opened.read(f.path)).equals(Buffer.from(f.bytes)), f.path).toBe(true);
  });

  it('refuses names that would write outside the data folder', async () => {
    const entries = unpacked(await writeBackup(meta, files));
    for (const bad of ['../app.json', '/etc/passwd', 'C:/Windows/x', 'cycles\\..\\x']) {
      const copy = new Map(entries);
      copy.set(bad, text('x'));
      expect(['unsafe-path'], bad).toContain((await refusal(rezip(copy))).code);
    }
  });

  it('refuses a manifest that lists one file twice or is not JSON', async () => {
    const entries = unpacked(await writeBackup(meta, files));
    const manifest = JSON.parse(Buffer.from(entries.get(BACKUP_MANIFEST)!).toString('utf8'));
    const twice = new Map(entries);
    twice.set(BACKUP_MANIFEST, text(JSON.stringify({ ...manifest, files: [...manifest.files, manifest.files[0]] })));
    await expectRefused(rezip(twice), 'manifest-invalid');
    const notJson = new Map(entries);
    notJson.set(BACKUP_MANIFEST, text('{"format":1,'));
    await expectRefused(rezip(notJson), 'manifest-invalid');
  });

  it('will not write a backup another copy of the app would refuse', async () => {
    await expect(writeBackup(meta, [...files, { path: '../keluar.json', bytes: text('{}') }])).rejects.toThrow(BackupError);
    await expect(writeBackup(meta, [...files, { path: 'APP.json', bytes: text('{}') }])).rejects.toThrow(/dua berkas/);
    await expect(writeBackup(meta, [{ path: BACKUP_MANIFEST, bytes: text('{}') }])).rejects.toThrow(BackupError);
  });
});
