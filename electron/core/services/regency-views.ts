import { AppError } from '../result';
import {
  buildCompliance,
  buildComplianceXlsx,
  buildRegencyDik,
  buildRegencyDip,
  buildRegencyXlsx,
  legacyFingerprintSha256V1,
  packDocx,
  parseRegencyQr,
  regencyFingerprint,
  shortFingerprint,
  type RegencyContext,
} from '../documents';
import { PUBLISH_MIME } from '../documents/publish';
import { regencyFileName } from '../documents/shared/file-names';
import { formatTanggal, yearIn } from '../domain/calendar';
import type { RegencyDocumentKind, Verification } from '../domain/document-views';
import type { Settings } from '../domain/office';
import { regencyInputOf, signedSha256, signedVersions, type RegencyInput } from '../domain/regency/consolidate';
import type { RegencyFormat, RegencyRecords, RegencySearchResult, RegencySignature, RegisterView } from '../domain/regency/model';
import { registerView, registerYears } from '../domain/regency/register-view';
import { regencySearch, type RegencySearchQuery } from '../domain/regency/search';
import { appendAudit } from './audit';
import type { CallContext } from './context';
import { readEmblem } from './emblem';

/**
 * The PPID Utama's views of the records (issue 13): the register of a year, the search across
 * every OPD's items, the regency's documents, and the PPID Utama's signature on the year's
 * consolidated lists. Everything is read from ctx.stores.regency through RegencyRecords; the
 * only write is the signature (and its audit line).
 */

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FILTERS: Record<RegencyFormat, { name: string; extensions: string[] }> = {
  docx: { name: 'Dokumen Word', extensions: ['docx'] },
  xlsx: { name: 'Buku kerja Excel', extensions: ['xlsx'] },
};
const PLATFORM_MISSING = 'Menyimpan lewat dialog hanya tersedia di aplikasi desktop. Di peramban, berkas diunduh langsung.';
const LIST_NAMES = { dip: 'Daftar Informasi Publik', dik: 'Daftar Informasi yang Dikecualikan' } as const;

/** Serializes signings: two PPID Utama windows signing at once must not record one over the other half-way. */
const SIGN_LOCK = 'utama-tanda-tangan';

function records(ctx: CallContext): RegencyRecords {
  return ctx.stores.regency;
}

function settingsOf(ctx: CallContext): Settings {
  return ctx.stores.settings.get()!;
}

/** An OPD list signed before signing acts stored fingerprints is known by the frozen recomputation. */
const legacySha256 = (kind: 'dip' | 'dik', cycle: Parameters<typeof legacyFingerprintSha256V1>[1]) => legacyFingerprintSha256V1(kind, cycle);

export function register(ctx: CallContext, input: { year: number | null }): RegisterView {
  const settings = settingsOf(ctx);
  const year = input.year ?? yearIn(ctx.now, settings.calendar.timeZone);
  return registerView(records(ctx), year, ctx.now, settings.calendar);
}

export function search(ctx: CallContext, input: RegencySearchQuery): RegencySearchResult {
  return regencySearch(records(ctx), input);
}

/** The year's lists as they stand now, unsigned: what the PPID Utama would sign. */
function draftInput(ctx: CallContext, year: number): RegencyInput {
  return regencyInputOf(records(ctx), settingsOf(ctx), year, null, { now: ctx.now, legacySha256 });
}

/**
 * The year's lists: as the PPID Utama signed them when a signature is recorded and the
 * records still give exactly what was signed (the same fingerprints); otherwise the draft of
 * how they stand now. A register entry renamed after signing, say, makes the signed paper
 * unreproducible: the draft then shows the change, and signing again makes it final.
 */
export function listsInput(ctx: CallContext, year: number): { input: RegencyInput; signature: RegencySignature | null } {
  const signature = records(ctx).signature(year);
  if (signature) {
    const signed = regencyInputOf(records(ctx), settingsOf(ctx), year, signature, { now: ctx.now, legacySha256 });
    if (regencyFingerprint('dip', signed).sha256 === signature.fingerprints.dip && regencyFingerprint('dik', signed).sha256 === signature.fingerprints.dik) {
      return { input: signed, signature };
    }
  }
  return { input: draftInput(ctx, year), signature };
}

