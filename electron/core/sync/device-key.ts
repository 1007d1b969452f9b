import { promises as fs } from 'node:fs';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { PUBLIC_KEY_RE } from '../domain/sync/trust';
import { Backups, type BackupInfo } from '../store/backups';
import { CorruptFileError, writeFileDurably } from '../store/durable-file';

/**
 * This installation's Ed25519 key pair (issue 11): every act and every package it sends is
 * signed with it, and other laptops trust it by its public key.
 *
 * The private key lives in the data folder as PKCS#8 PEM (`device-key.pem`), owner-only.
 * It is created once and never replaced by the app while the data goes on: a new key would
 * make every laptop that trusts this one refuse its packages ("the key changed"). (A restore
 * from a backup is the one exception, and it changes the installation id with the key:
 * `renew` below, services/backup.ts `renewIdentity`.) So a key file that is missing
 * after a copy of it was made, or that does not parse, or that is not Ed25519, is a
 * `DeviceKeyError`: the core opens in recovery mode, like for a damaged app.json, and offers
 * the copy in `backups/device-key/` (the key never changes, so that copy is the key itself).
 */
export class DeviceKeyError extends CorruptFileError {
  constructor(file: string, reason: string) {
    super(file, reason);
    this.name = 'DeviceKeyError';
    this.message =
      `Kunci perangkat (device-key.pem) rusak atau hilang (${reason}). Kunci ini tidak dibuat ulang otomatis: ` +
      'kunci baru membuat laptop lain tidak lagi mengenali paket dari perangkat ini. Pulihkan dari cadangan, ' +
      'atau minta admin TI memeriksa folder data.';
  }
}

