import { type Document } from 'docx';
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { cellText } from './list';
import type { RowSpec } from './table';
import { STYLE } from './text';
import type { Theme } from '../../shared/texts';

/**
 * Table rows written as WordprocessingML text instead of through docx's object tree.
 *
 * The regency's consolidated list holds 40 OPD × 300 items: docx builds some fifty objects
 * per cell and serialises them through an intermediate tree, which took 13 s and 1.3 GB for
 * those 12,000 rows. The same rows written as strings take a fraction of a second. Only
 * plain text cells are written this way (what `cellText` makes: style, spacing, alignment,
 * bold, italics, size; spans, shading, rows kept whole or with the next); the kop, the heads
 * and the signature stay docx's. `plainRowSpec` gives the same row to docx, and
 * tests/unit/regency-documents.test.ts holds the two outputs byte for byte equal.
 */

export interface PlainLine {
  text: string;
  bold?: boolean;
  italics?: boolean;
  center?: boolean;
  /** Space after the paragraph, in twips. */
  after?: number;
}

export interface PlainCell {
  lines: PlainLine[];
  span?: number;
  shading?: string;
}

export interface PlainRow {
  cells: PlainCell[];
  /** As RowSpec: rows are kept whole unless said otherwise. */
  cantSplit?: boolean;
  keepNext?: boolean;
}

/** The row as docx would build it from RowSpec (the reference the raw text is held to). */
export function plainRowSpec(row: PlainRow, theme: Theme): RowSpec {
  return {
    cantSplit: row.cantSplit ?? true,
    ...(row.keepNext ? { keepNext: true } : {}),
    cells: row.cells.map((c) => ({
      ...(c.span ? { span: c.span } : {}),
      ...(c.shading ? { shading: c.shading } : {}),
      children: c.lines.map((l) => cellText(l.text, theme, { bold: l.bold, italics: l.italics, center: l.center, after: l.after })),
    })),
  };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!) : s);

function flag(tag: string, value: boolean | undefined): string {
  if (value === undefined) return '';
  return value ? `<w:${tag}/><w:${tag}Cs/>` : `<w:${tag} w:val="false"/><w:${tag}Cs w:val="false"/>`;
}

