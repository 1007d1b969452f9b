import { useState } from 'react';
import { Alert, Box, Button, Code, Container, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseImport, IconRefresh } from '@tabler/icons-react';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { Brand } from '../../components/Brand';
import { notifySaved } from '../../components/feedback';
import { formatBytes, formatDateTime } from '../../i18n/date';

/**
 * Shown when a data file could not be read. Nothing has been overwritten at this point:
 * the core refuses to write over a file it cannot parse. The user chooses what happens.
 */
export function RecoveryPage() {
  const { status, setStatus } = useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const r = status.recovery;

  const restore = async () => {
    setBusy(true);
    setFailure(null);
    const result = await call('recovery.restoreBackup');
    setBusy(false);
    if (result.ok) {
      notifySaved('Data dipulihkan dari cadangan');
      setStatus(result.data);
    } else setFailure(result);
  };

  return (
    <Box mih="100vh" bg="gray.1">
      <Box component="header" bg="dinas.9" px="lg" py={10}>
        <Brand inverted subtitle="Pemulihan data" />
      </Box>
      <Container size={720} py={40}>
        <Paper withBorder p="lg" shadow="xs">
          <Stack gap="md">
            <Stack gap={6} align="flex-start">
              <ThemeIcon color="orange" variant="light" size={44} radius="xl">
                <IconAlertTriangle size={26} />
              </ThemeIcon>
              <Title order={1} size="h3">
                {r?.kind === 'future' ? 'Data ini dibuat oleh versi PPID Desk yang lebih baru' : 'Berkas data tidak dapat dibaca'}
              </Title>
            </Stack>
            {r?.kind === 'future' ? (
              <Text size="sm">
                Berkas <Code>{r.file}</Code> disimpan oleh PPID Desk versi yang lebih baru daripada versi {status.appVersion} yang
                terpasang di komputer ini. Versi ini tidak dapat membacanya tanpa risiko merusak data. Perbarui PPID Desk ke versi
                terbaru, lalu buka lagi. Tidak ada data yang diubah.
              </Text>
            ) : (
              <>
                <Text size="sm">
                  PPID Desk tidak dapat membaca berkas <Code>{r?.file}</Code>. Hal ini biasanya terjadi bila komputer mati saat
                  data sedang disimpan atau disk bermasalah. <b>Tidak ada data yang ditimpa</b>: berkas yang rusak dibiarkan apa
                  adanya sampai Anda memilih untuk memulihkannya.
                </Text>
                <Alert color="gray" variant="light" p="xs" title="Rincian teknis">
                  <Text size="xs" className="mono" style={{ wordBreak: 'break-word' }}>
                    {r?.message}
                  </Text>
                </Alert>
              </>
            )}
            {r?.kind !== 'future' &&
              (r?.backup ? (
                <Stack gap="xs">
                  <Text size="sm">
                    Ada cadangan yang dapat dipakai, dibuat otomatis pada {formatDateTime(r.backup.createdAt)} (
                    {formatBytes(r.backup.bytes)}). Perubahan sesudah waktu itu akan hilang; berkas yang rusak tetap disimpan di
                    folder data untuk diperiksa admin TI.
                  </Text>
                  <Box>
                    <Button onClick={() => void restore()} loading={busy} leftSection={<IconDatabaseImport size={16} />} color="orange">
                      Pulihkan dari cadangan terbaru ({formatDateTime(r.backup.createdAt)})
                    </Button>
                  </Box>
                </Stack>
              ) : (
                <Alert color="red" variant="light" title="Tidak ada cadangan yang dapat dipakai">
                  <Text size="sm">Hubungi admin TI untuk memeriksa folder data. Jangan menghapus berkas apa pun.</Text>
                </Alert>
              ))}
            {failure && (
              <Alert color="red" variant="light" role="alert" p="xs">
                <Text size="sm">{failure.message}</Text>
              </Alert>
            )}
            <Text size="xs" c="dimmed">
              Folder data: <span className="mono">{status.dataDir}</span>
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => window.location.reload()}>
                Muat ulang
              </Button>
              <Text size="xs" c="dimmed">
                Setelah PPID Desk diperbarui atau berkas diperbaiki admin TI, muat ulang halaman ini.
              </Text>
            </Group>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
