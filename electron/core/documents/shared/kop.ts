import type { Settings } from '../../domain/office';
import { contactLines, pemdaHeading, upper, type Theme } from './texts';

/**
 * The kop's long lines (the OPD name, the address) broken by the app, not by the word
 * processor: a word processor fills the first line and leaves "STATISTIK" or "78711" alone on
 * the next. Here the words are spread evenly over as few lines as the width allows, and a
 * heading that would need a third line is set a size smaller first.
 *
 * Widths are estimated from per-character averages (em fractions of the wide office fonts,
 * bold upper case widest) and rounded up, so a line the app composes is not wrapped again by
 * LibreOffice or Word; a wrong guess costs a shorter line, not a lone word.
 */
const EM = { upper: 0.72, lower: 0.52, digit: 0.56, space: 0.28, narrow: 0.3 } as const;

export function estimateWidthTwips(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += EM.space;
    else if (/[0-9]/.test(ch)) em += EM.digit;
    else if (/[.,:;'’()\-/|!iIl]/.test(ch)) em += EM.narrow;
    else if (ch !== ch.toLowerCase()) em += EM.upper;
    else em += EM.lower;
  }
  return Math.ceil(em * (bold ? 1.06 : 1) * sizePt * 20);
}

/**
 * The words over `lines` lines with the widest line as narrow as it can be (every line at
 * least one word); ties prefer the longer line first, as a heading reads.
 */
function balanceInto(words: string[], lines: number, width: (s: string) => number): string[] {
  const n = words.length;
  const join = (a: number, b: number) => words.slice(a, b).join(' ');
  // best[k][i]: the narrowest widest-line for words[i..] over k lines, with the break chosen.
  const best: { cost: number; next: number }[][] = Array.from({ length: lines + 1 }, () => Array.from({ length: n + 1 }, () => ({ cost: Infinity, next: -1 })));
  best[0]![n] = { cost: 0, next: n };
  for (let k = 1; k <= lines; k++) {
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j <= n - (k - 1); j++) {
        const rest = best[k - 1]![j]!.cost;
        if (rest === Infinity) continue;
        const cost = Math.max(width(join(i, j)), rest);
        if (cost < best[k]![i]!.cost || (cost === best[k]![i]!.cost && j > best[k]![i]!.next)) best[k]![i] = { cost, next: j };
      }
    }
  }
  const out: string[] = [];
  for (let k = lines, i = 0; k > 0; k--) {
    const j = best[k]![i]!.next;
    out.push(join(i, j));
    i = j;
  }
  return out;
}

/** The fewest lines the text fits in at this size, balanced; more lines than words is not possible. */
export function balancedLines(text: string, widthTwips: number, sizePt: number, bold = false): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const width = (s: string) => estimateWidthTwips(s, sizePt, bold);
  if (words.length <= 1 || width(words.join(' ')) <= widthTwips) return [words.join(' ')];
  for (let lines = 2; lines < words.length; lines++) {
    const out = balanceInto(words, lines, width);
    if (out.every((l) => width(l) <= widthTwips)) return out;
  }
  return words;
}

/**
 * A kop heading line: at its size if it fits on `maxLines` balanced lines, else up to two
 * points smaller; never smaller than that, however many lines it then takes.
 */
export function kopHeading(text: string, widthTwips: number, sizePt: number, bold: boolean, maxLines: number): { lines: string[]; sizePt: number } {
  for (let size = sizePt; size >= sizePt - 2; size--) {
    const lines = balancedLines(text, widthTwips, size, bold);
    if (lines.length <= maxLines) return { lines, sizePt: size };
  }
  return { lines: balancedLines(text, widthTwips, sizePt - 2, bold), sizePt: sizePt - 2 };
}

export interface KopLine {
  lines: string[];
  sizePt: number;
  bold: boolean;
  /** A little space above: the address under the names. */
  gapBefore: boolean;
}

/**
 * The kop's heading, as parts/kop.ts and the print view's Kop set it: the pemda on one line,
 * the OPD name on at most two balanced lines, the address balanced, then the contacts.
 * `widthTwips` is the heading column's width less its padding.
 */
export function kopLines(settings: Pick<Settings, 'office'>, widthTwips: number, theme: Theme): KopLine[] {
  const o = settings.office;
  const pemda = kopHeading(pemdaHeading(o.pemda), widthTwips, theme.body + 2, true, 1);
  const opd = kopHeading(upper(o.opdName), widthTwips, theme.body + 4, true, 2);
  const small = theme.small + 1;
  return [
    { ...pemda, bold: true, gapBefore: false },
    { ...opd, bold: true, gapBefore: false },
    { lines: balancedLines(o.address, widthTwips, small), sizePt: small, bold: false, gapBefore: true },
    ...contactLines(o, widthTwips, small).map((line) => ({ lines: [line], sizePt: small, bold: false, gapBefore: false })),
  ];
}
