import { plainText, type Publication } from '../shared/publication';
import type { CellLine } from '../shared/columns';

/**
 * The signed list as one web page a webmaster can upload as it is or paste into the
 * regency's site: no script, no font, image or stylesheet from anywhere else (the CSS is in
 * the page, scoped under `.ppid-daftar` so a pasted copy does not restyle the host page), and a
 * Content-Security-Policy that lets the page load nothing at all. A table per DIP group, each
 * with the statutory heads, so a group read on its own still says what its columns are.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
.ppid-daftar{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#1a1a1a;max-width:1200px;margin:0 auto;padding:16px}
.ppid-daftar header{text-align:center;margin-bottom:20px}
.ppid-daftar h1{font-size:20px;margin:0 0 4px;text-transform:uppercase;letter-spacing:.02em}
.ppid-daftar .badan{font-weight:bold;margin:0 0 2px;text-transform:uppercase}
.ppid-daftar .tahun{font-weight:bold;margin:0 0 10px}
.ppid-daftar .sah{margin:0;font-size:13px}
.ppid-daftar .sidik{font-family:"DejaVu Sans Mono",Consolas,monospace;font-weight:bold;white-space:nowrap}
.ppid-daftar h2{font-size:15px;margin:24px 0 8px;padding:6px 8px;background:#ededed;border-left:4px solid #555}
.ppid-daftar table{border-collapse:collapse;width:100%;margin:0 0 8px}
.ppid-daftar th,.ppid-daftar td{border:1px solid #777;padding:6px 8px;vertical-align:top;text-align:left}
.ppid-daftar th{background:#d9d9d9;font-size:12px;text-align:center;vertical-align:middle}
.ppid-daftar td.no{text-align:center;white-space:nowrap}
.ppid-daftar td p{margin:0}
.ppid-daftar td p+p{margin-top:4px}
.ppid-daftar .judul{font-weight:bold}
.ppid-daftar .catatan{font-style:italic;color:#444}
.ppid-daftar .kosong{font-style:italic;color:#555}
.ppid-daftar footer{margin-top:24px;font-size:12px;color:#444;border-top:1px solid #ccc;padding-top:8px}
@media print{.ppid-daftar{max-width:none;padding:0;font-size:10pt}.ppid-daftar thead{display:table-header-group}.ppid-daftar tr{break-inside:avoid}}
`.trim();

function cell(lines: readonly CellLine[], key: string, no: number): string {
  if (key === 'no') return `<td class="no">${no}.</td>`;
  const shown = lines.filter((l) => plainText(l.text).trim());
  if (!shown.length) return '<td>-</td>';
  const paras = shown.map((l) => {
    const cls = l.bold ? ' class="judul"' : l.italic ? ' class="catatan"' : '';
    return `<p${cls}>${esc(plainText(l.text).trim()).replace(/\n/g, '<br>')}</p>`;
  });
  return `<td>${paras.join('')}</td>`;
}

function table(p: Publication, caption: string, rows: Publication['sections'][number]): string {
  const cols = p.weights.map((w) => `<col style="width:${((w / p.weights.reduce((a, b) => a + b, 0)) * 100).toFixed(1)}%">`).join('');
  const head = `<thead><tr>${p.heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.rows.length
    ? rows.rows.map((r) => `<tr>${r.cells.map((c, i) => cell(c, p.keys[i]!, r.no)).join('')}</tr>`).join('\n')
    : `<tr><td class="no"></td><td class="kosong" colspan="${p.heads.length - 1}">${esc(rows.emptyText ?? '')}</td></tr>`;
  return `<table aria-label="${esc(caption)}"><colgroup>${cols}</colgroup>${head}<tbody>\n${body}\n</tbody></table>`;
}

export function buildPublicationHtml(p: Publication): Buffer {
  const sections = p.sections.map((s) => {
    const caption = s.heading ?? p.listName;
    return `<section>${s.heading ? `<h2>${esc(s.heading)}</h2>` : ''}\n${table(p, caption, s)}\n</section>`;
  });
  const html = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="PPID Desk">
<title>${esc(`${p.listName} Tahun ${p.year} — ${p.office}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="ppid-daftar">
<header>
<h1>${esc(p.listName)}</h1>
<p class="badan">${esc(p.office)}</p>
<p class="tahun">TAHUN ${p.year}</p>
<p class="sah">${esc(p.signedText)}; sidik <span class="sidik">${esc(p.fingerprint)}</span></p>
</header>
${sections.join('\n')}
<footer><p>${esc(p.provenance)}</p></footer>
</main>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
