import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import * as core from '../../../electron/core/documents';
import { pageLayout, cm, PAPER_TWIPS } from '../../../electron/core/documents/docx/parts/page';
import type { SettingsView } from '../../../electron/core/contract';
import { printSpec } from '../../../renderer/src/print/documents';
import type { PrintInput } from '../../../renderer/src/print/model';
import { PAPER_MM, MARGINS_MM, pageBox } from '../../../renderer/src/print/page-setup';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { cycle40Items } from '../../render/cycle-40';
import { demoContext, type Stage } from '../../render/fixtures';
import { paragraphs, tableRows, unzipDocx, headerFooterPart } from '../../render/docx-xml';

/**
 * The print views share the DOCX's fixed words (electron/core/documents/texts.ts, used by
 * both) but lay out the page themselves. These tests hold the two layouts together: the
 * paper and margins against the core's, and the printed tables, kop, head and seal against
 * the DOCX's document.xml, cell by cell.
 */

function inputOf(stage: Stage, paper: 'F4' | 'A4' = 'F4') {
  const ctx = demoContext(stage, { paper });
  const settings: SettingsView = { ...ctx.settings, emblemDataUrl: null };
  const c = ctx.cycle;
  const fp = c.signed ? { dip: core.documentFingerprint('dip', c), dik: core.documentFingerprint('dik', c) } : null;
  const input: PrintInput = {
    cycle: { ...c, notaDinas: { ...c.notaDinas, draft: c.notaDinas.draft! } },
    settings,
    now: ctx.now,
    fingerprints: fp && { dip: { short: fp.dip.short, qrText: fp.dip.qrText }, dik: { short: fp.dik.short, qrText: fp.dik.qrText } },
  };
  return { ctx, input };
}

function show(kind: core.DocumentKind, input: PrintInput) {
  return render(
    <MantineProvider env="test">
      <PrintView spec={printSpec(kind, input)} />
    </MantineProvider>,
  );
}

/** A cell as the DOCX reads it: its paragraphs' texts joined by line breaks. */
function cellLines(el: Element): string[] {
  const blocks = [...el.children].filter((c) => c.tagName === 'DIV' || c.tagName === 'TABLE');
  if (!blocks.length) return [el.textContent ?? ''];
  return blocks.flatMap(cellLines);
}

function htmlRows(table: Element): string[][] {
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((td) => cellLines(td).join('\n')));
}

async function docxOf(doc: ReturnType<typeof core.buildDip>) {
  return unzipDocx(await core.packDocx(doc));
}

