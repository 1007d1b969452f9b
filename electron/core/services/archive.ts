import { AppError } from '../result';
import { allPeople } from './users';
import type { CallContext } from './context';
import { checkAttachment, readAttachment, storeChecked, type CheckedFile } from './attachments';
import { documentFingerprint, parseQrPayload } from '../documents';
import { readScanQr, type ScanType } from '../files/qr-scan';
import {
  ARCHIVE_DOCUMENT_LABELS,
  archiveDocuments,
  archiveRecords,
  needsConfirmation,
  printsQr,
  type ArchiveCycleView,
  type OpenedScan,
  type ScanCheck,
} from '../domain/archive';
import { canEdit, type Actor, type ArchiveDocument, type ArchiveQr, type CycleState, type FiledScan } from '../domain/workflow';
import { formatTanggal } from '../domain/calendar';
import { endSentence } from '../domain/timeline';

/**
 * Step 6, the archive of the signed paper: scans of the Nota Dinas, the DIP, the DIK and each
 * uji konsekuensi sheet, filed with the signed version they belong to (act `archive.filed`,
 * so they travel with the cycle's packages). The QR on a scan is read here, never taken from
 * the screen, and compared with the fingerprint the signing act stored.
 */

/** Scans are paper: a PDF from the scanner, or a photo or image of the page. */
export const SCAN_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'] as const;

export interface ScanInput {
  cycleId: string;
  document: ArchiveDocument;
  itemId?: string | null;
  name: string;
  base64: string;
}

function actorOf(ctx: CallContext): Actor {
  const u = ctx.actor!;
  const person = allPeople(ctx.stores.settings.get()).find((p) => p.id === u.personId);
  return { userId: u.id, username: u.username, name: person?.name ?? u.username, role: u.role };
}

function cycleOrThrow(ctx: CallContext, id: string): CycleState {
  const s = ctx.stores.cycles.get(id);
  if (!s) {
    const damaged = ctx.stores.cycles.damagedCycle(id);
    throw new AppError(damaged ? 'STORAGE' : 'NOT_FOUND', damaged ? damaged.message : 'Siklus tidak ditemukan.');
  }
  return s;
}

/** The rules a filing meets, checked before anything is read or written and again under the cycle's lock. */
function assertFileable(ctx: CallContext, s: CycleState, input: ScanInput): string | null {
  if (!s.signed) {
    throw new AppError('CONFLICT', `Siklus "${s.title}" belum ditandatangani Kepala OPD: belum ada dokumen bertanda tangan yang dapat diarsipkan.`);
  }
  const r = canEdit(s, ctx.actor!.role, 'archive');
  if (!r.ok) throw new AppError(r.code, r.message);
  const itemId = input.itemId ?? null;
  if (input.document === 'ujiKonsekuensi') {
    const item = itemId ? s.items.find((i) => i.id === itemId) : undefined;
    if (!item || item.fields.kategori !== 'dikecualikan') {
      throw new AppError('INVALID_INPUT', 'Pilih informasi yang dikecualikan yang lembar uji konsekuensinya dipindai.', [{ path: 'itemId', message: 'Pilih informasi yang dikecualikan.' }]);
    }
    return itemId;
  }
  if (itemId !== null) throw new AppError('INVALID_INPUT', `${ARCHIVE_DOCUMENT_LABELS[input.document]} tidak dipindai per informasi.`, [{ path: 'itemId', message: 'Tidak dipakai untuk dokumen ini.' }]);
  return null;
}

/**
 * The longest code text kept in the log. A PPID Desk code is 60 characters; a numeric QR can
 * hold 7,089, and the act schema (which every line is read back through) takes 4,000.
 */
export const QR_TEXT_KEPT = 1000;

/** Codes read from recent scans by content: the screen checks a scan, then files the same bytes. */
const readCache = new Map<string, string | null>();
const READ_CACHE_MAX = 16;

async function readQrOnce(file: CheckedFile): Promise<string | null> {
  if (readCache.has(file.sha256)) return readCache.get(file.sha256)!;
  const type: ScanType = file.content === 'png' || file.content === 'apng' ? 'png' : file.content === 'jpg' ? 'jpg' : 'pdf';
  const read = await readScanQr(file.bytes, type);
  const text = read && read.length > QR_TEXT_KEPT ? `${read.slice(0, QR_TEXT_KEPT - 1)}…` : read;
  readCache.set(file.sha256, text);
  while (readCache.size > READ_CACHE_MAX) readCache.delete(readCache.keys().next().value!);
  return text;
}

const LIST_LABEL = { dip: 'Daftar Informasi Publik', dik: 'Daftar Informasi yang Dikecualikan' } as const;

