import { LIST_STATE_LABELS, listStateOf, type DocumentCycle, type ListState, type DocumentKind } from '../../domain/document-views';


/** Safe on Windows, macOS and in a zip: letters, digits, dot, dash. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

/**
 * The suggested file name, which says what the file is: "DIP-2026-Draft-v2.docx",
 * "Nota-Dinas-500.12.2-007-Diskominfotik-2026.docx". A Konsep never looks like a final.
 */
export function documentFileName(kind: DocumentKind, cycle: Pick<DocumentCycle, 'year' | 'version' | 'step' | 'signed' | 'notaDinas'>, state: ListState = listStateOf(cycle)): string {
  switch (kind) {
    case 'notaDinas':
      return `${safe(`Nota-Dinas-${cycle.notaDinas.number ?? `KONSEP-${cycle.year}`}`)}.docx`;
    case 'dip':
    case 'dik':
      return `${safe(`${kind.toUpperCase()}-${cycle.year}-${LIST_STATE_LABELS[state]}-v${cycle.version}`)}.docx`;
    case 'ujiKonsekuensi':
      return `${safe(`Uji-Konsekuensi-${cycle.year}-v${cycle.version}`)}.docx`;
  }
}