export function documentData(ctx: CallContext, input: { year: number }): { input: RegencyInput; signature: RegencySignature | null } {
  return listsInput(ctx, input.year);
}

export async function buildDocument(
  ctx: CallContext,
  input: { kind: RegencyDocumentKind; format: RegencyFormat; year: number; save: boolean },
): Promise<{ fileName: string; base64: string | null; savedTo: string | null; mime: string }> {
  const { saveFile } = ctx.stores.platform;
  if (input.save && !saveFile) throw new AppError('CONFLICT', PLATFORM_MISSING);
  const settings = settingsOf(ctx);
  // The compliance report is dated the day it is made: it reports how things stand now.
  const regency = input.kind === 'compliance' ? draftInput(ctx, input.year) : listsInput(ctx, input.year).input;
  const emblem = settings.emblem ? await readEmblem(ctx.stores.paths.assets, settings.emblem) : null;
  const dctx: RegencyContext = { settings, emblem, input: regency, now: ctx.now };
  const fileDate = regency.regency.signed && input.kind !== 'compliance' ? new Date(regency.regency.signed.at) : ctx.now;
  let bytes: Buffer;
  if (input.format === 'xlsx') {
    bytes = input.kind === 'compliance' ? await buildComplianceXlsx(dctx) : await buildRegencyXlsx(dctx);
  } else {
    const doc = input.kind === 'regencyDip' ? buildRegencyDip(dctx) : input.kind === 'regencyDik' ? buildRegencyDik(dctx) : buildCompliance(dctx);
    bytes = await packDocx(doc, fileDate);
  }
  const fileName = regencyFileName(input.kind, input.format, input.year, regency.regency.signed ? 'final' : 'draft');
  const mime = input.format === 'xlsx' ? PUBLISH_MIME.xlsx : DOCX_MIME;
  if (!input.save) return { fileName, base64: bytes.toString('base64'), savedTo: null, mime };
  const savedTo = await saveFile!({ suggestedName: fileName, bytes, filter: FILTERS[input.format] });
  return { fileName, base64: null, savedTo, mime };
}

/**
 * The PPID Utama signs the year's consolidated DIP and DIK as they stand: the signature records
 * each OPD's signed version they carry and their own fingerprints, computed on the lists as
 * signed (the signing moment is part of what is hashed). Signing again later (after more OPD
 * sent theirs) replaces the year's signature.
 */
export async function sign(ctx: CallContext, input: { year: number }): Promise<RegencySignature> {
  return ctx.stores.locks.run(SIGN_LOCK, async () => {
    const settings = settingsOf(ctx);
    const draft = draftInput(ctx, input.year);
    const opds = signedVersions(draft);
    const count = Object.keys(opds).length;
    if (count === 0) {
      throw new AppError(
        'CONFLICT',
        `Belum ada daftar OPD tahun ${input.year} yang ditandatangani Kepala OPD: tidak ada yang dapat ditandatangani. Terima dulu paket OPD yang memuat DIP dan DIK yang sudah ditandatangani.`,
      );
    }
    const at = ctx.now.toISOString();
    const signed: RegencyInput = { ...draft, regency: { ...draft.regency, signed: { at } } };
    const dip = regencyFingerprint('dip', signed);
    const dik = regencyFingerprint('dik', signed);
    const signature: RegencySignature = {
      year: input.year,
      at,
      by: signed.regency.officials.ppidUtama.name,
      opds,
      fingerprints: { dip: dip.sha256, dik: dik.sha256 },
    };
    await records(ctx).saveSignature(signature);
    const missing = draft.opds.length - count;
    await appendAudit(
      ctx.stores,
      ctx.actor,
      ctx.now,
      'utama.tanda-tangan',
      `DIP dan DIK gabungan ${settings.office.pemda} tahun ${input.year} ditandatangani PPID Utama: memuat daftar ${count} OPD` +
        (missing ? `, ${missing} OPD belum` : '') +
        `; sidik DIP ${dip.short}, sidik DIK ${dik.short}.`,
    );
    return signature;
  });
}

