import { z } from 'zod';
import type { ListState } from '../../domain/document-views';
import { storedItemFieldsSchema } from '../../domain/information';
import type { RegencyInput, RegencyOpd } from '../../domain/regency/consolidate';
import { GOLONGAN } from '../../domain/pangkat';
import { STEP_INFO, STEPS, type Step } from '../../domain/workflow/sop';
import { tanggal } from './dates';
import { dikRows, dipGroups, type DikRow, type DipGroup } from './rows';
import { HANDWRITTEN_DATE, pemdaHeading, upper } from './texts';

/**
 * The regency's consolidated lists (PPID Utama mode, issue 13) as plain data: what every OPD
 * sent — its signed DIP/DIK (who signed, when, the fingerprints its Kepala signed), its step,
 * its lateness — and who signs for the regency. The receiving side (register of OPD,
 * package intake) fills this in; the documents only lay it out. Pure: the print views bundle it.
 *
 * Numbering: rows are numbered per OPD, exactly as in that OPD's own signed list
 * (rows.ts dipGroups/dikRows over the same items), so "Dinas Kesehatan, nomor 7" in the
 * regency's list is row 7 of the paper the Kepala Dinas Kesehatan signed and can be checked
 * against it line by line. OPD are marked I, II, III…, their groups A, B, C, as a
 * document's chapters are, so no number names two things at one level.
 */

// The input's types live in the domain (domain/regency/consolidate.ts builds it from the
// records); the documents only lay it out.
export type { OpdListFingerprint, OpdSigned, RegencyInput, RegencyItem, RegencyOpd, RegencySigner } from '../../domain/regency/consolidate';

// ---------------------------------------------------------------- Input check

const SHA256 = /^[a-f0-9]{64}$/;
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.`, abort: true })
    .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`);
const isoTime = (label: string) => z.string().refine((s) => !Number.isNaN(Date.parse(s)), `${label} bukan waktu yang sah.`);
const listFingerprintSchema = z.object({
  sha256: z.string().regex(SHA256, 'Sidik daftar OPD harus SHA-256 (64 angka heksadesimal).'),
  short: z.string().regex(/^[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{4}$/, 'Sidik pendek daftar OPD tidak sah.'),
});

const signerSchema = z.object({
  name: text('Nama PPID Utama', 150),
  nip: z.string().trim().max(30).default(''),
  jabatan: text('Jabatan PPID Utama', 200),
  pangkat: z.union([z.literal(''), z.enum(GOLONGAN, { error: 'Pangkat/golongan PPID Utama tidak dikenal.' })]).default(''),
  asn: z.enum(['PNS', 'PPPK', 'NON_ASN']).default('PNS'),
});

/**
 * The input checked before anything is laid out: what the receiving side will hand over
 * comes from many laptops, so a duplicate OPD or a fingerprint that is not a SHA-256 is
 * refused with a message rather than printed.
 */
export const regencyInputSchema = z
  .object({
    regency: z.object({
      pemda: text('Nama pemerintah daerah', 120),
      name: text('Nama PPID Utama', 200),
      officials: z.object({ ppidUtama: signerSchema }),
      signed: z.object({ at: isoTime('Waktu tanda tangan PPID Utama') }).nullable(),
    }),
    year: z.number().int().min(2000, 'Tahun tidak sah.').max(2100, 'Tahun tidak sah.'),
    opds: z
      .array(
        z.object({
          opdId: text('Pengenal OPD', 64),
          opdName: text('Nama OPD', 200),
          unitCode: text('Kode unit OPD', 30),
          signed: z
            .object({
              at: isoTime('Waktu tanda tangan Kepala OPD'),
              by: text('Penanda tangan daftar OPD', 150),
              fingerprints: z.object({ dip: listFingerprintSchema, dik: listFingerprintSchema }),
            })
            .nullable(),
          step: z.enum(STEPS, { error: 'Tahap siklus OPD tidak dikenal.' }).nullable(),
          items: z.array(z.object({ id: text('Pengenal informasi', 64), fields: storedItemFieldsSchema })),
          late: z.boolean(),
          lateness: z.string().max(200).default(''),
        }),
      )
      .max(200, 'Terlalu banyak OPD (maksimal 200).'),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.opds.forEach((o, i) => {
      if (seen.has(o.opdId)) ctx.addIssue({ code: 'custom', path: ['opds', i, 'opdId'], message: `OPD "${o.opdName}" tercantum dua kali.` });
      seen.add(o.opdId);
    });
  });

// ---------------------------------------------------------------- Sections

/** I, II, III … XL: the OPD's mark in the lists. */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, mark] of table) {
    while (rest >= value) {
      out += mark;
      rest -= value;
    }
  }
  return out;
}

