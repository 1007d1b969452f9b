import { z } from 'zod';
import { CATEGORIES, type Category } from '../information';
import type { Step } from '../workflow/sop';
import type { CycleState } from '../workflow';

/**
 * The PPID Utama mode (issue 13): the regency's register of OPD, the packages each OPD sends
 * up, and the views built from them. Shared by the core (regency store, intake, views), the
 * contract and the renderer. Pure.
 *
 * An OPD is known by its register entry (`entryId`, made here). Its `officeId` is the id its
 * own laptops share (settings.officeId, carried in every package it sends): null for an entry
 * typed in by hand before its first package arrives, and then set once, by the first package
 * matched to it. Every OPD's acts are kept apart, under its entry, so one OPD's package can
 * never reach another's records.
 */

export const OFFICE_KINDS = ['opd', 'utama'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];
export const OFFICE_KIND_LABELS: Record<OfficeKind, string> = {
  opd: 'Perangkat Daerah (OPD)',
  utama: 'PPID Utama (Diskominfo)',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.`, abort: true })
    .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`);

/** The PPID Pembantu of an OPD as the regency reaches them. Every field may be empty at first. */
export const opdContactSchema = z.object({
  name: z.string().trim().max(150, 'Nama kontak terlalu panjang (maksimal 150 karakter).').default(''),
  phone: z
    .string()
    .trim()
    .max(40, 'Nomor telepon terlalu panjang.')
    .regex(/^[0-9()+\-\s.]*$/, 'Nomor telepon hanya boleh berisi angka, spasi, tanda kurung, + dan -.')
    .default(''),
  email: z.union([z.literal(''), z.email('Alamat e-mail tidak valid.')]).default(''),
});
export type OpdContact = z.infer<typeof opdContactSchema>;

/** What a person types for an OPD in the register (or corrects after a package filled it in). */
export const registerEntryInputSchema = z.object({
  name: text('Nama OPD', 200),
  unitCode: z
    .string()
    .trim()
    .max(30, 'Kode unit maksimal 30 karakter.')
    .regex(/^[A-Za-z0-9.-]*$/, 'Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung.')
    .default(''),
  contact: opdContactSchema.default(() => opdContactSchema.parse({})),
});
export type RegisterEntryInput = z.input<typeof registerEntryInputSchema>;

/** A laptop of an OPD whose packages the PPID Utama accepts: trusted once, by fingerprint. */
export interface OpdKey {
  installationId: string;
  name: string;
  publicKey: string;
  trustedAt: string;
  /** User name of who trusted it. */
  trustedBy: string;
  revokedAt: string | null;
}

/** A trusted key as the register shows it: with the code the OPD's Pengaturan › Perangkat shows for that laptop. */
export interface OpdKeyView extends OpdKey {
  /** 20 digits in five groups (sync/device-key.ts publicKeyFingerprint). */
  fingerprint: string;
}

export const REGISTER_SOURCES = ['manual', 'paket'] as const;
export type RegisterSource = (typeof REGISTER_SOURCES)[number];

export interface RegisterEntry {
  entryId: string;
  /** The OPD's own office id (from its packages); null until its first package. */
  officeId: string | null;
  name: string;
  unitCode: string;
  contact: OpdContact;
  /** Sender keys trusted for this OPD (a revoked one stays listed, with `revokedAt`). */
  keys: OpdKeyView[];
  /**
   * Every installation of this OPD whose acts arrived, with the key first seen for it: a later
   * package naming another key for the same installation is refused (forged, or a reinstalled
   * laptop that must be trusted again).
   */
  devices: Record<string, { name: string; publicKey: string }>;
  addedAt: string;
  addedBy: string;
  source: RegisterSource;
}

// ---------- the register for a year ----------

/** Where an OPD stands for the year, as the register screen and the compliance report say it. */
export const OPD_STANDINGS = ['belum_kirim', 'proses', 'ditandatangani'] as const;
export type OpdStanding = (typeof OPD_STANDINGS)[number];
export const OPD_STANDING_LABELS: Record<OpdStanding, string> = {
  belum_kirim: 'Belum mengirim',
  proses: 'Dalam proses',
  ditandatangani: 'Ditandatangani',
};

export interface RegisterRow {
  entryId: string;
  opdName: string;
  unitCode: string;
  contact: OpdContact;
  standing: OpdStanding;
  /** The OPD's cycle of the year, as its acts say; null when it has sent none. */
  cycle: { id: string; title: string; step: Step; stepLabel: string } | null;
  /** When its Kepala signed the DIP and DIK (one act signs both); null if not signed. */
  signedAt: string | null;
  /** Late against the SOP's time standards (a step over its standard, or the year's list not signed when due). */
  late: boolean;
  /** "Langkah 4 terlambat 3 hari kerja" — why late, in words; '' when on time. */
  lateness: string;
  /** Items per category in its current list. */
  counts: Record<Category, number>;
  /** Berkala items whose update is overdue. */
  berkalaOverdue: number;
  /** Exemptions whose period ends within the reminder window (or has ended). */
  exemptionsEnding: number;
  /** The newest package applied from this OPD. */
  lastReceivedAt: string | null;
  /** Packages from this OPD waiting for a key to be trusted. */
  waiting: number;
}