/** What the code on a scan says about it, against the fingerprints the signing acts stored. */
export function qrVerdict(signedCycles: readonly CycleState[], s: CycleState, document: ArchiveDocument, text: string | null): { qr: ArchiveQr; message: string } {
  const label = ARCHIVE_DOCUMENT_LABELS[document];
  const parsed = text ? parseQrPayload(text) : null;
  const matchOf = (c: CycleState) => (['dip', 'dik'] as const).find((k) => parsed && k === parsed.kind && documentFingerprint(k, c).sha256.startsWith(parsed.sha256Prefix)) ?? null;
  const elsewhere = parsed ? signedCycles.find((c) => c.id !== s.id && matchOf(c)) : undefined;
  const other = (status: 'versi_lain' | 'dokumen_lain', message: string) => ({ qr: { status, text }, message: endSentence(message) });

  if (!printsQr(document)) {
    // The Nota Dinas and the uji sheets print no code; a list's code on one means the wrong paper.
    if (parsed) {
      const on = matchOf(s) ? s : elsewhere;
      return other('dokumen_lain', `Pindaian ini memuat kode QR ${LIST_LABEL[parsed.kind]}${on ? ` "${on.title}"` : ''}: ini bukan ${label}. Periksa kembali lembar yang dipindai`);
    }
    return { qr: { status: 'tanpa_kode', text: null }, message: `${label} tidak memuat kode QR: pindaian diarsipkan sebagai ${label} "${s.title}" sesuai pilihan Anda (tanpa kode).` };
  }
  if (!text) {
    return {
      qr: { status: 'tidak_terbaca', text: null },
      message: `Kode QR tidak terbaca pada pindaian ini. Pindaian tetap dapat diarsipkan dengan tanda "kode QR tidak terbaca"; agar dapat diperiksa, pindai ulang dengan resolusi minimal 200 dpi.`,
    };
  }
  if (!parsed) {
    const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    return other('dokumen_lain', `Kode QR pada pindaian ini bukan kode PPID Desk ("${shown}"): ini bukan ${label} yang ditandatangani`);
  }
  const own = matchOf(s);
  if (own === document) {
    return { qr: { status: 'cocok', text }, message: endSentence(`Kode QR cocok: ini ${label} "${s.title}" versi ${s.version} yang ditandatangani ${s.signed!.by}`) };
  }
  if (own) return other('dokumen_lain', `Kode QR menunjukkan ini ${LIST_LABEL[own]} "${s.title}", bukan ${label}`);
  if (elsewhere) {
    if (parsed.kind !== document) return other('dokumen_lain', `Kode QR menunjuk ${LIST_LABEL[parsed.kind]} "${elsewhere.title}", bukan ${label}`);
    const when = elsewhere.year < s.year ? 'yang lebih lama' : elsewhere.year > s.year ? 'yang lebih baru' : 'lain';
    return other(
      'versi_lain',
      `Kode QR menunjuk ${label} ${when}: "${elsewhere.title}" (tahun ${elsewhere.year}, versi ${elsewhere.version}), bukan yang ditandatangani pada "${s.title}"`,
    );
  }
  if (parsed.cycleId === s.id && parsed.kind === document) {
    if (parsed.version !== s.version) {
      return other('versi_lain', `Kode QR menunjuk ${label} "${s.title}" versi ${parsed.version}, bukan versi ${s.version} yang ditandatangani`);
    }
    return other('dokumen_lain', `Kode QR menyebut ${label} "${s.title}" versi ${s.version}, tetapi sidiknya tidak cocok dengan yang ditandatangani: lembar ini mungkin telah diubah atau bukan cetakan yang sah`);
  }
  return other('dokumen_lain', `Kode QR menunjuk ${LIST_LABEL[parsed.kind]} yang tidak ditandatangani di aplikasi ini: bukan ${label} "${s.title}"`);
}

async function examine(ctx: CallContext, input: ScanInput) {
  const s = cycleOrThrow(ctx, input.cycleId);
  const itemId = assertFileable(ctx, s, input);
  const file = await checkAttachment(input.name, input.base64, SCAN_EXTENSIONS);
  const text = await readQrOnce(file);
  const signed = ctx.stores.cycles.list().filter((c) => c.signed);
  const same = s.archive.find((x) => x.document === input.document && x.itemId === itemId && x.attachment.sha256 === file.sha256) ?? null;
  return { s, itemId, file, same, ...qrVerdict(signed, s, input.document, text) };
}

