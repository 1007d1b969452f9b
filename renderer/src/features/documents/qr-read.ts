import jsQR from 'jsqr';

/** Pixels as jsQR reads them: RGBA, row by row. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A part of the source image, in fractions of its width and height. */
export interface Region {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where to look, in order. The whole image first; then the bottom-left quarter, where the
 * signed lists print their QR code (a scan of a whole page leaves the code too small to
 * read at the first size); then the other quarters, for a page scanned upside down or turned.
 */
export const REGIONS: Region[] = [
  { name: 'whole', x: 0, y: 0, w: 1, h: 1 },
  { name: 'bottom-left', x: 0, y: 0.5, w: 0.5, h: 0.5 },
  { name: 'top-right', x: 0.5, y: 0, w: 0.5, h: 0.5 },
  { name: 'top-left', x: 0, y: 0, w: 0.5, h: 0.5 },
  { name: 'bottom-right', x: 0.5, y: 0.5, w: 0.5, h: 0.5 },
];

/**
 * How large a region is drawn. jsQR's time grows with the pixel count, and a phone photo of
 * 4000 px would take seconds on an office PC, so the whole image is drawn at most 1600 px on
 * its longest side. A quarter is enlarged to at least that (a small QR's modules grow) and
 * kept up to 2400 px, so a 200–300 dpi scan is read at about its own resolution: a 1.6 cm code
 * then has 2.5–4 px per module, enough for jsQR.
 */
export const WHOLE_MAX = 1600;
export const PART_MIN = 1600;
export const PART_MAX = 2400;

export function drawSide(region: Region, longest: number): number {
  if (region.w === 1 && region.h === 1) return Math.min(longest, WHOLE_MAX);
  return Math.min(Math.max(longest, PART_MIN), PART_MAX);
}

export function decodeRaster(r: Raster): string | null {
  // Printed codes are dark on light: skipping the inverted pass halves the work.
  return jsQR(r.data, r.width, r.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/**
 * Tries each region until one decodes. `draw` renders a region of the source at the given
 * size (a canvas in the browser; a plain function in tests).
 */
export function findQr(source: { width: number; height: number }, draw: (region: Region, width: number, height: number) => Raster, regions: Region[] = REGIONS): string | null {
  for (const region of regions) {
    const w = source.width * region.w;
    const h = source.height * region.h;
    const scale = drawSide(region, Math.max(w, h)) / Math.max(w, h);
    const width = Math.max(1, Math.round(w * scale));
    const height = Math.max(1, Math.round(h * scale));
    const text = decodeRaster(draw(region, width, height));
    if (text) return text;
  }
  return null;
}

async function loadBitmap(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(file);
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Reads a QR code from a scanned or photographed page (PNG or JPEG); null when none is found. */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const bitmap = await loadBitmap(file);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('Peramban ini tidak dapat membaca gambar.');
  return findQr(bitmap, (region, width, height) => {
    canvas.width = width;
    canvas.height = height;
    // White under transparent PNG pixels: transparent black would read as a dark module.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, bitmap.width * region.x, bitmap.height * region.y, bitmap.width * region.w, bitmap.height * region.h, 0, 0, width, height);
    const img = ctx.getImageData(0, 0, width, height);
    return { width, height, data: img.data };
  });
}
