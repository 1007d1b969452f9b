import { LIST_STATE_LABELS, listStateOf, type DocumentCycle, type ListState, type DocumentKind, type RegencyDocumentKind } from '../../domain/document-views';


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

/**
 * The regency's documents (PPID Utama mode): "DIP-Gabungan-2026-Final.docx",
 * "DIP-DIK-Gabungan-2026-Draft.xlsx" (the lists' workbook holds both), "Laporan-Kepatuhan-2026.xlsx".
 * The report is dated the day it is made and is never a draft, so its name carries no state.
 */
export function regencyFileName(kind: RegencyDocumentKind, format: 'docx' | 'xlsx', year: number, state: Extract<ListState, 'draft' | 'final'>): string {
  const label = LIST_STATE_LABELS[state];
  if (kind === 'compliance') return `${safe(`Laporan-Kepatuhan-${year}`)}.${format}`;
  if (format === 'xlsx') return `${safe(`DIP-DIK-Gabungan-${year}-${label}`)}.xlsx`;
  return `${safe(`${kind === 'regencyDip' ? 'DIP' : 'DIK'}-Gabungan-${year}-${label}`)}.docx`;
}
