import { useCallback, useEffect, useRef, useState } from 'react';
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudUp, IconRefresh } from '@tabler/icons-react';
import type { RelayStatus } from '../../../../electron/core/domain/sync/relay';
import { call } from '../../api/client';
import { officeNow } from '../../i18n/office-clock';
import { keptLine, relayLine, type RelayTone } from '../sync/relay-words';

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

/** `onSynced`: after each round that completed while the screen was open (the PPID Utama's register then reloads). */
export function RelayStatusLine({ onSynced }: { onSynced?: () => void }) {
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

  const line = status && relayLine(status, officeNow());
  if (!status || !line) return null;
  const Icon = ICONS[line.tone];
  const kept = keptLine(status);
  const tip = [status.lastError, kept, 'Klik untuk menyinkronkan sekarang.'].filter(Boolean).join(' · ');
  return (
    <Tooltip label={tip} multiline maw={360} withinPortal>
      <UnstyledButton
        data-testid="status-relay"
        aria-label={`Server relay: ${line.text}. Sinkronkan sekarang`}
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
            {kept ? ' · ada yang ditahan' : ''}
          </Text>
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}
