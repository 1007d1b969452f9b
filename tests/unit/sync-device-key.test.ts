import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../electron/core/contract';
import type { DeviceSelfView } from '../../electron/core/domain/sync/trust';
import { DeviceKey, DeviceKeyBackups, publicKeyFingerprint, verifySignature } from '../../electron/core/sync/device-key';
import { coreOpener, login, must, setUpDataDir, snapshotDir, tempDir, USERS } from '../fixtures/harness';

const open = coreOpener();
const POSIX = process.platform !== 'win32';

/** A fixed Ed25519 key (generated once for this test; it signs nothing real). */
const FIXTURE_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIC8vA3gtgIxogcuraxpzJZfm9enMZIqL8hhTMsiVITXE
-----END PRIVATE KEY-----
`;
/** Its public key, read with `openssl pkey -pubout -outform DER | tail -c 32 | base64`. */
const FIXTURE_PUBLIC = 'j2j7AExKFgTsV0X7K/Gb7BRfNILQNauzjYzSj6Z5REg=';
/** Worked out with Python's hashlib from the definition (below), not with the app's code. */
const FIXTURE_FINGERPRINT = '3997 7530 7271 9807 8101';

/** The raw 32 bytes of a PEM key's public half: the tail of its SubjectPublicKeyInfo. */
function rawPublic(pem: string): Buffer {
  return createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(-32);
}

/**
 * The definition, in other words: SHA-256 of the raw key; five groups, each the 40-bit number
 * of the next 5 bytes (10 hex digits) modulo 10 000, written with 4 digits.
 */
function expectedFingerprint(raw: Buffer): string {
  const hex = createHash('sha256').update(raw).digest('hex');
  return [0, 1, 2, 3, 4].map((i) => String(parseInt(hex.slice(10 * i, 10 * i + 10), 16) % 10000).padStart(4, '0')).join(' ');
}

const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe('the device key', () => {
  it('is created on the first open, owner-only, and the same key is used after every reopen', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'device-key.pem');
    const first = await open(dir);
    const pem = await fs.readFile(file, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPublicKey(pem).asymmetricKeyType).toBe('ed25519');
    if (POSIX) expect(await mode(file)).toBe(0o600);
    await first.close();

    for (let i = 0; i < 2; i++) {
      const again = await open(dir);
      expect(await fs.readFile(file, 'utf8')).toBe(pem);
      await again.close();
    }
    const key = await DeviceKey.openOrCreate(file);
    expect(key.publicKey).toBe(rawPublic(pem).toString('base64'));
  });

  it('devices.self shows the same installation, key and fingerprint across a restart', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const before = await must<DeviceSelfView>(core, 'devices.self', {}, await login(core, USERS.operator));
    await core.close();
    const again = await open(dir);
    const after = await must<DeviceSelfView>(again, 'devices.self', {}, await login(again, USERS.operator));
    expect(after).toEqual(before);
    const raw = rawPublic(await fs.readFile(path.join(dir, 'device-key.pem'), 'utf8'));
    expect(after.publicKey).toBe(raw.toString('base64'));
    expect(after.fingerprint).toBe(expectedFingerprint(raw));
  });

  it('tightens a key file that others could read', async () => {
    if (!POSIX) return; // modes mean nothing on Windows: the folder's ACL protects it there
    const file = path.join(await tempDir(), 'device-key.pem');
    await fs.writeFile(file, FIXTURE_PEM, { mode: 0o644 });
    await fs.chmod(file, 0o644);
    const key = await DeviceKey.openOrCreate(file);
    expect(key.publicKey).toBe(FIXTURE_PUBLIC);
    expect(await mode(file)).toBe(0o600);
  });

  it('signs so that the signature verifies, and fails on changed data, another key or a changed signature', async () => {
    const file = path.join(await tempDir(), 'device-key.pem');
    const key = await DeviceKey.openOrCreate(file);
    const data = new TextEncoder().encode('{"type":"transition","action":"submitKonsep"}');
    const sig = key.sign(data);
    expect(sig).toHaveLength(64);
    expect(verifySignature(key.publicKey, data, sig)).toBe(true);

    const tampered = Uint8Array.from(data);
    tampered[10] = tampered[10]! ^ 1;
    expect(verifySignature(key.publicKey, tampered, sig)).toBe(false);
    const badSig = Uint8Array.from(sig);
    badSig[0] = badSig[0]! ^ 1;
    expect(verifySignature(key.publicKey, data, badSig)).toBe(false);
    expect(verifySignature(FIXTURE_PUBLIC, data, sig)).toBe(false);
  });

  it('says false, without throwing, for a malformed key or signature', async () => {
    const key = await DeviceKey.openOrCreate(path.join(await tempDir(), 'device-key.pem'));
    const data = new Uint8Array([1, 2, 3]);
    const sig = key.sign(data);
    for (const bad of ['', 'bukan-kunci', key.publicKey.slice(0, -2), `${key.publicKey}AA`, 'A'.repeat(44), null as unknown as string]) {
      expect(verifySignature(bad, data, sig), String(bad)).toBe(false);
    }
    for (const bad of [new Uint8Array(0), sig.subarray(0, 63), new Uint8Array(65), 'abc' as unknown as Uint8Array]) {
      expect(verifySignature(key.publicKey, data, bad)).toBe(false);
    }
  });

  it('gives a 20-digit fingerprint in 5 groups of 4, stable for a fixed key', async () => {
    const file = path.join(await tempDir(), 'device-key.pem');
    await fs.writeFile(file, FIXTURE_PEM, { mode: 0o600 });
    const key = await DeviceKey.openOrCreate(file);
    expect(key.publicKey).toBe(FIXTURE_PUBLIC);
    expect(key.publicKey).toBe(rawPublic(FIXTURE_PEM).toString('base64'));
    expect(publicKeyFingerprint(FIXTURE_PUBLIC)).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
    expect(publicKeyFingerprint(FIXTURE_PUBLIC)).toBe(expectedFingerprint(rawPublic(FIXTURE_PEM)));
    expect(publicKeyFingerprint(FIXTURE_PUBLIC)).toBe(FIXTURE_FINGERPRINT);
    expect(key.fingerprint).toBe(FIXTURE_FINGERPRINT);

    // Any other key gets another code (and the code keeps its leading zeros).
    for (let i = 0; i < 20; i++) {
      const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
      const code = publicKeyFingerprint(other.toString('base64'));
      expect(code).toBe(expectedFingerprint(other));
      expect(code).not.toBe(FIXTURE_FINGERPRINT);
    }
  });
});

describe('a damaged device key is never replaced', () => {
  async function damaged(content: string | null) {
    const dir = await setUpDataDir();
    const file = path.join(dir, 'device-key.pem');
    const original = await fs.readFile(file, 'utf8');
    if (content === null) await fs.rm(file);
    else await fs.writeFile(file, content);
    const before = await snapshotDir(dir);
    const core = await open(dir);
    const status = await must<AppStatus>(core, 'app.status');
    return { dir, file, original, before, core, status };
  }

  const cases: [string, string | null][] = [
    ['text that is not a key', 'ini bukan kunci\n'],
    ['an empty file', ''],
    ['a cut key', FIXTURE_PEM.slice(0, 60)],
    ['a key of another kind (EC P-256)', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string],
    ['no key file while its copy exists', null],
  ];

  it.each(cases)('%s: recovery mode with a clear message, nothing written, the copy offered', async (_label, content) => {
    const { dir, before, status } = await damaged(content);
    expect(status.state).toBe('recovery');
    expect(status.recovery).toMatchObject({ kind: 'corrupt', file: 'device-key.pem' });
    expect(status.recovery!.message).toContain('Kunci perangkat (device-key.pem) rusak atau hilang');
    expect(status.recovery!.message).toContain('tidak dibuat ulang otomatis');
    expect(status.recovery!.backup).not.toBeNull();
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('restoring puts the same key back and keeps the damaged file beside it', async () => {
    const { dir, file, original, core } = await damaged('ini bukan kunci\n');
    const restored = await must<AppStatus>(core, 'recovery.restoreBackup');
    expect(restored.state).toBe('ready');
    expect(await fs.readFile(file, 'utf8')).toBe(original);
    if (POSIX) expect(await mode(file)).toBe(0o600);
    const kept = (await fs.readdir(dir)).filter((n) => /^device-key\.rusak-.*\.pem$/.test(n));
    expect(kept).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, kept[0]!), 'utf8')).toBe('ini bukan kunci\n');
  });

  it('without a readable copy, says so and still writes nothing', async () => {
    const dir = await setUpDataDir();
    await fs.writeFile(path.join(dir, 'device-key.pem'), 'rusak');
    await fs.rm(path.join(dir, 'backups', 'device-key'), { recursive: true, force: true });
    const before = await snapshotDir(dir);
    const core = await open(dir);
    const status = await must<AppStatus>(core, 'app.status');
    expect(status.recovery).toMatchObject({ file: 'device-key.pem', backup: null });
    const r = await core.invoke({ name: 'recovery.restoreBackup' });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('keeps a copy of the key once, since it never changes', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.close();
    const again = await open(dir);
    await again.close();
    const copies = await new DeviceKeyBackups(path.join(dir, 'backups')).list(path.join(dir, 'device-key.pem'));
    expect(copies).toHaveLength(1);
    expect(await fs.readFile(copies[0]!.file, 'utf8')).toBe(await fs.readFile(path.join(dir, 'device-key.pem'), 'utf8'));
  });
});
