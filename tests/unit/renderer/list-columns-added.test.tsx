import { describe, expect, it, vi } from 'vitest';
import { DIK_COLUMNS, DIP_COLUMNS } from '../../../electron/core/documents';
import { expectRegistryShownEverywhere } from './list-views';

/**
 * A column added to the registry, and nowhere else, must appear in the DOCX, the print view
 * and the DIP tab, head and cells. Fails when any of them lays out columns of its own.
 */
vi.mock('../../../electron/core/documents/shared/columns', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/core/documents/shared/columns')>();
  const extra = { key: 'kolomUji', head: 'Kolom Tambahan Uji', label: 'Kolom uji', weight: 10, cell: (r: { no: number }) => [{ text: `uji ${r.no}` }, { text: 'baris kedua', italic: true }] };
  return { ...real, DIP_COLUMNS: [...real.DIP_COLUMNS, extra], DIK_COLUMNS: [...real.DIK_COLUMNS, extra] };
});

describe('a column added to the registry alone', () => {
  it('is in the registry the views read', () => {
    expect(DIP_COLUMNS.at(-1)!.key).toBe('kolomUji');
    expect(DIK_COLUMNS.at(-1)!.key).toBe('kolomUji');
  });

  it.each(['dip', 'dik'] as const)('shows in the %s DOCX, print view and DIP tab', async (kind) => {
    await expectRegistryShownEverywhere(kind);
  });
});
