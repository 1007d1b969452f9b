import { AlignmentType, BorderStyle, Footer, PageNumber, Paragraph, TextRun, type Document, type Table } from 'docx';
import type { NotaDinasDraft } from '../../domain/workflow';
import type { DocumentContext } from './context';
import { tanggal } from '../shared/dates';
import { notaDinasLayout } from '../shared/nota-dinas';
import { emptyFooter, emptyHeader, makeDocument, markHeader, STYLE } from './parts/frame';
import { kopSurat } from './parts/kop';
import { cm, pageLayout } from './parts/page';
import { signatureBlock } from './parts/signature';
import { fixedTable } from './parts/table';
import { para, runs } from './parts/text';
import { NOTA_DINAS_DRAFT_MARK, NOTA_DINAS_UNNUMBERED, themeOf, upper, type BodyBlock, type Theme } from '../shared/texts';
import { balancedLines } from '../shared/kop';

/** A list item with its marker hanging in front, left-aligned: justified, a short item stretches its spaces. */
function itemParagraph(b: Extract<BodyBlock, { kind: 'item' }>, indent: number, after: number, keepNext: boolean): Paragraph {
  const hang = cm(0.8);
  return new Paragraph({
    style: STYLE.body,
    alignment: AlignmentType.LEFT,
    indent: { left: indent + hang, hanging: hang },
    tabStops: [{ type: 'left', position: indent + hang }],
    keepNext,
    spacing: { before: 0, after },
    children: runs(`${b.marker}\t${b.text}`),
  });
}

/**
 * Single-spaced, as the Tata Naskah Dinas letters are: that is what keeps a typical Nota
 * Dinas on one A4 page. The closing paragraph keeps with the signature that follows it, so
 * the signature never starts a page of its own. The run sizes come from the Body Text style.
 */
function bodyParagraphs(blocks: BodyBlock[]): Paragraph[] {
  const indent = cm(1.25);
  return blocks.map((b, i, all) => {
    const nextIsItem = all[i + 1]?.kind === 'item';
    const last = i === all.length - 1;
    if (b.kind === 'paragraph') {
      return para(b.text, {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: indent },
        keepNext: last,
        spacing: { before: 0, after: nextIsItem ? 60 : 120 },
      });
    }
    return itemParagraph(b, indent, nextIsItem ? 0 : 120, last);
  });
}

function headTable(d: NotaDinasDraft, date: string, lampiran: string, contentWidth: number): Table {
  const label = cm(2.6);
  const colon = cm(0.5);
  const tembusan = d.tembusan.filter((t) => t.trim());
  const rows: [string, string][] = [
    ['Yth.', d.kepada],
    ['Dari', d.dari],
    ['Tembusan', tembusan.length === 0 ? '-' : tembusan.length === 1 ? tembusan[0]! : tembusan.map((t, i) => `${i + 1}. ${t}`).join('\n')],
    ['Tanggal', date],
    ['Sifat', d.sifat],
    ['Lampiran', lampiran],
    ['Hal', d.hal],
  ];
  const noPad = { top: 0, bottom: 0, left: 0, right: 0 };
  return fixedTable(
    [label, colon, contentWidth - label - colon],
    rows.map(([k, v]) => ({
      cells: [
        { children: [para(k)], margins: noPad },
        { children: [para(':')], margins: noPad },
        { children: [para(v)], margins: noPad },
      ],
    })),
    false,
  );
}

/**
 * The lampiran page: its head at the right ("Lampiran Nota Dinas", number, date) as the Tata
 * Naskah Dinas lays a lampiran out, the Hal as its title, the list, and the ketua's signature.
 */
function lampiranPage(items: Extract<BodyBlock, { kind: 'item' }>[], d: NotaDinasDraft, number: string, date: string, w: number, theme: Theme, signature: Paragraph[]): (Paragraph | Table)[] {
  const left = Math.round(w * 0.42);
  const label = cm(1.9);
  const colon = cm(0.4);
  const noPad = { top: 0, bottom: 0, left: 0, right: 0 };
  const cell = (text: string) => ({ children: [para(text, { keepNext: true })], margins: noPad });
  // The head as a borderless table in the right half: its colons line up in every suite.
  const head = fixedTable(
    [left, label, colon, w - left - label - colon],
    [
      { cells: [cell(''), { ...cell('Lampiran Nota Dinas'), span: 3 }] },
      { cells: [cell(''), cell('Nomor'), cell(':'), cell(number)] },
      { cells: [cell(''), cell('Tanggal'), cell(':'), cell(date)] },
    ],
    false,
  );
  return [
    new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] }),
    head,
    // The Hal as the title, its words spread evenly so no word stands alone on a line.
    new Paragraph({ style: STYLE.heading, spacing: { before: 360, after: 240 }, children: runs(balancedLines(upper(d.hal), w, theme.body, true).join('\n')) }),
    ...items.map((b, i) => itemParagraph(b, 0, i === items.length - 1 ? 240 : 60, i === items.length - 1)),
    ...signature,
  ];
}

/**
 * The Nota Dinas of step 2, from the ketua PPID to the PPID officers: kop on the first page
 * only, the head aligned on its colons (the tembusan in it, once, as the Nota Dinas format
 * has it), the body, the ketua's signature at the right; a long list goes to a lampiran page
 * (shared/nota-dinas.ts), so the Nota Dinas stays one page. Before it is issued it has no
 * number and says KONSEP on every page.
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
  const dated = cycle.notaDinas.date ? new Date(cycle.notaDinas.date) : ctx.now;
  const date = tanggal(dated, settings.calendar.timeZone);
  const { body, lampiran, lampiranLabel } = notaDinasLayout(d);
  const signature = () =>
    signatureBlock({ jabatan: [settings.officials.ketuaPpid.jabatan], person: settings.officials.ketuaPpid, indent: Math.round(w * 0.42) }, theme);

  const children: (Paragraph | Table)[] = [
    ...kopSurat(settings, ctx.emblem, w, theme),
    new Paragraph({ style: STYLE.title, children: runs('NOTA DINAS') }),
    new Paragraph({ style: STYLE.body, alignment: AlignmentType.CENTER, spacing: { before: 0, after: 160 }, children: runs(`NOMOR: ${number}`) }),
    headTable(d, date, lampiranLabel, w),
    // The rule under the head: an empty paragraph of fixed small height carrying a border.
    new Paragraph({
      spacing: { before: 0, after: 240, line: 100, lineRule: 'exact' },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
      children: [],
    }),
    ...bodyParagraphs(body),
    ...signature(),
    ...(lampiran ? lampiranPage(lampiran, d, number, date, w, theme, signature()) : []),
  ];

  // A fresh Header per slot: docx writes each instance as its own part.
  const header = () => (issued ? emptyHeader() : markHeader(NOTA_DINAS_DRAFT_MARK, theme));
  return makeDocument(
    settings,
    { title: `Nota Dinas ${issued ? `Nomor ${number}` : '(Konsep)'}: ${d.hal}`, description: d.hal, created: dated },
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
