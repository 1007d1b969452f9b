import type { Settings } from '../../domain/office';
import type { DocumentCycle } from '../../domain/document-views';

/**
 * Everything a document is built from, passed in whole: the builders read no files and no
 * clock, so the services layer decides where the emblem comes from and what "now" is.
 */
export interface DocumentContext {
  settings: Settings;
  /** The emblem's bytes (PNG or JPEG), or null to print the kop without it. */
  emblem: Buffer | null;
  cycle: DocumentCycle;
  now: Date;
}
