/**
 * How much a sync package may hold. A package arrives from outside (a flash drive, WhatsApp),
 * so the reader refuses anything beyond these before it inflates a byte, and inflates with
 * these as a hard cap, because the sizes a zip declares can lie. writePackage keeps to the
 * defaults too, so this app never makes a package another copy of it refuses.
 *
 * A year of one office's cycles is a few MB of acts plus its attachments (scans, PDFs): the
 * defaults leave room for a large office and still fit in a laptop's memory.
 */
export interface PackageLimits {
  /** Files listed in the manifest (manifest.json and manifest.sig not counted). */
  maxEntries: number;
  /** Uncompressed bytes of one listed file. */
  maxEntryBytes: number;
  /** Uncompressed bytes of everything in the package, manifest included. */
  maxTotalBytes: number;
  /** Bytes of the .ppid file itself. */
  maxPackageBytes: number;
  /** Largest uncompressed:compressed ratio of a file bigger than `ratioAbove` bytes. */
  maxRatio: number;
  ratioAbove: number;
}

const MB = 1024 * 1024;

export const PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxEntries: 20_000,
  maxEntryBytes: 100 * MB,
  maxTotalBytes: 512 * MB,
  maxPackageBytes: 600 * MB,
  // Text (acts as JSON lines) deflates 5–20:1; only a crafted stream comes near 200:1.
  maxRatio: 200,
  ratioAbove: 1 * MB,
});

/** manifest.json for 20,000 entries is about 3 MB; the cap keeps a hostile one from costing more. */
export const MANIFEST_MAX_BYTES = 16 * MB;
/** manifest.sig is 88 base64 characters. */
export const SIGNATURE_MAX_BYTES = 1024;

export function packageLimits(overrides: Partial<PackageLimits> = {}): PackageLimits {
  return { ...PACKAGE_LIMITS, ...overrides };
}
