import type { ReactNode } from 'react';
import { listStateOf, LIST_STATE_LABELS } from '../../../electron/core/domain/document-views';
import { hariTanggal, tanggal } from '../../../electron/core/documents/shared/dates';
import { dikRows, dipGroups, type DikRow, type DipGroup } from '../../../electron/core/documents/shared/rows';
import { formatNip } from '../../../electron/core/domain/nip';
import type { DocumentKind, PrintCycle, PrintInput, PrintSpec } from './model';
import { pageBox, type PageFrame } from './page-setup';
import { CellText, Cols, Keep, Kop, Signature } from './parts';
import { qrDataUrl } from './qr';
import {
  bodyBlocks,
  DIK_EMPTY,
  DIK_HEADS,
  DIK_WEIGHTS,
  DIP_EMPTY_GROUP,
  DIP_HEADS,
  DIP_WEIGHTS,
  draftMarkText,
  kepalaJabatan,
  NOTA_DINAS_DRAFT_MARK,
  NOTA_DINAS_UNNUMBERED,
  participants,
  themeOf,
  UJI_CONCLUSION_TEXT,
  UJI_SIGN_WEIGHTS,
  UJI_TEST_WEIGHTS,
  upper,
  type Theme,
} from './texts';

/** The QR's side on paper: 1.5 cm in the DOCX; a little more reads better off a photocopy. */
const QR_MM = 16;

/** Why a document cannot be shown, in the user's words (the same conditions as the core's builders). */
export class PrintUnavailable extends Error {}

// ---------------------------------------------------------------- Nota Dinas

