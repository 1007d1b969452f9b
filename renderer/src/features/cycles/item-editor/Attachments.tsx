import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, FileButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import type { CycleView, ItemView } from '../../../../../electron/core/domain/cycle-views';
import { call } from '../../../api/client';
import { notifyError } from '../../../components/feedback';
import { formatBytes } from '../../../i18n/date';
import { downloadBase64, fileToBase64 } from '../format';
import type { CycleHandle } from '../useCycle';

const MAX_FILE = 20 * 1024 * 1024;

/** The item's soft files: saved the moment they are chosen, each downloadable, detachable while editable. */
export function Attachments({ view, item, editable, change }: { view: CycleView; item: ItemView; editable: boolean; change: CycleHandle['change'] }) {
  const [busy, setBusy] = useState(false);
  const upload = async (files: File[]) => {
    for (const file of files) {
      if (file.size > MAX_FILE) {
        notifyError({ message: `${file.name} terlalu besar (${formatBytes(file.size)}); maksimal 20 MB.` }, 'Berkas tidak dilampirkan');
        continue;
      }
      setBusy(true);
      const base64 = await fileToBase64(file);
      // No toast on success: it would sit over the drawer's own buttons; the list shows the file.
      await change('cycles.attach', { cycleId: view.id, itemId: item.id, name: file.name, base64 }, 'Berkas tidak dilampirkan');
      setBusy(false);
    }
  };
  const download = async (attachmentId: string) => {
    const r = await call('cycles.attachmentContent', { cycleId: view.id, itemId: item.id, attachmentId });
    if (r.ok) downloadBase64(r.data.name, r.data.mime, r.data.base64);
    else notifyError(r, 'Berkas tidak dapat dibuka');
  };
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Title order={3} size="h6">
          Soft file
        </Title>
        {editable && (
          <FileButton onChange={(f) => void upload(f)} multiple>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={busy}>
                Lampirkan berkas
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {editable && (
        <Text size="xs" c="dimmed">
          Berkas langsung tersimpan saat dipilih (PDF, dokumen, lembar kerja atau gambar; maksimal 20 MB).
        </Text>
      )}
      {item.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada berkas.
        </Text>
      ) : (
        <Stack gap={4}>
          {item.attachments.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap" justify="space-between">
              {item.notReceived?.includes(a.id) ? (
                <Text size="sm" style={{ minWidth: 0 }} truncate="end" title="Isi berkas ini belum sampai di laptop ini; akan datang bersama paket yang membawa lampiran.">
                  {a.name}
                </Text>
              ) : (
                <Anchor component="button" type="button" size="sm" onClick={() => void download(a.id)} style={{ minWidth: 0 }} truncate="end">
                  <IconDownload size={13} style={{ verticalAlign: -2, marginRight: 4 }} />
                  {a.name}
                </Anchor>
              )}
              <Group gap={6} wrap="nowrap">
                {item.notReceived?.includes(a.id) && (
                  <Badge size="xs" color="yellow" variant="light">
                    belum diterima
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {formatBytes(a.bytes)}
                </Text>
                {editable && (
                  <Tooltip label="Lepas lampiran">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={`Lepas ${a.name}`}
                      onClick={() => void change('cycles.detach', { cycleId: view.id, itemId: item.id, attachmentId: a.id }, 'Lampiran tidak dilepas')}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
