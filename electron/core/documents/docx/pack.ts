import { Packer, type Document } from 'docx';
import { coreXml } from './parts/frame';
import { spliceRawRows } from './parts/raw-rows';

/**
 * The one place a Document becomes bytes. `date` is the document's own date for a builder
 * that did not give one: docx would otherwise stamp the packing machine's clock.
 */
export async function packDocx(doc: Document, date?: Date): Promise<Buffer> {
  const core = coreXml(doc, date);
  // Rows a builder wrote as text (parts/raw-rows.ts) go in last.
  return spliceRawRows(doc, await Packer.toBuffer(doc, false, core ? [{ path: 'docProps/core.xml', data: core }] : []));
}
