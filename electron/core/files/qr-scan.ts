import jsQR from 'jsqr';
import pngjs from 'pngjs';
import { imageSize } from './image';

/**
 * Reads the QR code on a scanned paper in the core, so the verdict on a scan never rests on
 * what a screen reports. PNG is decoded by pngjs, JPEG by pdf.js's own JPEG decoder, and a PDF
 * by pdf.js: a scanned PDF is page images, taken from each page's operator list (no canvas
 * needed) and decoded by pdf.js whatever their filter (DCT, Flate, CCITT…). Then the same
 * search as the renderer's reader (renderer/src/features/documents/qr-read.ts): the whole
 * page, then each quarter at about the scan's own resolution.
 */

export type ScanType = 'pdf' | 'png' | 'jpg';

/** A grey image, one byte a pixel, row by row: a quarter of RGBA's memory for a page scan. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Images above this are not decoded: a 600-dpi A4 page is 35 million pixels, and a bigger
 * picture would cost the laptop seconds and hundreds of megabytes for a code it can be
 * filed without.
 */
export const MAX_PIXELS = 40_000_000;
/** Pages of a PDF searched: the signed lists print their code on every page. */
export const MAX_PDF_PAGES = 3;
/** The whole image is searched at most this long on its longest side (jsQR's time grows with pixels). */
export const WHOLE_MAX = 1600;
/** A quarter is searched at its own resolution up to this: a 1.6 cm code at 200–300 dpi keeps 4+ px a module. */
export const PART_MAX = 2400;

interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The whole page, then the bottom-left quarter where the lists print their code, then the others (a page turned). */
const REGIONS: Region[] = [
  { x: 0, y: 0, w: 1, h: 1 },
  { x: 0, y: 0.5, w: 0.5, h: 0.5 },
  { x: 0.5, y: 0, w: 0.5, h: 0.5 },
  { x: 0, y: 0, w: 0.5, h: 0.5 },
  { x: 0.5, y: 0.5, w: 0.5, h: 0.5 },
];

/** The code's text, or null when no code could be read (or the file could not be decoded). */
export async function readScanQr(bytes: Uint8Array, type: ScanType): Promise<string | null> {
  try {
    if (type === 'pdf') return await readPdfQr(bytes);
    const image = type === 'png' ? decodePng(bytes) : await decodeJpeg(bytes);
    return image ? findQr(image) : null;
  } catch {
    // A damaged or unusual file is still a scan the office may file, marked unreadable.
    return null;
  }
}

/** Tries each region until one decodes. */
export function findQr(image: GreyImage): string | null {
  for (const r of REGIONS) {
    const x0 = Math.floor(image.width * r.x);
    const y0 = Math.floor(image.height * r.y);
    const w = Math.max(1, Math.floor(image.width * r.w));
    const h = Math.max(1, Math.floor(image.height * r.h));
    const limit = r.w === 1 ? WHOLE_MAX : PART_MAX;
    const scale = Math.min(1, limit / Math.max(w, h));
    const part = crop(image, x0, y0, w, h, Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
    const text = decode(part);
    if (text) return text;
  }
  return null;
}

function decode(g: GreyImage): string | null {
  const rgba = new Uint8ClampedArray(g.width * g.height * 4);
  for (let i = 0, k = 0; i < g.data.length; i++, k += 4) {
    const v = g.data[i]!;
    rgba[k] = v;
    rgba[k + 1] = v;
    rgba[k + 2] = v;
    rgba[k + 3] = 255;
  }
  // Printed codes are dark on light: skipping the inverted pass halves the work.
  return jsQR(rgba, g.width, g.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** A region of the image, shrunk by averaging the source pixels each target pixel covers. */
export function crop(g: GreyImage, x0: number, y0: number, w: number, h: number, outW: number, outH: number): GreyImage {
  const out = new Uint8Array(outW * outH);
  if (outW === w && outH === h) {
    for (let y = 0; y < h; y++) out.set(g.data.subarray((y0 + y) * g.width + x0, (y0 + y) * g.width + x0 + w), y * w);
    return { width: outW, height: outH, data: out };
  }
  const sx = w / outW;
  const sy = h / outH;
  for (let ty = 0; ty < outH; ty++) {
    const ya = y0 + Math.floor(ty * sy);
    const yb = Math.max(ya + 1, y0 + Math.floor((ty + 1) * sy));
    for (let tx = 0; tx < outW; tx++) {
      const xa = x0 + Math.floor(tx * sx);
      const xb = Math.max(xa + 1, x0 + Math.floor((tx + 1) * sx));
      let sum = 0;
      for (let y = ya; y < yb; y++) {
        const row = y * g.width;
        for (let x = xa; x < xb; x++) sum += g.data[row + x]!;
      }
      out[ty * outW + tx] = Math.round(sum / ((yb - ya) * (xb - xa)));
    }
  }
  return { width: outW, height: outH, data: out };
}

/** Luminance as jsQR weighs it, over white where a pixel is transparent. */
function greyOf(rgba: ArrayLike<number>, width: number, height: number, channels: 3 | 4): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, k = 0; i < data.length; i++, k += channels) {
    const lum = (rgba[k]! * 77 + rgba[k + 1]! * 150 + rgba[k + 2]! * 29) >> 8;
    const a = channels === 4 ? rgba[k + 3]! : 255;
    data[i] = a === 255 ? lum : Math.round((lum * a) / 255 + (255 - a));
  }
  return { width, height, data };
}

function tooLarge(width: number, height: number): boolean {
  return width * height > MAX_PIXELS || width < 1 || height < 1;
}

export function decodePng(bytes: Uint8Array): GreyImage | null {
  const size = imageSize(bytes);
  if (!size || size.type !== 'png' || tooLarge(size.width, size.height)) return null;
  const png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return greyOf(png.data, png.width, png.height, 4);
}

export async function decodeJpeg(bytes: Uint8Array): Promise<GreyImage | null> {
  const size = imageSize(bytes);
  if (!size || size.type !== 'jpg' || tooLarge(size.width, size.height)) return null;
  const { JpegImage } = await import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  const rgba = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true });
  return greyOf(rgba, jpeg.width, jpeg.height, 4);
}

