import type { Settings } from '../../domain/office';
import type { DocumentCycle } from '../../domain/document-views';
import { documentFingerprint } from '../docx/fingerprint';
import { publicationFileName, publicationOf, type Publication, type PublishFormat, type PublishList } from '../shared/publication';
import { buildPublicationCsv } from './csv';
import { buildPublicationHtml } from './html';
import { buildPublicationXlsx } from './xlsx';

export { buildPublicationCsv, CSV_SEPARATOR } from './csv';
export { buildPublicationHtml } from './html';
export { buildPublicationXlsx, columnWidths, XLSX_LAYOUT } from './xlsx';

export const PUBLISH_MIME: Record<PublishFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** What the save dialog offers for each format. */
export const PUBLISH_FILTERS: Record<PublishFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Buku kerja Excel', extensions: ['xlsx'] },
  csv: { name: 'CSV (dipisah titik koma)', extensions: ['csv'] },
  html: { name: 'Halaman web', extensions: ['html'] },
};

export interface PublishedFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  publication: Publication;
}

/**
 * The signed list in one of the website formats. The fingerprint is the one the signing act
 * stored (documentFingerprint), never a recomputation, so the file names the paper that was
 * signed. Throws on an unsigned cycle; the service checks first and refuses with the reason.
 */
export async function publishList(
  list: PublishList,
  format: PublishFormat,
  settings: Settings,
  cycle: Pick<DocumentCycle, 'id' | 'title' | 'year' | 'version' | 'signed' | 'items'>,
): Promise<PublishedFile> {
  const fp = documentFingerprint(list, cycle);
  const publication = publicationOf(list, settings, cycle, { short: fp.short, note: fp.reprintNote });
  const bytes =
    format === 'xlsx' ? await buildPublicationXlsx(publication) : format === 'csv' ? buildPublicationCsv(publication) : buildPublicationHtml(publication);
  return { fileName: publicationFileName(publication, format), mime: PUBLISH_MIME[format], bytes, publication };
}
