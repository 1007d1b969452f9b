import { AlignmentType, Footer, Header, LineRuleType, PageNumber, Paragraph, TextRun, type Document, type ISectionOptions, type Table } from 'docx';
import { formatNip } from '../../domain/nip';
import type { DocumentContext } from './context';
import { hariTanggal } from '../shared/dates';
import { makeDocument, emptyHeader } from './parts/frame';
import { kopSurat } from './parts/kop';
import { HEADER_SHADE, NUMBER_SHADE } from './parts/list';
import { cm, pageLayout, splitWidth } from './parts/page';
import { fixedTable, type RowSpec } from './parts/table';
import { centred, para } from './parts/text';
import { dikRows, type DikRow } from '../shared/rows';
import {
  ujiSigners,
  themeOf,
  ujiContinuationText,
  ujiCountText,
  ujiPageText,
  ujiTestDate,
  UJI_CLOSING_TEXT,
  UJI_CONCLUSION_TEXT,
  UJI_SIGN_DOTS,
  UJI_SIGN_WEIGHTS,
  UJI_TEST_LABELS,
  UJI_TEST_WEIGHTS,
  type Participant,
  type Theme,
} from '../shared/texts';

function testTable(r: DikRow, w: number, theme: Theme): Table {
  const size = theme.table;
  const p = (text: string, style: { bold?: boolean; italics?: boolean } = {}) =>
    para(text.trim() || '-', { spacing: { before: 0, after: 0 } }, { size, ...style });
  const L = UJI_TEST_LABELS;
  const facts: [string, Paragraph[]][] = [
    [L.judul, [p(r.judul, { bold: true })]],
    [L.ringkasan, [p(r.ringkasan)]],
    [L.pejabatPenguasa, [p(r.pejabatPenguasa)]],
    [L.dasarHukum, r.alasan ? [p(r.dasarHukum), p(`(${r.alasan})`, { italics: true })] : [p(r.dasarHukum)]],
    [L.konsekuensi, [p(r.konsekuensi)]],
    [L.pertimbangan, [p(r.pertimbangan)]],
    [L.jangkaWaktu, [p(r.jangkaWaktu)]],
    [L.kesimpulan, [p(UJI_CONCLUSION_TEXT)]],
  ];
  const widths = splitWidth(w, UJI_TEST_WEIGHTS);
  const rows: RowSpec[] = [
    {
      header: true,
      cells: ['No.', 'Unsur Pengujian', 'Hasil Pengujian'].map((h) => ({
        shading: HEADER_SHADE,
        children: [para(h, { alignment: AlignmentType.CENTER }, { size, bold: true })],
      })),
    },
    ...facts.map(([label, value], i) => ({
      cells: [{ children: [para(`${i + 1}.`, { alignment: AlignmentType.CENTER }, { size })] }, { children: [p(label)] }, { children: value }],
    })),
  ];
  return fixedTable(widths, rows);
}

function signTable(list: Participant[], w: number, theme: Theme): Table {
  const size = theme.table;
  const widths = splitWidth(w, UJI_SIGN_WEIGHTS);
  const head: RowSpec = {
    header: true,
    cells: ['No.', 'Nama / NIP', 'Kedudukan', 'Tanda Tangan'].map((h) => ({
      shading: NUMBER_SHADE,
      children: [para(h, { alignment: AlignmentType.CENTER }, { size, bold: true })],
    })),
  };
  return fixedTable(widths, [
    head,
    ...list.map((x, i): RowSpec => {
      const id = x.person.asn !== 'NON_ASN' && x.person.nip ? `NIP. ${formatNip(x.person.nip)}` : x.person.jabatan;
      return {
        height: { value: cm(0.8), rule: 'atLeast' },
        // The signing table moves as a whole rather than leave some signers on another page.
        keepNext: i < list.length - 1,
        cells: [
          { children: [para(`${i + 1}.`, { alignment: AlignmentType.CENTER }, { size })] },
          { children: [para(x.person.name, {}, { size, bold: true }), para(id, {}, { size })] },
          { children: [para(x.role, {}, { size }), para(x.person.jabatan, {}, { size: theme.small, italics: true })] },
          // Staggered like a paper attendance list, so signatures do not overlap.
          {
            children: [para(`${i + 1}. ${UJI_SIGN_DOTS}`, { alignment: i % 2 ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { before: 120 } }, { size })],
          },
        ],
      };
    }),
  ]);
}

