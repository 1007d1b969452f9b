import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldOff } from '@tabler/icons-react';
import type { OpdKeyView, RegisterEntry } from '../../../../electron/core/domain/regency/model';
import { call } from '../../api/client';
import { useUser } from '../../app/context';
import { formatDate, formatDateTime } from '../../i18n/date';
import { Fingerprint } from '../settings/DevicesTab';

/**
 * The sender keys trusted for one OPD, on its detail page: each laptop with its code (as the
 * OPD's Pengaturan › Perangkat shows it), who trusted it and when; a PPID Utama can revoke one
 * (a lost or replaced laptop), after a dialog that says what revoking does and does not do.
 */
export function TrustedKeys({ entry, onChanged }: { entry: RegisterEntry; onChanged(): void }) {
  const user = useUser();
  const canRevoke = user.role === 'ppid_utama';
  const [revoking, setRevoking] = useState<OpdKeyView | null>(null);

  if (entry.keys.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Belum ada. Kunci laptop pengirim dipercaya sekali, saat paket pertamanya diterima (Menunggu kepercayaan).
      </Text>
    );
  }
  return (
    <>
      <Table fz="sm" verticalSpacing={4} aria-label="Laptop pengirim yang dipercaya">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Laptop dan kode kuncinya</Table.Th>
            <Table.Th>Dipercaya</Table.Th>
            <Table.Th w={canRevoke ? 170 : 110}>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.keys.map((k) => (
            <Table.Tr key={k.installationId} data-key={k.installationId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {k.name}
                </Text>
                <Text size="sm" data-testid="kode-kunci">
                  <Fingerprint code={k.fingerprint} />
                </Text>
              </Table.Td>
              <Table.Td>
                {formatDate(k.trustedAt)}
                <Text size="xs" c="dimmed">
                  oleh {k.trustedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                {k.revokedAt ? (
                  <Stack gap={2} align="flex-start">
                    <Badge size="sm" variant="dot" color="gray">
                      Dicabut
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatDate(k.revokedAt)}
                    </Text>
                  </Stack>
                ) : (
                  <Stack gap={4} align="flex-start">
                    <Badge size="sm" variant="dot" color="teal">
                      Aktif
                    </Badge>
                    {canRevoke && (
                      <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconShieldOff size={14} />} onClick={() => setRevoking(k)} aria-label={`Cabut kepercayaan pada ${k.name}`}>
                        Cabut kepercayaan
                      </Button>
                    )}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {revoking && (
        <RevokeDialog
          entry={entry}
          k={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function RevokeDialog({ entry, k, onClose, onDone }: { entry: RegisterEntry; k: OpdKeyView; onClose(): void; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    setBusy(true);
    setError(null);
    const r = await call('utama.revokeKey', { entryId: entry.entryId, installationId: k.installationId });
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    notifications.show({ color: 'teal', title: 'Kepercayaan dicabut', message: `Paket berikutnya dari laptop “${k.name}” (${entry.name}) akan ditolak.` });
    onDone();
  };
  return (
    <Modal opened onClose={onClose} title={`Cabut kepercayaan pada laptop “${k.name}”?`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Laptop ini dipercaya untuk {entry.name} sejak {formatDateTime(k.trustedAt)} oleh {k.trustedBy}. Kode kuncinya:{' '}
          <Fingerprint code={k.fingerprint} />.
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            Paket yang ditandatangani kunci ini sejak sekarang <b>ditolak</b>, juga yang sudah dikirim tetapi belum diterima di sini.
          </List.Item>
          <List.Item>
            Yang sudah diterima dari laptop ini <b>tetap tersimpan</b>: siklus, daftar dan tanda tangan OPD tidak berubah, dan kunci ini
            tetap tercantum dengan tanda “Dicabut”.
          </List.Item>
          <List.Item>Bila OPD memakai laptop lain (atau laptop ini dipasang ulang), kunci barunya dipercayai lagi lewat Menunggu kepercayaan.</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Cabut bila laptop itu hilang, berpindah tangan atau tidak lagi dipakai OPD ini. Pencabutan dicatat di riwayat audit.
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button color="red" leftSection={<IconShieldOff size={16} />} loading={busy} onClick={() => void revoke()}>
            Ya, cabut kepercayaan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
