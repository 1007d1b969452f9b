import type { ItemFields } from '../information';
import type { Person, Settings } from '../office';
import type { Step } from '../workflow/sop';
import type { CycleState } from '../workflow';
import type { RegencyRecords, RegencySignature } from './model';
import { registerOrder, yearStanding } from './register-view';

/**
 * The regency's consolidated lists as plain data (what documents/shared/regency.ts lays out
 * as DOCX, print view and XLSX), and `regencyInputOf`, which builds it from the PPID Utama's
 * records: every OPD in register order, with the list its Kepala signed (the fingerprints the
 * signing act stored), its step and its lateness as the register says them. Pure.
 */

/** The PPID Utama as printed under the signature: the Kepala of the Dinas Kominfo in Kapuas Hulu. */
export type RegencySigner = Pick<Person, 'name' | 'nip' | 'jabatan' | 'pangkat' | 'asn'>;

/** One signed list's fingerprint as the OPD's signing act stored it. */
export interface OpdListFingerprint {
  sha256: string;
  /** "A1B2-C3D4-E5F6", as printed in that OPD's own footer. */
  short: string;
}

/**
 * What an OPD's Kepala signed. Both lists are signed in one act (the signing act stores
 * `fingerprints: {dip, dik}`), so both fingerprints travel together: the regency's DIP names
 * the OPD's DIP fingerprint, its DIK the OPD's DIK fingerprint.
 */
export interface OpdSigned {
  at: string;
  by: string;
  fingerprints: { dip: OpdListFingerprint; dik: OpdListFingerprint };
}

/** An item as the OPD's cycle holds it: its id keeps each printed row traceable to the OPD's own list. */
export interface RegencyItem {
  id: string;
  fields: ItemFields;
}

export interface RegencyOpd {
  opdId: string;
  opdName: string;
  unitCode: string;
  /** Null while the OPD has sent no list its Kepala signed: it is then "missing". */
  signed: OpdSigned | null;
  /** Where its cycle stands, from the acts it sent; null when it sent no cycle for the year. */
  step: Step | null;
  /** The items of the cycle. Printed in the regency's lists only once signed. */
  items: RegencyItem[];
  /** Late against the SOP's time standards: the signed list's steps, or the cycle under way's while none is signed (register-view.ts yearStanding). */
  late: boolean;
  /** "Langkah 4 terlambat 2 hari kerja" — how late, in words; '' when not late. */
  lateness: string;
}

export interface RegencyInput {
  regency: {
    /** "Kabupaten Kapuas Hulu". */
    pemda: string;
    /** "PPID Utama Kabupaten Kapuas Hulu". */
    name: string;
    officials: { ppidUtama: RegencySigner };
    /** When the PPID Utama signed the consolidated lists; null for a draft. */
    signed: { at: string } | null;
  };
  year: number;
  /** In the register's order: the lists print the OPD in this order. */
  opds: RegencyOpd[];
}

/** The SHA-256 of each list a cycle's Kepala signed. */
export type SignedSha256 = { dip: string; dik: string };

export interface ConsolidateOptions {
  /** The core's clock: lateness of a draft is counted to now. */
  now: Date | string;
  /**
   * A list signed before signing acts stored fingerprints (act format 1) is known by the
   * frozen recomputation (documents/docx/fingerprint.ts legacyFingerprintSha256V1), which
   * needs hashing the domain has not: the caller passes it. Without it such a list counts as
   * not signed here rather than printed under a fingerprint nobody signed.
   */
  legacySha256?: (kind: 'dip' | 'dik', cycle: CycleState) => string;
}