export interface RegisterView {
  year: number;
  /** Years any OPD has a cycle for, newest first, with the current year always present. */
  years: number[];
  rows: RegisterRow[];
  totals: Record<OpdStanding, number> & { late: number; opd: number };
}

// ---------- receiving packages from the OPD ----------

/** What one received file would do, checked whole before anything is written. */
export const INTAKE_STATUSES = ['siap', 'sama', 'menunggu_kepercayaan', 'ditolak'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export const INTAKE_STATUS_LABELS: Record<IntakeStatus, string> = {
  siap: 'Siap diterapkan',
  sama: 'Sudah diterima',
  menunggu_kepercayaan: 'Menunggu kunci dipercaya',
  ditolak: 'Ditolak',
};

export interface IntakeCheck {
  /** SHA-256 of the file: what `utama.apply` takes. Empty for a file refused before it could be read. */
  checkId: string;
  fileName: string;
  status: IntakeStatus;
  /** Why refused, or what waits: Indonesian, for the person. */
  message: string | null;
  opd: {
    officeId: string;
    name: string;
    unitCode: string;
    /** The register entry it belongs to; null when receiving it would add the OPD to the register. */
    entryId: string | null;
  } | null;
  sender: { installationId: string; name: string; fingerprint: string } | null;
  cycles: { id: string; title: string; year: number; step: Step; stepLabel: string; newActs: number }[];
}

export const INTAKE_RESULTS = ['diterapkan', 'sama', 'menunggu_kepercayaan', 'ditolak'] as const;
export type IntakeResult = (typeof INTAKE_RESULTS)[number];

export interface IntakeApplied {
  checkId: string;
  fileName: string;
  result: IntakeResult;
  message: string | null;
  opdName: string | null;
  newActs: number;
}

/** A package kept until its sender's key is trusted (in the regency store, so it survives a restart). */
export interface WaitingPackage {
  checkId: string;
  fileName: string;
  receivedAt: string;
  opd: { officeId: string; name: string; unitCode: string; entryId: string | null };
  sender: { installationId: string; name: string; fingerprint: string; publicKey: string };
  cycles: { title: string; year: number; stepLabel: string }[];
}

// ---------- search ----------

export const regencySearchSchema = z
  .object({
    query: z.string().trim().max(200, 'Kata kunci terlalu panjang (maksimal 200 karakter).').default(''),
    year: z.number().int().min(2000).max(2100).nullable().default(null),
    category: z.enum(CATEGORIES, { error: 'Kategori tidak dikenal.' }).nullable().default(null),
    entryId: z.string().max(64).nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type RegencySearchInput = z.input<typeof regencySearchSchema>;

export interface RegencySearchHit {
  entryId: string;
  opdName: string;
  cycleId: string;
  year: number;
  itemId: string;
  judul: string;
  ringkasan: string;
  bidang: string;
  category: Category;
  /** Whether the item is in a list its Kepala signed (else still a draft at the OPD). */
  signed: boolean;
}

export interface RegencySearchResult {
  hits: RegencySearchHit[];
  /** All matches, of which `hits` are the first `limit`. */
  total: number;
}

// ---------- the regency's documents ----------

/** Formats of the regency's documents (their kinds: REGENCY_DOCUMENT_KINDS in document-views.ts); the print view is the third way out. */
export const REGENCY_FORMATS = ['docx', 'xlsx'] as const;
export type RegencyFormat = (typeof REGENCY_FORMATS)[number];

/** The PPID Utama's signature on the year's consolidated lists: what they held when signed. */
export interface RegencySignature {
  year: number;
  at: string;
  by: string;
  /** Each OPD's signed version the consolidated lists carried (entryId → its DIP/DIK sha256). */
  opds: Record<string, { dip: string; dik: string }>;
  fingerprints: { dip: string; dik: string };
}

// ---------- what the regency's store offers the views ----------

/**
 * The PPID Utama's records as the views read them (store/regency-store.ts keeps them): the
 * register, each OPD's cycles folded from the acts it sent, and the year's signature.
 */
export interface RegencyRecords {
  entries(): RegisterEntry[];
  /** That OPD's cycles, folded from its acts; [] for an entry with none. */
  cyclesOf(entryId: string): CycleState[];
  /** When a package from that OPD was last applied. */
  lastReceivedAt(entryId: string): string | null;
  waiting(): WaitingPackage[];
  signature(year: number): RegencySignature | null;
  /** Durable before it resolves; a second signature for a year replaces the first (a re-signing after more OPD sent theirs). */
  saveSignature(sig: RegencySignature): Promise<void>;
}
