import type { ReactNode } from 'react';
import { hariTanggal } from '../../../../electron/core/documents/shared/dates';
import { dikRows, type DikRow } from '../../../../electron/core/documents/shared/rows';
import { formatNip } from '../../../../electron/core/domain/nip';
import type { PrintInput, PrintSpec } from '../model';
import { pageBox } from '../page-setup';
import { CellText, Cols, Kop } from '../parts';
import { ujiSigners, themeOf, ujiContinuationText, ujiCountText, ujiPageText, ujiTestDate, UJI_CLOSING_TEXT, UJI_CONCLUSION_TEXT, UJI_SIGN_DOTS, UJI_SIGN_WEIGHTS, UJI_TEST_LABELS, UJI_TEST_WEIGHTS } from '../texts';
import { PrintUnavailable } from './list';

/** One sheet per exempt item, as documents/docx/uji-konsekuensi.ts. */
function UjiSheet({ row, index, count, input }: { row: DikRow; index: number; count: number; input: PrintInput }) {
  const { settings, cycle, now } = input;
  const place = settings.office.placeName;
  const L = UJI_TEST_LABELS;
  const testedOn = ujiTestDate(cycle, now);
  const facts: [string, ReactNode][] = [
    [L.judul, <CellText key="j" text={row.judul} bold />],
    [L.ringkasan, <CellText key="u" text={row.ringkasan} />],
    [L.pejabatPenguasa, <CellText key="p" text={row.pejabatPenguasa} />],
    [
      L.dasarHukum,
      <>
        <CellText text={row.dasarHukum} />
        {row.alasan && <CellText text={`(${row.alasan})`} italic />}
      </>,
    ],
    [L.konsekuensi, <CellText key="k" text={row.konsekuensi} />],
    [L.pertimbangan, <CellText key="t" text={row.pertimbangan} />],
    [L.jangkaWaktu, <CellText key="w" text={row.jangkaWaktu} />],
    [L.kesimpulan, <CellText key="s" text={UJI_CONCLUSION_TEXT} />],
  ];
  return (
    <div data-testid="uji-lembar" data-item-id={row.itemId}>
      <Kop settings={settings} contentWidthMm={pageBox(settings.documents.paper, 'portrait').contentWidth} theme={themeOf(settings)} />
      <div className="pp-uji-title">LEMBAR UJI KONSEKUENSI</div>
      <div className="pp-uji-subtitle">INFORMASI YANG DIKECUALIKAN</div>
      <div className="pp-uji-count">{ujiCountText(index, count, cycle.year)}</div>
      <p className="pp-justify pp-uji-intro">
        {`Pada hari ini, ${hariTanggal(testedOn, settings.calendar.timeZone)}, bertempat di ${place}, kami yang bertanda tangan di bawah ini telah melakukan uji konsekuensi ` +
          'sebagaimana dimaksud dalam Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik ' +
          'terhadap informasi berikut:'}
      </p>
      <table className="pp-grid pp-uji-table">
        <Cols weights={UJI_TEST_WEIGHTS} />
        <thead>
          <tr className="pp-head pp-head-uji">
            <th>No.</th>
            <th>Unsur Pengujian</th>
            <th>Hasil Pengujian</th>
          </tr>
        </thead>
        <tbody>
          {facts.map(([label, value], i) => (
            <tr key={label} className="pp-row">
              <td>
                <CellText text={`${i + 1}.`} center />
              </td>
              <td>
                <CellText text={label} />
              </td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The closing, the date and the signing table move together (keepNext in the DOCX). */}
      <div className="pp-keep-block">
        <p className="pp-justify pp-uji-closing">{UJI_CLOSING_TEXT}</p>
        <div className="pp-uji-signers-label">Yang melakukan uji konsekuensi:</div>
        <table className="pp-grid pp-uji-sign">
          <Cols weights={UJI_SIGN_WEIGHTS} />
          <thead>
            <tr className="pp-head pp-head-light">
              <th>No.</th>
              <th>Nama / NIP</th>
              <th>Kedudukan</th>
              <th>Tanda Tangan</th>
            </tr>
          </thead>
          <tbody>
            {ujiSigners(settings, cycle).map((x, i) => (
              <tr key={i} className="pp-row pp-uji-signer">
                <td>
                  <CellText text={`${i + 1}.`} center />
                </td>
                <td>
                  <div className="pp-cell-p pp-b">{x.person.name}</div>
                  <div className="pp-cell-p">{x.person.asn !== 'NON_ASN' && x.person.nip ? `NIP. ${formatNip(x.person.nip)}` : x.person.jabatan}</div>
                </td>
                <td>
                  <div className="pp-cell-p">{x.role}</div>
                  <div className="pp-cell-p pp-i pp-smaller">{x.person.jabatan}</div>
                </td>
                {/* Staggered like a paper attendance list, so signatures do not overlap. */}
                <td className={i % 2 ? 'pp-right' : ''}>
                  <div className="pp-cell-p pp-uji-dots">{`${i + 1}. ${UJI_SIGN_DOTS}`}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ujiSpec(input: PrintInput): PrintSpec {
  const { settings, cycle } = input;
  const list = dikRows(cycle.items);
  if (!list.length) throw new PrintUnavailable('Belum ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.');
  return {
    kind: 'ujiKonsekuensi',
    title: `Lembar Uji Konsekuensi ${cycle.year}`,
    state: null,
    box: pageBox(settings.documents.paper, 'portrait'),
    // As the DOCX's sections: pages numbered per sheet, a continuation page names its item.
    frame: {
      mark: null,
      footer: { kind: 'perSheet', sheets: list.map((row, i) => ({ pages: ujiPageText(i, list.length), continuation: ujiContinuationText(i, list.length, row.judul) })) },
    },
    theme: themeOf(settings),
    sheets: list.map((row, i) => <UjiSheet key={row.itemId} row={row} index={i} count={list.length} input={input} />),
  };
}
