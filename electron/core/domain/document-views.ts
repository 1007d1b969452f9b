import type { ListState } from '../documents/context';

/** What document calls return: plain JSON. */
export interface BuiltDocument {
  fileName: string;
  mime: string;
  base64: string;
  state: ListState | null;
}

export interface Verification {
  result: 'signed' | 'older' | 'none';
  message: string;
  cycleId: string | null;
  title: string | null;
  kind: 'dip' | 'dik' | null;
  version: number | null;
  signedAt: string | null;
  signedBy: string | null;
}

/** What a final list prints in its footer: the short fingerprint and the QR code's text. */
export interface PrintedFingerprint {
  short: string;
  qrText: string;
}
