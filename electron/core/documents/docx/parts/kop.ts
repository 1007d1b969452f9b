import { AlignmentType, BorderStyle, ImageRun, Paragraph, VerticalAlignTable, type Table } from 'docx';
import type { Settings } from '../../../domain/office';
import { imageSize } from '../../../files/image';
import { fixedTable } from './table';
import { cm } from './page';
import { runs, STYLE } from './text';
import { kopLines } from '../../shared/kop';
import type { Theme } from '../../shared/texts';

/** The box the emblem fits in, in px at 96 per inch (about 2.6 × 2.4 cm); its aspect is kept. */
const EMBLEM_BOX = { width: 100, height: 90 };

function emblemRun(emblem: Buffer, meta: Settings['emblem']): ImageRun | null {
  const found = imageSize(emblem);
  if (!found) return null;
  const w = meta?.width ?? found.width;
  const h = meta?.height ?? found.height;
  const scale = Math.min(EMBLEM_BOX.width / w, EMBLEM_BOX.height / h);
  return new ImageRun({
    type: found.type,
    data: emblem,
    transformation: { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) },
    altText: { name: 'Lambang daerah', description: 'Lambang daerah', title: 'Lambang daerah' },
  });
}

/**
 * Kop surat: emblem at the left, the heading centred on the page (a third, empty column as
 * wide as the emblem's keeps it on the page's axis, not the remaining space's), and the
 * closing thick-thin rule.
 */
export function kopSurat(settings: Settings, emblem: Buffer | null, contentWidth: number, theme: Theme): (Table | Paragraph)[] {
  // The emblem's column on the left, a narrow one on the right: the heading is centred a
  // little right of the page's axis but keeps room for a long OPD name and address.
  const left = cm(2.7);
  const right = cm(0.6);
  const textWidth = contentWidth - left - right;
  const image = emblem ? emblemRun(emblem, settings.emblem) : null;
  const heading = kopLines(settings, textWidth - 120, theme).map((l) =>
    new Paragraph({
      style: STYLE.kop,
      spacing: { before: l.gapBefore ? 40 : 0, after: 0 },
      children: runs(l.lines.join('\n'), { size: l.sizePt, bold: l.bold }),
    }),
  );
  const table = fixedTable(
    [left, textWidth, right],
    [
      {
        cells: [
          {
            children: [new Paragraph({ alignment: AlignmentType.LEFT, children: image ? [image] : [] })],
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
          },
          { children: heading, verticalAlign: VerticalAlignTable.CENTER, margins: { top: 0, bottom: 0, left: 60, right: 60 } },
          { children: [], margins: { top: 0, bottom: 0, left: 0, right: 0 } },
        ],
      },
    ],
    false,
  );
  const rule = new Paragraph({
    spacing: { before: 60, after: 180, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    children: runs(''),
  });
  return [table, rule];
}
