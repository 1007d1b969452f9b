import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { Document } from 'docx';
import type { SettingsView } from '../../../electron/core/contract';
import { buildCompliance } from '../../../electron/core/documents/docx/compliance';
import { packDocx } from '../../../electron/core/documents/docx/pack';
import { buildRegencyDik } from '../../../electron/core/documents/docx/regency-dik';
import { buildRegencyDip } from '../../../electron/core/documents/docx/regency-dip';
import { regencyFingerprint } from '../../../electron/core/documents/docx/regency-fingerprint';
import type { RegencyInput } from '../../../electron/core/documents/shared/regency';
import { regencyPrintSpec } from '../../../renderer/src/print/documents';
import type { RegencyDocumentKind, RegencyPrintInput } from '../../../renderer/src/print/model';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { headerFooterPart, paragraphs, tableRows, unzipDocx } from '../../render/docx-xml';
import { regencyContext, regencyInput } from '../../fixtures/regency';

/**
 * The regency's print views against their DOCX, as print-agreement.test.tsx does for the
 * OPD's documents: the same rows cell for cell, the same title and signature, the same seal.
 */

function inputOf(regency: RegencyInput): { ctx: ReturnType<typeof regencyContext>; input: RegencyPrintInput } {
  const ctx = regencyContext(regency);
  const settings: SettingsView = { ...ctx.settings, emblemDataUrl: null };
  const fp = regency.regency.signed ? { dip: regencyFingerprint('dip', regency), dik: regencyFingerprint('dik', regency) } : null;
  return {
    ctx,
    input: {
      regency,
      settings,
      now: ctx.now,
      fingerprints: fp && { dip: { short: fp.dip.short, qrText: fp.dip.qrText }, dik: { short: fp.dik.short, qrText: fp.dik.qrText } },
    },
  };
}

function show(kind: RegencyDocumentKind, input: RegencyPrintInput) {
  return render(
    <MantineProvider env="test">
      <PrintView spec={regencyPrintSpec(kind, input)} />
    </MantineProvider>,
  );
}

function cellLines(el: Element): string[] {
  const blocks = [...el.children].filter((c) => c.tagName === 'DIV' || c.tagName === 'TABLE');
  if (!blocks.length) return [el.textContent ?? ''];
  return blocks.flatMap(cellLines);
}

const htmlRows = (table: Element) => [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((td) => cellLines(td).join('\n')));
/** Every list table's rows, in order (one table per OPD). */
const listRows = (container: Element) => [...container.querySelectorAll('table.pp-grid')].flatMap(htmlRows);

async function docxRows(doc: Document) {
  const parts = unzipDocx(await packDocx(doc));
  return { parts, rows: tableRows(parts.xml['word/document.xml']!).map((r) => r.cells) };
}

/** The DOCX's rows from the one whose cells equal `first` on. */
function fromRow(rows: string[][], first: string[], count: number): string[][] {
  const at = rows.findIndex((r) => JSON.stringify(r) === JSON.stringify(first));
  expect(at).toBeGreaterThanOrEqual(0);
  return rows.slice(at, at + count);
}

describe('the regency print views say what the DOCX says', () => {
  it.each([
    ['regencyDip', 'signed'],
    ['regencyDip', 'draft'],
    ['regencyDik', 'signed'],
  ] as const)('prints %s (%s) with the DOCX’s rows, cell for cell', async (kind, state) => {
    const { ctx, input } = inputOf(regencyInput(undefined, state === 'signed' ? '2026-12-20T02:00:00.000Z' : null));
    const { rows } = await docxRows(kind === 'regencyDip' ? buildRegencyDip(ctx) : buildRegencyDik(ctx));
    const { container, getAllByTestId } = show(kind, input);
    // The DOCX's first row is the kop (a table there, a grid here); then one table per OPD, the
    // Kecamatan's heading (missing, last in the register) kept with the signature in BKAD's table.
    expect(container.querySelectorAll('table.pp-grid')).toHaveLength(4);
    const closing = [...container.querySelectorAll('table.pp-grid')].at(-1)!.querySelector('tbody:last-of-type')!;
    expect([...closing.querySelectorAll('tr')].map((tr) => tr.className)).toEqual(['pp-row', 'pp-opd', 'pp-sign-row']);
    expect(listRows(container)).toEqual(rows.slice(1));
    expect(getAllByTestId('opd-kepala').map((e) => e.getAttribute('data-opd-id'))).toEqual(input.regency.opds.map((o) => o.opdId));
    // In the table's head, so the printed pages of a long OPD each name it; the unsigned one stands alone.
    expect(getAllByTestId('opd-kepala').map((e) => e.parentElement!.tagName)).toEqual(['THEAD', 'THEAD', 'THEAD', 'THEAD', 'TBODY']);
  });

  it('prints the title, the summary and, once signed, the DOCX’s seal', async () => {
    const { ctx, input } = inputOf(regencyInput());
    const { parts } = await docxRows(buildRegencyDip(ctx));
    const docParas = paragraphs(parts.xml['word/document.xml']!);
    const { container, getByTestId } = show('regencyDip', input);
    const title = [...container.querySelectorAll('.pp-regency-title > div')].map((d) => d.textContent);
    const at = docParas.indexOf('DAFTAR INFORMASI PUBLIK');
    expect(title).toEqual(docParas.slice(at, at + 4));
    const footer = paragraphs(headerFooterPart(parts, 'footer', 'default')!);
    expect(footer).toContain(`Sidik dokumen: ${getByTestId('sidik-dokumen').textContent}`);
    expect(footer).toContain(getByTestId('segel').querySelector('.pp-seal-text > div:last-child')!.textContent);
    expect(getByTestId('sidik-dokumen').textContent).toBe(regencyFingerprint('dip', input.regency).short);
  });

  it('prints the compliance report’s tables as the DOCX and a bar per OPD in the fixture’s proportions', async () => {
    const { ctx, input } = inputOf(regencyInput());
    const { rows } = await docxRows(buildCompliance(ctx));
    const { container, getAllByTestId } = show('compliance', input);
    const status = htmlRows(container.querySelector('table.pp-compliance')!);
    expect(status).toEqual(fromRow(rows, status[0]!, status.length));
    expect(status.at(-1)).toEqual(['Jumlah', '17', '5', '30', '6', '58']);
    const exempt = htmlRows(container.querySelector('table.pp-compliance-exempt')!);
    expect(exempt).toEqual(fromRow(rows, exempt[0]!, exempt.length));

    // One bar per OPD; each segment holds its category's count; lengths in proportion to the totals (30 is the longest).
    const bars = getAllByTestId('batang');
    expect(bars.map((b) => b.getAttribute('data-total'))).toEqual(['12', '30', '7', '9', '']);
    const length = (b: Element) => [...b.querySelectorAll('rect')].reduce((n, r) => n + Number(r.getAttribute('width')) + 0.4, 0);
    expect(length(bars[0]!) / length(bars[1]!)).toBeCloseTo(12 / 30, 5);
    expect(length(bars[2]!) / length(bars[1]!)).toBeCloseTo(7 / 30, 5);
    expect([...bars[1]!.querySelectorAll('rect')].map((r) => `${r.getAttribute('data-kategori')}=${r.getAttribute('data-jumlah')}`)).toEqual([
      'berkala=8',
      'serta_merta=4',
      'setiap_saat=15',
      'dikecualikan=3',
    ]);
    expect(bars[4]!.querySelectorAll('rect')).toHaveLength(0);
    expect(bars[4]!.textContent).toContain('belum ada DIP yang ditandatangani');
  });
});
