import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { LIST_STATE_LABELS, listStateOf, type ListState } from '../../../../electron/core/domain/document-views';
import type { DocumentKind } from '../../../../electron/core/domain/document-views';

export interface AvailableDocument {
  kind: DocumentKind;
  title: string;
  /** Konsep/Draft/final for the lists, 'konsep' for a Nota Dinas not yet issued, else null. */
  state: ListState | null;
  /** What the badge says: "Konsep", "Draft", "Final", "Nomor …", "2 lembar". */
  stateLabel: string;
}

type View = Pick<CycleView, 'stepNo' | 'step' | 'signed' | 'items' | 'notaDinas'>;

/**
 * Which documents a cycle has at its step (SOP): the Nota Dinas from step 2 (a KONSEP until
 * it is issued), the DIP and DIK from step 3 (Konsep, Draft before the Kepala, final once
 * signed), and the uji konsekuensi sheets from step 3 when something is exempt — the test is
 * part of classifying, and the core refuses the sheet with nothing exempt.
 */
export function availableDocuments(view: View, kinds?: readonly DocumentKind[]): AvailableDocument[] {
  const out: AvailableDocument[] = [];
  if (view.stepNo >= 2) {
    const number = view.notaDinas.number;
    out.push({
      kind: 'notaDinas',
      title: 'Nota Dinas',
      state: number ? null : 'konsep',
      stateLabel: number ? `Nomor ${number}` : 'Konsep',
    });
  }
  if (view.stepNo >= 3) {
    const state = listStateOf(view);
    out.push(
      { kind: 'dip', title: 'Daftar Informasi Publik', state, stateLabel: LIST_STATE_LABELS[state] },
      { kind: 'dik', title: 'Daftar Informasi yang Dikecualikan', state, stateLabel: LIST_STATE_LABELS[state] },
    );
    const exempt = view.items.filter((i) => i.fields.kategori === 'dikecualikan').length;
    if (exempt > 0) out.push({ kind: 'ujiKonsekuensi', title: 'Lembar Uji Konsekuensi', state: null, stateLabel: `${exempt} lembar` });
  }
  return kinds ? out.filter((d) => kinds.includes(d.kind)) : out;
}
