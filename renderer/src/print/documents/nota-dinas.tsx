import type { ReactNode } from 'react';
import { tanggal } from '../../../../electron/core/documents/shared/dates';
import { notaDinasLayout } from '../../../../electron/core/documents/shared/nota-dinas';
import type { PrintInput, PrintSpec } from '../model';
import { pageBox } from '../page-setup';
import { Kop, Signature } from '../parts';
import { NOTA_DINAS_DRAFT_MARK, NOTA_DINAS_UNNUMBERED, themeOf, upper, type BodyBlock } from '../texts';

type Item = Extract<BodyBlock, { kind: 'item' }>;

function ItemLine({ b, end }: { b: Item; end: boolean }) {
  return (
    <div className={`pp-nd-item${end ? ' pp-nd-list-end' : ''}`}>
      <span className="pp-nd-marker">{b.marker}</span>
      <span>{b.text}</span>
    </div>
  );
}

function KetuaSignature({ input }: { input: PrintInput }) {
  const k = input.settings.officials.ketuaPpid;
  return (
    <div className="pp-sign-col" style={{ marginLeft: '42%' }}>
      <Signature jabatan={[k.jabatan]} person={k} />
    </div>
  );
}

function facts(input: PrintInput) {
  const { cycle, settings, now } = input;
  const d = cycle.notaDinas.draft;
  return {
    d,
    number: cycle.notaDinas.number ?? NOTA_DINAS_UNNUMBERED,
    date: tanggal(cycle.notaDinas.date ?? now, settings.calendar.timeZone),
    layout: notaDinasLayout(d),
  };
}

/** The Nota Dinas, as documents/docx/nota-dinas.ts: one page, the tembusan once, in the head. */
function NotaDinasSheet({ input }: { input: PrintInput }) {
  const { settings } = input;
  const { d, number, date, layout } = facts(input);
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
    ['Lampiran', layout.lampiranLabel],
    ['Hal', d.hal],
  ];
  const blocks = layout.body;
  const block = (b: BodyBlock, i: number) =>
    b.kind === 'paragraph' ? (
      <p key={i} className={`pp-nd-p${blocks[i + 1]?.kind === 'item' ? ' pp-nd-before-list' : ''}`}>
        {b.text}
      </p>
    ) : (
      <ItemLine key={i} b={b} end={blocks[i + 1]?.kind !== 'item'} />
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
      {/* The closing paragraph and the signature stay together (keepNext in the DOCX). */}
      <div className="pp-keep-block">
        {blocks.length > 0 && block(blocks[blocks.length - 1]!, blocks.length - 1)}
        <KetuaSignature input={input} />
      </div>
    </>
  );
}

/** The lampiran page a long list goes to (shared/nota-dinas.ts). */
function LampiranSheet({ input, items }: { input: PrintInput; items: Item[] }) {
  const { d, number, date } = facts(input);
  return (
    <>
      <table className="pp-nd-lampiran-head" data-testid="kepala-lampiran">
        <tbody>
          <tr>
            <td colSpan={3}>Lampiran Nota Dinas</td>
          </tr>
          <tr>
            <td className="pp-nd-lampiran-label">Nomor</td>
            <td className="pp-nd-lampiran-colon">:</td>
            <td>{number}</td>
          </tr>
          <tr>
            <td className="pp-nd-lampiran-label">Tanggal</td>
            <td className="pp-nd-lampiran-colon">:</td>
            <td>{date}</td>
          </tr>
        </tbody>
      </table>
      <div className="pp-nd-lampiran-title">{upper(d.hal)}</div>
      {items.slice(0, -1).map((b, i) => (
        <ItemLine key={i} b={b} end={false} />
      ))}
      <div className="pp-keep-block">
        {items.length > 0 && <ItemLine b={items[items.length - 1]!} end />}
        <KetuaSignature input={input} />
      </div>
    </>
  );
}

export function notaDinasSpec(input: PrintInput): PrintSpec {
  const { cycle, settings } = input;
  const issued = cycle.notaDinas.number !== null;
  const { lampiran } = notaDinasLayout(cycle.notaDinas.draft);
  return {
    kind: 'notaDinas',
    title: `Nota Dinas ${cycle.notaDinas.number ?? '(Konsep)'}`,
    state: null,
    box: pageBox(settings.documents.paper, 'portrait'),
    frame: { mark: issued ? null : NOTA_DINAS_DRAFT_MARK, footer: { kind: 'fromSecondPage' } },
    theme: themeOf(settings),
    sheets: [<NotaDinasSheet key="nd" input={input} />, ...(lampiran ? [<LampiranSheet key="lampiran" input={input} items={lampiran} />] : [])],
  };
}