/** "Lembar 2 dari 3 · halaman 1": each sheet numbers its own pages (the section restarts them). */
function sheetFooter(index: number, count: number, theme: Theme): Footer {
  const [before, after] = ujiPageText(index, count).split('{page}') as [string, string];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 0, after: 0 },
        children: [new TextRun({ size: theme.small * 2, children: [before, PageNumber.CURRENT, after] })],
      }),
    ],
  });
}

/**
 * The paragraph that carries the section break after the signing table. Left to the docx
 * library it is a full-size empty line, which on a full page spills onto a page of its own.
 */
function sectionEnd(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

/**
 * Over a sheet's second page, should one not fit: the sheet's number and the information
 * tested, so a loose page still says what it belongs to. The first page has the kop instead.
 */
function continuationHeader(text: string, theme: Theme): Header {
  return new Header({
    children: [new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text, size: theme.small * 2, italics: true })] })],
  });
}

/**
 * The Lembar Uji Konsekuensi (Pasal 2 ayat (4) and Pasal 19 UU 14/2008): one sheet per exempt
 * item — each exemption is its own decision, signed by everyone who took part. Portrait,
 * each sheet with the kop, each a section of its own so that its pages are numbered by
 * themselves and a continuation page names its sheet. `itemIds` limits it to some items
 * (default: all exempt ones).
 */
export function buildUjiKonsekuensi(ctx: DocumentContext, itemIds?: readonly string[]): Document {
  const { settings, cycle } = ctx;
  const theme = themeOf(settings);
  const all = dikRows(cycle.items);
  const list = itemIds ? all.filter((r) => itemIds.includes(r.itemId)) : all;
  if (!list.length) throw new Error('Tidak ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.');
  const layout = pageLayout(settings.documents.paper, 'portrait', true);
  const w = layout.contentWidth;
  const people = ujiSigners(settings, cycle);
  const testedOn = ujiTestDate(cycle, ctx.now);
  const when = hariTanggal(testedOn, settings.calendar.timeZone);
  const place = settings.office.placeName;

  const sections: ISectionOptions[] = list.map((r, i) => {
    const footer = sheetFooter(i, list.length, theme);
    return {
      properties: { ...layout.properties, page: { ...layout.properties.page, pageNumbers: { start: 1 } } },
      headers: { first: emptyHeader(), default: continuationHeader(ujiContinuationText(i, list.length, r.judul), theme) },
      footers: { first: footer, default: footer },
      children: [
        ...kopSurat(settings, ctx.emblem, w, theme),
        centred('LEMBAR UJI KONSEKUENSI', { bold: true, size: theme.body + 1 }),
        centred('INFORMASI YANG DIKECUALIKAN', { bold: true, size: theme.body }),
        centred(ujiCountText(i, list.length, cycle.year), { size: theme.small + 1 }, { spacing: { after: 40 } }),
        para(
          `Pada hari ini, ${when}, bertempat di ${place}, kami yang bertanda tangan di bawah ini telah melakukan uji konsekuensi ` +
            'sebagaimana dimaksud dalam Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik ' +
            'terhadap informasi berikut:',
          { alignment: AlignmentType.JUSTIFIED, spacing: { after: 40 } },
          { size: theme.body },
        ),
        testTable(r, w, theme),
        para(
          UJI_CLOSING_TEXT,
          { alignment: AlignmentType.JUSTIFIED, spacing: { before: 80, after: 40 }, keepNext: true },
          { size: theme.body },
        ),
        para('Yang melakukan uji konsekuensi:', { keepNext: true, spacing: { after: 40 } }, { size: theme.body, bold: true }),
        signTable(people, w, theme),
        sectionEnd(),
      ],
    };
  });

  return makeDocument(settings, { title: `Lembar Uji Konsekuensi ${cycle.year}`, description: `${settings.office.opdName} — ${cycle.title}` }, sections);
}
