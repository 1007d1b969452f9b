import { AlignmentType, Paragraph, type Document, type Table } from 'docx';
import { formatNip } from '../../domain/nip';
import type { DocumentContext } from './context';
import { hariTanggal, tanggal, ujiHeldAt } from '../shared/dates';
import { makeDocument, pageNumberFooter, emptyHeader } from './parts/frame';
import { kopSurat } from './parts/kop';
import { HEADER_SHADE, NUMBER_SHADE } from './parts/list';
import { cm, pageLayout, splitWidth } from './parts/page';
import { fixedTable, type RowSpec } from './parts/table';
import { centred, para } from './parts/text';
import { dikRows, type DikRow } from '../shared/rows';
import { participants, themeOf, UJI_CONCLUSION_TEXT, UJI_SIGN_WEIGHTS, UJI_TEST_WEIGHTS, type Participant, type Theme } from '../shared/texts';

function testTable(r: DikRow, w: number, theme: Theme): Table {
  const size = theme.table;
  const p = (text: string, style: { bold?: boolean; italics?: boolean } = {}) =>
    para(text.trim() || '-', { spacing: { before: 0, after: 0 } }, { size, ...style });
  const facts: [string, Paragraph[]][] = [
    ['Dokumen yang memuat informasi', [p(r.judul, { bold: true })]],
    ['Informasi yang dikecualikan', [p(r.ringkasan)]],
    ['Pejabat/unit yang menguasai informasi', [p(r.pejabatPenguasa)]],
    ['Dasar hukum pengecualian', r.alasan ? [p(r.dasarHukum), p(`(${r.alasan})`, { italics: true })] : [p(r.dasarHukum)]],
    ['Konsekuensi apabila informasi dibuka', [p(r.konsekuensi)]],
    ['Pertimbangan apabila informasi ditutup (kepentingan yang dilindungi)', [p(r.pertimbangan)]],
    ['Jangka waktu pengecualian', [p(r.jangkaWaktu)]],
    ['Kesimpulan', [p(UJI_CONCLUSION_TEXT)]],
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
    cells: ['No.', 'Nama / NIP', 'Kedudukan dalam Pengujian', 'Tanda Tangan'].map((h) => ({
      shading: NUMBER_SHADE,
      children: [para(h, { alignment: AlignmentType.CENTER }, { size, bold: true })],
    })),
  };
  return fixedTable(widths, [
    head,
    ...list.map((x, i): RowSpec => {
      const id = x.person.asn !== 'NON_ASN' && x.person.nip ? `NIP. ${formatNip(x.person.nip)}` : x.person.jabatan;
      return {
        height: { value: cm(1.2), rule: 'atLeast' },
        // The signing table moves as a whole rather than leave some signers on another page.
        keepNext: i < list.length - 1,
        cells: [
          { children: [para(`${i + 1}.`, { alignment: AlignmentType.CENTER }, { size })] },
          { children: [para(x.person.name, {}, { size, bold: true }), para(id, {}, { size })] },
          { children: [para(x.role, {}, { size }), para(x.person.jabatan, {}, { size: theme.small, italics: true })] },
          // Staggered like a paper attendance list, so signatures do not overlap.
          {
            children: [para(`${i + 1}. ....................`, { alignment: i % 2 ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { before: 240 } }, { size })],
          },
        ],
      };
    }),
  ]);
}

/**
 * The Lembar Uji Konsekuensi (Pasal 2 ayat (4) and Pasal 19 UU 14/2008): one sheet per exempt
 * item — each exemption is its own decision, signed by everyone who took part. Portrait,
 * each sheet with the kop. `itemIds` limits it to some items (default: all exempt ones).
 */
export function buildUjiKonsekuensi(ctx: DocumentContext, itemIds?: readonly string[]): Document {
  const { settings, cycle } = ctx;
  const theme = themeOf(settings);
  const all = dikRows(cycle.items);
  const list = itemIds ? all.filter((r) => itemIds.includes(r.itemId)) : all;
  if (!list.length) throw new Error('Tidak ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.');
  const layout = pageLayout(settings.documents.paper, 'portrait');
  const w = layout.contentWidth;
  const people = participants(settings);
  const held = ujiHeldAt(cycle, ctx.now);
  const when = hariTanggal(held, settings.calendar.timeZone);
  const place = settings.office.placeName;

  const children: (Paragraph | Table)[] = [];
  list.forEach((r, i) => {
    const kop = kopSurat(settings, ctx.emblem, w, theme);
    if (i > 0) children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    children.push(
      ...kop,
      centred('LEMBAR UJI KONSEKUENSI', { bold: true, size: theme.body + 1 }),
      centred('INFORMASI YANG DIKECUALIKAN', { bold: true, size: theme.body }),
      centred(`Informasi ${i + 1} dari ${list.length} — Daftar Informasi yang Dikecualikan Tahun ${cycle.year}`, { size: theme.small + 1 }, { spacing: { after: 200 } }),
      para(
        `Pada hari ini, ${when}, bertempat di ${place}, kami yang bertanda tangan di bawah ini telah melakukan uji konsekuensi ` +
          'sebagaimana dimaksud dalam Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik ' +
          'terhadap informasi berikut:',
        { alignment: AlignmentType.JUSTIFIED, spacing: { after: 160, line: 264 } },
        { size: theme.body },
      ),
      testTable(r, w, theme),
      para(
        'Demikian lembar uji konsekuensi ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
        { alignment: AlignmentType.JUSTIFIED, spacing: { before: 160, after: 60 }, keepNext: true },
        { size: theme.body },
      ),
      para(`${place}, ${tanggal(held, settings.calendar.timeZone)}`, { alignment: AlignmentType.RIGHT, spacing: { after: 120 }, keepNext: true }, { size: theme.body }),
      para('Yang melakukan uji konsekuensi:', { keepNext: true, spacing: { after: 60 } }, { size: theme.body, bold: true }),
      signTable(people, w, theme),
    );
  });

  return makeDocument(settings, { title: `Lembar Uji Konsekuensi ${cycle.year}`, description: `${settings.office.opdName} — ${cycle.title}` }, [
    {
      properties: layout.properties,
      headers: { default: emptyHeader() },
      footers: { default: pageNumberFooter(theme) },
      children,
    },
  ]);
}

