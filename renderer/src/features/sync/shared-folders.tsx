import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Paper, Popover, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconFolderShare, IconPackageImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { WAIT_REASON_LABELS, type SharedFoldersStatus } from '../../../../electron/core/domain/sync/shared-folders';
import { call } from '../../api/client';
import { useUser } from '../../app/context';
import { notifyError } from '../../components/feedback';
import { formatDateTime, formatTime } from '../../i18n/date';
import { useReceive } from './receive';

/**
 * The shared folders as the screens see them (the work is the core's, services/shared-folders.ts):
 * the status, asked every few seconds while someone is logged in; a small indicator in the top
 * bar; on Beranda, the packages that wait in the inbox for a person, each opening the usual
 * "Terima paket" preview.
 */

/** How often the screens ask (the core itself looks at the inbox every few seconds); rarely while no folder is set. */
const REFRESH_MS = 5000;
const UNSET_REFRESH_MS = 60_000;

interface SharedFoldersApi {
  status: SharedFoldersStatus | null;
  reload(): Promise<void>;
}

const SharedFoldersContext = createContext<SharedFoldersApi>({ status: null, reload: async () => undefined });

export function useSharedFolders(): SharedFoldersApi {
  return useContext(SharedFoldersContext);
}

export function SharedFoldersProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SharedFoldersStatus | null>(null);
  const { received, notifyReceived } = useReceive();
  const load = useCallback(async (): Promise<SharedFoldersStatus | null> => {
    const r = await call('sharedFolders.status');
    // Not available (an older core, a PPID Utama office): nothing is shown.
    const next = r.ok ? r.data : null;
    setStatus(next);
    return next;
  }, []);
  // Asked for again (a setting saved, a package set aside): at once, and the rhythm starts over from the answer.
  const [asked, setAsked] = useState(0);
  const reload = useCallback(async () => setAsked((n) => n + 1), []);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      const s = await load();
      if (!stopped) timer = window.setTimeout(() => void tick(), s?.configured ? REFRESH_MS : UNSET_REFRESH_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [load, asked]);

  // A package applied by hand takes it off the waiting list at once.
  useEffect(() => {
    if (received) void reload();
  }, [received, reload]);

  // One applied on arrival changes the cycles on screen: they are read again, as after "Terima paket".
  const applied = status ? `${status.appliedToday.count}|${status.appliedToday.lastAt}` : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (applied === null) return;
    if (seen.current !== null && seen.current !== applied && status!.appliedToday.count > 0) notifyReceived();
    seen.current = applied;
  }, [applied, status, notifyReceived]);

  return <SharedFoldersContext.Provider value={{ status, reload }}>{children}</SharedFoldersContext.Provider>;
}

/** One line for the top bar: what needs someone first, then what arrived today. */
export function sharedFoldersLine(s: SharedFoldersStatus): { text: string; tone: 'warn' | 'bad' | 'good' | 'quiet' } | null {
  if (!s.configured) return null;
  if (s.inboxError) return { text: 'Folder bersama: folder masuk tidak terbaca', tone: 'bad' };
  if (s.waiting.length) return { text: `Folder bersama: ${s.waiting.length} paket menunggu keputusan`, tone: 'warn' };
  const parts: string[] = [];
  if (s.appliedToday.count) parts.push(`${s.appliedToday.count} paket diterapkan otomatis · ${formatTime(s.appliedToday.lastAt)}`);
  if (s.refusedToday) parts.push(`${s.refusedToday} paket ditolak`);
  if (s.outboxError) parts.push('folder keluar bermasalah');
  if (parts.length) return { text: `Folder bersama: ${parts.join(', ')}`, tone: s.refusedToday || s.outboxError ? 'bad' : 'good' };
  return { text: 'Folder bersama aktif', tone: 'quiet' };
}

const TONE_COLOR = { warn: 'var(--mantine-color-yellow-3)', bad: 'var(--mantine-color-orange-3)', good: 'white', quiet: 'var(--mantine-color-dinas-1)' };

