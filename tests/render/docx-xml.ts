import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a .docx, by path. Binary parts (media) are kept as bytes. */
export interface DocxParts {
  xml: Record<string, string>;
  media: Record<string, Uint8Array>;
}

export function unzipDocx(buffer: Buffer): DocxParts {
  const files = unzipSync(new Uint8Array(buffer));
  const xml: Record<string, string> = {};
  const media: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) {
    if (/\.(xml|rels)$/.test(name)) xml[name] = strFromU8(bytes);
    else media[name] = bytes;
  }
  return { xml, media };
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of one paragraph's XML: runs joined, tabs as \t, breaks as \n. */
function paragraphText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (m[0] === '<w:tab/>') out += '\t';
    else if (m[0] === '<w:br/>') out += '\n';
    else out += decode(m[1]!);
  }
  return out;
}

/** Every paragraph's text, in document order (table cells included, row by row). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));
}

export const allText = (xml: string) => paragraphs(xml).join('\n');

/** Table rows, each as the list of its cells' texts. Nested tables are not expected. */
export function tableRows(xml: string): { xml: string; cells: string[] }[] {
  return [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => ({
    xml: m[0],
    cells: [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n')),
  }));
}

/** The header or footer part a section uses for `type` (default, first, even). */
export function headerFooterPart(parts: DocxParts, kind: 'header' | 'footer', type: 'default' | 'first'): string | null {
  const doc = parts.xml['word/document.xml']!;
  const ref = new RegExp(`<w:${kind}Reference[^>]*w:type="${type}"[^>]*r:id="([^"]+)"|<w:${kind}Reference[^>]*r:id="([^"]+)"[^>]*w:type="${type}"`).exec(doc);
  if (!ref) return null;
  const id = ref[1] ?? ref[2];
  const rels = parts.xml['word/_rels/document.xml.rels']!;
  const target = new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"|<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  if (!target) return null;
  return parts.xml[`word/${target[1] ?? target[2]}`] ?? null;
}

/** All header (or footer) parts' XML. */
export function partsOf(parts: DocxParts, kind: 'header' | 'footer'): string[] {
  return Object.entries(parts.xml)
    .filter(([name]) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(name))
    .map(([, x]) => x);
}

export function attr(tag: string, name: string): string | null {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}