// ---------------------------------------------------------------- verification

/** Each OPD's signed version a signature recorded, in register order, with who signed it and when. */
function versionsOf(ctx: CallContext, signature: RegencySignature, kind: 'dip' | 'dik') {
  const recs = records(ctx);
  const byId = new Map(recs.entries().map((e) => [e.entryId, e]));
  return Object.entries(signature.opds)
    .map(([entryId, sha]) => {
      const entry = byId.get(entryId);
      const cycle = recs.cyclesOf(entryId).find((c) => {
        const s = signedSha256(c, legacySha256);
        return s?.dip === sha.dip && s.dik === sha.dik;
      });
      return {
        entryId,
        opdName: entry?.name ?? entryId,
        unitCode: entry?.unitCode ?? '',
        short: shortFingerprint(sha[kind]),
        signedAt: cycle?.signed?.at ?? null,
        signedBy: cycle?.signed?.by ?? null,
      };
    })
    .sort((a, b) => a.opdName.localeCompare(b.opdName, 'id', { sensitivity: 'base' }));
}

function regencyVerification(ctx: CallContext, signature: RegencySignature, kind: 'dip' | 'dik'): Verification {
  const settings = settingsOf(ctx);
  const tz = settings.calendar.timeZone;
  const versions = versionsOf(ctx, signature, kind);
  const named = versions.map((v) => `${v.opdName} (sidik ${v.short}${v.signedAt ? `, ditandatangani ${v.signedBy} ${formatTanggal(v.signedAt, tz)}` : ''})`).join('; ');
  const title = `${LIST_NAMES[kind]} ${settings.office.pemda} Tahun ${signature.year}`;
  return {
    result: 'signed',
    message:
      `Ini adalah ${LIST_NAMES[kind]} gabungan ${settings.office.pemda} tahun ${signature.year} yang sah, ditandatangani PPID Utama ${signature.by} pada ${formatTanggal(signature.at, tz)}. ` +
      `Memuat daftar yang ditandatangani ${versions.length} perangkat daerah: ${named}.`,
    cycleId: null,
    title,
    kind,
    version: null,
    signedAt: signature.at,
    signedBy: signature.by,
    note: null,
    opds: versions.map(({ entryId: _e, ...v }) => v),
  };
}

/**
 * A regency QR code (`PPIDDESK:DIPKAB:<year>:<hash>`) checked against the signature recorded
 * for that year; null when the code is not one (the OPD's own checks go on).
 */
export function verifyRegencyQr(ctx: CallContext, code: string): Verification | null {
  const qr = parseRegencyQr(code);
  if (!qr) return null;
  const signature = records(ctx).signature(qr.year);
  const name = `${LIST_NAMES[qr.kind]} gabungan tahun ${qr.year}`;
  if (signature?.fingerprints[qr.kind].startsWith(qr.sha256Prefix)) return regencyVerification(ctx, signature, qr.kind);
  return {
    result: 'none',
    message: signature
      ? `Kode menyebut ${name}, tetapi tidak cocok dengan yang ditandatangani PPID Utama di aplikasi ini: lembar itu versi sebelum penandatanganan ulang, atau telah diubah.`
      : `Belum ada ${name} yang ditandatangani PPID Utama di aplikasi ini.`,
    cycleId: null,
    title: null,
    kind: null,
    version: null,
    signedAt: null,
    signedBy: null,
  };
}

/** A typed short fingerprint ("A1B2-C3D4-E5F6", already without dashes) of a signed consolidated list; null if none matches. */
export function verifyRegencyShort(ctx: CallContext, short: string): Verification | null {
  const settings = settingsOf(ctx);
  for (const year of registerYears(records(ctx), ctx.now, settings.calendar)) {
    const signature = records(ctx).signature(year);
    if (!signature) continue;
    for (const kind of ['dip', 'dik'] as const) {
      if (shortFingerprint(signature.fingerprints[kind]).replace(/-/g, '') === short) return regencyVerification(ctx, signature, kind);
    }
  }
  return null;
}
