import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import * as core from '../../../electron/core/documents';
import type { ItemFields } from '../../../electron/core/domain/information';
import { printSpec } from '../../../renderer/src/print/documents';
import type { PrintInput } from '../../../renderer/src/print/model';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { paragraphs, partsOf, unzipDocx } from '../../render/docx-xml';
import { DEMO_ITEMS, demoContext } from '../../render/fixtures';
import { completeItem } from '../workflow-fixtures';

/**
 * A Lembar Uji Konsekuensi that runs over a page, printed from the browser: as in the DOCX
 * (each sheet its own section), a page after a sheet's first names the sheet and the item it
 * continues, and every sheet numbers its pages from 1. Chromium prints this from the view's
 * @page rules; the little evaluator below reads those rules the way Chromium applies them
 * (named pages, counters stepped per page, counter styles), and tests/e2e/documents.spec.ts
 * checks the same on a PDF printed by Chromium itself.
 */

function contextOf(items: ItemFields[] = DEMO_ITEMS) {
  const ctx = demoContext('final', { items });
  const c = ctx.cycle;
  const input: PrintInput = {
    cycle: { ...c, notaDinas: { ...c.notaDinas, draft: c.notaDinas.draft! } },
    settings: { ...ctx.settings, emblemDataUrl: null },
    now: ctx.now,
    fingerprints: null,
  };
  return { ctx, input };
}

function show(input: PrintInput) {
  const { container } = render(
    <MantineProvider env="test">
      <PrintView spec={printSpec('ujiKonsekuensi', input)} />
    </MantineProvider>,
  );
  return { sheets: [...container.querySelectorAll('section.pp-sheet')], css: container.querySelector('.pp-doc > style')!.textContent! };
}

// ---- a reader for the few CSS forms the print view writes ----

/** The end of the quoted string starting at `i`. */
function skipString(s: string, i: number): number {
  const q = s[i];
  for (i++; i < s.length && s[i] !== q; i++) if (s[i] === '\\') i++;
  return i + 1;
}

/** Top-level blocks (`prelude { body }`) and the declarations between them, quotes respected. */
function parse(css: string): { blocks: { prelude: string; body: string }[]; decls: Record<string, string> } {
  const blocks: { prelude: string; body: string }[] = [];
  const decls: Record<string, string> = {};
  let depth = 0;
  let start = 0;
  let open = 0;
  const declare = (text: string) => {
    const at = text.indexOf(':');
    if (at > 0 && !text.trim().startsWith('@')) decls[text.slice(0, at).trim()] = text.slice(at + 1).trim();
  };
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = skipString(css, i);
      continue;
    }
    if (c === '{' && depth++ === 0) open = i;
    else if (c === '}' && --depth === 0) {
      blocks.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
      start = i + 1;
    } else if (c === ';' && depth === 0) {
      declare(css.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  declare(css.slice(start));
  return { blocks, decls };
}

const unescapeCss = (s: string) => s.replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/g, (_, hex: string | undefined, ch: string) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch));
const strings = (value: string) => [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => unescapeCss(m[1]!));

/**
 * What the margin boxes print on a run of pages, each page given by the sheet it carries.
 * Counters start at 0 and each page steps the ones its @page rules name, as Chromium does.
 */
function printedPages(css: string, sheets: Element[], run: number[]) {
  const top = parse(css).blocks;
  const styles = new Map(
    top.filter((b) => b.prelude.startsWith('@counter-style ')).map((b) => [b.prelude.slice('@counter-style '.length).trim(), parse(b.body).decls]),
  );
  const represent = (style: string | undefined, n: number): string => {
    if (!style || style === 'decimal') return String(n);
    const d = styles.get(style);
    if (!d) throw new Error(`no counter style ${style}`);
    if (d.system !== 'cyclic') throw new Error(`counter style ${style}: system ${d.system} not read here`);
    const [lo = '-infinite', hi = 'infinite'] = (d.range ?? 'auto').replace('auto', '').split(/\s+/).filter(Boolean);
    const inRange = (lo === '-infinite' || n >= Number(lo)) && (hi === 'infinite' || n <= Number(hi));
    if (!inRange) return represent(d.fallback, n);
    const symbols = strings(d.symbols!);
    return symbols[(n - 1) % symbols.length]!;
  };
  const pageName = (sheet: Element) => {
    const rule = top.find((b) => !b.prelude.startsWith('@') && sheet.matches(b.prelude) && parse(b.body).decls.page);
    return rule ? parse(rule.body).decls.page! : null;
  };
  const pageRules = (name: string | null) => top.filter((b) => b.prelude === '@page' || (name !== null && b.prelude === `@page ${name}`)).map((b) => parse(b.body));
  const counters = new Map<string, number>();
  return run.map((sheetIndex, pageIndex) => {
    const rules = pageRules(pageName(sheets[sheetIndex]!));
    counters.set('page', pageIndex + 1);
    for (const r of rules) {
      const inc = r.decls['counter-increment'];
      if (inc) for (const [, name, by] of inc.matchAll(/([\w-]+)(?:\s+(-?\d+))?/g)) counters.set(name!, (counters.get(name!) ?? 0) + Number(by ?? 1));
    }
    const boxes: Record<string, string> = {};
    for (const r of rules) {
      for (const box of r.blocks) {
        const content = parse(box.body).decls.content ?? '';
        boxes[box.prelude.slice(1)] = [...content.matchAll(/"((?:[^"\\]|\\.)*)"|counter\(\s*([\w-]+)\s*(?:,\s*([\w-]+)\s*)?\)/g)]
          .map((m) => (m[2] ? represent(m[3], counters.get(m[2]) ?? 0) : unescapeCss(m[1]!)))
          .join('');
      }
    }
    return { top: boxes['top-left'] ?? '', bottom: boxes['bottom-right'] ?? '' };
  });
}

