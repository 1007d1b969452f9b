import type { Worksheet } from 'exceljs';
import type { RegencyContext } from '../docx/parts/regency';
import { OPD_SHADE } from '../docx/parts/regency';
import { regencyFingerprint } from '../docx/regency-fingerprint';
import { formatNip } from '../../domain/nip';
import { DIK_COLUMNS, DIP_COLUMNS, type ListColumn } from '../shared/columns';
import {
  ppidUtamaJabatan,
  regencyDikSections,
  regencyDipSections,
  regencyListState,
  regencyPlaceDate,
  regencySummary,
  regencyTitleLines,
  type RegencyListKind,
} from '../shared/regency';
import { DIK_EMPTY, DIP_EMPTY_GROUP, themeOf } from '../shared/texts';
import { BORDER, newWorkbook, richCell, spanRow, startSheet, workbookBytes } from './workbook';

/**
 * The regency's consolidated lists as a workbook for publication (the regency's PPID site,
 * anyone who sorts and filters): a sheet for the DIP and one for the DIK, the same statutory
 * columns, OPD heading rows and category rows, row numbers as in each OPD's own list. The
 * heads stay in view and print on every page; the PPID Utama's signature and the list's
 * fingerprint close each sheet, and the fingerprint is in every printed page's footer.
 */

const GROUP_FILL = 'EDEDED';

function itemRow<R>(ws: Worksheet, row: number, columns: readonly ListColumn<R>[], r: R, font: string, size: number): void {
  columns.forEach((col, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = richCell(col.cell(r), font, size);
    c.font = { name: font, size };
    c.alignment = { vertical: 'top', wrapText: true, ...(col.key === 'no' ? { horizontal: 'center' } : {}) };
    c.border = BORDER;
  });
}

function closing(ws: Worksheet, row: number, span: number, ctx: RegencyContext, kind: RegencyListKind, font: string, size: number): void {
  const { settings, input } = ctx;
  const signer = input.regency.officials.ppidUtama;
  const lines = [
    regencyPlaceDate(settings.office.placeName, input, settings.calendar.timeZone),
    ...ppidUtamaJabatan(input).map((l, i, all) => (i === all.length - 1 ? `${l},` : l)),
    '',
    signer.name,
    ...(signer.asn !== 'NON_ASN' && signer.nip ? [`NIP. ${formatNip(signer.nip)}`] : []),
  ];
  let r = row + 1;
  const first = Math.max(1, span - 2);
  for (const line of lines) {
    ws.mergeCells(r, first, r, span);
    const c = ws.getCell(r, first);
    c.value = line;
    c.font = { name: font, size: size + 1, ...(line === signer.name ? { bold: true, underline: true } : {}) };
    c.alignment = { horizontal: 'center' };
    if (!line) ws.getRow(r).height = 45;
    r++;
  }
  if (regencyListState(input) === 'final') {
    const fp = regencyFingerprint(kind, input);
    r++;
    ws.mergeCells(r, 1, r, span);
    ws.getCell(r, 1).value = `Sidik dokumen: ${fp.short} (kode QR: ${fp.qrText}). Keaslian dapat diperiksa di aplikasi PPID Desk.`;
    ws.getCell(r, 1).font = { name: font, size: size - 1, italic: true };
  }
}

/** The workbook's bytes: sheet "DIP", then sheet "DIK". */
export async function buildRegencyXlsx(ctx: RegencyContext): Promise<Buffer> {
  const { settings, input } = ctx;
  const tz = settings.calendar.timeZone;
  const font = settings.documents.font;
  const size = themeOf(settings).table;
  const signed = regencyListState(input) === 'final';
  const wb = newWorkbook(settings, input.regency.signed ? new Date(input.regency.signed.at) : ctx.now);
  const footer = (kind: RegencyListKind) => (signed ? `Sidik dokumen: ${regencyFingerprint(kind, input).short}` : 'DRAFT — belum ditandatangani');
  const heading = (title: string, note: string) => ({
    richText: [
      { text: `${title}\n`, font: { name: font, size, bold: true } },
      { text: note, font: { name: font, size: size - 1, italic: true } },
    ],
  });

  {
    const span = DIP_COLUMNS.length;
    const { ws, next } = startSheet(wb, {
      name: 'DIP',
      title: regencyTitleLines('dip', input),
      subtitle: regencySummary(input),
      heads: DIP_COLUMNS.map((c) => c.head),
      weights: DIP_COLUMNS.map((c) => c.weight),
      numbered: true,
      settings,
      footer: footer('dip'),
    });
    let row = next;
    for (const s of regencyDipSections(input, tz)) {
      spanRow(ws, row++, span, heading(s.heading.title, s.heading.note), { fill: OPD_SHADE, font: { name: font, size, bold: true }, height: 30 });
      for (const g of s.groups ?? []) {
        spanRow(ws, row++, span, `${g.letter}. ${g.heading}`, { fill: GROUP_FILL, font: { name: font, size, bold: true } });
        if (!g.rows.length) spanRow(ws, row++, span, DIP_EMPTY_GROUP, { font: { name: font, size, italic: true } });
        for (const r of g.rows) itemRow(ws, row++, DIP_COLUMNS, r, font, size);
      }
    }
    closing(ws, row, span, ctx, 'dip', font, size);
  }

  {
    const span = DIK_COLUMNS.length;
    const { ws, next } = startSheet(wb, {
      name: 'DIK',
      title: regencyTitleLines('dik', input),
      subtitle: regencySummary(input),
      heads: DIK_COLUMNS.map((c) => c.head),
      weights: DIK_COLUMNS.map((c) => c.weight),
      numbered: true,
      settings,
      footer: footer('dik'),
    });
    let row = next;
    for (const s of regencyDikSections(input, tz)) {
      spanRow(ws, row++, span, heading(s.heading.title, s.heading.note), { fill: OPD_SHADE, font: { name: font, size, bold: true }, height: 30 });
      if (s.rows && !s.rows.length) spanRow(ws, row++, span, DIK_EMPTY, { font: { name: font, size, italic: true } });
      for (const r of s.rows ?? []) itemRow(ws, row++, DIK_COLUMNS, r, font, size);
    }
    closing(ws, row, span, ctx, 'dik', font, size);
  }

  return workbookBytes(wb);
}
