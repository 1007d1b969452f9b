import { AppError } from '../result';
import { PUBLISH_FILTERS, publishList } from '../documents/publish';
import { publishRefusal, type PublishedDocument, type PublishFormat, type PublishList } from '../documents/shared/publication';
import type { CallContext } from './context';
import { cycleOrThrow } from './documents';

const PLATFORM_MISSING = 'Menyimpan lewat dialog hanya tersedia di aplikasi desktop. Di peramban, berkas diunduh langsung.';

/**
 * The signed DIP or DIK for the PPID website (XLSX, CSV or HTML). A list the Kepala OPD has
 * not signed is refused with the reason, whatever the screen offered: a website copy of a
 * Konsep or Draft would pass for the list in force. Nothing is written to the data folder.
 */
export async function publishDocument(
  ctx: CallContext,
  input: { cycleId: string; list: PublishList; format: PublishFormat; save: boolean },
): Promise<PublishedDocument> {
  const cycle = cycleOrThrow(ctx, input.cycleId);
  const refusal = publishRefusal(input.list, cycle);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const { saveFile } = ctx.stores.platform;
  if (input.save && !saveFile) throw new AppError('CONFLICT', PLATFORM_MISSING);
  const file = await publishList(input.list, input.format, ctx.stores.settings.get()!, cycle);
  const out = { fileName: file.fileName, mime: file.mime, fingerprint: file.publication.fingerprint, rows: file.publication.rowCount };
  if (!input.save) return { ...out, base64: file.bytes.toString('base64'), savedTo: null };
  const savedTo = await saveFile!({ suggestedName: file.fileName, bytes: file.bytes, filter: PUBLISH_FILTERS[input.format] });
  return { ...out, base64: null, savedTo };
}
