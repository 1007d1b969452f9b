import { Packer, type Document } from 'docx';

/** The one place a Document becomes bytes. */
export async function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
