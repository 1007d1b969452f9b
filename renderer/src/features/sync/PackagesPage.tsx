import { useEffect } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPackageExport, IconPackageImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { RECIPIENT_LABELS } from '../../../../electron/core/domain/sync/package-name';
import type { PackageRecordView } from '../../../../electron/core/domain/sync/preview';
import { useLoad } from '../../api/useCall';
import { formatDateTime } from '../../i18n/date';
import { stepText } from './laptops';
import { useReceive } from './receive';
import { SharedFolderBadge } from './shared-folders';

function Row({ p }: { p: PackageRecordView }) {
  const sent = p.direction === 'kirim';
  return (
    <Table.Tr data-direction={p.direction} data-package={p.fileName}>
      <Table.Td>
        <Badge variant="light" color={sent ? 'dinas' : 'teal'} tt="none" leftSection={sent ? <IconPackageExport size={12} /> : <IconPackageImport size={12} />}>
          {sent ? 'Dikirim' : 'Diterima'}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{p.seq}</Table.Td>
      <Table.Td className="nowrap">{formatDateTime(p.at)}</Table.Td>
      <Table.Td>
        {sent ? (p.to ? `untuk ${RECIPIENT_LABELS[p.to]}` : '—') : `dari ${p.peer?.name ?? '—'}`}
        {!sent && p.to && (
          <Text size="xs" c="dimmed">
            untuk {RECIPIENT_LABELS[p.to]}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {p.cycles.map((c) => (
          <div key={c.id}>
            <Anchor component={Link} to={`/siklus/${c.id}`} size="sm">
              {c.title}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              ({stepText(c.step)})
            </Text>
          </div>
        ))}
      </Table.Td>
      <Table.Td>
        <span className="sync-file-name">{p.fileName}</span>
        <SharedFolderBadge packageId={p.packageId} direction={p.direction} />
      </Table.Td>
      <Table.Td ta="right">{p.newActs ?? '—'}</Table.Td>
      <Table.Td>
        {sent ? (
          p.acknowledgedBy.length ? (
            <Text size="sm" c="teal.8">
              Sudah diterima oleh {p.acknowledgedBy.join(', ')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Belum ada kabar diterima
            </Text>
          )
        ) : (
          ''
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Riwayat paket: every package this laptop made or received, newest first. */
export function PackagesPage() {
  const history = useLoad('sync.history');
  const { choose, received } = useReceive();
  const { reload } = history;
  useEffect(() => {
    if (received) void reload();
  }, [received, reload]);

  return (
    <Stack gap="md" maw={1280}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            Riwayat paket
          </Title>
          <Text size="sm" c="dimmed">
            Paket yang dibuat di laptop ini dan yang diterima dari laptop lain. Kabar bahwa paket kiriman sudah diterima datang bersama paket
            berikutnya dari laptop penerima.
          </Text>
        </div>
        <Button leftSection={<IconPackageImport size={16} />} onClick={choose}>
          Terima paket
        </Button>
      </Group>
      {history.error && (
        <Alert color="red" variant="light" role="alert">
          {history.error.message}
        </Alert>
      )}
      <Card p={0}>
        {!history.data ? (
          <Stack p="md" gap={6}>
            <Skeleton h={16} />
            <Skeleton h={16} w="70%" />
          </Stack>
        ) : (
          <Table aria-label="Riwayat paket" verticalSpacing={6} highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={110}>Arah</Table.Th>
                <Table.Th w={50} ta="right">
                  No.
                </Table.Th>
                <Table.Th w={150}>Tanggal</Table.Th>
                <Table.Th>Dari / untuk</Table.Th>
                <Table.Th>Siklus</Table.Th>
                <Table.Th>Berkas</Table.Th>
                <Table.Th w={90} ta="right">
                  Tindakan baru
                </Table.Th>
                <Table.Th>Kabar</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text size="sm" c="dimmed" py="xs">
                      Belum ada paket. Kirim paket dari halaman siklus (tombol "Kirim paket"), atau terima paket dari laptop lain.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {history.data.map((p) => (
                <Row key={`${p.direction}-${p.packageId}`} p={p} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