describe('the print views say what the DOCX says', () => {
  it('uses the DOCX\u2019s paper sizes and margins', () => {
    for (const paper of ['F4', 'A4'] as const) {
      expect(cm(PAPER_MM[paper].width / 10)).toBeCloseTo(PAPER_TWIPS[paper].width, -1);
      expect(cm(PAPER_MM[paper].height / 10)).toBeCloseTo(PAPER_TWIPS[paper].height, -1);
      for (const o of ['portrait', 'landscape'] as const) {
        const margin = pageLayout(paper, o).properties.page!.margin!;
        const mine = MARGINS_MM[o];
        expect([mine.top, mine.right, mine.bottom, mine.left, mine.header, mine.footer].map((mm) => cm(mm / 10))).toEqual([
          margin.top,
          margin.right,
          margin.bottom,
          margin.left,
          margin.header,
          margin.footer,
        ]);
        expect(cm(pageBox(paper, o).contentWidth / 10)).toBeCloseTo(pageLayout(paper, o).contentWidth, -1);
      }
    }
  });

  it.each(['konsep', 'draft', 'final'] as const)('prints the DIP (%s) with the DOCX\u2019s rows, cell for cell', async (stage) => {
    const { ctx, input } = inputOf(stage);
    const docx = await docxOf(core.buildDip(ctx));
    const { container } = show('dip', input);
    expect(htmlRows(container.querySelector('table.pp-grid')!)).toEqual(tableRows(docx.xml['word/document.xml']!).map((r) => r.cells));
  });

  it.each(['konsep', 'final'] as const)('prints the DIK (%s) with the DOCX\u2019s rows, cell for cell', async (stage) => {
    const { ctx, input } = inputOf(stage);
    const docx = await docxOf(core.buildDik(ctx));
    const { container } = show('dik', input);
    expect(htmlRows(container.querySelector('table.pp-grid')!)).toEqual(tableRows(docx.xml['word/document.xml']!).map((r) => r.cells));
  });

  it('prints the title block and, once signed, the DOCX\u2019s seal caption and fingerprint', async () => {
    const { ctx, input } = inputOf('final');
    const docx = await docxOf(core.buildDip(ctx));
    const { container, getByTestId } = show('dip', input);
    const title = [...container.querySelectorAll('.pp-list-title > div')].map((d) => d.textContent);
    const docParas = paragraphs(docx.xml['word/document.xml']!);
    const at = docParas.indexOf('DAFTAR INFORMASI PUBLIK');
    expect(title).toEqual(docParas.slice(at, at + 4));
    const footer = paragraphs(headerFooterPart(docx, 'footer', 'default')!);
    const seal = getByTestId('segel');
    expect(footer).toContain(`Sidik dokumen: ${getByTestId('sidik-dokumen').textContent}`);
    expect(footer).toContain(seal.querySelector('.pp-seal-text > div:last-child')!.textContent);
  });

  it('prints the Nota Dinas with the DOCX\u2019s kop, head and number', async () => {
    for (const stage of ['nota_dinas', 'final'] as const) {
      const { ctx, input } = inputOf(stage);
      const docx = await docxOf(core.buildNotaDinas(ctx));
      const rows = tableRows(docx.xml['word/document.xml']!);
      const { container, unmount } = show('notaDinas', input);
      // The kop: pemda, OPD, address and the contact lines, as the DOCX packs them.
      expect([...container.querySelectorAll('.pp-kop-text > div > div')].map((d) => d.textContent)).toEqual(rows[0]!.cells[1]!.split('\n'));
      expect(htmlRows(container.querySelector('table.pp-nd-head')!)).toEqual(rows.slice(1).map((r) => r.cells));
      const docParas = paragraphs(docx.xml['word/document.xml']!);
      expect(docParas).toContain(container.querySelector('[data-testid="nomor-surat"]')!.textContent);
      unmount();
    }
  });

  it('prints one uji konsekuensi sheet per exempt item with the DOCX\u2019s tables', async () => {
    const { ctx, input } = inputOf('final');
    const docx = await docxOf(core.buildUjiKonsekuensi(ctx));
    // The DOCX's tables less its kop rows (emblem, heading, empty column).
    const docRows = tableRows(docx.xml['word/document.xml']!)
      .map((r) => r.cells)
      .filter((cells) => !(cells.length === 3 && cells[0] === '' && cells[2] === ''));
    const { container } = show('ujiKonsekuensi', input);
    const mine = [...container.querySelectorAll('table.pp-grid')].flatMap(htmlRows);
    expect(mine).toEqual(docRows);
    const docParas = paragraphs(docx.xml['word/document.xml']!);
    const said = [...container.querySelectorAll('.pp-uji-intro, .pp-uji-count, .pp-uji-closing')];
    expect(said).toHaveLength(3 * container.querySelectorAll('[data-testid="uji-lembar"]').length);
    for (const p of said) expect(docParas).toContain(p.textContent);
  });

  it.each(['konsep', 'final'] as const)('prints the Keputusan heading (%s) as the DOCX does, when the office sets its lists by one', async (stage) => {
    for (const kind of ['dip', 'dik'] as const) {
      const { ctx, input } = inputOf(stage);
      const decree = { enabled: true, issuer: 'kepala' as const, pattern: '100.3.3/{urut}/{unit}/{tahun}' };
      ctx.settings.documents.listDecree = decree;
      input.settings.documents.listDecree = decree;
      const docx = await docxOf(kind === 'dip' ? core.buildDip(ctx) : core.buildDik(ctx));
      // The DOCX's first table is the heading: an empty column at the left, then label and value.
      const docRows = tableRows(docx.xml['word/document.xml']!)
        .slice(0, 5)
        .map((r) => r.cells.slice(1).join(' '));
      const { container, unmount } = show(kind, input);
      const block = container.querySelector('[data-testid="lampiran-keputusan"]')!;
      expect([...block.children].map((d) => [...d.children].map((c) => c.textContent).join(' ') || d.textContent)).toEqual(docRows);
      expect(docRows[0]).toBe('LAMPIRAN');
      unmount();
    }
  });

  it('prints the realistic 40-item DIP with the DOCX’s rows, long rows included', async () => {
    const ctx = demoContext('konsep', { items: cycle40Items() });
    const settings: SettingsView = { ...ctx.settings, emblemDataUrl: null };
    const input: PrintInput = { cycle: { ...ctx.cycle, notaDinas: { ...ctx.cycle.notaDinas, draft: ctx.cycle.notaDinas.draft! } }, settings, now: ctx.now, fingerprints: null };
    const docx = await docxOf(core.buildDip(ctx));
    const { container } = show('dip', input);
    expect(htmlRows(container.querySelector('table.pp-grid')!)).toEqual(tableRows(docx.xml['word/document.xml']!).map((r) => r.cells));
    // The rows the DOCX lets break are the ones the print view lets break.
    const docFlow = tableRows(docx.xml['word/document.xml']!).filter((r) => !r.xml.includes('<w:cantSplit/>') && /^\d+\.$/.test(r.cells[0]!)).length;
    expect(docFlow).toBeGreaterThan(0);
    expect(container.querySelectorAll('tbody.pp-flow tr[data-testid="dip-baris"]').length).toBe(docFlow);
  });
});