/** Writes paragraphs of one size; the run properties of each bold/italic combination are made once. */
function paragraphWriter(theme: Theme) {
  const size = theme.table * 2;
  const rPr = new Map<string, string>();
  const runProps = (l: PlainLine) => {
    const key = `${l.bold}|${l.italics}`;
    let found = rPr.get(key);
    if (found === undefined) {
      found = `<w:rPr>${flag('b', l.bold)}${flag('i', l.italics)}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
      rPr.set(key, found);
    }
    return found;
  };
  // 12,000 rows share a handful of paragraph openings: each is written once.
  const openings = new Map<string, string>();
  const opening = (l: PlainLine, keepNext: boolean) => {
    const key = `${keepNext}|${l.after ?? 0}|${Boolean(l.center)}`;
    let found = openings.get(key);
    if (found === undefined) {
      found =
        `<w:p><w:pPr><w:pStyle w:val="${STYLE.body}"/>${keepNext ? '<w:keepNext/>' : ''}` +
        `<w:spacing w:after="${l.after ?? 0}" w:before="0"/><w:jc w:val="${l.center ? 'center' : 'left'}"/></w:pPr>`;
      openings.set(key, found);
    }
    return found;
  };
  return (l: PlainLine, keepNext: boolean): string => {
    const props = runProps(l);
    // As parts/text.ts runs(): typed line breaks become runs after a break; cellText trims and prints "-" for nothing.
    const text = l.text.trim() || '-';
    let runs: string;
    if (!/[\r\n]/.test(text)) runs = `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
    else {
      runs = text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((t, i) => `<w:r>${props}${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`)
        .join('');
    }
    return `${opening(l, keepNext)}${runs}</w:p>`;
  };
}

/** The rows' XML, as docx writes `fixedTable(widths, rows.map(plainRowSpec))`'s rows. */
export function plainRowsXml(rows: readonly PlainRow[], widths: readonly number[], theme: Theme): string {
  const paragraph = paragraphWriter(theme);
  const cellOpenings = new Map<string, string>();
  const out: string[] = [];
  for (const row of rows) {
    const keepNext = Boolean(row.keepNext);
    let col = 0;
    let cells = '';
    for (const c of row.cells) {
      const span = c.span ?? 1;
      let width = 0;
      for (let k = col; k < col + span; k++) width += widths[k] ?? 0;
      col += span;
      const key = `${width}|${span}|${c.shading ?? ''}`;
      let tcPr = cellOpenings.get(key);
      if (tcPr === undefined) {
        tcPr =
          `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}` +
          `${c.shading ? `<w:shd w:fill="${c.shading}" w:color="auto" w:val="clear"/>` : ''}<w:vAlign w:val="top"/></w:tcPr>`;
        cellOpenings.set(key, tcPr);
      }
      const body = c.lines.length ? c.lines.map((l) => paragraph(l, keepNext)).join('') : keepNext ? '<w:p><w:pPr><w:keepNext/></w:pPr></w:p>' : '<w:p/>';
      cells += `<w:tc>${tcPr}${body}</w:tc>`;
    }
    if (col !== widths.length) throw new Error(`Table row spans ${col} of ${widths.length} columns.`);
    out.push(`<w:tr><w:trPr>${row.cantSplit ?? true ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>'}</w:trPr>${cells}</w:tr>`);
  }
  return out.join('');
}

/** Rows waiting to be put in place of their marker row when the document is packed. */
const pending = new WeakMap<Document, { marker: string; xml: string }[]>();
let counter = 0;

/**
 * A run of raw rows inside a docx table: `row` is the marker row the table holds while docx
 * builds it; `attach` (after the Document exists) registers the text that replaces it in
 * word/document.xml when packDocx packs the document.
 */
export class RawRows {
  readonly marker = `PPIDDESK-RAW-ROWS-${++counter}-${Math.random().toString(36).slice(2)}`;
  constructor(readonly xml: string) {}

  row(columns: number): RowSpec {
    return { cells: [{ span: columns, children: [cellText(this.marker, { font: '', body: 10, table: 10, small: 8, head: 9 })] }] };
  }

  static attach(doc: Document, runs: readonly RawRows[]): Document {
    pending.set(doc, [...(pending.get(doc) ?? []), ...runs.map((r) => ({ marker: r.marker, xml: r.xml }))]);
    return doc;
  }
}

/** packDocx's last step: the marker rows replaced by their raw rows. A document without any is returned untouched. */
export function spliceRawRows(doc: Document, packed: Buffer): Buffer {
  const runs = pending.get(doc);
  if (!runs?.length) return packed;
  const files = unzipSync(new Uint8Array(packed));
  // The packed XML is small (markers stand for the rows): find every marker in it, then join
  // the pieces once, rather than copy a growing 30 MB string once per run.
  const xml = Buffer.from(files['word/document.xml']!).toString('utf8');
  const parts: string[] = [];
  let cursor = 0;
  for (const r of [...runs].map((r) => ({ ...r, at: xml.indexOf(r.marker) })).sort((a, b) => a.at - b.at)) {
    const start = xml.lastIndexOf('<w:tr>', r.at);
    const end = xml.indexOf('</w:tr>', r.at);
    if (r.at < 0 || start < cursor || end < 0) throw new Error('Baris tabel tidak dapat disisipkan ke dokumen.');
    parts.push(xml.slice(cursor, start), r.xml);
    cursor = end + '</w:tr>'.length;
  }
  parts.push(xml.slice(cursor));
  files['word/document.xml'] = utf8(parts);
  return zipNative(files);
}

const NOT_ASCII = /[\u0080-\uffff]+/g;

/**
 * The pieces' UTF-8, written once into one buffer: no 30 MB string joined first, no copy of
 * each piece concatenated after (each such temporary made the collector sweep the large heap
 * of a 40-OPD register again). Node's own encoder (fflate's, in JavaScript, took half a second
 * on 30 MB), and ASCII stretches copied as Latin-1 (the same bytes): one character beyond
 * Latin-1 anywhere makes V8 keep a whole piece two bytes a character, which Node encodes to
 * UTF-8 a character at a time.
 */
function utf8(pieces: readonly string[]): Uint8Array<ArrayBuffer> {
  const runs: [string, BufferEncoding][] = [];
  for (const s of pieces) {
    let last = 0;
    for (const m of s.matchAll(NOT_ASCII)) {
      runs.push([s.slice(last, m.index), 'latin1'], [m[0], 'utf8']);
      last = m.index + m[0].length;
    }
    runs.push([last ? s.slice(last) : s, 'latin1']);
  }
  const out = Buffer.allocUnsafe(runs.reduce((n, [s, enc]) => n + (enc === 'latin1' ? s.length : Buffer.byteLength(s, 'utf8')), 0));
  let at = 0;
  for (const [s, enc] of runs) at += out.write(s, at, enc);
  // A view, not a copy: allocUnsafe gives a buffer this size its own ArrayBuffer.
  return new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
}

/**
 * The files zipped in their order, each deflated by Node's zlib: fflate writes the container,
 * but its JavaScript deflate took four times as long on the 30 MB document.xml of 12,000 rows.
 */
function zipNative(files: Record<string, Uint8Array>): Buffer {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const [filename, data] of Object.entries(files)) {
    const entry: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8 };
    zip.add(entry);
    entry.ondata!(null, new Uint8Array(deflateRawSync(data, { level: 6 })), true);
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks);
}
