/**
 * The fixed words and small text rules of the printed documents. They are the DOCX's own:
 * electron/core/documents/shared/texts.ts and columns.ts are pure (no `docx`, no Node), so
 * the print views use the very code the DOCX builders use and the two cannot drift apart.
 * What follows is the renderer's alone.
 */
export * from '../../../electron/core/documents/shared/texts';

/** Millimetres to twips, rounded as parts/page.ts cm(). */
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Office fonts by name, with what a Linux or an older Windows has that looks the same. */
export function fontStack(font: string): string {
  const fallbacks: Record<string, string> = {
    Arial: "'Liberation Sans', Helvetica, sans-serif",
    Tahoma: "'DejaVu Sans', Verdana, sans-serif",
    'Times New Roman': "'Liberation Serif', Times, serif",
    'Bookman Old Style': "'URW Bookman', 'URW Bookman L', 'Bookman', serif",
  };
  return `'${font}', ${fallbacks[font] ?? 'sans-serif'}`;
}

/** Shading as parts/list.ts. */
export const HEADER_SHADE = '#D9D9D9';
export const NUMBER_SHADE = '#F2F2F2';
export const GROUP_SHADE = '#EDEDED';
