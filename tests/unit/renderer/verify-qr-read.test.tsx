import { describe, expect, it } from 'vitest';
import { create } from 'qrcode';
import { findQr, drawSide, REGIONS, type Raster, type Region } from '../../../renderer/src/features/documents/qr-read';

/**
 * Reading the QR code off a scanned page, without a canvas: a synthetic "scan" (white page,
 * the code at the foot on the left, as the signed lists print it) and a nearest-neighbour
 * drawing function standing in for the canvas's drawImage.
 */

const TEXT = `PPIDDESK|DIP|c0ffee00-1111-4222-8333-444455556666|v2|${'0123456789abcdef'.repeat(4)}`;

/** A page `width`×`height` px with the code at (x, y), `modulePx` pixels per module. */
function page(width: number, height: number, at: { x: number; y: number } | null, modulePx: number): Raster {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  if (at) {
    const qr = create(TEXT, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const side = Math.ceil(n * modulePx);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        if (!qr.modules.get(Math.floor(y / modulePx), Math.floor(x / modulePx))) continue;
        const i = ((at.y + y) * width + at.x + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { width, height, data };
}

function drawer(src: Raster, tried: string[]) {
  return (region: Region, width: number, height: number): Raster => {
    tried.push(region.name);
    const out = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const sx = Math.min(src.width - 1, Math.floor(src.width * region.x + ((x + 0.5) * src.width * region.w) / width));
        const sy = Math.min(src.height - 1, Math.floor(src.height * region.y + ((y + 0.5) * src.height * region.h) / height));
        out.set(src.data.subarray((sy * src.width + sx) * 4, (sy * src.width + sx) * 4 + 4), (y * width + x) * 4);
      }
    }
    return { width, height, data: out };
  };
}

describe('reading the QR code from a scan', () => {
  it('finds the code in the bottom-left quarter when the whole page, drawn smaller, is too coarse', () => {
    // An F4 landscape page of 2598 × 1693 px with the code at 1.9 px per module (what a
    // 150-dpi scan gives the 1.6 cm code): drawn whole at 1600 px that is 1.2 px per module.
    const scan = page(2598, 1693, { x: 150, y: 1693 - 230 }, 1.9);
    const tried: string[] = [];
    expect(findQr(scan, drawer(scan, tried))).toBe(TEXT);
    expect(tried).toEqual(['whole', 'bottom-left']);
  });

  it('reads a close-up photo of the code at once', () => {
    const photo = page(600, 500, { x: 100, y: 60 }, 8);
    const tried: string[] = [];
    expect(findQr(photo, drawer(photo, tried))).toBe(TEXT);
    expect(tried).toEqual(['whole']);
  });

  it('finds a code in another corner (a page scanned upside down)', () => {
    const scan = page(2598, 1693, { x: 2598 - 400, y: 120 }, 1.9);
    const tried: string[] = [];
    expect(findQr(scan, drawer(scan, tried))).toBe(TEXT);
    expect(tried).toEqual(['whole', 'bottom-left', 'top-right']);
  });

  it('answers null for a page without a code, after trying every region once', () => {
    const blank = page(1300, 850, null, 1);
    const tried: string[] = [];
    expect(findQr(blank, drawer(blank, tried))).toBeNull();
    expect(tried).toEqual(REGIONS.map((r) => r.name));
  });

  it('keeps the drawing small enough for an office PC', () => {
    const whole = REGIONS[0]!;
    const quarter = REGIONS[1]!;
    expect(drawSide(whole, 4000)).toBe(1600);
    expect(drawSide(whole, 900)).toBe(900);
    expect(drawSide(quarter, 800)).toBe(1600);
    expect(drawSide(quarter, 1950)).toBe(1950);
    expect(drawSide(quarter, 3000)).toBe(2400);
  });
});
