import type { NotaDinasDraft } from '../../domain/workflow';
import { bodyBlocks, type BodyBlock } from './texts';

/**
 * More list items than this and the list leaves the body for a lampiran page: a Nota Dinas
 * is one page (Tata Naskah Dinas), and a 40-item list in its body ran to three.
 */
export const NOTA_DINAS_BODY_ITEMS_MAX = 5;

export const NOTA_DINAS_LAMPIRAN_COUNT = '1 (satu) berkas';

const TO_LAMPIRAN = 'sebagaimana tercantum dalam Lampiran Nota Dinas ini.';

export interface NotaDinasLayout {
  /** The body as printed on the Nota Dinas page. */
  body: BodyBlock[];
  /** The list the lampiran page carries, or null when the body keeps its list. */
  lampiran: Extract<BodyBlock, { kind: 'item' }>[] | null;
  /** What the head's "Lampiran" row says. */
  lampiranLabel: string;
}

/**
 * How a Nota Dinas draft is laid out, for the DOCX and the print view alike. Computed from
 * the draft's own text, which the issuing act records: an issued Nota Dinas keeps its
 * lampiran as issued, whatever the cycle's items become later.
 *
 * The longest run of list lines in the isi goes to the lampiran when it has more than
 * NOTA_DINAS_BODY_ITEMS_MAX items; the sentence introducing it ("… berikut:") then points to
 * the lampiran instead, and the head says "1 (satu) berkas" unless the writer said otherwise.
 */
export function notaDinasLayout(d: Pick<NotaDinasDraft, 'isi' | 'lampiran'>): NotaDinasLayout {
  const blocks = bodyBlocks(d.isi);
  let best = { start: -1, length: 0 };
  for (let i = 0; i < blocks.length; ) {
    if (blocks[i]!.kind !== 'item') {
      i++;
      continue;
    }
    let j = i;
    while (blocks[j]?.kind === 'item') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const written = d.lampiran.trim();
  if (best.length <= NOTA_DINAS_BODY_ITEMS_MAX) return { body: blocks, lampiran: null, lampiranLabel: written || '-' };

  const lampiran = blocks.slice(best.start, best.start + best.length) as Extract<BodyBlock, { kind: 'item' }>[];
  const body = [...blocks.slice(0, best.start), ...blocks.slice(best.start + best.length)];
  const lead = body[best.start - 1];
  if (lead?.kind === 'paragraph') {
    body[best.start - 1] = /:\s*$/.test(lead.text)
      ? { kind: 'paragraph', text: `${lead.text.replace(/\s*((sebagai\s+)?berikut)?\s*:\s*$/i, '')} ${TO_LAMPIRAN}` }
      : lead;
  } else {
    body.splice(best.start, 0, { kind: 'paragraph', text: `Daftarnya ${TO_LAMPIRAN}` });
  }
  return { body, lampiran, lampiranLabel: written && written !== '-' ? written : NOTA_DINAS_LAMPIRAN_COUNT };
}
