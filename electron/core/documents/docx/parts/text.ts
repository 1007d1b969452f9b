import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx';

export { themeOf, upper, type Theme } from '../../shared/texts';

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
