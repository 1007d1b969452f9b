import { type Document, type Paragraph } from 'docx';
import type { DocumentContext } from './context';
import type { ListState } from '../../domain/document-views';
import { listStateOf, LIST_STATE_LABELS } from '../../domain/document-views';
import { documentFingerprint } from './fingerprint';
import { tanggal } from '../shared/dates';
import { makeDocument } from './parts/frame';
import { cellText, headRows, keepLastWithNext, kepalaSignatureRow, listSection, titleBlock } from './parts/list';
import { splitWidth } from './parts/page';
import { fixedTable, type RowSpec } from './parts/table';
import { dikRows, type DikRow } from '../shared/rows';
import { DIK_EMPTY, DIK_HEADS, DIK_WEIGHTS, themeOf, type Theme } from '../shared/texts';

function rows(list: DikRow[], theme: Theme): RowSpec[] {
  if (!list.length) {
    return [{ cells: [{ children: [] }, { span: DIK_HEADS.length - 1, children: [cellText(DIK_EMPTY, theme, { italics: true })] }] }];
  }
  return list.map((r) => {
    const info: Paragraph[] = [cellText(r.judul, theme, { bold: true, after: 40 })];
    if (r.uraian.trim()) info.push(cellText(r.uraian, theme, { after: 40 }));
    if (r.pejabat.trim()) info.push(cellText(`Dikuasai: ${r.pejabat}`, theme, { italics: true }));
    const basis: Paragraph[] = [cellText(r.dasarHukum, theme, { after: r.alasan ? 40 : 0 })];
    if (r.alasan) basis.push(cellText(`(${r.alasan})`, theme, { italics: true }));
    return {
      cells: [
        { children: [cellText(`${r.no}.`, theme, { center: true })] },
        { children: info },
        { children: basis },
        { children: [cellText(r.konsekuensi, theme)] },
        { children: [cellText(r.pertimbangan, theme)] },
        { children: [cellText(r.jangkaWaktu, theme)] },
      ],
    };
  });
}

/**
 * The Daftar Informasi yang Dikecualikan, signed by the Kepala OPD as atasan PPID and kept
 * as archive (step 6). Same marks as the DIP: Konsep/Draft on every page until signed.
 */
export function buildDik(ctx: DocumentContext, state: ListState = listStateOf(ctx.cycle)): Document {
  const { settings, cycle } = ctx;
  if (state === 'final' && !cycle.signed) throw new Error('Daftar belum ditandatangani Kepala OPD: hanya Konsep atau Draft yang dapat dicetak.');
  const theme = themeOf(settings);
  const fp = state === 'final' ? documentFingerprint('dik', cycle) : null;
  const seal = fp
    ? {
        short: fp.short,
        qrText: fp.qrText,
        caption: `Daftar Informasi yang Dikecualikan Tahun ${cycle.year}, versi ${cycle.version}, ditandatangani ${tanggal(cycle.signed!.at, settings.calendar.timeZone)}. Keaslian lembar ini dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen atau kode QR.`,
      }
    : null;
  return makeDocument(
    settings,
    { title: `Daftar Informasi yang Dikecualikan Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`, description: `${settings.office.opdName} — ${cycle.title}` },
    [
      listSection(settings, state, seal, theme, (w) => [
        ...titleBlock('DAFTAR INFORMASI YANG DIKECUALIKAN', settings, cycle.year, theme),
        fixedTable(splitWidth(w, DIK_WEIGHTS), [
          ...headRows(DIK_HEADS, theme),
          ...keepLastWithNext(rows(dikRows(cycle.items), theme)),
          kepalaSignatureRow(settings, cycle, ctx.now, w, DIK_HEADS.length, theme),
        ]),
      ]),
    ],
  );
}
