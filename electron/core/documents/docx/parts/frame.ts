import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  TextRun,
  VerticalAlignTable,
  type ISectionOptions,
} from 'docx';
import type { Settings } from '../../../domain/office';
import { cm } from './page';
import { qrPng } from './fingerprint';
import { fixedTable } from './table';
import { runs, type Theme } from './text';

/**
 * A header text, not a watermark: LibreOffice drops or misplaces Word's VML watermarks,
 * while a header prints on every page in every office suite.
 */
export function markHeader(text: string, theme: Theme): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 0, after: 0 },
        children: runs(text, { bold: true, size: theme.body, characterSpacing: 10 }),
      }),
    ],
  });
}

export const emptyHeader = () => new Header({ children: [new Paragraph({})] });
export const emptyFooter = () => new Footer({ children: [new Paragraph({})] });

function pageOfPages(theme: Theme, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.RIGHT): Paragraph {
  return new Paragraph({
    alignment,
    spacing: { before: 0, after: 0 },
    children: [new TextRun({ size: theme.small * 2, children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES] })],
  });
}

export function pageNumberFooter(theme: Theme, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.RIGHT): Footer {
  return new Footer({ children: [pageOfPages(theme, alignment)] });
}

/** What a signed list prints beside its QR code. */
export interface SealSpec {
  short: string;
  qrText: string;
  caption: string;
}

/**
 * The QR's side on paper, from its module count: modules of 0.42 mm (quiet zone included),
 * which a 150-dpi scan still reads; a version-4 code comes to about 1.7 cm.
 */
const QR_MODULE_MM = 0.42;
const qrSidePx = (modules: number) => Math.ceil(((modules * QR_MODULE_MM) / 25.4) * 96);

/**
 * The footer of a signed list: QR code, fingerprint and page number on every page, so any
 * single sheet can be checked against the app.
 */
export function sealFooter(seal: SealSpec, contentWidth: number, theme: Theme): Footer {
  const qr = qrPng(seal.qrText);
  const qrCol = cm(1.8);
  const pageCol = cm(3.5);
  const table = fixedTable(
    [qrCol, contentWidth - qrCol - pageCol, pageCol],
    [
      {
        cells: [
          {
            children: [
              new Paragraph({
                spacing: { before: 0, after: 0 },
                children: [
                  new ImageRun({
                    type: 'png',
                    data: qr.png,
                    transformation: { width: qrSidePx(qr.modules), height: qrSidePx(qr.modules) },
                    altText: { name: 'Kode QR', title: 'Kode QR', description: seal.qrText },
                  }),
                ],
              }),
            ],
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            verticalAlign: VerticalAlignTable.CENTER,
          },
          {
            children: [
              new Paragraph({
                spacing: { before: 0, after: 0 },
                children: [...runs('Sidik dokumen: ', { size: theme.small }), ...runs(seal.short, { size: theme.small + 1, bold: true })],
              }),
              new Paragraph({ spacing: { before: 0, after: 0 }, children: runs(seal.caption, { size: theme.small }) }),
            ],
            margins: { top: 0, bottom: 0, left: 80, right: 80 },
            verticalAlign: VerticalAlignTable.CENTER,
          },
          { children: [pageOfPages(theme)], margins: { top: 0, bottom: 0, left: 0, right: 0 }, verticalAlign: VerticalAlignTable.CENTER },
        ],
      },
    ],
    false,
  );
  return new Footer({ children: [table] });
}

/** One document with the office's font and size as the defaults, in Indonesian. */
export function makeDocument(settings: Settings, meta: { title: string; description: string }, sections: ISectionOptions[]): Document {
  return new Document({
    creator: `PPID Pembantu ${settings.office.opdName}`,
    title: meta.title,
    description: meta.description,
    styles: {
      default: {
        document: {
          run: { font: settings.documents.font, size: settings.documents.fontSize * 2, language: { value: 'id-ID' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
}
