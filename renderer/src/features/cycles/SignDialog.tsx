import { useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, PasswordInput, Stack, Table, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import type { CycleView, SigningPreview } from '../../../../electron/core/domain/cycle-views';
import { endSentence } from '../../../../electron/core/domain/timeline';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { formatDateTime } from '../../i18n/date';

export interface SignInput {
  password: string;
  signedAt: string;
}

/**
 * The Kepala's signature as an act of its own: it says in plain words what is signed (each
 * list, how many items, the fingerprint code the signing act will store and the paper will
 * carry) and asks for the password again. The core checks it; a wrong one signs nothing.
 */
export function SignDialog({
  view,
  opened,
  onClose,
  onSign,
}: {
  view: CycleView;
  opened: boolean;
  onClose(): void;
  /** Resolves true when signed, or with the core's refusal to show here. */
  onSign(input: SignInput): Promise<true | Err | false>;
}) {
  const [preview, setPreview] = useState<SigningPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    setPreview(null);
    setLoadError(null);
    setPassword('');
    setError(null);
    void call('cycles.signingPreview', { cycleId: view.id }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.data);
      else setLoadError(r.message);
    });
    return () => {
      live = false;
    };
  }, [opened, view.id]);

  const sign = async () => {
    if (!preview) return;
    if (!password) {
      setError('Kata sandi wajib diisi.');
      return;
    }
    setBusy(true);
    const r = await onSign({ password, signedAt: preview.at });
    setBusy(false);
    if (r === true) return;
    if (r) setError(r.message);
    setPassword('');
  };

  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title="Setujui dan tandatangani" size="lg">
      <Stack gap="sm">
        {loadError && (
          <Alert color="red" variant="light" role="alert">
            {loadError}
          </Alert>
        )}
        {!preview && !loadError && <Loader size="sm" aria-label="Menyiapkan yang akan ditandatangani" />}
        {preview && (
          <>
            <Text size="sm">
              {endSentence(`Anda, ${preview.signedBy}, menyetujui dan menandatangani "${view.title}" (Konsep versi ${preview.version})`)} Yang
              ditandatangani:
            </Text>
            <Table withTableBorder withColumnBorders fz="sm" aria-label="Yang ditandatangani">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Daftar</Table.Th>
                  <Table.Th>Jumlah informasi</Table.Th>
                  <Table.Th>Sidik dokumen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr data-list="dip">
                  <Table.Td>Daftar Informasi Publik</Table.Td>
                  <Table.Td>{preview.dip.count}</Table.Td>
                  <Table.Td ff="monospace">{preview.dip.short}</Table.Td>
                </Table.Tr>
                <Table.Tr data-list="dik">
                  <Table.Td>Daftar Informasi yang Dikecualikan</Table.Td>
                  <Table.Td>{preview.dik.count}</Table.Td>
                  <Table.Td ff="monospace">{preview.dik.short}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              Tanda tangan bertanggal {formatDateTime(preview.at)}. Sidik dokumen disimpan dalam tanda tangan ini dan dicetak pada setiap lembar
              daftar. Sesudah ditandatangani, daftar tidak dapat diubah lagi.
            </Text>
            {view.ujiKonsekuensi && view.exemptCount > 0 && (
              <Text size="xs">
                Uji konsekuensi tercatat {formatDateTime(view.ujiKonsekuensi.at)}, diikuti {view.ujiKonsekuensi.participants.length} orang.
              </Text>
            )}
            <PasswordInput
              label="Kata sandi Anda"
              description="Tanda tangan adalah tindakan Anda sendiri: masukkan lagi kata sandi akun Anda."
              withAsterisk
              data-autofocus
              autoComplete="current-password"
              value={password}
              error={error}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void sign();
              }}
            />
          </>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Batal
          </Button>
          <Button onClick={() => void sign()} loading={busy} disabled={!preview} color="dinas" leftSection={<IconSignature size={16} />}>
            Tandatangani
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
