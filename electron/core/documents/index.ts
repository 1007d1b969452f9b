export type { DocumentContext } from './docx/context';
export { type DocumentCycle, type ListState, listStateOf, LIST_STATE_LABELS, type DocumentKind } from '../domain/document-views';
export { buildNotaDinas } from './docx/nota-dinas';
export { buildDip } from './docx/dip';
export { buildDik } from './docx/dik';
export { buildUjiKonsekuensi } from './docx/uji-konsekuensi';
export {
  bodyBlocks,
  DIK_EMPTY,
  DIP_EMPTY_GROUP,
  draftMarkText,
  NOTA_DINAS_DRAFT_MARK,
  NOTA_DINAS_UNNUMBERED,
  participants,
  UJI_CONCLUSION_TEXT,
} from './shared/texts';
export {
  documentFingerprint,
  parseQrPayload,
  qrPayload,
  fingerprintContent,
  fingerprintSha256,
  legacyFingerprintSha256V1,
  signingFingerprints,
  FINGERPRINT_FORMAT,
  REPRINT_NOTE,
  type DocumentFingerprint,
  type FingerprintKind,
} from './docx/fingerprint';
export { shortFingerprint } from './docx/parts/fingerprint';
export { dipGroups, dikRows, type DipGroup } from './shared/rows';
export { DIK_COLUMNS, DIK_HEADS, DIP_COLUMNS, DIP_HEADS, jangkaWaktuText, type CellLine, type DikRow, type DipRow, type ListColumn } from './shared/columns';
export { tanggal, hariTanggal } from './shared/dates';
export { packDocx } from './docx/pack';
export { documentFileName } from './shared/file-names';
// The regency's documents (PPID Utama mode, issue 13): pure builders over a RegencyInput.
export { type RegencyContext } from './docx/parts/regency';
export { buildRegencyDip } from './docx/regency-dip';
export { buildRegencyDik } from './docx/regency-dik';
export { buildCompliance } from './docx/compliance';
export { regencyFingerprint, regencyQrPayload, parseRegencyQr, verifyRegencyPayload, signedVersionsOf, type RegencyVerification, type OpdSignedVersion } from './docx/regency-fingerprint';
export { buildRegencyXlsx } from './publish/regency-xlsx';
export { buildComplianceXlsx } from './publish/compliance-xlsx';
export { regencyInputSchema, type RegencyInput, type RegencyOpd } from './shared/regency';
export { complianceReport, type ComplianceReport } from './shared/compliance';
