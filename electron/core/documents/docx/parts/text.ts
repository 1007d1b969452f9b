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

/**
 * The paragraph styles every document uses, so whoever edits the file in Word or LibreOffice
 * changes one style and the whole document follows. Ids are Word's own where Word has the
 * style (Title, Heading 1, Body Text, Signature), so both suites show them by their usual names.
 */
export const STYLE = {
  title: 'Title',
  heading: 'Heading1',
  body: 'BodyText',
  table: 'TableText',
  signature: 'Signature',
  kop: 'KopSurat',
} as const;

export type ParaOptions = Omit<IParagraphOptions, 'children' | 'text'>;

/** A paragraph in Body Text unless it names its style (frame.ts defines them). */
export function para(content: string | ParagraphChild[], options: ParaOptions = {}, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    ...options,
    children: typeof content === 'string' ? runs(content, style) : content,
  });
}

/** Centred; a bold centred line is a document's title line, so it takes the Title style. */
export const centred = (content: string | ParagraphChild[], style: RunStyle = {}, options: ParaOptions = {}) =>
  para(content, { alignment: AlignmentType.CENTER, ...(style.bold ? { style: STYLE.title } : {}), ...options }, style);

/** An empty paragraph of a given height, for space that must not collapse. */
export const gap = (twips: number, options: ParaOptions = {}) =>
  new Paragraph({ ...options, spacing: { before: 0, after: 0, line: twips, lineRule: 'exact' }, children: [] });
