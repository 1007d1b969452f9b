import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import type { SettingsView } from '../../../../electron/core/contract';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { EmblemPicker, EmblemPreview, type EmblemFile } from '../../components/forms/EmblemPicker';
import { formatBytes } from '../../i18n/date';

export function EmblemTab({ settings, onSaved }: { settings: SettingsView; onSaved(s: SettingsView): void }) {
  const [picked, setPicked] = useState<EmblemFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const current = settings.emblem;

  const save = async (base64: string | null) => {
    setBusy(true);
    setFailure(null);
    const result = await call('settings.setEmblem', { base64 });
    setBusy(false);
    if (result.ok) {
      onSaved(result.data);
      setPicked(null);
      notifySaved(base64 === null ? 'Lambang dihapus' : 'Lambang disimpan');
    } else {
      setFailure(result);
      notifyError(result);
    }
  };

  const confirmRemove = () =>
    modals.openConfirmModal({
      title: 'Hapus lambang daerah?',
      children: <Text size="sm">Kop surat akan dicetak tanpa gambar sampai lambang baru dipilih.</Text>,
      labels: { confirm: 'Hapus lambang', cancel: 'Batal' },
      confirmProps: { color: 'red' },
      onConfirm: () => void save(null),
    });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Lambang daerah tampil di kiri kop surat setiap Nota Dinas dan daftar. Gunakan gambar resmi beresolusi cukup (misalnya
        300×300 piksel atau lebih) dengan latar transparan atau putih.
      </Text>
      <Group align="flex-start" gap="xl">
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed" mb={6}>
            Lambang yang dipakai sekarang
          </Text>
          <EmblemPreview src={settings.emblemDataUrl} size={140} alt="Lambang daerah yang dipakai sekarang" />
          <Text size="xs" c="dimmed" mt={6}>
            {current ? `${current.mime === 'image/png' ? 'PNG' : 'JPG'}, ${current.width}×${current.height} piksel, ${formatBytes(current.bytes)}` : 'Belum ada lambang.'}
          </Text>
        </Paper>
        <Stack gap="sm" style={{ flex: 1, minWidth: 320 }}>
          <EmblemPicker value={picked} onChange={setPicked} label="Lambang baru" hint="PNG atau JPG, maksimal 2 MB, minimal 64×64 piksel. Pilih gambar, periksa pratinjaunya, lalu simpan." />
          <Group gap="xs">
            <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!picked} loading={busy && !!picked} onClick={() => picked && void save(picked.base64)}>
              Simpan lambang
            </Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} disabled={!current || busy} onClick={confirmRemove}>
              Hapus lambang
            </Button>
          </Group>
          {failure && (
            <Alert color="red" variant="light" p="xs" role="alert">
              <Text size="sm">{failure.message}</Text>
            </Alert>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