describe('an uji konsekuensi sheet printed over more than one page', () => {
  it('names its item over every page after the first, and each sheet numbers its own pages, in the DOCX\u2019s words', async () => {
    const { ctx, input } = contextOf();
    const { sheets, css } = show(input);
    expect(sheets).toHaveLength(2);
    // Sheet 1 runs over three pages, sheet 2 fits one.
    expect(printedPages(css, sheets, [0, 0, 0, 1])).toEqual([
      { top: '', bottom: 'Lembar Uji Konsekuensi 1 dari 2 · halaman 1' },
      { top: 'Lembar Uji Konsekuensi 1 dari 2 (lanjutan) — Data riwayat kesehatan pegawai', bottom: 'Lembar Uji Konsekuensi 1 dari 2 · halaman 2' },
      { top: 'Lembar Uji Konsekuensi 1 dari 2 (lanjutan) — Data riwayat kesehatan pegawai', bottom: 'Lembar Uji Konsekuensi 1 dari 2 · halaman 3' },
      { top: '', bottom: 'Lembar Uji Konsekuensi 2 dari 2 · halaman 1' },
    ]);
    // And the other way round: the second sheet's continuation names the second item.
    expect(printedPages(css, sheets, [0, 1, 1])[2]).toEqual({
      top: 'Lembar Uji Konsekuensi 2 dari 2 (lanjutan) — Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah',
      bottom: 'Lembar Uji Konsekuensi 2 dari 2 · halaman 2',
    });
    // No page number counts the whole document: a sheet handed round alone must read right.
    expect(css).not.toContain('counter(page)');

    // The DOCX prints the same lines: its sheets' headers, and its footers up to the page field.
    const docx = unzipDocx(await core.packDocx(core.buildUjiKonsekuensi(ctx)));
    const headers = partsOf(docx, 'header').flatMap(paragraphs).filter(Boolean);
    expect(headers.sort()).toEqual([
      'Lembar Uji Konsekuensi 1 dari 2 (lanjutan) — Data riwayat kesehatan pegawai',
      'Lembar Uji Konsekuensi 2 dari 2 (lanjutan) — Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah',
    ]);
    const footers = new Set(partsOf(docx, 'footer').flatMap(paragraphs).map((p) => p.replace(/\d+$/, '')));
    expect([...footers].sort()).toEqual(['Lembar Uji Konsekuensi 1 dari 2 · halaman ', 'Lembar Uji Konsekuensi 2 dari 2 · halaman ']);
  });

  it('prints a title with quotes, braces, a backslash or a line break as typed, without breaking the page rules', () => {
    const judul = 'Surat "rahasia" {arsip} di C:\\berkas;\nlampiran';
    const item = completeItem(judul, 'Sekretariat', 'dikecualikan');
    const { sheets, css } = show(contextOf([item, ...DEMO_ITEMS]).input);
    expect(sheets).toHaveLength(3);
    expect(printedPages(css, sheets, [0, 0, 1, 2, 2])).toEqual([
      { top: '', bottom: 'Lembar Uji Konsekuensi 1 dari 3 · halaman 1' },
      { top: 'Lembar Uji Konsekuensi 1 dari 3 (lanjutan) — Surat "rahasia" {arsip} di C:\\berkas; lampiran', bottom: 'Lembar Uji Konsekuensi 1 dari 3 · halaman 2' },
      { top: '', bottom: 'Lembar Uji Konsekuensi 2 dari 3 · halaman 1' },
      { top: '', bottom: 'Lembar Uji Konsekuensi 3 dari 3 · halaman 1' },
      {
        top: 'Lembar Uji Konsekuensi 3 dari 3 (lanjutan) — Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah',
        bottom: 'Lembar Uji Konsekuensi 3 dari 3 · halaman 2',
      },
    ]);
  });
});