/** "a1b2c3d4e5f6…" → "A1B2-C3D4-E5F6", as the OPD's footer prints it. */
export function shortOf(sha256: string): string {
  return (sha256.slice(0, 12).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

/** The fingerprints a cycle's signing act stored (or, for an old act, the recomputation); null if not signed. */
export function signedSha256(cycle: CycleState, legacy?: ConsolidateOptions['legacySha256']): SignedSha256 | null {
  const s = cycle.signed;
  if (!s) return null;
  if (s.fingerprints) return { dip: s.fingerprints.dip.sha256, dik: s.fingerprints.dik.sha256 };
  return legacy ? { dip: legacy('dip', cycle), dik: legacy('dik', cycle) } : null;
}

/**
 * A cycle as the PPID Utama knew it at `at`: the steps visited by then (the one open then left
 * open), and signed only if signed by then; null if it was made later. A signed consolidated
 * list names a missing OPD's step as it was when the PPID Utama signed, not as it is now.
 */
export function cycleAsOf(c: CycleState, at: string): CycleState | null {
  if (c.createdAt > at) return null;
  const visits = c.visits.filter((v) => v.since <= at).map((v) => (v.until !== null && v.until > at ? { ...v, until: null } : v));
  const step = visits.at(-1)?.step ?? c.step;
  return { ...c, step, visits, signed: c.signed && c.signed.at <= at ? c.signed : null };
}

/**
 * The year's consolidated lists from the records. Without a signature: a draft of every OPD
 * in the register, each with the list its Kepala signed for the year (the later of two). With
 * the year's signature: the lists as the PPID Utama signed them — the OPD that were in the
 * register then, each with the version the signature recorded, the others as they stood then —
 * so a signed paper can be printed again and hashes to the fingerprint it was signed under.
 */
export function regencyInputOf(
  records: Pick<RegencyRecords, 'entries' | 'cyclesOf'>,
  settings: Pick<Settings, 'office' | 'officials' | 'calendar'>,
  year: number,
  signature: RegencySignature | null,
  options: ConsolidateOptions,
): RegencyInput {
  const at = signature?.at ?? null;
  const when = at ?? options.now;
  const entries = registerOrder(records.entries().filter((e) => at === null || e.addedAt <= at));
  const opds = entries.map((entry): RegencyOpd => {
    const all = records.cyclesOf(entry.entryId);
    const cycles = at === null ? all : all.map((c) => cycleAsOf(c, at)).filter((c): c is CycleState => c !== null);
    const s = yearStanding(cycles, year, when, settings.calendar, 'signed');
    let signedCycle = s.signedCycle;
    if (signature) {
      const recorded = signature.opds[entry.entryId];
      signedCycle = recorded
        ? (cycles.find((c) => {
            if (c.year !== year) return false;
            const sha = signedSha256(c, options.legacySha256);
            return sha?.dip === recorded.dip && sha.dik === recorded.dik;
          }) ?? null)
        : null;
    }
    const sha = signedCycle ? signedSha256(signedCycle, options.legacySha256) : null;
    const signed: OpdSigned | null =
      signedCycle?.signed && sha
        ? {
            at: signedCycle.signed.at,
            by: signedCycle.signed.by,
            fingerprints: { dip: { sha256: sha.dip, short: shortOf(sha.dip) }, dik: { sha256: sha.dik, short: shortOf(sha.dik) } },
          }
        : null;
    const shown = signed ? signedCycle : s.cycle;
    return {
      opdId: entry.entryId,
      opdName: entry.name,
      unitCode: entry.unitCode,
      signed,
      step: s.cycle?.step ?? shown?.step ?? null,
      items: (shown?.items ?? []).map((i) => ({ id: i.id, fields: i.fields })),
      late: s.late,
      lateness: s.lateness,
    };
  });
  const kepala = settings.officials.kepala;
  return {
    regency: {
      pemda: settings.office.pemda,
      name: `PPID Utama ${settings.office.pemda}`,
      officials: { ppidUtama: { name: kepala.name, nip: kepala.nip, jabatan: kepala.jabatan, pangkat: kepala.pangkat, asn: kepala.asn } },
      signed: signature ? { at: signature.at } : null,
    },
    year,
    opds,
  };
}

/** Each OPD's signed version in an input, as a RegencySignature records it: only OPD with a signed list. */
export function signedVersions(input: RegencyInput): RegencySignature['opds'] {
  return Object.fromEntries(input.opds.filter((o) => o.signed).map((o) => [o.opdId, { dip: o.signed!.fingerprints.dip.sha256, dik: o.signed!.fingerprints.dik.sha256 }]));
}
