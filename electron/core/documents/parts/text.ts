import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx';
import type { Settings } from '../../domain/office';

/** Sizes in points, derived from the office's chosen font size. */
export interface Theme {
  font: string;
  /** Letters and title blocks. */
  body: number;
  /** Landscape tables: two points under the body so seven statutory columns breathe. */
  table: number;
  /** Footers, notes. */
  small: number;
}

export function themeOf(settings: Pick<Settings, 'documents'>): Theme {
  const body = settings.documents.fontSize;
  return { font: settings.documents.font, body, table: Math.max(9, body - 2), small: Math.max(8, body - 4) };
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'size'> & { size?: number };

/** Runs in points; user text keeps its line breaks. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const { size, ...rest } = style;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => new TextRun({ ...rest, ...(size ? { size: size * 2 } : {}), text: line, ...(i ? { break: 1 } : {}) }));
}

export type ParaOptions = Omit<IParagraphOptions, 'children' | 'text'>;

export function para(content: string | ParagraphChild[], options: ParaOptions = {}, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    ...options,
    children: typeof content === 'string' ? runs(content, style) : content,
  });
}

export const centred = (content: string | ParagraphChild[], style: RunStyle = {}, options: ParaOptions = {}) =>
  para(content, { alignment: AlignmentType.CENTER, ...options }, style);

/** An empty paragraph of a given height, for space that must not collapse. */
export const gap = (twips: number, options: ParaOptions = {}) =>
  new Paragraph({ ...options, spacing: { before: 0, after: 0, line: twips, lineRule: 'exact' }, children: [] });

export const upper = (s: string) => s.toLocaleUpperCase('id-ID');
