import type { DocumentKind, PrintInput, PrintSpec } from '../model';
import { dikSpec } from './dik';
import { dipSpec } from './dip';
import { notaDinasSpec } from './nota-dinas';
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
