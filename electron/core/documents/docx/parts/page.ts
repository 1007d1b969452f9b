import { PageOrientation, type ISectionPropertiesOptions } from 'docx';
import type { DocumentSettings } from '../../../domain/office';

/** Twips (1/20 pt) per paper, portrait. F4 is 215 × 330 mm, A4 210 × 297 mm. */
export const PAPER_TWIPS: Record<DocumentSettings['paper'], { width: number; height: number }> = {
  F4: { width: 12189, height: 18709 },
  A4: { width: 11906, height: 16838 },
};

export const cm = (v: number): number => Math.round((v * 1440) / 2.54);

export type Orientation = 'portrait' | 'landscape';

export interface PageLayout {
  properties: ISectionPropertiesOptions;
  /** Width between the margins, in twips: what every full-width table must add up to. */
  contentWidth: number;
  orientation: Orientation;
}

/**
 * Letters (portrait) keep the Tata Naskah Dinas margins (2 cm, left 3 cm for binding); the
 * landscape lists keep the same bottom margin in every state so a Draft and its signed
 * final paginate identically — the QR footer fits inside it.
 */
const MARGINS: Record<Orientation, { top: number; right: number; bottom: number; left: number; header: number; footer: number }> = {
  portrait: { top: cm(2), right: cm(2), bottom: cm(2), left: cm(3), header: cm(1), footer: cm(0.9) },
  landscape: { top: cm(2), right: cm(1.5), bottom: cm(2.6), left: cm(2), header: cm(1), footer: cm(0.8) },
};

export function pageLayout(paper: DocumentSettings['paper'], orientation: Orientation, titlePage = false): PageLayout {
  const size = PAPER_TWIPS[paper];
  const margin = MARGINS[orientation];
  const pageWidth = orientation === 'landscape' ? size.height : size.width;
  return {
    orientation,
    contentWidth: pageWidth - margin.left - margin.right,
    properties: {
      titlePage,
      page: {
        // docx swaps width and height for landscape: it wants the portrait size here.
        size: {
          width: size.width,
          height: size.height,
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin,
      },
    },
  };
}

/**
 * Splits `total` twips by weights into integers that add up to exactly `total`, so a table
 * fills the width between the margins to the twip.
 */
export function splitWidth(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}