function NotaDinasSheet({ input }: { input: PrintInput }) {
  const { cycle, settings, now } = input;
  const d = cycle.notaDinas.draft;
  const number = cycle.notaDinas.number ?? NOTA_DINAS_UNNUMBERED;
  const date = tanggal(cycle.notaDinas.date ?? now, settings.calendar.timeZone);
  const tembusan = d.tembusan.filter((t) => t.trim());
  const head: [string, ReactNode][] = [
    ['Yth.', d.kepada],
    ['Dari', d.dari],
    [
      'Tembusan',
      tembusan.length === 0 ? '-' : tembusan.length === 1 ? tembusan[0] : tembusan.map((t, i) => <div key={i}>{`${i + 1}. ${t}`}</div>),
    ],
    ['Tanggal', date],
    ['Sifat', d.sifat],
    ['Lampiran', d.lampiran.trim() || '-'],
    ['Hal', d.hal],
  ];
  const blocks = bodyBlocks(d.isi);
  const block = (b: (typeof blocks)[number], i: number) =>
    b.kind === 'paragraph' ? (
      <p key={i} className={`pp-nd-p${blocks[i + 1]?.kind === 'item' ? ' pp-nd-before-list' : ''}`}>
        {b.text}
      </p>
    ) : (
      <div key={i} className={`pp-nd-item${blocks[i + 1]?.kind === 'item' ? '' : ' pp-nd-list-end'}`}>
        <span className="pp-nd-marker">{b.marker}</span>
        <span>{b.text}</span>
      </div>
    );
  return (
    <>
      <Kop settings={settings} contentWidthMm={pageBox(settings.documents.paper, 'portrait').contentWidth} theme={themeOf(settings)} />
      <div className="pp-nd-title">NOTA DINAS</div>
      <div className="pp-nd-number" data-testid="nomor-surat">
        NOMOR: {number}
      </div>
      <table className="pp-nd-head">
        <tbody>
          {head.map(([k, v]) => (
            <tr key={k}>
              <td className="pp-nd-label">{k}</td>
              <td className="pp-nd-colon">:</td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pp-nd-rule" aria-hidden="true" />
      {blocks.slice(0, -1).map(block)}
      {/* The closing paragraph, the signature and the tembusan stay together (keepNext in the DOCX). */}
      <div className="pp-keep-block">
        {blocks.length > 0 && block(blocks[blocks.length - 1]!, blocks.length - 1)}
        <div className="pp-sign-col" style={{ marginLeft: '42%' }}>
          <Signature jabatan={[settings.officials.ketuaPpid.jabatan]} person={settings.officials.ketuaPpid} signingSpacePt={50} />
        </div>
        {tembusan.length > 0 && (
          <div className="pp-nd-tembusan">
            <div>Tembusan:</div>
            {tembusan.map((t, i) => (
              <div key={i} className="pp-nd-item">
                <span className="pp-nd-marker pp-nd-marker-short">{`${i + 1}.`}</span>
                <span>{t}</span>
              </div>
            ))}
          </div>
        )}
      </div>
    </>
  );
}

function notaDinasSpec(input: PrintInput): PrintSpec {
  const { cycle, settings } = input;
  const issued = cycle.notaDinas.number !== null;
  return {
    kind: 'notaDinas',
    title: `Nota Dinas ${cycle.notaDinas.number ?? '(Konsep)'}`,
    state: null,
    box: pageBox(settings.documents.paper, 'portrait'),
    frame: { mark: issued ? null : NOTA_DINAS_DRAFT_MARK, footer: { kind: 'fromSecondPage' } },
    theme: themeOf(settings),
    sheets: [<NotaDinasSheet key="nd" input={input} />],
  };
}

// ---------------------------------------------------------------- DIP and DIK

function TitleBlock({ title, input }: { title: string; input: PrintInput }) {
  const { settings, cycle } = input;
  return (
    <div className="pp-list-title">
      <div className="pp-list-title-main">{title}</div>
      <div>{upper(settings.office.opdName)}</div>
      <div>{upper(settings.office.pemda)}</div>
      <div>TAHUN {cycle.year}</div>
    </div>
  );
}

function HeadRows({ heads }: { heads: readonly string[] }) {
  return (
    <thead>
      <tr className="pp-head">
        {heads.map((h) => (
          <th key={h}>{h}</th>
        ))}
      </tr>
      <tr className="pp-head-no">
        {heads.map((_, i) => (
          <th key={i}>{i + 1}</th>
        ))}
      </tr>
    </thead>
  );
}

/** The Kepala's signature at the foot of a list, as parts/list.ts kepalaSignatureRow. */
function KepalaSignatureRow({ input, columns }: { input: PrintInput; columns: number }) {
  const { settings, cycle, now } = input;
  return (
    <tr className="pp-sign-row">
      <td colSpan={columns}>
        <div className="pp-sign-col pp-sign-col-list">
          <Signature
            placeDate={`${settings.office.placeName}, ${tanggal(cycle.signed?.at ?? now, settings.calendar.timeZone)}`}
            jabatan={kepalaJabatan(settings)}
            person={settings.officials.kepala}
          />
        </div>
      </td>
    </tr>
  );
}

/**
 * Table rows in page-keeping units: a group head with its first row, the last row with the
 * signature (so the Kepala never signs a page that holds nothing of the list), every other
 * row alone. Each unit is a <tbody> that does not break.
 */
function keepUnits(rows: { key: string; node: ReactNode; head?: boolean }[], signature: ReactNode): ReactNode[] {
  const units: ReactNode[][] = [];
  let pendingHead: ReactNode[] | null = null;
  for (const r of rows) {
    if (r.head) {
      if (pendingHead) units.push(pendingHead);
      pendingHead = [r.node];
    } else if (pendingHead) {
      pendingHead.push(r.node);
      units.push(pendingHead);
      pendingHead = null;
    } else {
      units.push([r.node]);
    }
  }
  if (pendingHead) units.push(pendingHead);
  const last = units.pop() ?? [];
  units.push([...last, signature]);
  return units.map((u, i) => <Keep key={i}>{u}</Keep>);
}

function dipRows(groups: DipGroup[]) {
  const rows: { key: string; node: ReactNode; head?: boolean }[] = [];
  for (const g of groups) {
    rows.push({
      key: `g-${g.letter}`,
      head: true,
      node: (
        <tr key={`g-${g.letter}`} className="pp-group" data-testid="dip-kelompok">
          <td colSpan={DIP_HEADS.length}>{`${g.letter}. ${g.heading}`}</td>
        </tr>
      ),
    });
    if (!g.rows.length) {
      rows.push({
        key: `e-${g.letter}`,
        node: (
          <tr key={`e-${g.letter}`}>
            <td />
            <td colSpan={DIP_HEADS.length - 1}>
              <CellText text={DIP_EMPTY_GROUP} italic />
            </td>
          </tr>
        ),
      });
      continue;
    }
    for (const r of g.rows) {
      rows.push({
        key: r.itemId,
        node: (
          <tr key={r.itemId} className="pp-row" data-testid="dip-baris" data-item-id={r.itemId} data-kategori={g.category}>
            <td>
              <CellText text={`${r.no}.`} center />
            </td>
            <td>
              <CellText text={r.judul} bold after={Boolean(r.ringkasan || r.pembaruan)} />
              {r.ringkasan.trim() && <CellText text={r.ringkasan} after={Boolean(r.pembaruan)} />}
              {r.pembaruan && <CellText text={`(${r.pembaruan})`} italic />}
            </td>
            <td>
              <CellText text={r.pejabat} />
            </td>
            <td>
              <CellText text={r.penanggungJawab} />
            </td>
            <td>
              <CellText text={r.waktuTempat} />
            </td>
            <td>
              <CellText text={r.bentuk} />
            </td>
            <td>
              <CellText text={r.retensi} />
            </td>
          </tr>
        ),
      });
    }
  }
  return rows;
}

function dikTableRows(list: DikRow[]) {
  if (!list.length) {
    return [
      {
        key: 'empty',
        node: (
          <tr key="empty">
            <td />
            <td colSpan={DIK_HEADS.length - 1}>
              <CellText text={DIK_EMPTY} italic />
            </td>
          </tr>
        ),
      },
    ];
  }
  return list.map((r) => ({
    key: r.itemId,
    node: (
      <tr key={r.itemId} className="pp-row" data-testid="dik-baris" data-item-id={r.itemId}>
        <td>
          <CellText text={`${r.no}.`} center />
        </td>
        <td>
          <CellText text={r.judul} bold after />
          {r.uraian.trim() && <CellText text={r.uraian} after />}
          {r.pejabat.trim() && <CellText text={`Dikuasai: ${r.pejabat}`} italic />}
        </td>
        <td>
          <CellText text={r.dasarHukum} after={Boolean(r.alasan)} />
          {r.alasan && <CellText text={`(${r.alasan})`} italic />}
        </td>
        <td>
          <CellText text={r.konsekuensi} />
        </td>
        <td>
          <CellText text={r.pertimbangan} />
        </td>
        <td>
          <CellText text={r.jangkaWaktu} />
        </td>
      </tr>
    ),
  }));
}

const LIST_NAMES = { dip: 'Daftar Informasi Publik', dik: 'Daftar Informasi yang Dikecualikan' } as const;

/** The caption beside the QR code, word for word as the DOCX's seal. */
export function sealCaption(kind: 'dip' | 'dik', cycle: Pick<PrintCycle, 'year' | 'version' | 'signed'>, timeZone: string): string {
  return `${LIST_NAMES[kind]} Tahun ${cycle.year}, versi ${cycle.version}, ditandatangani ${tanggal(cycle.signed!.at, timeZone)}. Keaslian lembar ini dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen atau kode QR.`;
}

function listFrame(kind: 'dip' | 'dik', input: PrintInput): { frame: PageFrame; state: ReturnType<typeof listStateOf> } {
  const { cycle } = input;
  const state = listStateOf(cycle);
  if (state !== 'final') return { state, frame: { mark: draftMarkText(state), footer: { kind: 'pageOfPages' } } };
  const fp = input.fingerprints?.[kind];
  if (!fp) throw new PrintUnavailable('Sidik dokumen daftar yang ditandatangani belum dapat dimuat. Muat ulang halaman ini.');
  return {
    state,
    frame: { mark: null, footer: { kind: 'seal', qrDataUrl: qrDataUrl(fp.qrText, QR_MM), short: fp.short, caption: sealCaption(kind, cycle, input.settings.calendar.timeZone) } },
  };
}

function dipSpec(input: PrintInput): PrintSpec {
  const { settings, cycle } = input;
  const { frame, state } = listFrame('dip', input);
  const rows = dipRows(dipGroups(cycle.items));
  return {
    kind: 'dip',
    title: `Daftar Informasi Publik Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`,
    state,
    box: pageBox(settings.documents.paper, 'landscape'),
    frame,
    theme: themeOf(settings),
    sheets: [
      <div key="dip">
        <TitleBlock title="DAFTAR INFORMASI PUBLIK" input={input} />
        <table className="pp-grid" aria-label="Daftar Informasi Publik">
          <Cols weights={DIP_WEIGHTS} />
          <HeadRows heads={DIP_HEADS} />
          {keepUnits(rows, <KepalaSignatureRow key="sign" input={input} columns={DIP_HEADS.length} />)}
        </table>
      </div>,
    ],
  };
}

function dikSpec(input: PrintInput): PrintSpec {
  const { settings, cycle } = input;
  const { frame, state } = listFrame('dik', input);
  return {
    kind: 'dik',
    title: `Daftar Informasi yang Dikecualikan Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`,
    state,
    box: pageBox(settings.documents.paper, 'landscape'),
    frame,
    theme: themeOf(settings),
    sheets: [
      <div key="dik">
        <TitleBlock title="DAFTAR INFORMASI YANG DIKECUALIKAN" input={input} />
        <table className="pp-grid" aria-label="Daftar Informasi yang Dikecualikan">
          <Cols weights={DIK_WEIGHTS} />
          <HeadRows heads={DIK_HEADS} />
          {keepUnits(dikTableRows(dikRows(cycle.items)), <KepalaSignatureRow key="sign" input={input} columns={DIK_HEADS.length} />)}
        </table>
      </div>,
    ],
  };
}

// ---------------------------------------------------------------- Uji konsekuensi

function UjiSheet({ row, index, count, input }: { row: DikRow; index: number; count: number; input: PrintInput }) {
  const { settings, cycle, now } = input;
  const place = settings.office.placeName;
  const facts: [string, ReactNode][] = [
    ['Dokumen yang memuat informasi', <CellText key="j" text={row.judul} bold />],
    ['Informasi yang dikecualikan', <CellText key="u" text={row.uraian} />],
    ['Pejabat/unit yang menguasai informasi', <CellText key="p" text={row.pejabat} />],
    [
      'Dasar hukum pengecualian',
      <>
        <CellText text={row.dasarHukum} />
        {row.alasan && <CellText text={`(${row.alasan})`} italic />}
      </>,
    ],
    ['Konsekuensi apabila informasi dibuka', <CellText key="k" text={row.konsekuensi} />],
    ['Pertimbangan apabila informasi ditutup (kepentingan yang dilindungi)', <CellText key="t" text={row.pertimbangan} />],
    ['Jangka waktu pengecualian', <CellText key="w" text={row.jangkaWaktu} />],
    ['Kesimpulan', <CellText key="s" text={UJI_CONCLUSION_TEXT} />],
  ];
  return (
    <div data-testid="uji-lembar" data-item-id={row.itemId}>
      <Kop settings={settings} contentWidthMm={pageBox(settings.documents.paper, 'portrait').contentWidth} theme={themeOf(settings)} />
      <div className="pp-uji-title">LEMBAR UJI KONSEKUENSI</div>
      <div className="pp-uji-subtitle">INFORMASI YANG DIKECUALIKAN</div>
      <div className="pp-uji-count">{`Informasi ${index + 1} dari ${count} — Daftar Informasi yang Dikecualikan Tahun ${cycle.year}`}</div>
      <p className="pp-justify pp-uji-intro">
        {`Pada hari ini, ${hariTanggal(now, settings.calendar.timeZone)}, bertempat di ${place}, kami yang bertanda tangan di bawah ini telah melakukan uji konsekuensi ` +
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
        <p className="pp-justify pp-uji-closing">Demikian lembar uji konsekuensi ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.</p>
        <div className="pp-uji-date">{`${place}, ${tanggal(now, settings.calendar.timeZone)}`}</div>
        <div className="pp-uji-signers-label">Yang melakukan uji konsekuensi:</div>
        <table className="pp-grid pp-uji-sign">
          <Cols weights={UJI_SIGN_WEIGHTS} />
          <thead>
            <tr className="pp-head pp-head-light">
              <th>No.</th>
              <th>Nama / NIP</th>
              <th>Kedudukan dalam Pengujian</th>
              <th>Tanda Tangan</th>
            </tr>
          </thead>
          <tbody>
            {participants(settings).map((x, i) => (
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
                  <div className="pp-cell-p pp-uji-dots">{`${i + 1}. ....................`}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ujiSpec(input: PrintInput): PrintSpec {
  const { settings, cycle } = input;
  const list = dikRows(cycle.items);
  if (!list.length) throw new PrintUnavailable('Belum ada informasi yang dikecualikan: lembar uji konsekuensi tidak diperlukan.');
  return {
    kind: 'ujiKonsekuensi',
    title: `Lembar Uji Konsekuensi ${cycle.year}`,
    state: null,
    box: pageBox(settings.documents.paper, 'portrait'),
    frame: { mark: null, footer: { kind: 'pageOfPages' } },
    theme: themeOf(settings),
    sheets: list.map((row, i) => <UjiSheet key={row.itemId} row={row} index={i} count={list.length} input={input} />),
  };
}

/** The print layout of one document, from the same data and rules as its DOCX. */
export function printSpec(kind: DocumentKind, input: PrintInput): PrintSpec {
  switch (kind) {
    case 'notaDinas':
      return notaDinasSpec(input);
    case 'dip':
      return dipSpec(input);
    case 'dik':
      return dikSpec(input);
    case 'ujiKonsekuensi':
      return ujiSpec(input);
  }
}

export type { Theme };
