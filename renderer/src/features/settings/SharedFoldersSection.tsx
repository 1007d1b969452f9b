import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFolder, IconFolderShare } from '@tabler/icons-react';
import { INBOX_RESULT_LABELS, type InboxResult, type SharedFoldersStatus } from '../../../../electron/core/domain/sync/shared-folders';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { issuesToErrors, notifyError, notifySaved } from '../../components/feedback';
import { formatDateTime, formatTime } from '../../i18n/date';
import { isDesktop } from '../documents/download';
import { useSharedFolders } from '../sync/shared-folders';

/**
 * Pengaturan › Perangkat › Folder bersama: the outbox every package sent from this laptop is
 * also put in, the inbox it watches, and whether packages from trusted laptops apply on
 * arrival. The paths are this laptop's (a restore on another PC does not bring them).
 */

const RESULT_COLOR: Record<InboxResult, string> = {
  diterapkan: 'teal',
  diterima: 'teal',
  'sudah-diterima': 'gray',
  menunggu: 'yellow',
  ditolak: 'red',
  rusak: 'red',
  'milik-sendiri': 'gray',
  diabaikan: 'gray',
};

function FolderInput({
  label,
  description,
  value,
  error,
  which,
  onChange,
}: {
  label: string;
  description: string;
  value: string;
  error?: string;
  which: 'outbox' | 'inbox';
  onChange(v: string): void;
}) {
  const choose = async () => {
    const r = await call('sharedFolders.chooseFolder', { which });
    if (r.ok && r.data.folder) onChange(r.data.folder);
    else if (!r.ok) notifyError(r, 'Folder tidak dapat dipilih');
  };
  return (
    <TextInput
      label={label}
      description={description}
      placeholder="Misalnya Z:\PPID\Paket atau /home/ppid/Sync/paket"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      rightSectionWidth={isDesktop() ? 110 : undefined}
      rightSection={
        isDesktop() ? (
          <Button size="compact-sm" variant="default" leftSection={<IconFolder size={14} />} onClick={() => void choose()}>
            Pilih…
          </Button>
        ) : undefined
      }
    />
  );
}

function FoldersForm({ status, onSaved }: { status: SharedFoldersStatus; onSaved(): void }) {
  const [outbox, setOutbox] = useState(status.outbox ?? '');
  const [inbox, setInbox] = useState(status.inbox ?? '');
  const [autoApply, setAutoApply] = useState(status.autoApply);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Err | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    const r = await call('sharedFolders.set', { outbox: outbox.trim() || null, inbox: inbox.trim() || null, autoApply });
    setBusy(false);
    if (r.ok) {
      notifySaved(r.data.outbox || r.data.inbox ? 'Folder bersama diatur' : 'Folder bersama dimatikan');
      onSaved();
    } else {
      setErrors(issuesToErrors(r.issues).errors);
      setFailure(r);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="sm">
        <FolderInput
          which="outbox"
          label="Folder keluar"
          description="Setiap paket yang dikirim dari laptop ini juga ditaruh di sini. Kosongkan bila tidak dipakai."
          value={outbox}
          error={errors.outbox}
          onChange={setOutbox}
        />
        <FolderInput
          which="inbox"
          label="Folder masuk"
          description="Paket yang muncul di sini diterima. Boleh folder yang sama dengan folder keluar: paket laptop ini sendiri dilewati."
          value={inbox}
          error={errors.inbox}
          onChange={setInbox}
        />
        <Switch
          label="Terapkan otomatis"
          description="Paket dari laptop tepercaya yang tidak memerlukan keputusan langsung diterapkan. Paket dari laptop yang belum dipercaya selalu menunggu di Beranda."
          checked={autoApply}
          onChange={(e) => setAutoApply(e.currentTarget.checked)}
        />
        {failure && !errors.outbox && !errors.inbox && (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{failure.message}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" variant="default" loading={busy}>
            Simpan folder bersama
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FoldersStatus({ status }: { status: SharedFoldersStatus }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Keadaan
      </Text>
      <Text size="sm" c="dimmed" data-testid="folder-masuk-diperiksa">
        {!status.inbox
          ? 'Tanpa folder masuk: tidak ada yang dipantau.'
          : status.lastPollAt
            ? `Folder masuk diperiksa setiap beberapa detik; terakhir ${formatTime(status.lastPollAt)}.`
            : 'Folder masuk belum diperiksa.'}
        {status.copying ? ` ${status.copying} berkas sedang disalin: diterima setelah lengkap.` : ''}
      </Text>
      {status.sent[0] && (
        <Text size="sm" c="dimmed">
          Paket terakhir di folder keluar: <span className="sync-file-name">{status.sent[0].file}</span> ({formatDateTime(status.sent[0].at)}).
        </Text>
      )}
      {status.inboxError && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} />}>
          <Text size="sm">{status.inboxError}</Text>
        </Alert>
      )}
      {status.outboxError && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} />} title={`Paket tidak masuk folder keluar (${formatDateTime(status.outboxError.at)})`}>
          <Text size="sm">{status.outboxError.message}</Text>
        </Alert>
      )}
      {status.recent.length > 0 ? (
        <Table aria-label="Paket di folder masuk" verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {status.recent.slice(0, 8).map((e) => (
              <Table.Tr key={`${e.name}-${e.at}`}>
                <Table.Td w={110} className="nowrap" c="dimmed">
                  {formatDateTime(e.at)}
                </Table.Td>
                <Table.Td w={150}>
                  <Badge size="sm" variant="light" color={RESULT_COLOR[e.result]} tt="none">
                    {INBOX_RESULT_LABELS[e.result]}
                  </Badge>
                </Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        status.inbox && (
          <Text size="sm" c="dimmed">
            Belum ada paket di folder masuk.
          </Text>
        )
      )}
    </Stack>
  );
}

export function SharedFoldersSection() {
  const status = useLoad('sharedFolders.status');
  const shared = useSharedFolders();
  if (status.error) {
    return (
      <Alert color="red" variant="light" title="Folder bersama tidak dapat dimuat">
        {status.error.message}
      </Alert>
    );
  }
  // The form starts from what was saved; the status beside it stays current with the top bar's.
  const live = shared.status ?? status.data;
  return (
    <Paper withBorder p="md" radius="sm" data-testid="folder-bersama">
      <Stack gap="sm">
        <Group gap={8}>
          <IconFolderShare size={18} />
          <Title order={2} size="h5">
            Folder bersama
          </Title>
          {live && (
            <Badge size="sm" variant="dot" color={live.configured ? 'teal' : 'gray'}>
              {live.configured ? 'Aktif' : 'Tidak aktif'}
            </Badge>
          )}
        </Group>
        <Text size="sm" maw={900}>
          Bila laptop-laptop kantor berbagi folder — drive jaringan kantor, folder Syncthing, atau folder drive awan di komputer — paket
          berpindah tanpa diklik: yang dikirim laptop ini juga ditaruh di folder keluar, dan paket yang muncul di folder masuk diterima
          setelah salinannya lengkap. Aplikasi tidak pernah menghapus atau memindahkan berkas di folder itu.
        </Text>
        {!status.data || !live ? (
          <Text size="sm" c="dimmed">
            Memuat…
          </Text>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <FoldersForm
                key={`${status.data.outbox}|${status.data.inbox}|${status.data.autoApply}`}
                status={status.data}
                onSaved={() => {
                  void status.reload();
                  void shared.reload();
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <FoldersStatus status={live} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Paper>
  );
}
