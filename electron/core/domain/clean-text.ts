/**
 * Text that XML 1.0 cannot carry: C0 controls other than tab and newline, lone surrogate
 * halves, and the non-characters U+FFFE/U+FFFF. One of them in a field (pasted from a PDF,
 * a spreadsheet, a broken keyboard driver) made the DOCX's word/document.xml not well-formed,
 * and Word refuses the whole file. They carry no meaning for anyone reading the text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string as XML can carry it; line ends become "\n" (a lone CR would become one anyway in XML). */
export function cleanText(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  NOT_IN_XML.lastIndex = 0;
  return NOT_IN_XML.test(lines) ? lines.replace(NOT_IN_XML, '') : lines;
}

/**
 * Every string inside a value (objects and arrays, as JSON or structured clone carries them),
 * cleaned; anything else untouched. Returns the same value when nothing needed cleaning.
 */
export function cleanStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return cleanText(value) as T;
  // Input arrives as JSON: deeper than this is no form of ours; the schema refuses it anyway.
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v, i) => {
      const c = cleanStrings(v, depth + 1);
      if (c !== v) (out ??= [...value])[i] = c;
    });
    return (out ?? value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const c = cleanStrings(v, depth + 1);
    if (c !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = c;
  }
  return (out ?? value) as T;
}
