import { useCallback, useEffect, useRef, useState } from 'react';
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudUp, IconRefresh } from '@tabler/icons-react';
import type { RelayStatus } from '../../../../electron/core/domain/sync/relay';
import { call } from '../../api/client';
import { officeNow } from '../../i18n/office-clock';
import { keptLine, relayLine, trustLine, type RelayTone } from '../sync/relay-words';
import { useReceiveIfAny } from '../sync/receive';

/**
 * The relay's line in the top bar: where the background sync stands, asked every half minute
 * (every two seconds while a round runs). Nothing when no relay is set. A click asks for a
 * round now; it never waits for one.
 */

const ICONS: Record<RelayTone, typeof IconCloudCheck> = {
  ok: IconCloudCheck,
  busy: IconRefresh,
  waiting: IconCloudUp,
  offline: IconCloudOff,
  error: IconCloudOff,
};

/**
 * `admin`: also says how many laptops wait to be trusted (Pengaturan › Perangkat, an administrator's).
 * `onSynced`: after each round that completed while the screen was open (the PPID Utama's register then reloads).
 */
export function RelayStatusLine({ admin = false, onSynced }: { admin?: boolean; onSynced?: () => void }) {
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const seen = useRef<string | null | undefined>(undefined);
  const lastSyncAt = status?.lastSyncAt;
  useEffect(() => {
    if (lastSyncAt === undefined) return;
    if (seen.current !== undefined && seen.current !== lastSyncAt) onSynced?.();
    seen.current = lastSyncAt;
  }, [lastSyncAt, onSynced]);
  const load = useCallback(async () => {
    const r = await call('relay.status', {});
    setStatus(r.ok ? r.data : null);
  }, []);
  useEffect(() => {
    void load();
    const every = status?.state === 'menyinkronkan' ? 2_000 : 30_000;
    const t = window.setInterval(() => void load(), every);
    return () => window.clearInterval(t);
  }, [load, status?.state]);

  // Acts the relay brought change the cycles on screen: they are read again, as after "Terima paket".
  const notifyReceived = useReceiveIfAny()?.notifyReceived;
  const receivedSeen = useRef<number | null>(null);
  const received = status?.received ?? null;
  useEffect(() => {
    if (received === null) return;
    if (receivedSeen.current !== null && received > receivedSeen.current) notifyReceived?.();
    receivedSeen.current = received;
  }, [received, notifyReceived]);

  const line = status && relayLine(status, officeNow());
  if (!status || !line) return null;
  const Icon = ICONS[line.tone];
  const kept = keptLine(status);
  const toTrust = admin ? trustLine(status) : null;
  const tip = [status.lastError, kept, toTrust && `${toTrust}: lihat Pengaturan › Perangkat`, 'Klik untuk menyinkronkan sekarang.'].filter(Boolean).join(' · ');
  return (
    <Tooltip label={tip} multiline maw={360} withinPortal>
      <UnstyledButton
        data-testid="status-relay"
        aria-label={`Server relay: ${line.text}${toTrust ? `, ${toTrust}` : ''}. Sinkronkan sekarang`}
        px={8}
        py={4}
        // Beside the user menu: the header's space-between would otherwise centre it.
        ml="auto"
        mr="xs"
        style={{ borderRadius: 4 }}
        onClick={async () => {
          const r = await call('relay.syncNow', {});
          if (r.ok) setStatus(r.data);
        }}
      >
        <Group gap={6} wrap="nowrap">
          <Icon size={18} aria-hidden color={line.tone === 'error' ? 'var(--mantine-color-yellow-4)' : undefined} />
          <Text size="xs" c={line.tone === 'ok' ? 'dinas.1' : 'white'} fw={line.tone === 'ok' ? 400 : 600} visibleFrom="sm">
            {line.text}
            {toTrust ? ` · ${toTrust}` : kept ? ' · ada yang ditahan' : ''}
          </Text>
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}
