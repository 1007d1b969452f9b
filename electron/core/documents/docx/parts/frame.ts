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
import { runs, STYLE, themeOf, type Theme } from './text';

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

export { STYLE } from './text';

function paragraphStyles(settings: Settings) {
  const theme = themeOf(settings);
  const font = settings.documents.font;
  const size = (pt: number) => pt * 2;
  const tight = { before: 0, after: 0 };
  return {
    title: {
      run: { font, size: size(theme.body + 1), bold: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: tight, keepNext: true, keepLines: true },
    },
    heading1: {
      run: { font, size: size(theme.body), bold: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120 }, keepNext: true, keepLines: true },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        // No alignment or spacing of its own: every paragraph of the lists takes this style
        // by default (text.ts para) and must look as it did under Normal.
        run: { font, size: size(theme.body) },
        paragraph: { spacing: tight },
      },
      {
        id: STYLE.table,
        name: 'Table Text',
        basedOn: 'Normal',
        next: STYLE.table,
        quickFormat: true,
        run: { font, size: size(theme.table) },
        paragraph: { spacing: tight },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        next: STYLE.signature,
        quickFormat: true,
        run: { font, size: size(theme.body) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: tight, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.kop,
        name: 'Kop Surat',
        basedOn: 'Normal',
        next: STYLE.kop,
        quickFormat: true,
        run: { font, size: size(theme.small + 1) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: tight },
      },
    ],
  };
}

/** What docProps/core.xml says of a document: docx itself always stamps the machine's clock. */
interface CoreMeta {
  title: string;
  description: string;
  creator: string;
  created?: Date;
}
const coreMeta = new WeakMap<Document, CoreMeta>();

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const w3cdtf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * docProps/core.xml for a document made by makeDocument: the office as its author, the
 * document's title, and its own date (the date it was issued or signed) as created and
 * modified, so the file says when the letter is from, not when someone printed it. Null for a
 * document not made here, or with no date of its own.
 */
export function coreXml(doc: Document, fallbackDate?: Date): string | null {
  const meta = coreMeta.get(doc);
  const date = meta?.created ?? fallbackDate;
  if (!meta || !date) return null;
  const stamp = (tag: string) => `<dcterms:${tag} xsi:type="dcterms:W3CDTF">${w3cdtf(date)}</dcterms:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(meta.title)}</dc:title>` +
    `<dc:creator>${xmlText(meta.creator)}</dc:creator>` +
    (meta.description ? `<dc:description>${xmlText(meta.description)}</dc:description>` : '') +
    `<cp:lastModifiedBy>${xmlText(meta.creator)}</cp:lastModifiedBy>` +
    stamp('created') +
    stamp('modified') +
    '</cp:coreProperties>'
  );
}

/**
 * One document with the office's font and size as the defaults, in Indonesian, with the
 * shared paragraph styles. `created` is the document's own date; without it the packing
 * service supplies one (services/documents.ts).
 */
export function makeDocument(settings: Settings, meta: { title: string; description: string; created?: Date }, sections: ISectionOptions[]): Document {
  const creator = settings.office.opdName;
  const { paragraphStyles: custom, ...builtIn } = paragraphStyles(settings);
  const doc = new Document({
    creator,
    lastModifiedBy: creator,
    title: meta.title,
    description: meta.description,
    styles: {
      default: {
        document: {
          run: { font: settings.documents.font, size: settings.documents.fontSize * 2, language: { value: 'id-ID' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        ...builtIn,
      },
      paragraphStyles: custom,
    },
    sections,
  });
  coreMeta.set(doc, { title: meta.title, description: meta.description, creator, ...(meta.created ? { created: meta.created } : {}) });
  return doc;
}
