import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as a package names them: the raw 32-byte public key in base64 (what a person
 * could compare digit by digit), not PEM or DER.
 */

/** `sign(data)` for writePackage, and the public key that checks it. */
export interface PackageSigner {
  /** base64 of the raw 32-byte Ed25519 public key */
  publicKey: string;
  sign(data: Uint8Array): Uint8Array;
}

/** The raw public key of an Ed25519 key (private or public), base64. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('Not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** A signer over an Ed25519 private key (`generateKeyPairSync('ed25519').privateKey`). */
export function ed25519Signer(privateKey: KeyObject): PackageSigner {
  return { publicKey: rawPublicKey(privateKey), sign: (data) => new Uint8Array(sign(null, data, privateKey)) };
}

/** Whether `signature` is `publicKey`'s Ed25519 signature over `data`; false for any malformed input. */
export function verifyEd25519(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