// ---------- PDF ----------

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js in the core's own thread: its worker module is loaded beside it and handed over as
 * `globalThis.pdfjsWorker`, which pdf.js uses instead of a worker file (so the bundled app
 * needs no file of its own). The legacy build runs on Node 20 as well as Electron's Node 22;
 * only `Promise.withResolvers` (Node 22) is missing on the former.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const P = Promise as unknown as { withResolvers?: unknown };
    if (typeof P.withResolvers !== 'function') {
      P.withResolvers = function withResolvers<T>() {
        let resolve!: (v: T) => void;
        let reject!: (e: unknown) => void;
        const promise = new Promise<T>((a, b) => {
          resolve = a;
          reject = b;
        });
        return { promise, resolve, reject };
      };
    }
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** pdf.js's ImageKind: 1 bit a pixel (1 = white), RGB, RGBA. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

function greyOfPdfImage(img: PdfImage): GreyImage | null {
  const { width, height, kind, data } = img;
  if (!data || tooLarge(width, height)) return null;
  if (kind === RGB_24BPP) return greyOf(data, width, height, 3);
  if (kind === RGBA_32BPP) return greyOf(data, width, height, 4);
  if (kind === GRAYSCALE_1BPP) {
    const stride = (width + 7) >> 3;
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { width, height, data: out };
  }
  return null;
}

async function readPdfQr(bytes: Uint8Array): Promise<string | null> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
    data: new Uint8Array(bytes),
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    maxImageSize: MAX_PIXELS,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const paint = new Set<number>([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject]);
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES); n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      const images: PdfImage[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        if (!paint.has(ops.fnArray[i]!)) continue;
        const arg = (ops.argsArray[i] as unknown[])[0];
        if (typeof arg === 'string') {
          const objs = arg.startsWith('g_') ? page.commonObjs : page.objs;
          const img = await new Promise<PdfImage | null>((resolve) => {
            try {
              objs.get(arg, (v: unknown) => resolve((v as PdfImage) ?? null));
            } catch {
              resolve(null);
            }
          });
          if (img) images.push(img);
        } else if (arg && typeof arg === 'object') images.push(arg as PdfImage);
      }
      // The page scan is the largest picture on the page; logos and stamps come after it.
      images.sort((a, b) => b.width * b.height - a.width * a.height);
      for (const img of images) {
        const grey = greyOfPdfImage(img);
        const text = grey && findQr(grey);
        if (text) return text;
      }
      page.cleanup();
    }
    return null;
  } finally {
    await task.destroy();
  }
}
