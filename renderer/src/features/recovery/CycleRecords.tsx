import { useState } from 'react';
import { Alert, Box, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseImport, IconInfoCircle } from '@tabler/icons-react';
import type { CycleNoticeView, DamagedCycleView } from '../../../../electron/core/contract';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { useUser } from '../../app/context';
import { notifySaved } from '../../components/feedback';
import { formatDateTime } from '../../i18n/date';

const NOTICE_TITLES: Record<CycleNoticeView['kind'], string> = {
  dipulihkan: 'Riwayat siklus dipulihkan dari cadangan',
  sisa: 'Baris riwayat yang tidak lengkap disisihkan',
};

/** What the app did to a cycle log when it opened: said once per notice, never done quietly. */
export function CycleLogNotices({ notices }: { notices: readonly CycleNoticeView[] }) {
  if (!notices.length) return null;
  return (
    <Stack gap="xs">
      {notices.map((n) => (
        <Alert key={`${n.cycleId}-${n.kind}-${n.setAside ?? ''}`} color="orange" variant="light" icon={<IconInfoCircle />} title={NOTICE_TITLES[n.kind]} role="status">
          <Text size="sm">{n.message}</Text>
        </Alert>
      ))}
    </Stack>
  );
}

/** The notices of one cycle, for the cycle screen. */
export function CycleLogNoticesFor({ cycleId }: { cycleId: string }) {
  const list = useLoad('cycles.list');
  return <CycleLogNotices notices={list.data?.notices.filter((n) => n.cycleId === cycleId) ?? []} />;
}

/**
 * A cycle whose log cannot be read. An administrator can put back its newest verified copy;
 * the damaged log stays beside it in the data folder.
 */
export function DamagedCycleAlert({ damaged, onRestored }: { damaged: DamagedCycleView; onRestored: () => void }) {
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);

  const restore = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('recovery.restoreCycle', { cycleId: damaged.id });
    setBusy(false);
    if (r.ok) {
      notifySaved(`Siklus "${r.data.title}" dipulihkan dari cadangan`);
      onRestored();
    } else setFailure(r);
  };

  return (
    <Alert color="red" variant="light" m="md" icon={<IconAlertTriangle />} title="Satu siklus tidak dapat dibuka" role="alert">
      {damaged.title && (
        <Text size="sm" fw={600}>
          {damaged.title}
        </Text>
      )}
      <Text size="sm">{damaged.message}</Text>
      {damaged.kind === 'versi_baru' ? (
        <Text size="xs" c="dimmed" mt={4}>
          Siklus lain tetap dapat dipakai. Perbarui PPID Desk ke versi terbaru untuk membuka siklus ini; tidak ada data yang diubah.
        </Text>
      ) : user.isAdmin && damaged.backup ? (
        <Stack gap={6} mt={6}>
          <Text size="xs" c="dimmed">
            Siklus lain tetap dapat dipakai. Ada cadangan siklus ini dari {formatDateTime(damaged.backup.createdAt)}; tindakan sesudah waktu itu
            tidak ikut kembali. Berkas yang rusak tetap disimpan di folder data untuk diperiksa admin TI.
          </Text>
          <Box>
            <Button size="xs" color="orange" loading={busy} leftSection={<IconDatabaseImport size={14} />} onClick={() => void restore()}>
              Pulihkan dari cadangan ({formatDateTime(damaged.backup.createdAt)})
            </Button>
          </Box>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed" mt={4}>
          Siklus lain tetap dapat dipakai.{' '}
          {damaged.backup || !user.isAdmin
            ? 'Hubungi administrator untuk memulihkan berkas siklus ini dari cadangan.'
            : 'Tidak ada cadangan siklus ini yang dapat dipakai: hubungi admin TI dan jangan menghapus berkas apa pun.'}
        </Text>
      )}
      {failure && (
        <Text size="sm" c="red" mt={4} role="alert">
          {failure.message}
        </Text>
      )}
    </Alert>
  );
}