function alreadyFiled(ctx: CallContext, same: FiledScan, label: string): string {
  const zone = ctx.stores.settings.get()!.calendar.timeZone;
  return `Berkas yang sama sudah diarsipkan untuk ${label} pada ${formatTanggal(same.at, zone)} oleh ${same.by} ("${same.attachment.name}").`;
}

/** The QR verdict on a scan, before it is filed: nothing is written. */
export async function checkScan(ctx: CallContext, input: ScanInput): Promise<ScanCheck> {
  const { file, qr, message, same } = await examine(ctx, input);
  const note = same ? ` ${alreadyFiled(ctx, same, ARCHIVE_DOCUMENT_LABELS[input.document])}` : '';
  return { qr, message: message + note, needsConfirmation: needsConfirmation(qr.status), sha256: file.sha256, bytes: file.bytes.length, mime: file.mime, name: file.fileName };
}

/**
 * Files a scan: stored under files/ by its SHA-256 and recorded as an act. A code naming
 * another version or another paper is filed only with `confirmMismatch`, so a wrong paper is
 * not taken into the archive by a click meant for the right one.
 */
export async function fileScan(ctx: CallContext, input: ScanInput & { confirmMismatch?: boolean }): Promise<ArchiveCycleView> {
  const { s, itemId, file, qr, message, same } = await examine(ctx, input);
  if (same) {
    // The same bytes again: nothing new to record. If the stored copy was lost or damaged,
    // these bytes (the same SHA-256) put it back.
    const intact = await readAttachment(ctx.stores.paths.files, same.attachment).then(
      () => true,
      () => false,
    );
    if (intact) throw new AppError('CONFLICT', alreadyFiled(ctx, same, ARCHIVE_DOCUMENT_LABELS[input.document]));
    await storeChecked(ctx.stores.paths.files, file);
    return archiveView(ctx, s);
  }
  if (needsConfirmation(qr.status) && !input.confirmMismatch) {
    throw new AppError('CONFLICT', `${message} Pindaian tidak diarsipkan; pilih "Tetap arsipkan" bila memang lembar ini yang akan disimpan.`);
  }
  const attachment = await storeChecked(ctx.stores.paths.files, file);
  await ctx.stores.cycles.record(s.id, actorOf(ctx), ctx.now, (cur) => {
    assertFileable(ctx, cur!, input);
    return [{ type: 'archive.filed', document: input.document, itemId, version: cur!.version, attachment, qr }];
  });
  return archiveView(ctx, cycleOrThrow(ctx, s.id));
}

function archiveView(ctx: CallContext, s: CycleState): ArchiveCycleView {
  const zone = ctx.stores.settings.get()!.calendar.timeZone;
  return {
    id: s.id,
    title: s.title,
    year: s.year,
    version: s.version,
    signedAt: s.signed!.at,
    signedBy: s.signed!.by,
    notaDinasNumber: s.notaDinas.number,
    canFile: canEdit(s, ctx.actor!.role, 'archive').ok,
    documents: archiveDocuments(s),
    records: archiveRecords(s, zone),
  };
}

/** Every signed cycle, newest year first, with its papers, their scans and its records' retention. */
export function listArchive(ctx: CallContext): ArchiveCycleView[] {
  return ctx.stores.cycles
    .list()
    .filter((s) => s.signed)
    .sort((a, b) => b.year - a.year || (b.signed!.at < a.signed!.at ? -1 : 1))
    .map((s) => archiveView(ctx, s));
}

/** A filed scan's bytes, checked against the SHA-256 recorded when it was filed. */
export async function openScan(ctx: CallContext, input: { cycleId: string; attachmentId: string }): Promise<OpenedScan> {
  const s = cycleOrThrow(ctx, input.cycleId);
  const scan = s.archive.find((x) => x.attachment.id === input.attachmentId);
  if (!scan) throw new AppError('NOT_FOUND', 'Pindaian tidak ditemukan dalam arsip siklus ini.');
  const a = scan.attachment;
  try {
    const bytes = await readAttachment(ctx.stores.paths.files, a);
    return { status: 'ok', name: a.name, mime: a.mime, base64: bytes.toString('base64'), sha256: a.sha256 };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const again = 'Salin kembali berkas itu dari cadangan, atau pindai dan arsipkan ulang lembar yang ditandatangani.';
    if (e.code === 'NOT_FOUND') {
      return { status: 'hilang', name: a.name, message: `Berkas pindaian "${a.name}" tidak ada lagi di folder data (files/${a.file}). ${again}` };
    }
    return {
      status: 'berubah',
      name: a.name,
      message: `Berkas pindaian "${a.name}" telah berubah sejak diarsipkan: sidik SHA-256-nya tidak lagi cocok, jadi isinya tidak dapat dipercaya. ${again}`,
    };
  }
}
