import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import * as core from '../../../electron/core/documents';
import type { SettingsView } from '../../../electron/core/contract';
import { printSpec } from '../../../renderer/src/print/documents';
import type { PrintInput } from '../../../renderer/src/print/model';
import { PrintView } from '../../../renderer/src/print/PrintView';
import { demoContext, longItems } from '../../render/fixtures';
import { paragraphs, tableRows, unzipDocx } from '../../render/docx-xml';

/** The print view of a long Nota Dinas against its DOCX: the same letter page, the same lampiran. */
describe('the Nota Dinas print view with a 40-item list', () => {
  it('prints the letter on one sheet and the list on a lampiran sheet, as the DOCX', async () => {
    const ctx = demoContext('konsep', { paper: 'A4', items: longItems(40), listed: 40 });
    const settings: SettingsView = { ...ctx.settings, emblemDataUrl: null };
    const input: PrintInput = { cycle: { ...ctx.cycle, notaDinas: { ...ctx.cycle.notaDinas, draft: ctx.cycle.notaDinas.draft! } }, settings, now: ctx.now, fingerprints: null };
    const { container } = render(
      <MantineProvider env="test">
        <PrintView spec={printSpec('notaDinas', input)} />
      </MantineProvider>,
    );
    const docx = unzipDocx(await core.packDocx(core.buildNotaDinas(ctx)));
    const xml = docx.xml['word/document.xml']!;
    const sheets = container.querySelectorAll('section.pp-sheet');
    expect(sheets).toHaveLength(2);
    const [letter, lampiran] = [...sheets];
    const head = [...letter!.querySelectorAll('table.pp-nd-head tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(head.find((r) => r[0] === 'Lampiran')).toEqual(['Lampiran', ':', '1 (satu) berkas']);
    expect(letter!.textContent).not.toContain('(berkas 1)');
    // No tembusan list at the foot: the head carries it.
    expect(letter!.textContent!.split('Kepala Dinas Komunikasi, Informatika dan Statistik')).toHaveLength(2);
    const docParas = paragraphs(xml);
    for (const p of letter!.querySelectorAll('.pp-nd-p')) expect(docParas).toContain(p.textContent);
    expect(lampiran!.querySelector('[data-testid="kepala-lampiran"]')!.textContent).toBe('Lampiran Nota DinasNomor:500.12.2/007/Diskominfotik/2026Tanggal:23 November 2026');
    const items = [...lampiran!.querySelectorAll('.pp-nd-item')].map((el) => `${el.children[0]!.textContent}\t${el.children[1]!.textContent}`);
    expect(items).toHaveLength(40);
    expect(items).toEqual(docParas.filter((t) => /^\d+\.\t/.test(t)));
    expect(tableRows(xml).some((r) => r.cells.includes('Lampiran Nota Dinas'))).toBe(true);
    // The signature on both sheets, with 3 cm for the wet signature and the stamp.
    for (const sheet of [letter!, lampiran!]) {
      const name = sheet.querySelector('.pp-signature-name') as HTMLElement;
      expect(name.textContent).toBe('Yuliana Sari, S.Sos., M.AP.');
      expect(parseFloat(name.style.marginTop)).toBeGreaterThanOrEqual(85);
    }
  });
});
