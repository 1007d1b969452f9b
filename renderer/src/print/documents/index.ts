import type { DocumentKind, PrintInput, PrintSpec, RegencyDocumentKind, RegencyPrintInput } from '../model';
import { complianceSpec } from './compliance';
import { dikSpec } from './dik';
import { dipSpec } from './dip';
import { notaDinasSpec } from './nota-dinas';
import { regencyDikSpec } from './regency-dik';
import { regencyDipSpec } from './regency-dip';
import { ujiSpec } from './uji-konsekuensi';

/**
 * The print views, one module per document as the core's documents/docx: each lays out its
 * document from the same data and rules as its DOCX.
 */
export { PrintUnavailable, sealCaption } from './list';
export type { Theme } from '../texts';

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

/**
 * The regency's documents (PPID Utama mode), laid out from every OPD's lists as
 * documents/docx/regency-dip.ts, regency-dik.ts and compliance.ts build them.
 */
export function regencyPrintSpec(kind: RegencyDocumentKind, input: RegencyPrintInput): PrintSpec {
  switch (kind) {
    case 'regencyDip':
      return regencyDipSpec(input);
    case 'regencyDik':
      return regencyDikSpec(input);
    case 'compliance':
      return complianceSpec(input);
  }
}