export type RegencyListKind = 'dip' | 'dik';

/** The heading row of one OPD: its name, then who signed its list, when, under which fingerprint. */
export interface OpdHeading {
  title: string;
  note: string;
}

/** What an unsigned OPD's place in the lists says instead of rows. */
export function missingListText(step: Step | null): string {
  if (step === null) return 'Belum mengirim daftar untuk tahun ini; belum dimuat dalam daftar ini.';
  const s = STEP_INFO[step];
  return `Belum ada daftar yang ditandatangani Kepala OPD (tahap ${s.no}: ${s.label}); belum dimuat dalam daftar ini.`;
}

export function opdHeading(opd: RegencyOpd, index: number, kind: RegencyListKind, timeZone: string): OpdHeading {
  const title = `${romanNumeral(index + 1)}. ${upper(opd.opdName)}`;
  if (!opd.signed) return { title, note: missingListText(opd.step) };
  const s = opd.signed;
  return { title, note: `Ditandatangani ${s.by} pada ${tanggal(s.at, timeZone)}, sidik ${s.fingerprints[kind].short}` };
}

export interface RegencyDipSection {
  opd: RegencyOpd;
  heading: OpdHeading;
  /** The OPD's own DIP groups, numbered as its signed list; null while it is missing. */
  groups: DipGroup[] | null;
}

export interface RegencyDikSection {
  opd: RegencyOpd;
  heading: OpdHeading;
  rows: DikRow[] | null;
}

export function regencyDipSections(input: RegencyInput, timeZone: string): RegencyDipSection[] {
  return input.opds.map((opd, i) => ({ opd, heading: opdHeading(opd, i, 'dip', timeZone), groups: opd.signed ? dipGroups(opd.items) : null }));
}

export function regencyDikSections(input: RegencyInput, timeZone: string): RegencyDikSection[] {
  return input.opds.map((opd, i) => ({ opd, heading: opdHeading(opd, i, 'dik', timeZone), rows: opd.signed ? dikRows(opd.items) : null }));
}

// ---------------------------------------------------------------- Texts

export const REGENCY_TITLES: Record<RegencyListKind, string> = {
  dip: 'DAFTAR INFORMASI PUBLIK',
  dik: 'DAFTAR INFORMASI YANG DIKECUALIKAN',
};

const LIST_NAMES: Record<RegencyListKind, string> = { dip: 'Daftar Informasi Publik', dik: 'Daftar Informasi yang Dikecualikan' };

/** Draft until the PPID Utama signs; there is no Konsep of a consolidation. */
export function regencyListState(input: Pick<RegencyInput, 'regency'>): Extract<ListState, 'draft' | 'final'> {
  return input.regency.signed ? 'final' : 'draft';
}

/** The title block, bold and centred: the list, the regency, the year. */
export function regencyTitleLines(kind: RegencyListKind, input: Pick<RegencyInput, 'regency' | 'year'>): string[] {
  return [REGENCY_TITLES[kind], pemdaHeading(input.regency.pemda), `TAHUN ${input.year}`];
}

/**
 * Under the title: how many OPD the list holds and which are missing, so nobody reads an
 * absent OPD as one without information.
 */
export function regencySummary(input: Pick<RegencyInput, 'opds'>): string {
  const signed = input.opds.filter((o) => o.signed).length;
  const missing = input.opds.filter((o) => !o.signed).map((o) => o.opdName);
  const head = `Gabungan daftar ${signed} dari ${input.opds.length} perangkat daerah yang telah ditandatangani Kepala OPD masing-masing.`;
  return missing.length ? `${head} Belum ditandatangani: ${missing.join('; ')}.` : head;
}

