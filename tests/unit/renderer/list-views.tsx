import { expect } from 'vitest';
import { fireEvent, render, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import * as core from '../../../electron/core/documents';
import type { ListColumn } from '../../../electron/core/documents/shared/columns';
import type { CycleView } from '../../../electron/core/domain/cycle-views';
import type { SettingsView } from '../../../electron/core/contract';
import { printSpec } from '../../../renderer/src/print/documents';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { DipTab } from '../../../renderer/src/features/cycles/DipTab';
import { demoContext } from '../../render/fixtures';
import { tableRows, unzipDocx } from '../../render/docx-xml';

/**
 * The DIP and the DIK in the three places they are shown — the DOCX, the print view and the
 * DIP tab — read back as head words, column keys and row cells, to hold each against the
 * column registry (documents/shared/columns.ts).
 */

export type ListKind = 'dip' | 'dik';

export interface Shown {
  heads: string[];
  /** data-column of each head; null for the DOCX, which has no such thing. */
  keys: string[] | null;
  /** One entry per item row, keyed by judul: its cells' texts, paragraphs joined by "\n". */
  rows: Map<string, string[]>;
  /** How many columns each body row spans (group heads, notes and the signature included). */
  widths: number[];
}

const cellText = (td: Element) => {
  const divs = [...td.children].filter((c) => c.tagName === 'DIV');
  return divs.length ? divs.map((d) => d.textContent ?? '').join('\n') : (td.textContent ?? '');
};

function htmlTable(table: HTMLElement, headSelector: string, rowSelector: string): Shown {
  const heads = [...table.querySelectorAll(headSelector)];
  const rows = new Map<string, string[]>();
  for (const tr of table.querySelectorAll(rowSelector)) {
    const cells = [...tr.children].map(cellText);
    rows.set(cells[1]!.split('\n')[0]!, cells);
  }
  const widths = [...table.querySelectorAll('tbody > tr')].map((tr) => [...tr.children].reduce((n, td) => n + (td as HTMLTableCellElement).colSpan, 0));
  return { heads: heads.map((h) => h.textContent ?? ''), keys: heads.map((h) => h.getAttribute('data-column') ?? ''), rows, widths };
}

export async function shownIn(kind: ListKind) {
  const ctx = demoContext('draft');
  const columns = (kind === 'dip' ? core.DIP_COLUMNS : core.DIK_COLUMNS) as readonly ListColumn<never>[];

  // The DOCX: the head row, then the rows whose first cell is a row number.
  const xml = unzipDocx(await core.packDocx(kind === 'dip' ? core.buildDip(ctx) : core.buildDik(ctx))).xml['word/document.xml']!;
  const docRows = tableRows(xml).map((r) => r.cells);
  const docx: Shown = {
    heads: docRows[0]!,
    keys: null,
    widths: [],
    rows: new Map(docRows.filter((c) => /^\d+\.$/.test(c[0]!)).map((c) => [c[1]!.split('\n')[0]!, c])),
  };

  // The print view.
  const settings: SettingsView = { ...ctx.settings, emblemDataUrl: null };
  const printed = render(
    <MantineProvider env="test">
      <PrintView
        spec={printSpec(kind, { cycle: { ...ctx.cycle, notaDinas: { ...ctx.cycle.notaDinas, draft: ctx.cycle.notaDinas.draft! } }, settings, now: ctx.now, fingerprints: null })}
      />
    </MantineProvider>,
  );
  const print = htmlTable(printed.container.querySelector('table.pp-grid')!, 'tr.pp-head > th', 'tr.pp-row');
  printed.unmount();

  // The DIP tab, as the Kepala reads it at step 5. It reads only these fields of the view.
  const view = {
    id: ctx.cycle.id,
    year: ctx.cycle.year,
    step: ctx.cycle.step,
    version: ctx.cycle.version,
    signed: ctx.cycle.signed,
    updatedAt: '2026-11-25T03:00:00.000Z',
    exemptCount: ctx.cycle.items.filter((i) => i.fields.kategori === 'dikecualikan').length,
    items: ctx.cycle.items.map((i) => ({ ...i, problems: [], review: null, flaggedNote: null })),
  } as unknown as CycleView;
  const tabbed = render(
    <MantineProvider env="test">
      <DipTab view={view} />
    </MantineProvider>,
  );
  if (kind === 'dik') fireEvent.click(within(tabbed.container).getByRole('button', { name: /^Dikecualikan/ }));
  const name = kind === 'dip' ? 'Daftar Informasi Publik' : 'Daftar Informasi yang Dikecualikan';
  const tab = htmlTable(tabbed.container.querySelector<HTMLElement>(`table[aria-label="${name}"]`)!, 'thead th', 'tr[data-item]');
  tabbed.unmount();

  return { ctx, columns, docx, print, tab };
}

/** What the registry says each row prints, by judul; on paper an empty paragraph prints as "-". */
export function registryRows(kind: ListKind, paper: boolean): Map<string, string[]> {
  const ctx = demoContext('draft');
  const text = (c: ListColumn<never>, row: never) =>
    c
      .cell(row)
      .map((l) => (paper ? l.text.trim() || '-' : l.text))
      .join('\n');
  const rows: { judul: string }[] = kind === 'dip' ? core.dipGroups(ctx.cycle.items).flatMap((g) => g.rows) : core.dikRows(ctx.cycle.items);
  const columns = (kind === 'dip' ? core.DIP_COLUMNS : core.DIK_COLUMNS) as readonly ListColumn<never>[];
  return new Map(rows.map((r) => [r.judul, columns.map((c) => text(c, r as never))]));
}

/** Every place shows the registry's columns, in its order, under its words, and every row fills each of them. */
export async function expectRegistryShownEverywhere(kind: ListKind) {
  const { columns, docx, print, tab } = await shownIn(kind);
  const heads = columns.map((c) => c.head);
  const keys = columns.map((c) => c.key);
  expect(docx.heads, 'DOCX heads').toEqual(heads);
  expect(print.heads, 'print view heads').toEqual(heads);
  expect(print.keys, 'print view columns').toEqual(keys);
  expect(tab.keys, 'DIP tab columns').toEqual(keys);
  expect(tab.heads, 'DIP tab labels').toEqual(columns.map((c) => c.label));
  expect(new Set(print.widths), 'print view row widths').toEqual(new Set([columns.length]));
  expect(new Set(tab.widths), 'DIP tab row widths').toEqual(new Set([columns.length]));

  const paper = registryRows(kind, true);
  expect(paper.size).toBeGreaterThan(0);
  expect(docx.rows, 'DOCX rows').toEqual(paper);
  expect(print.rows, 'print view rows').toEqual(paper);
  expect(tab.rows, 'DIP tab rows').toEqual(registryRows(kind, false));
}