/** Parses a PEM private key; the reason in Bahasa Indonesia when it is not an Ed25519 key. */
function parsePrivateKey(pem: string): { key: KeyObject } | { reason: string } {
  if (pem.trim() === '') return { reason: 'berkas kosong' };
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return { reason: 'bukan kunci privat PEM yang dapat dibaca' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { reason: `kunci ${key.asymmetricKeyType ?? 'tak dikenal'}, bukan Ed25519` };
  return { key };
}

function rawPublicKey(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

/** Copies of the key file: `backups/device-key/<seq>__<stamp>__<reason>.pem`. */
export class DeviceKeyBackups extends Backups {
  constructor(root: string) {
    super(root, '.pem');
  }

  override async newestReadable(file: string): Promise<BackupInfo | null> {
    for (const b of await this.list(file)) {
      const pem = await fs.readFile(b.file, 'utf8').catch(() => '');
      if ('key' in parsePrivateKey(pem)) return b;
    }
    return null;
  }
}

const POSIX = process.platform !== 'win32';

export class DeviceKey {
  private constructor(
    private readonly privateKey: KeyObject,
    /** Base64 of the raw 32-byte Ed25519 public key. */
    readonly publicKey: string,
  ) {}

  /**
   * Opens the key file, or creates it on the first run. With `backups`, a copy is kept (once:
   * the key never changes), and a key file missing while a copy exists is refused rather than
   * replaced by a new key.
   */
  static async openOrCreate(file: string, opts: { backups?: DeviceKeyBackups; now?: Date } = {}): Promise<DeviceKey> {
    const now = opts.now ?? new Date();
    let pem: string | null;
    try {
      pem = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      pem = null;
    }

    if (pem === null) {
      if (opts.backups && (await opts.backups.list(file)).length > 0) {
        throw new DeviceKeyError(file, 'berkasnya tidak ada, padahal salinannya ada di cadangan');
      }
      const { privateKey } = generateKeyPairSync('ed25519');
      const text = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      // writeFileDurably creates its temp file 0600 and renames it: the key is never readable by others.
      await writeFileDurably(file, text);
      await opts.backups?.take(file, 'buka', now);
      return new DeviceKey(privateKey, rawPublicKey(privateKey));
    }

    const parsed = parsePrivateKey(pem);
    if ('reason' in parsed) throw new DeviceKeyError(file, parsed.reason);
    // A key copied in by hand (or restored by a backup tool) may have lost its mode.
    if (POSIX) {
      const { mode } = await fs.stat(file);
      if (mode & 0o077) await fs.chmod(file, 0o600);
    }
    await opts.backups?.take(file, 'buka', now);
    return new DeviceKey(parsed.key, rawPublicKey(parsed.key));
  }

  /**
   * A new key pair in place of the old one, for an installation that takes a new identity
   * after its data was restored from a backup (services/backup.ts): the old private key must
   * never sign again, since the restored data forgot acts it already signed. Returns the new
   * public key; the caller opens the file as usual afterwards, which keeps a copy of it.
   */
  static async renew(file: string): Promise<string> {
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeFileDurably(file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    return rawPublicKey(privateKey);
  }

  /** The public key (base64 of the raw 32 bytes) of a PEM private key, or null when it is not a readable Ed25519 key. */
  static publicKeyOfPem(pem: string): string | null {
    const parsed = parsePrivateKey(pem);
    return 'key' in parsed ? rawPublicKey(parsed.key) : null;
  }

  /** Ed25519 signature (64 bytes) over `data`. */
  sign(data: Uint8Array): Uint8Array {
    return new Uint8Array(cryptoSign(null, data, this.privateKey));
  }

  get fingerprint(): string {
    return publicKeyFingerprint(this.publicKey);
  }
}

/**
 * Public keys seen recently, parsed once: a package verifies hundreds of acts from the same
 * few installations. Bounded, since keys come from files anyone can make.
 */
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_SIZE = 64;

function publicKeyObject(publicKeyB64: string): KeyObject | null {
  const cached = keyCache.get(publicKeyB64);
  if (cached) return cached;
  if (!PUBLIC_KEY_RE.test(publicKeyB64)) return null;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyB64, 'base64').toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(publicKeyB64, key);
  return key;
}

/** Does `sig` sign `data` under this public key? False — never an exception — for a malformed key or signature. */
export function verifySignature(publicKeyB64: string, data: Uint8Array, sig: Uint8Array): boolean {
  // isView, not instanceof: a Buffer made in another realm (the jsdom screen tests run the core) is still bytes.
  if (typeof publicKeyB64 !== 'string' || !ArrayBuffer.isView(data) || !ArrayBuffer.isView(sig) || sig.byteLength !== 64) return false;
  const key = publicKeyObject(publicKeyB64);
  if (!key) return false;
  try {
    return cryptoVerify(null, data, key, sig);
  } catch {
    return false;
  }
}

/**
 * `verifySignature` on libuv's thread pool: a package's acts verify on every core at once
 * instead of one after another on the main thread.
 */
export function verifySignatureAsync(publicKeyB64: string, data: Uint8Array, sig: Uint8Array): Promise<boolean> {
  if (typeof publicKeyB64 !== 'string' || !(data instanceof Uint8Array) || !(sig instanceof Uint8Array) || sig.length !== 64) return Promise.resolve(false);
  const key = publicKeyObject(publicKeyB64);
  if (!key) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      cryptoVerify(null, data, key, sig, (err, ok) => resolve(!err && ok));
    } catch {
      resolve(false);
    }
  });
}

/**
 * A code a person reads aloud over the phone to check a key: 20 decimal digits in 5 groups of
 * 4, "4821 0937 5521 8830 1274".
 *
 * Definition: h = SHA-256(the raw 32-byte public key). Group i (0..4) is the big-endian
 * unsigned integer of bytes h[5i .. 5i+4] (40 bits) modulo 10000, written with 4 digits.
 *
 * Bias: 2^40 is not a multiple of 10^4, so the residues below 2^40 mod 10^4 occur once more
 * than the others, out of about 1.1e8 occurrences each: no group value is more than
 * 1 + 1e-8 times as likely as another, far below anything a forger could use. (The same
 * construction as Signal's safety numbers, which take 5 bytes per 5 digits.)
 *
 * Strength: 20 digits are about 66 bits; finding a second key with a chosen code takes on
 * the order of 2^66 key generations — enough for a check people do once, by voice, when a
 * laptop is first trusted. Pass the full key in packages; this code is for people.
 */
export function publicKeyFingerprint(publicKeyB64: string): string {
  const raw = Buffer.from(publicKeyB64, 'base64');
  const h = createHash('sha256').update(raw).digest();
  const groups: string[] = [];
  for (let i = 0; i < 5; i++) groups.push(String(h.readUIntBE(5 * i, 5) % 10000).padStart(4, '0'));
  return groups.join(' ');
}
