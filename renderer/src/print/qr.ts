import { create } from 'qrcode';

/**
 * The QR code as an SVG, drawn from the same module matrix the DOCX's PNG is drawn from
 * (parts/fingerprint.ts: error correction M, a quiet zone of 4 modules). SVG needs no canvas,
 * stays sharp at any print resolution and is built synchronously.
 */
const QUIET = 4;
/** The smallest module a 150-dpi scan reads (as parts/frame.ts): a larger code wins over the asked side. */
const MIN_MODULE_MM = 0.42;

export function qrSvg(text: string, sideMm: number): string {
  const qr = create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = n + 2 * QUIET;
  const mm = Math.max(sideMm, Math.ceil(side * MIN_MODULE_MM * 10) / 10);
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm}mm" height="${mm}mm" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}

export function qrDataUrl(text: string, sideMm: number): string {
  // Base64 rather than percent-encoding: the CSS url() and <img src> both take it as is.
  return `data:image/svg+xml;base64,${btoa(qrSvg(text, sideMm))}`;
}
