import { AppError } from '../result';
import {
  buildDik,
  buildDip,
  buildNotaDinas,
  buildUjiKonsekuensi,
  documentFileName,
  documentFingerprint,
  listStateOf,
  packDocx,
  parseQrPayload,
  type DocumentKind,
} from '../documents';
import type { CallContext } from './context';
import { withSuggestedDraft } from './cycles';
import { readEmblem } from './emblem';
import type { BuiltDocument, Verification } from '../domain/document-views';
import { endSentence } from '../domain/timeline';
import { verifyRegencyQr, verifyRegencyShort } from './regency-views';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';


/** A damaged cycle answers with what is wrong with it, a missing one with NOT_FOUND. */
export function cycleOrThrow(ctx: CallContext, id: string) {
  const cycle = ctx.stores.cycles.get(id);
  if (cycle) return cycle;
  const damaged = ctx.stores.cycles.damagedCycle(id);
  throw damaged ? new AppError('STORAGE', damaged.message) : new AppError('NOT_FOUND', 'Siklus tidak ditemukan.');
}

/** One DOCX from the cycle as it stands; a "final" list exists only after the Kepala signed. */
export async function buildDocument(ctx: CallContext, input: { cycleId: string; kind: DocumentKind }): Promise<BuiltDocument> {
  const cycle = withSuggestedDraft(ctx, cycleOrThrow(ctx, input.cycleId));
  const settings = ctx.stores.settings.get()!;
  const emblem = settings.emblem ? await readEmblem(ctx.stores.paths.assets, settings.emblem) : null;
  const dctx = { settings, emblem, cycle, now: ctx.now };
  const state = input.kind === 'dip' || input.kind === 'dik' ? listStateOf(cycle) : null;
  const exempt = cycle.items.some((i) => i.fields.kategori === 'dikecualikan');
  if (input.kind === 'ujiKonsekuensi' && !exempt) {
    throw new AppError('CONFLICT', 'Belum ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.');
  }
  const doc =
    input.kind === 'notaDinas'
      ? buildNotaDinas(dctx)
      : input.kind === 'dip'
        ? buildDip(dctx)
        : input.kind === 'dik'
          ? buildDik(dctx)
          : buildUjiKonsekuensi(dctx);
  // The file's own date: a signed list is from its signing, anything else from now.
  const bytes = await packDocx(doc, cycle.signed && input.kind !== 'notaDinas' ? new Date(cycle.signed.at) : ctx.now);
  return { fileName: documentFileName(input.kind, cycle, state ?? undefined), mime: DOCX_MIME, base64: bytes.toString('base64'), state };
}


/**
 * Checks a printed fingerprint (typed "C0EE-4F97-AB20", or the QR text) against the signed
 * records: the fingerprints the signing act stored (or, for lists signed before acts stored
 * them, the frozen format-1 recomputation). A match on a list that a later year's signed list
 * has replaced is reported as older.
 */
export function verifyDocument(ctx: CallContext, input: { code: string }): Verification {
  const code = input.code.trim();
  const regency = verifyRegencyQr(ctx, code);
  if (regency) return regency;
  const qr = parseQrPayload(code);
  const short = code.toUpperCase().replace(/[^0-9A-F]/g, '');
  if (!qr && short.length !== 12) {
    throw new AppError('INVALID_INPUT', 'Kode tidak dikenali. Ketik sidik dokumen (12 huruf/angka, mis. C0EE-4F97-AB20) atau isi kode QR.');
  }
  const signed = ctx.stores.cycles.list().filter((c) => c.signed);
  for (const cycle of signed) {
    for (const kind of ['dip', 'dik'] as const) {
      const fp = documentFingerprint(kind, cycle);
      const matches = qr ? fp.sha256.startsWith(qr.sha256Prefix) && kind === qr.kind : fp.short.replace(/-/g, '') === short;
      if (!matches) continue;
      const newer = signed.find((c) => c.year > cycle.year);
      const label = kind === 'dip' ? 'Daftar Informasi Publik' : 'Daftar Informasi yang Dikecualikan';
      return {
        result: newer ? 'older' : 'signed',
        message: newer
          ? `Cocok dengan ${label} "${cycle.title}" yang ditandatangani, tetapi sudah digantikan oleh "${newer.title}".`
          : endSentence(`Ini adalah ${label} "${cycle.title}" versi ${cycle.version} yang sah, ditandatangani oleh ${cycle.signed!.by}`) +
            (fp.reprintNote ? ` Catatan: daftar yang dicetak sekarang ${fp.reprintNote}.` : ''),
        cycleId: cycle.id,
        title: cycle.title,
        kind,
        version: cycle.version,
        signedAt: cycle.signed!.at,
        signedBy: cycle.signed!.by,
        note: fp.reprintNote,
      };
    }
  }
  if (qr && ctx.stores.cycles.get(qr.cycleId)) {
    const c = ctx.stores.cycles.get(qr.cycleId)!;
    return {
      result: 'none',
      message: `Kode menyebut siklus "${c.title}", tetapi isinya tidak cocok dengan daftar yang ditandatangani. Dokumen mungkin telah diubah atau belum sah.`,
      cycleId: c.id,
      title: c.title,
      kind: null,
      version: null,
      signedAt: null,
      signedBy: null,
    };
  }
  const regencyShort = qr ? null : verifyRegencyShort(ctx, short);
  if (regencyShort) return regencyShort;
  return { result: 'none', message: 'Tidak cocok dengan daftar yang ditandatangani mana pun di aplikasi ini.', cycleId: null, title: null, kind: null, version: null, signedAt: null, signedBy: null };
}

/** The printed fingerprints of a signed cycle's lists, for the print view; none before signing. */
export function fingerprints(ctx: CallContext, input: { cycleId: string }) {
  const cycle = cycleOrThrow(ctx, input.cycleId);
  if (!cycle.signed) return { dip: null, dik: null };
  const pick = (kind: 'dip' | 'dik') => {
    const f = documentFingerprint(kind, cycle);
    return { short: f.short, qrText: f.qrText, note: f.reprintNote };
  };
  return { dip: pick('dip'), dik: pick('dik') };
}

const PLATFORM_MISSING = 'Menyimpan lewat dialog hanya tersedia di aplikasi desktop. Di peramban, gunakan "Unduh DOCX" atau "Cetak".';

/** Electron: a save dialog for the DOCX, then (if wanted) open it in Word or LibreOffice. */
export async function saveDocument(ctx: CallContext, input: { cycleId: string; kind: DocumentKind; open: boolean }) {
  const { saveFile, openPath } = ctx.stores.platform;
  if (!saveFile) throw new AppError('CONFLICT', PLATFORM_MISSING);
  const built = await buildDocument(ctx, input);
  const savedTo = await saveFile({
    suggestedName: built.fileName,
    bytes: Buffer.from(built.base64, 'base64'),
    filter: { name: 'Dokumen Word', extensions: ['docx'] },
  });
  let openError: string | null = null;
  if (savedTo && input.open && openPath) openError = await openPath(savedTo);
  return { savedTo, fileName: built.fileName, openError };
}

/** Electron: the print view now on screen, as PDF ("Simpan PDF"). */
export async function savePdf(ctx: CallContext, input: { suggestedName: string }) {
  const { saveFile, printToPdf } = ctx.stores.platform;
  if (!saveFile || !printToPdf) throw new AppError('CONFLICT', PLATFORM_MISSING);
  const bytes = await printToPdf();
  const savedTo = await saveFile({ suggestedName: input.suggestedName, bytes, filter: { name: 'PDF', extensions: ['pdf'] } });
  return { savedTo };
}
