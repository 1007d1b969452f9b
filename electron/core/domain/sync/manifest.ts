import { z } from 'zod';
import { cleanText } from '../clean-text';
import { idSchema } from '../office';
import { describePackagePathProblem, packagePathKey, packagePathProblem, parentFolders, RESERVED_PACKAGE_PATHS } from './package-path';

/**
 * The table of contents of a sync package (`manifest.json`), signed by the sender
 * (`manifest.sig`). The container that carries it is electron/core/sync/package-file.ts.
 *
 * The schema is strict — unknown keys are refused, not ignored. A package is evidence that
 * moves between offices: a key this version does not understand may carry meaning the sender
 * relied on (a newer rule, a scope, a deletion), and dropping it silently would let two
 * offices read one signed package differently. Any change to what a manifest may say bumps
 * `format`, and a reader meets a newer format with "perbarui aplikasi" before it reads the
 * rest (see `manifestFormatOf`). The schema transforms nothing either: what parses is exactly
 * the signed bytes' meaning.
 */

/** Bumped whenever the manifest or the container changes shape. */
export const PACKAGE_FORMAT = 1;

/** A package carries one cycle's work (siklus) or the office's shared data (kantor). */
export const PACKAGE_KINDS = ['siklus', 'kantor'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** Whom the sender meant the package for (the next holder in the SOP), or null for anyone. */
export const PACKAGE_RECIPIENT_ROLES = ['operator', 'ppid_pembantu', 'kepala_opd', 'ppid_utama'] as const;

/** Bounds a genuine package never comes near; they keep a hostile one from costing memory. */
export const MANIFEST_MAX_ENTRIES = 100_000;
export const MANIFEST_MAX_RECEIVED = 10_000;

/** A single line a person typed: no control characters or broken Unicode (see clean-text.ts). */
const line = (label: string, max: number) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .min(1, { error: `${label} kosong.`, abort: true })
    .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`)
    .refine((s) => !s.includes('\n') && cleanText(s) === s, `${label} memuat karakter yang tidak boleh ada.`);

/** Like `line`, but may be empty (an office without a phone number). */
const optionalLine = (label: string, max: number) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`)
    .refine((s) => !s.includes('\n') && cleanText(s) === s, `${label} memuat karakter yang tidak boleh ada.`);

/**
 * Who the sending OPD is, for the PPID Utama's register (issue 13): its unit code, its
 * regency, and its PPID Pembantu with the office's phone and e-mail, from its settings.
 * Optional: packages made before it was added carry none and still read. Added within format
 * 1 before any release carried packages between offices; once released, such an addition
 * bumps the format.
 */
export const manifestOfficeSchema = z.strictObject(
  {
    unitCode: optionalLine('Kode unit', 30),
    pemda: optionalLine('Nama pemerintah daerah', 120),
    ppid: z.strictObject(
      { name: optionalLine('Nama PPID Pembantu', 150), phone: optionalLine('Telepon kantor', 40), email: optionalLine('E-mail kantor', 200) },
      { error: 'Data PPID Pembantu tidak lengkap atau memuat kolom yang tidak dikenal.' },
    ),
  },
  { error: 'Data kantor pengirim tidak lengkap atau memuat kolom yang tidak dikenal.' },
);
export type ManifestOffice = z.infer<typeof manifestOfficeSchema>;

/** installationId is `crypto.randomUUID()` (store/app-db.ts); nothing else names an installation. */
const installationId = z.uuid({ error: 'Pengenal instalasi tidak sah.' });

const count = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .int(`${label} harus bilangan bulat.`)
    .min(1, `${label} paling kecil 1.`)
    .max(Number.MAX_SAFE_INTEGER, `${label} terlalu besar.`);

