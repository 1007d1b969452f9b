import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { regencyFingerprint } from '../../../electron/core/documents/docx/regency-fingerprint';
import type { RegencySignature } from '../../../electron/core/domain/regency/model';
import { App } from '../../../renderer/src/app/App';
import { printedFingerprint, signatureFingerprints } from '../../../renderer/src/features/utama/fingerprint';
import { installFakeApi } from '../../../renderer/src/test/fake-api';
import { regencyInput } from '../../fixtures/regency';

/**
 * The regency's print views after the PPID Utama signed: the footer carries the short
 * fingerprint and QR the DOCX carries, made from the SHA-256 the signature recorded.
 */

describe('the signed regency lists as printed', () => {
  it('prints the same short fingerprint and QR text as the DOCX for the signed SHA-256', () => {
    const input = regencyInput();
    for (const kind of ['dip', 'dik'] as const) {
      const docx = regencyFingerprint(kind, input);
      expect(printedFingerprint(kind, input.year, docx.sha256)).toEqual({ short: docx.short, qrText: docx.qrText });
    }
    const sig: RegencySignature = {
      year: input.year,
      at: '2026-12-20T02:00:00.000Z',
      by: 'Drs. Agustinus Rangkap, M.Si.',
      opds: {},
      fingerprints: { dip: regencyFingerprint('dip', input).sha256, dik: regencyFingerprint('dik', input).sha256 },
    };
    expect(signatureFingerprints(sig)?.dik?.qrText).toBe(regencyFingerprint('dik', input).qrText);
    expect(signatureFingerprints(null)).toBeNull();
    // Anything but a SHA-256 is not printed as one.
    expect(printedFingerprint('dip', 2026, 'A1B2-C3D4-E5F6')).toBeNull();
  });

  it('says so instead of printing a blank page when the year or the document is unknown', async () => {
    window.location.hash = '#/cetak-kabupaten/2026/daftar-lain';
    installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'operator' });
    render(<App env="test" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Jenis dokumen tidak dikenal.');
  });

  it('prints the compliance report of a year from the core’s data, with no draft or final mark of its own', async () => {
    window.location.hash = '#/cetak-kabupaten/2026/laporan-kepatuhan';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'operator' });
    render(<App env="test" />);
    expect(await screen.findByText('Laporan Kepatuhan PPID Pembantu 2026')).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Kepatuhan per perangkat daerah' })).toBeTruthy();
    expect(api.callsTo('utama.documentData').map((c) => c.input)).toEqual([{ year: 2026 }]);
    expect(screen.queryByTestId('status-dokumen')).toBeNull();
  });
});
