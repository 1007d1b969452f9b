import { Button } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useLoad } from '../../api/useCall';
import { BackupFreshness } from './BackupTab';

/** Beranda, for administrators: a warning when the last backup is over a week old (nothing when it is recent). */
export function BackupReminder() {
  const status = useLoad('backup.status');
  if (!status.data?.warn) return null;
  return (
    <BackupFreshness
      status={status.data}
      action={
        <Button component={Link} to="/pengaturan/cadangan" size="xs" variant="light" color="orange" mt="xs" leftSection={<IconArchive size={14} />}>
          Buka Pengaturan › Cadangan
        </Button>
      }
    />
  );
}
