/**
 * The one table of file types the app names: what the renderer's files are served as
 * (app:// and the loopback host) and what an attachment is recorded as. Extensions are
 * lower case, without the dot.
 */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  html: 'text/html',
  js: 'text/javascript',
  mjs: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  map: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

export const OCTET_STREAM = 'application/octet-stream';

/** `docx`, `.DOCX` and `laporan.docx` all name the same type. */
export function extensionOf(fileOrExt: string): string {
  const base = fileOrExt.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot < 0 ? base : base.slice(dot + 1)).toLowerCase();
}

/** The bare media type, or null when the table does not know the extension. */
export function mimeForExtension(fileOrExt: string): string | null {
  return MIME_BY_EXTENSION[extensionOf(fileOrExt)] ?? null;
}

/**
 * The Content-Type to serve a file with. Text is always UTF-8 (Vite writes it so), and
 * module scripts must be served as JavaScript or Chromium refuses them.
 */
export function contentTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  if (dot <= slash) return OCTET_STREAM;
  const mime = mimeForExtension(file.slice(dot + 1));
  if (!mime) return OCTET_STREAM;
  return mime.startsWith('text/') || mime === 'application/json' ? `${mime}; charset=utf-8` : mime;
}
