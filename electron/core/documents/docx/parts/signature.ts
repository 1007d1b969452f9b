import { AlignmentType, Paragraph } from 'docx';
import { formatNip } from '../../../domain/nip';
import type { Person } from '../../../domain/office';
import { pangkatLabel } from '../../../domain/pangkat';
import { cm } from './page';
import { runs, STYLE, type Theme } from './text';

export interface SignatureSpec {
  /** "Putussibau, 25 November 2026"; letters that date themselves in the head leave it out. */
  placeDate?: string;
  /** The jabatan as printed, one paragraph each; the last gets the comma. */
  jabatan: string[];
  person: Pick<Person, 'name' | 'pangkat' | 'nip' | 'asn'>;
  /** Where the block starts, from the left margin (twips); it runs to the right margin. */
  indent: number;
  /**
   * Inside a table row that cannot split, the row holds the block together; keepNext there
   * would instead tie the table to whatever follows it.
   */
  inRow?: boolean;
  /** Blank height for the signature in twips; never less than SIGNING_SPACE. */
  signingSpace?: number;
  /** Keep the last line with what follows (a tembusan list that must not be left behind). */
  keepWithFollowing?: boolean;
}

/**
 * Blank height between the jabatan and the name: 3 cm, room for a wet signature and the
 * stamp over it. A larger space may be asked for, never a smaller one.
 */
export const SIGNING_SPACE = cm(3);

/**
 * The block an official signs: centred in a column at the right. Every paragraph but the
 * last is kept with the next and none may split, so the block never breaks across pages and
 * never leaves the jabatan alone at the foot of a page.
 */
export function signatureBlock(spec: SignatureSpec, theme: Theme): Paragraph[] {
  const common = {
    style: STYLE.signature,
    alignment: AlignmentType.CENTER,
    indent: { left: spec.indent, right: 0 },
    keepLines: true,
    keepNext: !spec.inRow,
    spacing: { before: 0, after: 0 },
  } as const;
  const out: Paragraph[] = [];
  if (spec.placeDate) out.push(new Paragraph({ ...common, children: runs(spec.placeDate, { size: theme.body }) }));
  spec.jabatan.forEach((line, i) => {
    const last = i === spec.jabatan.length - 1;
    out.push(new Paragraph({ ...common, children: runs(last ? `${line.replace(/,\s*$/, '')},` : line, { size: theme.body }) }));
  });
  const p = spec.person;
  const tail: { text: string; bold?: boolean; underline?: boolean }[] = [{ text: p.name, bold: true, underline: true }];
  const pangkat = pangkatLabel(p.pangkat);
  if (pangkat) tail.push({ text: pangkat });
  if (p.asn !== 'NON_ASN' && p.nip) tail.push({ text: `NIP. ${formatNip(p.nip)}` });
  tail.forEach((t, i) => {
    const last = i === tail.length - 1;
    out.push(
      new Paragraph({
        ...common,
        keepNext: (!last || Boolean(spec.keepWithFollowing)) && !spec.inRow,
        spacing: { before: i === 0 ? Math.max(spec.signingSpace ?? 0, SIGNING_SPACE) : 0, after: 0 },
        children: runs(t.text, { size: theme.body, bold: t.bold, ...(t.underline ? { underline: {} } : {}) }),
      }),
    );
  });
  return out;
}
