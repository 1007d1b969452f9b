import type { DocumentSettings } from '../../../electron/core/domain/office';
import { fontStack, type Theme } from './texts';

export type Orientation = 'portrait' | 'landscape';

/** Portrait sizes in millimetres, as parts/page.ts: F4 215 × 330, A4 210 × 297. */
export const PAPER_MM: Record<DocumentSettings['paper'], { width: number; height: number }> = {
  F4: { width: 215, height: 330 },
  A4: { width: 210, height: 297 },
};

/**
 * The DOCX margins (parts/page.ts) in millimetres: letters keep the Tata Naskah Dinas margins
 * (left 3 cm for binding); the landscape lists keep room at the foot for the QR footer.
 * `header` and `footer` are how far the mark and the footer sit from the paper's edge.
 */
export const MARGINS_MM: Record<Orientation, { top: number; right: number; bottom: number; left: number; header: number; footer: number }> = {
  portrait: { top: 20, right: 20, bottom: 20, left: 30, header: 10, footer: 9 },
  landscape: { top: 20, right: 15, bottom: 26, left: 20, header: 10, footer: 8 },
};

export interface PageBox {
  paper: DocumentSettings['paper'];
  orientation: Orientation;
  width: number;
  height: number;
  margin: (typeof MARGINS_MM)[Orientation];
  contentWidth: number;
}

export function pageBox(paper: DocumentSettings['paper'], orientation: Orientation): PageBox {
  const p = PAPER_MM[paper];
  const [width, height] = orientation === 'landscape' ? [p.height, p.width] : [p.width, p.height];
  const margin = MARGINS_MM[orientation];
  return { paper, orientation, width, height, margin, contentWidth: width - margin.left - margin.right };
}

/** What every printed page carries in its margins. */
export interface PageFrame {
  /** Right-aligned in the header of every page: KONSEP/DRAFT. */
  mark: string | null;
  footer:
    | { kind: 'pageOfPages' }
    /** The Nota Dinas: "- 2 -" centred, from page 2 on. */
    | { kind: 'fromSecondPage' }
    /** A signed list: QR, fingerprint and caption, and the page of pages. */
    | { kind: 'seal'; qrDataUrl: string; short: string; caption: string }
    /**
     * The uji konsekuensi, one sheet per item as the DOCX's sections: each sheet numbers its
     * own pages (`pages`, with `{page}` where the number goes) and its pages after the first
     * carry `continuation` at the top.
     */
    | { kind: 'perSheet'; sheets: readonly { pages: string; continuation: string }[] };
}

/** The named page (CSS `page`) and page counter of the sheet at `index` in a perSheet frame. */
const sheetPageName = (index: number) => `pp-sheet-${index + 1}`;

/** A CSS string literal: quotes and backslashes escaped, line breaks as \A. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}

/**
 * The @page rules of one document. Header and footer go in the page's margin boxes, not in
 * position:fixed elements: margin boxes repeat on every printed page without covering the
 * content, and only they can count pages ("Halaman 2 dari 3"). Chromium (and so Electron)
 * prints them; the screen view shows the same mark and footer as ordinary elements.
 */
export function pageCss(box: PageBox, frame: PageFrame, theme: Theme): string {
  const m = box.margin;
  const font = fontStack(theme.font);
  const small = `font-family: ${font}; font-size: ${theme.small}pt; color: #000;`;
  const foot = `vertical-align: bottom; padding-bottom: ${m.footer}mm;`;
  const rules: string[] = [];
  const page: string[] = [`size: ${box.width}mm ${box.height}mm;`, `margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`];
  if (frame.mark) {
    page.push(
      `@top-right { content: ${cssString(frame.mark)}; font-family: ${font}; font-size: ${theme.body}pt; font-weight: bold; letter-spacing: 0.5pt; vertical-align: top; padding-top: ${m.header}mm; text-align: right; white-space: nowrap; }`,
    );
  }
  const pages = `content: "Halaman " counter(page) " dari " counter(pages); ${small} ${foot} text-align: right; white-space: nowrap;`;
  switch (frame.footer.kind) {
    case 'pageOfPages':
      page.push(`@bottom-right { ${pages} width: 40mm; }`);
      break;
    case 'fromSecondPage':
      page.push(`@bottom-center { content: "- " counter(page) " -"; ${small} font-size: ${theme.small + 1}pt; ${foot} text-align: center; }`);
      rules.push('@page :first { @bottom-center { content: none; } }');
      break;
    case 'seal': {
      // The centre box is centred by the margin-box rules, so the side boxes are equally wide.
      const side = 26;
      page.push(
        `@bottom-left { content: url(${cssString(frame.footer.qrDataUrl)}); width: ${side}mm; text-align: left; vertical-align: bottom; padding-bottom: ${Math.max(0, m.footer - 2)}mm; }`,
        `@bottom-center { content: ${cssString(`Sidik dokumen: ${frame.footer.short}\n${frame.footer.caption}`)}; width: ${box.contentWidth - 2 * side}mm; ${small} ${foot} text-align: left; white-space: pre-wrap; }`,
        `@bottom-right { ${pages} width: ${side}mm; }`,
      );
      break;
    }
    case 'perSheet': {
      // Chromium can neither select a sheet's first page (no :nth() page selector) nor restart
      // the page counter there. So each sheet prints on a named page of its own with a counter
      // that only its pages step: its page numbers start at 1, and a counter style that writes
      // nothing for 1 keeps the continuation line off the sheet's first page (the kop is there).
      // The line sits in the middle of the top margin: a title of the longest kind (300 characters)
      // wraps to three or four lines, and those still end above the text.
      rules.push('@counter-style pp-nothing { system: cyclic; symbols: ""; }');
      frame.footer.sheets.forEach((sheet, i) => {
        const name = sheetPageName(i);
        const [before = '', after = ''] = sheet.pages.split('{page}');
        rules.push(
          `.pp-sheet[data-sheet="${i + 1}"] { page: ${name}; }`,
          `@counter-style ${name} { system: cyclic; symbols: ${cssString(sheet.continuation.replace(/\s+/g, ' '))}; range: 2 infinite; fallback: pp-nothing; }`,
          `@page ${name} { counter-increment: ${name}; ` +
            `@top-left { content: counter(${name}, ${name}); ${small} font-style: italic; vertical-align: middle; text-align: left; ${frame.mark ? '' : `width: ${box.contentWidth}mm;`} } ` +
            `@bottom-right { content: ${cssString(before)} counter(${name}) ${cssString(after)}; ${small} ${foot} text-align: right; white-space: nowrap; width: ${box.contentWidth}mm; } }`,
        );
      });
      break;
    }
  }
  rules.unshift(`@page { ${page.join(' ')} }`);
  return rules.join('\n');
}