export const manifestEntrySchema = z.strictObject(
  {
    path: z.string({ error: 'Nama berkas harus berupa teks.' }).superRefine((path, ctx) => {
      const problem = packagePathProblem(path);
      if (problem) ctx.addIssue({ code: 'custom', message: `Nama berkas "${path.slice(0, 80)}" tidak sah: ${describePackagePathProblem(problem)}.` });
      else if (RESERVED_PACKAGE_PATHS.includes(packagePathKey(path))) {
        ctx.addIssue({ code: 'custom', message: `Nama berkas "${path}" dipakai oleh paket itu sendiri.` });
      }
    }),
    bytes: z
      .number({ error: 'Ukuran berkas harus berupa angka.' })
      .int('Ukuran berkas harus bilangan bulat.')
      .min(0, 'Ukuran berkas tidak boleh negatif.')
      .max(Number.MAX_SAFE_INTEGER, 'Ukuran berkas terlalu besar.'),
    sha256: z.string({ error: 'Sidik SHA-256 harus berupa teks.' }).regex(/^[0-9a-f]{64}$/, 'Sidik SHA-256 harus 64 angka heksadesimal huruf kecil.'),
  },
  { error: 'Data berkas dalam daftar isi tidak lengkap atau memuat kolom yang tidak dikenal.' },
);
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z.strictObject(
  {
    format: z.literal(PACKAGE_FORMAT, { error: `Format paket harus ${PACKAGE_FORMAT}.` }),
    kind: z.enum(PACKAGE_KINDS, { error: 'Jenis paket tidak dikenal (harus siklus atau kantor).' }),
    appVersion: z.string({ error: 'Versi aplikasi harus berupa teks.' }).regex(/^[0-9A-Za-z.+-]{1,40}$/, 'Versi aplikasi tidak sah.'),
    packageId: z.uuid({ error: 'Pengenal paket tidak sah.' }),
    officeId: idSchema,
    officeName: line('Nama kantor', 200),
    office: manifestOfficeSchema.optional(),
    sender: z.strictObject(
      {
        installationId,
        name: line('Nama pengirim', 150),
        // base64 of the raw 32-byte Ed25519 public key: 43 characters and one '='.
        publicKey: z.string({ error: 'Kunci publik pengirim harus berupa teks.' }).regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'Kunci publik pengirim tidak sah.'),
      },
      { error: 'Data pengirim tidak lengkap atau memuat kolom yang tidak dikenal.' },
    ),
    seq: count('Nomor urut paket'),
    received: z
      .record(installationId, count('Nomor paket yang sudah diterima'), { error: 'Catatan paket yang sudah diterima tidak sah.' })
      .refine((r) => Object.keys(r).length <= MANIFEST_MAX_RECEIVED, 'Catatan paket yang sudah diterima terlalu panjang.'),
    // Informational only: clocks on offline laptops are not to be trusted for ordering.
    createdAt: z.iso.datetime({ error: 'Waktu pembuatan paket tidak sah.' }),
    to: z.strictObject(
      {
        role: z.enum(PACKAGE_RECIPIENT_ROLES, { error: 'Peran penerima tidak dikenal.' }).nullable(),
        note: z
          .string({ error: 'Catatan untuk penerima harus berupa teks.' })
          .max(1000, 'Catatan untuk penerima terlalu panjang (maksimal 1000 karakter).')
          .refine((s) => cleanText(s) === s, 'Catatan untuk penerima memuat karakter yang tidak boleh ada.'),
        /**
         * This package's number among the sender's packages for the same recipient (a role, or
         * anyone): a laptop holding that role can name the ones it never got. The top-level
         * `seq` counts all the sender's packages and is what `received` acknowledges.
         */
        seq: count('Nomor paket untuk penerima').optional(),
      },
      { error: 'Data penerima tidak lengkap atau memuat kolom yang tidak dikenal.' },
    ),
    entries: z
      .array(manifestEntrySchema, { error: 'Daftar berkas harus berupa daftar.' })
      .max(MANIFEST_MAX_ENTRIES, 'Daftar berkas terlalu panjang.')
      .superRefine((entries, ctx) => {
        const seen = new Map<string, string>();
        entries.forEach((e, i) => {
          const earlier = seen.get(packagePathKey(e.path));
          if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'path'], message: `Berkas "${e.path}" tercantum dua kali (sama dengan "${earlier}").` });
          else seen.set(packagePathKey(e.path), e.path);
        });
        entries.forEach((e, i) => {
          const folder = parentFolders(e.path).find((f) => seen.has(packagePathKey(f)));
          if (folder !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'path'], message: `"${folder}" tercantum sebagai berkas sekaligus folder dari "${e.path}".` });
        });
      }),
  },
  { error: 'Daftar isi paket tidak lengkap atau memuat kolom yang tidak dikenal.' },
).superRefine((m, ctx) => {
  if (Object.hasOwn(m.received, m.sender.installationId)) {
    ctx.addIssue({ code: 'custom', path: ['received', m.sender.installationId], message: 'Pengirim tidak mencatat paket dari dirinya sendiri.' });
  }
});
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The format a manifest declares, read before anything else: a newer format may have a
 * different shape, so its reader must hear "update the app", not a list of schema errors.
 */
export type ManifestFormat =
  | { kind: 'current' }
  | { kind: 'newer'; format: number }
  | { kind: 'unknown'; shown: string };

export function manifestFormatOf(raw: unknown): ManifestFormat {
  const format = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>).format : undefined;
  if (format === PACKAGE_FORMAT) return { kind: 'current' };
  if (typeof format === 'number' && Number.isSafeInteger(format) && format > PACKAGE_FORMAT) return { kind: 'newer', format };
  const shown = format === undefined ? 'tidak tercantum' : JSON.stringify(format).slice(0, 40);
  return { kind: 'unknown', shown };
}

/** Where in the manifest a problem sits, in the words the messages above use. */
const FIELD_LABELS: Record<string, string> = {
  format: 'format',
  kind: 'jenis paket',
  appVersion: 'versi aplikasi',
  packageId: 'pengenal paket',
  officeId: 'pengenal kantor',
  officeName: 'nama kantor',
  office: 'kantor pengirim',
  unitCode: 'kode unit',
  pemda: 'pemerintah daerah',
  ppid: 'PPID Pembantu',
  phone: 'telepon',
  email: 'e-mail',
  sender: 'pengirim',
  installationId: 'pengenal instalasi',
  name: 'nama',
  publicKey: 'kunci publik',
  seq: 'nomor urut',
  received: 'paket yang sudah diterima',
  createdAt: 'waktu pembuatan',
  to: 'penerima',
  role: 'peran',
  note: 'catatan',
  entries: 'daftar berkas',
  path: 'nama berkas',
  bytes: 'ukuran',
  sha256: 'sidik SHA-256',
};

/** The first problem zod found, as one Indonesian sentence fragment naming the field. */
export function describeManifestIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'isinya tidak dikenali';
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `nomor ${p + 1}` : (FIELD_LABELS[String(p)] ?? String(p).slice(0, 40))))
    .join(' › ');
  const what = issue.code === 'unrecognized_keys' ? `kolom tidak dikenal: ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}` : issue.message;
  return `${where ? `${where}: ` : ''}${what}`;
}