/** The top bar's indicator: says where the shared folders stand; leads to what needs doing. */
export function SharedFoldersIndicator() {
  const { status } = useSharedFolders();
  const user = useUser();
  const navigate = useNavigate();
  if (!status) return null;
  const line = sharedFoldersLine(status);
  if (!line) return null;
  const latest = status.recent[0];
  const tip = [
    status.lastPollAt ? `Folder masuk diperiksa ${formatTime(status.lastPollAt)}` : status.inbox ? 'Folder masuk belum diperiksa' : 'Tanpa folder masuk',
    status.copying ? `${status.copying} berkas sedang disalin` : null,
    status.inboxError,
    status.outboxError?.message,
    latest ? `Terakhir: ${latest.message}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const go = status.waiting.length ? '/beranda' : user.isAdmin ? '/pengaturan/perangkat' : null;
  return (
    <Tooltip label={tip} multiline w={360} style={{ whiteSpace: 'pre-line' }} withinPortal>
      <UnstyledButton
        onClick={() => go && navigate(go)}
        data-testid="status-folder-bersama"
        px={8}
        py={4}
        style={{ borderRadius: 4, cursor: go ? 'pointer' : 'default', minWidth: 0 }}
      >
        <Group gap={6} wrap="nowrap">
          <IconFolderShare size={16} color={TONE_COLOR[line.tone]} aria-hidden />
          <Text size="xs" c={TONE_COLOR[line.tone]} fw={line.tone === 'quiet' ? 400 : 600} truncate="end" visibleFrom="md">
            {line.text}
          </Text>
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}

/** Beranda: packages in the shared inbox that wait for a person, each with the usual preview. */
export function InboxWaitingCard() {
  const { status, reload } = useSharedFolders();
  const { previewFrom } = useReceive();
  const user = useUser();
  if (!status?.waiting.length) return null;
  const dismiss = async (name: string) => {
    const r = await call('sharedFolders.dismiss', { name });
    if (!r.ok) notifyError(r, 'Paket tidak dapat disisihkan');
    await reload();
  };
  return (
    <Alert color="yellow" variant="light" icon={<IconPackageImport />} title="Paket menunggu di folder masuk" data-testid="paket-menunggu">
      <Stack gap="xs">
        {status.waiting.map((w) => (
          <Paper key={w.packageId} withBorder p="xs" radius="sm" data-waiting={w.name}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  Paket {w.seq} dari {w.sender}{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    · dibuat {formatDateTime(w.createdAt)}
                  </Text>
                </Text>
                {w.cycles.length > 0 && <Text size="sm">{w.cycles.join('; ')}</Text>}
                <Text size="xs" c="dimmed">
                  {WAIT_REASON_LABELS[w.reason]} Berkas: <span className="sync-file-name">{w.name}</span>
                </Text>
              </Stack>
              <Group gap={6} wrap="nowrap">
                {user.isAdmin && (
                  <Popover width={280} position="bottom-end" withArrow shadow="md">
                    <Popover.Target>
                      <Button size="xs" variant="subtle" color="gray">
                        Sisihkan
                      </Button>
                    </Popover.Target>
                    <Popover.Dropdown>
                      <Text size="sm" mb="xs">
                        Paket ini tidak diterapkan dan hilang dari Beranda. Berkasnya tetap di folder masuk.
                      </Text>
                      <Button size="xs" color="red" variant="light" onClick={() => void dismiss(w.name)}>
                        Sisihkan paket
                      </Button>
                    </Popover.Dropdown>
                  </Popover>
                )}
                <Button size="xs" leftSection={<IconPackageImport size={14} />} onClick={() => previewFrom(w.name, () => call('sharedFolders.preview', { name: w.name }))}>
                  Periksa dan terima
                </Button>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Alert>
  );
}

/** Riwayat paket: a package also put in the outbox, or one applied on arrival from the inbox. */
export function SharedFolderBadge({ packageId, direction }: { packageId: string; direction: 'kirim' | 'terima' }) {
  const { status } = useSharedFolders();
  const sent = direction === 'kirim' ? status?.sent.find((s) => s.packageId === packageId) : undefined;
  const auto = direction === 'terima' ? status?.recent.find((e) => e.packageId === packageId && e.result === 'diterapkan') : undefined;
  if (!sent && !auto) return null;
  return (
    <Tooltip label={sent ? sent.file : `Dari folder masuk: ${auto!.name}`} withinPortal>
      <Badge ml={6} size="xs" variant="light" color="gray" tt="none" leftSection={<IconFolderShare size={10} />}>
        {sent ? 'di folder keluar' : 'diterapkan otomatis'}
      </Badge>
    </Tooltip>
  );
}
