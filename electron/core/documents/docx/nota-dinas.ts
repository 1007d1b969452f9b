import { AlignmentType, BorderStyle, Footer, PageNumber, Paragraph, TextRun, type Document, type Table } from 'docx';
import type { NotaDinasDraft } from '../../domain/workflow';
import type { DocumentContext } from './context';
import { tanggal } from '../shared/dates';
import { emptyFooter, emptyHeader, makeDocument, markHeader } from './parts/frame';
import { kopSurat } from './parts/kop';
import { cm, pageLayout } from './parts/page';
import { signatureBlock } from './parts/signature';
import { fixedTable } from './parts/table';
import { centred, para, runs } from './parts/text';
import { bodyBlocks, NOTA_DINAS_DRAFT_MARK, NOTA_DINAS_UNNUMBERED, themeOf, type Theme } from '../shared/texts';

/**
 * Single-spaced, as the Tata Naskah Dinas letters are: that is what keeps a typical Nota
 * Dinas on one A4 page. The closing paragraph keeps with the signature that follows it, so
 * the signature never starts a page of its own.
 */
function bodyParagraphs(isi: string, theme: Theme): Paragraph[] {
  const hang = cm(0.8);
  const indent = cm(1.25);
  return bodyBlocks(isi).map((b, i, all) => {
    const nextIsItem = all[i + 1]?.kind === 'item';
    const last = i === all.length - 1;
    if (b.kind === 'paragraph') {
      return para(b.text, {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: indent },
        keepNext: last,
        spacing: { before: 0, after: nextIsItem ? 60 : 120 },
      }, { size: theme.body });
    }
    // Left-aligned: a justified short list item stretches its spaces across the line.
    return new Paragraph({
      alignment: AlignmentType.LEFT,
      indent: { left: indent + hang, hanging: hang },
      tabStops: [{ type: 'left', position: indent + hang }],
      keepNext: last,
      spacing: { before: 0, after: nextIsItem ? 0 : 120 },
      children: runs(`${b.marker}\t${b.text}`, { size: theme.body }),
    });
  });
}

function headTable(d: NotaDinasDraft, date: string, contentWidth: number, theme: Theme): Table {
  const label = cm(2.6);
  const colon = cm(0.5);
  const tembusan = d.tembusan.filter((t) => t.trim());
  const rows: [string, string][] = [
    ['Yth.', d.kepada],
    ['Dari', d.dari],
    ['Tembusan', tembusan.length === 0 ? '-' : tembusan.length === 1 ? tembusan[0]! : tembusan.map((t, i) => `${i + 1}. ${t}`).join('\n')],
    ['Tanggal', date],
    ['Sifat', d.sifat],
    ['Lampiran', d.lampiran.trim() || '-'],
    ['Hal', d.hal],
  ];
  const tight = { spacing: { before: 0, after: 0 } };
  const noPad = { top: 0, bottom: 0, left: 0, right: 0 };
  return fixedTable(
    [label, colon, contentWidth - label - colon],
    rows.map(([k, v]) => ({
      cells: [
        { children: [para(k, tight, { size: theme.body })], margins: noPad },
        { children: [para(':', tight, { size: theme.body })], margins: noPad },
        { children: [para(v, tight, { size: theme.body })], margins: noPad },
      ],
    })),
    false,
  );
}

/**
 * The Nota Dinas of step 2, from the ketua PPID to the PPID officers: kop on the first page
 * only, the head aligned on its colons, the body, the ketua's signature at the right, the
 * tembusan below, page numbers from page 2. Before it is issued it has no number and says
 * KONSEP on every page.
 */
export function buildNotaDinas(ctx: DocumentContext): Document {
  const { settings, cycle } = ctx;
  const d = cycle.notaDinas.draft;
  if (!d) throw new Error('Nota Dinas belum disusun.');
  const theme = themeOf(settings);
  const layout = pageLayout(settings.documents.paper, 'portrait', true);
  const w = layout.contentWidth;
  const issued = cycle.notaDinas.number !== null;
  const number = cycle.notaDinas.number ?? NOTA_DINAS_UNNUMBERED;
  const date = tanggal(cycle.notaDinas.date ?? ctx.now, settings.calendar.timeZone);
  const tembusan = d.tembusan.filter((t) => t.trim());

  const children: (Paragraph | Table)[] = [
    ...kopSurat(settings, ctx.emblem, w, theme),
    centred('NOTA DINAS', { bold: true, size: theme.body + 1 }, { spacing: { before: 0, after: 0 } }),
    centred(`NOMOR: ${number}`, { size: theme.body }, { spacing: { before: 0, after: 160 } }),
    headTable(d, date, w, theme),
    // The rule under the head: an empty paragraph of fixed small height carrying a border.
    new Paragraph({
      spacing: { before: 0, after: 240, line: 100, lineRule: 'exact' },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
      children: [],
    }),
    ...bodyParagraphs(d.isi, theme),
    ...signatureBlock(
      {
        jabatan: [settings.officials.ketuaPpid.jabatan],
        person: settings.officials.ketuaPpid,
        indent: Math.round(w * 0.42),
        // A Nota Dinas carries no stamp: the signature alone needs about 1.8 cm.
        signingSpace: 1000,
        keepWithFollowing: tembusan.length > 0,
      },
      theme,
    ),
  ];
  if (tembusan.length) {
    children.push(
      para('Tembusan:', { spacing: { before: 120, after: 0 }, keepNext: true, keepLines: true }, { size: theme.body - 1 }),
      ...tembusan.map((t, i) =>
        new Paragraph({
          indent: { left: cm(0.6), hanging: cm(0.6) },
          keepNext: i < tembusan.length - 1,
          keepLines: true,
          children: runs(`${i + 1}.\t${t}`, { size: theme.body - 1 }),
          tabStops: [{ type: 'left', position: cm(0.6) }],
        }),
      ),
    );
  }

  // A fresh Header per slot: docx writes each instance as its own part.
  const header = () => (issued ? emptyHeader() : markHeader(NOTA_DINAS_DRAFT_MARK, theme));
  return makeDocument(
    settings,
    { title: `Nota Dinas ${number}`, description: d.hal },
    [
      {
        properties: layout.properties,
        headers: { first: header(), default: header() },
        footers: {
          first: emptyFooter(),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: theme.small * 2 + 2, children: ['- ', PageNumber.CURRENT, ' -'] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  );
}
