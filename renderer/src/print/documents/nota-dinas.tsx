import type { ReactNode } from 'react';
import { tanggal } from '../../../../electron/core/documents/shared/dates';
import type { PrintInput, PrintSpec } from '../model';
import { pageBox } from '../page-setup';
import { Kop, Signature } from '../parts';
import { bodyBlocks, NOTA_DINAS_DRAFT_MARK, NOTA_DINAS_UNNUMBERED, themeOf } from '../texts';

/** The Nota Dinas, as documents/docx/nota-dinas.ts. */
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

export function notaDinasSpec(input: PrintInput): PrintSpec {
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
