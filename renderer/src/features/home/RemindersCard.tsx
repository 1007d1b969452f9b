import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatTanggal, formatTanggalJam, zoneAbbr } from '../../../../electron/core/domain/calendar';
import { reminderHref, type Reminder, type RemindersView } from '../../../../electron/core/domain/reminders';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useUser } from '../../app/context';
import { officeTimeZone } from '../../i18n/office-clock';

/** How many show before "Tampilkan semua": the most pressing come first. */
const SHOWN = 4;

const KIND_LABELS: Record<Reminder['kind'], string> = {
  berkala: 'Informasi berkala',
  pengecualian: 'Masa pengecualian',
  langkah: 'Standar waktu SOP',
  dip_tahunan: 'Pembaruan DIP',
};

function dueText(r: Reminder): string {
  const tz = officeTimeZone();
  if (r.kind === 'langkah') return `Batas ${formatTanggalJam(r.dueAt, tz)} ${zoneAbbr(tz)}`;
  const day = formatTanggal(r.dueAt, tz);
  if (r.daysLeft < 0) return `Lewat ${-r.daysLeft} hari · ${day}`;
  if (r.daysLeft === 0) return `Hari ini · ${day}`;
  return `${r.daysLeft} hari lagi · ${day}`;
}

function Entry({ r, showRole }: { r: Reminder; showRole: boolean }) {
  const late = r.status === 'terlambat';
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py={5} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-reminder={r.kind} data-status={r.status}>
      <Badge color={late ? 'red' : 'orange'} variant={late ? 'filled' : 'light'} size="sm" w={92} style={{ flex: 'none', marginTop: 2 }}>
        {late ? 'Terlambat' : 'Segera'}
      </Badge>
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Anchor component={Link} to={reminderHref(r.link)} size="sm" fw={500} lineClamp={1} title={r.title}>
          {r.title}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1} title={r.detail}>
          {r.detail}
        </Text>
      </Stack>
      <Stack gap={0} align="flex-end" style={{ flex: 'none' }}>
        <Text size="xs" fw={500} c={late ? 'red.8' : 'orange.8'} className="nowrap">
          {dueText(r)}
        </Text>
        <Text size="xs" c="dimmed" className="nowrap">
          {KIND_LABELS[r.kind]}
          {showRole ? ` · ${ROLE_LABELS[r.role]}` : ''}
        </Text>
      </Stack>
    </Group>
  );
}

/**
 * Beranda's "Pengingat": what falls due for the logged-in user's role (administrators may look
 * at every role's), each entry a link to the screen where it is dealt with.
 */
export function RemindersCard() {
  const user = useUser();
  const [all, setAll] = useState(false);
  const [data, setData] = useState<RemindersView | null>(null);
  const [error, setError] = useState<Err | null>(null);
  const [expanded, setExpanded] = useState(false);

  useEffect(() => {
    let live = true;
    void call('reminders.list', { all }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.data);
        setError(null);
      } else setError(r);
    });
    return () => {
      live = false;
    };
  }, [all]);

  const list = data?.reminders ?? [];
  const late = list.filter((r) => r.status === 'terlambat').length;
  const shown = expanded ? list : list.slice(0, SHOWN);
  return (
    <Card aria-labelledby="pengingat" data-testid="pengingat" style={late ? { borderColor: 'var(--mantine-color-red-3)' } : undefined}>
      <Group justify="space-between" mb={list.length ? 'xs' : 0} wrap="nowrap">
        <Group gap={8}>
          <ThemeIcon color={late ? 'red' : 'orange'} variant="light" size="sm">
            <IconAlarm size={14} />
          </ThemeIcon>
          <Title order={2} size="h5" id="pengingat">
            Pengingat{data ? ` (${list.length})` : ''}
          </Title>
          {late > 0 && (
            <Text size="xs" c="red.8">
              {late} terlambat
            </Text>
          )}
        </Group>
        {user.isAdmin && (
          <SegmentedControl
            size="xs"
            value={all ? 'semua' : 'saya'}
            onChange={(v) => setAll(v === 'semua')}
            data={[
              { value: 'saya', label: `Untuk ${ROLE_LABELS[user.role]}` },
              { value: 'semua', label: 'Semua peran' },
            ]}
            aria-label="Pengingat untuk"
          />
        )}
      </Group>
      {error ? (
        <Alert color="red" variant="light" mt="xs">
          {error.message}
        </Alert>
      ) : !data ? (
        <Skeleton h={16} mt="xs" />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>
          {all ? 'Tidak ada yang jatuh tempo untuk peran mana pun.' : 'Tidak ada yang jatuh tempo untuk Anda dalam waktu dekat.'}
        </Text>
      ) : (
        <Stack gap={0}>
          {shown.map((r) => (
            <Entry key={r.id} r={r} showRole={all} />
          ))}
          {list.length > SHOWN && (
            <Group justify="center" pt={6}>
              <Button variant="subtle" size="xs" onClick={() => setExpanded((e) => !e)}>
                {expanded ? 'Tampilkan lebih sedikit' : `Tampilkan semua ${list.length}`}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
