import { cellPlainText, type Publication } from '../shared/publication';

/**
 * The signed list as CSV, the plain-text twin of the workbook (xlsx.ts): the same title lines,
 * the statutory heads, a row per group heading and a row per item, in the same order, so a
 * webmaster who opens either sees the same table.
 *
 * Semicolons, not commas: Excel splits a double-clicked .csv on the list separator of
 * Windows' regional settings, and with Indonesian settings that is ";" (the comma is the
 * decimal separator), so a comma-separated file would open as one column on the office's own
 * laptops. LibreOffice asks, and importers let the separator be chosen. No "sep=;" line:
 * Excel then ignores the byte-order mark and garbles the Indonesian text.
 *
 * UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8 (without it, it
 * reads the bytes as Windows-1252). Rows end in CRLF (RFC 4180); line breaks inside a cell
 * stay LF inside quotes, which Excel and LibreOffice keep as breaks within the cell.
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/**
 * A text a spreadsheet would run as a formula (=, +, @, a tab or CR first, or "-" followed by
 * something) gets a leading apostrophe: a downloaded list must never compute, link or call out
 * when opened (CSV injection). The "-" of an empty cell stays as it is.
 */
export function neutralise(text: string): string {
  return /^[=+@\t\r]/.test(text) || /^-\S/.test(text) ? `'${text}` : text;
}

function field(text: string): string {
  const t = neutralise(text);
  return /[";\r\n,]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function buildPublicationCsv(p: Publication): Buffer {
  const width = p.heads.length;
  const line = (cells: readonly string[]) => cells.map(field).join(CSV_SEPARATOR);
  const alone = (text: string) => line([text, ...Array<string>(width - 1).fill('')]);
  const lines = [alone(p.title), alone(p.office), alone(p.signedLine), alone(p.provenance), alone(''), line(p.heads)];
  for (const s of p.sections) {
    if (s.heading) lines.push(alone(s.heading));
    if (!s.rows.length && s.emptyText) lines.push(alone(s.emptyText));
    for (const r of s.rows) lines.push(line(r.cells.map((c, i) => (p.keys[i] === 'no' ? String(r.no) : cellPlainText(c)))));
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
