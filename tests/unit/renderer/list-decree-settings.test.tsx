import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { DocumentsTab } from '../../../renderer/src/features/settings/SettingsForms';
import { DEMO_SETTINGS, installFakeApi } from '../../../renderer/src/test/fake-api';

/** Pengaturan → Dokumen: the optional Keputusan that sets the DIP and the DIK. */
describe('lists set by a Keputusan, in the document settings', () => {
  it('is off until chosen; once on, shows who decrees and an example number with the running number for the hand, and saves it', async () => {
    const api = installFakeApi({ state: 'ready' });
    render(
      <MantineProvider env="test">
        <DocumentsTab settings={DEMO_SETTINGS} onSaved={() => {}} />
      </MantineProvider>,
    );
    const toggle = screen.getByLabelText('DIP dan DIK ditetapkan dengan Keputusan') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.queryByLabelText('Pola nomor Keputusan')).toBeNull();

    fireEvent.click(toggle);
    const pattern = screen.getByLabelText('Pola nomor Keputusan') as HTMLInputElement;
    expect(pattern.value).toBe('100.3.3/{urut}/{unit}/{tahun}');
    expect(screen.getByTestId('contoh-nomor-keputusan').textContent).toMatch(/^Contoh: NOMOR 100\.3\.3\/……\/Diskominfotik\/\d{4}$/);

    fireEvent.change(pattern, { target: { value: '100.3.3/{urut}/{nomor}' } });
    expect(screen.getByText(/Pola nomor memuat penanda yang tidak dikenal: \{nomor\}/)).toBeTruthy();
    fireEvent.change(pattern, { target: { value: '100.3.3/{urut}/{unit}/{bulan}/{tahun}' } });

    fireEvent.click(screen.getByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(api.callsTo('settings.update')).toHaveLength(1));
    const sent = api.callsTo('settings.update')[0]!.input as { documents: { listDecree: unknown } };
    expect(sent.documents.listDecree).toEqual({ enabled: true, issuer: 'kepala', pattern: '100.3.3/{urut}/{unit}/{bulan}/{tahun}' });
  });
});
