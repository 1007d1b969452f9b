import type { ReactNode } from 'react';
import type { SettingsView } from '../../../electron/core/contract';
import type { Person } from '../../../electron/core/domain/office';
import { formatNip } from '../../../electron/core/domain/nip';
import { pangkatLabel } from '../../../electron/core/domain/pangkat';
import type { CellLine } from '../../../electron/core/documents/shared/columns';
import { kopLines } from '../../../electron/core/documents/shared/kop';
import { mmToTwips, type Theme } from './texts';

/**
 * Kop surat as parts/kop.ts: the emblem in a 2.7 cm column at the left, the heading centred
 * in the rest (a narrow empty column at the right), and the thick-thin closing rule.
 */
export function Kop({ settings, contentWidthMm, theme }: { settings: SettingsView; contentWidthMm: number; theme: Theme }) {
  // The heading's width as the DOCX computes it: the content less the emblem's 2.7 cm, the
  // right column's 0.6 cm and the cell padding.
  const textTwips = mmToTwips(contentWidthMm) - mmToTwips(27) - mmToTwips(6) - 120;
  return (
    <header className="pp-kop">
      <div className="pp-kop-emblem">{settings.emblemDataUrl && <img src={settings.emblemDataUrl} alt="Lambang daerah" />}</div>
      <div className="pp-kop-text">
        {/* The lines and sizes are the DOCX's (shared/kop.ts): balanced, no word left alone. */}
        {kopLines(settings, textTwips, theme).map((l, i) => (
          <div
            key={i}
            className={['pp-kop-line', i === 0 && 'pp-kop-pemda', i === 1 && 'pp-kop-opd', i === 2 && 'pp-kop-address', i > 2 && 'pp-kop-contact'].filter(Boolean).join(' ')}
            style={{ fontSize: `${l.sizePt}pt` }}
          >
            {l.lines.map((line, j) => (
              <div key={j}>
                {/* Contacts break between their parts, never inside an address. */}
                {line.split(' • ').map((part, k) => (
                  <span key={k}>
                    {k > 0 && ' • '}
                    <span className={i > 2 ? 'pp-nowrap' : undefined}>{part}</span>
                  </span>
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div />
      <div className="pp-kop-rule" aria-hidden="true" />
    </header>
  );
}

export interface SignatureProps {
  placeDate?: string;
  /** The jabatan lines; the last gets the comma. */
  jabatan: string[];
  person: Pick<Person, 'name' | 'pangkat' | 'nip' | 'asn'>;
  /** Blank height for the wet signature, in points; never less than SIGNING_SPACE_PT. */
  signingSpacePt?: number;
}

/** 3 cm between the jabatan and the name for the wet signature and the stamp (parts/signature.ts). */
export const SIGNING_SPACE_PT = 85.04;

/** parts/signature.ts: centred in its column, never split across pages. */
export function Signature({ placeDate, jabatan, person, signingSpacePt = 0 }: SignatureProps) {
  const pangkat = pangkatLabel(person.pangkat);
  const nip = person.asn !== 'NON_ASN' && person.nip ? `NIP. ${formatNip(person.nip)}` : null;
  return (
    <div className="pp-signature" data-testid="tanda-tangan">
      {placeDate && <div>{placeDate}</div>}
      {jabatan.map((line, i) => (
        <div key={i}>{i === jabatan.length - 1 ? `${line.replace(/,\s*$/, '')},` : line}</div>
      ))}
      <div className="pp-signature-name" style={{ marginTop: `${Math.max(signingSpacePt, SIGNING_SPACE_PT)}pt` }}>
        {person.name}
      </div>
      {pangkat && <div>{pangkat}</div>}
      {nip && <div>{nip}</div>}
    </div>
  );
}

/** A table cell's text: empty prints as "-", typed line breaks are kept. */
export function CellText({ text, bold, italic, center, after }: { text: string; bold?: boolean; italic?: boolean; center?: boolean; after?: boolean }) {
  const cls = ['pp-cell-p', bold && 'pp-b', italic && 'pp-i', center && 'pp-center', after && 'pp-after'].filter(Boolean).join(' ');
  return <div className={cls}>{text.trim() || '-'}</div>;
}

/** A registry cell (columns.ts) as parts/list.ts cellParagraphs writes it: its paragraphs, spaced but the last. */
export function CellLines({ lines }: { lines: readonly CellLine[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <CellText key={i} text={l.text} bold={l.bold} italic={l.italic} center={l.center} after={i < lines.length - 1} />
      ))}
    </>
  );
}

/** `<col>`s from relative weights, as splitWidth in parts/page.ts. */
export function Cols({ weights }: { weights: readonly number[] }) {
  const sum = weights.reduce((a, b) => a + b, 0);
  return (
    <colgroup>
      {weights.map((w, i) => (
        <col key={i} style={{ width: `${((w / sum) * 100).toFixed(3)}%` }} />
      ))}
    </colgroup>
  );
}

/** Rows that must stay on one page together (a group head with its first row, the last row with the signature). */
export function Keep({ children }: { children: ReactNode }) {
  return <tbody className="pp-keep">{children}</tbody>;
}