/** "KEPALA DINAS … KABUPATEN KAPUAS HULU / selaku PPID Utama" — the pemda added when the jabatan leaves it out. */
export function ppidUtamaJabatan(input: Pick<RegencyInput, 'regency'>): string[] {
  const jabatan = input.regency.officials.ppidUtama.jabatan.trim();
  const pemda = input.regency.pemda.trim();
  const full = jabatan.toLowerCase().includes(pemda.toLowerCase()) ? jabatan : `${jabatan} ${pemda}`;
  return /ppid utama/i.test(jabatan) ? [upper(full)] : [upper(full), 'selaku PPID Utama'];
}

/** "Putussibau, 15 Desember 2026" once signed; before, the date is left to the hand. */
export function regencyPlaceDate(placeName: string, input: Pick<RegencyInput, 'regency' | 'year'>, timeZone: string): string {
  const s = input.regency.signed;
  return `${placeName}, ${s ? tanggal(s.at, timeZone) : `${HANDWRITTEN_DATE} ${input.year}`}`;
}

/** Beside the QR code of a signed consolidated list. */
export function regencySealCaption(kind: RegencyListKind, input: RegencyInput, timeZone: string): string {
  const s = input.regency.signed;
  const signed = input.opds.filter((o) => o.signed).length;
  return (
    `${LIST_NAMES[kind]} ${input.regency.pemda} Tahun ${input.year}, gabungan ${signed} perangkat daerah${s ? `, ditandatangani ${tanggal(s.at, timeZone)}` : ''}. ` +
    'Keaslian lembar ini, dan daftar tiap perangkat daerah yang dimuatnya, dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen atau kode QR.'
  );
}

// ---------------------------------------------------------------- Fingerprint content

/** The consolidated fingerprint's algorithm; printed payloads carry it. */
export const REGENCY_FINGERPRINT_FORMAT = 1;

export const REGENCY_QR_KINDS: Record<RegencyListKind, 'DIPKAB' | 'DIKKAB'> = { dip: 'DIPKAB', dik: 'DIKKAB' };

/**
 * What the consolidated list's fingerprint covers: the regency, the year, the PPID Utama's
 * signing, and per OPD its name, code, the signing of its own list with that list's
 * fingerprint, and the rows printed for it. Each OPD's own signed fingerprint is inside, so
 * the verification of the regency's paper names each OPD's own signed version.
 * Settings (kop, paper, font) are outside, as for the OPD's lists.
 */
export function regencyFingerprintContent(kind: RegencyListKind, input: RegencyInput) {
  return {
    app: 'ppid-desk' as const,
    format: REGENCY_FINGERPRINT_FORMAT,
    kind: REGENCY_QR_KINDS[kind],
    pemda: input.regency.pemda,
    issuer: input.regency.name,
    year: input.year,
    signed: input.regency.signed ? { at: input.regency.signed.at, by: input.regency.officials.ppidUtama.name } : null,
    opds: input.opds.map((o) => ({
      opdId: o.opdId,
      opdName: o.opdName,
      unitCode: o.unitCode,
      signed: o.signed ? { at: o.signed.at, by: o.signed.by, sha256: o.signed.fingerprints[kind].sha256 } : null,
      rows: o.signed ? (kind === 'dip' ? dipGroups(o.items) : dikRows(o.items)) : [],
    })),
  };
}

export type RegencyFingerprintContent = ReturnType<typeof regencyFingerprintContent>;

/**
 * The payload as read back from outside (a file, the verify page): only what the listing of
 * signed versions needs is checked; the rows are hashed, not interpreted.
 */
export const regencyPayloadSchema = z.object({
  app: z.literal('ppid-desk', { error: 'Bukan isi sidik PPID Desk.' }),
  format: z.literal(REGENCY_FINGERPRINT_FORMAT, { error: 'Format sidik daftar gabungan tidak dikenal. Perbarui aplikasi.' }),
  kind: z.enum(['DIPKAB', 'DIKKAB'], { error: 'Bukan daftar gabungan kabupaten.' }),
  pemda: z.string(),
  issuer: z.string(),
  year: z.number().int(),
  signed: z.object({ at: z.string(), by: z.string() }).nullable(),
  opds: z.array(
    z.object({
      opdId: z.string(),
      opdName: z.string(),
      unitCode: z.string(),
      signed: z.object({ at: z.string(), by: z.string(), sha256: z.string().regex(SHA256, 'Sidik daftar OPD tidak sah.') }).nullable(),
      rows: z.array(z.unknown()),
    }),
  ),
});
export type RegencyPayload = z.infer<typeof regencyPayloadSchema>;
