export { type DocumentContext, type DocumentCycle, type ListState, listStateOf, LIST_STATE_LABELS } from './context';
export { buildNotaDinas } from './nota-dinas';
export { buildDip } from './dip';
export { buildDik } from './dik';
export { buildUjiKonsekuensi } from './uji-konsekuensi';
export {
  bodyBlocks,
  DIK_EMPTY,
  DIK_HEADS,
  DIP_EMPTY_GROUP,
  DIP_HEADS,
  draftMarkText,
  NOTA_DINAS_DRAFT_MARK,
  NOTA_DINAS_UNNUMBERED,
  participants,
  UJI_CONCLUSION_TEXT,
} from './texts';
export { documentFingerprint, fingerprintContent, type DocumentFingerprint, type FingerprintKind } from './fingerprint';
export { dipGroups, dikRows, jangkaWaktuText, type DipGroup, type DipRow, type DikRow } from './rows';
export { tanggal, hariTanggal } from './parts/dates';
export { packDocx } from './pack';
export { documentFileName, type DocumentKind } from './file-names';
