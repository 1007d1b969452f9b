import { memo, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconBellRinging, IconClipboardList, IconPlus, IconSignature } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import type { CycleSummary } from '../../../../electron/core/domain/cycle-views';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { STEP_INFO } from '../../../../electron/core/domain/workflow';
import { useLoad } from '../../api/useCall';
import { useUser } from '../../app/context';
import { formatDate } from '../../i18n/date';
import { CycleLogNotices, DamagedCycleAlert } from '../recovery/CycleRecords';
import { NewCycleModal } from './NewCycleModal';
import { TimingBadge } from './TimingBadge';
import { spentText } from './format';

function StepBadge({ c }: { c: CycleSummary }) {
  if (c.step === 'selesai') {
    return (
      <Badge color="teal" variant="light" leftSection={<IconSignature size={12} />}>
        Selesai
      </Badge>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="filled" circle size="sm">
        {c.stepNo}
      </Badge>
      <Text size="sm">{c.stepLabel}</Text>
    </Group>
  );
}

function holderText(c: CycleSummary) {
  if (!c.holderRole) return '—';
  return c.holderNames.length ? `${c.holderRoleLabel} (${c.holderNames.join(', ')})` : c.holderRoleLabel;
}

const CycleRow = memo(function CycleRow({ c, open }: { c: CycleSummary; open(id: string): void }) {
  return (
    <Table.Tr onClick={() => open(c.id)} style={{ cursor: 'pointer' }} data-cycle={c.title}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {c.title}
        </Text>
        <Text size="xs" c="dimmed">
          Tahun {c.year}
          {c.signed ? ` · ditandatangani ${formatDate(c.signed.at)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <StepBadge c={c} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{holderText(c)}</Text>
        {c.waitingForMe && c.step !== 'selesai' && (
          <Badge size="xs" color="orange" variant="light">
            Menunggu Anda
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {c.step === 'selesai' ? (
          <Text size="xs" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2} align="flex-start">
            <TimingBadge timing={c.timing} size="xs" />
            <Text size="xs" c="dimmed">
              standar {STEP_INFO[c.step].standardLabel} · berjalan {spentText(c.timing)}
            </Text>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <CountsCell c={c} />
      </Table.Td>
      <Table.Td w={40}>
        <IconArrowRight size={16} color="var(--mantine-color-dinas-7)" aria-hidden />
      </Table.Td>
    </Table.Tr>
  );
});

/** DIP and exempt count only classified items; the rest are named as not yet classified. */
export function CountsCell({ c }: { c: Pick<CycleSummary, 'itemCount' | 'exemptCount' | 'unclassifiedCount'> }) {
  if (c.itemCount + c.exemptCount === 0 && c.unclassifiedCount > 0) {
    return (
      <div data-testid="jumlah-informasi">
        <Text size="sm">{c.unclassifiedCount} informasi</Text>
        <Text size="xs" c="dimmed">
          belum diklasifikasikan
        </Text>
      </div>
    );
  }
  return (
    <div data-testid="jumlah-informasi">
      <Text size="sm">{c.itemCount} DIP</Text>
      <Text size="xs" c="dimmed">
        {c.exemptCount} dikecualikan{c.unclassifiedCount > 0 ? ` · ${c.unclassifiedCount} belum diklasifikasikan` : ''}
      </Text>
    </div>
  );
}

function WaitingCard({ c, open }: { c: CycleSummary; open(id: string): void }) {
  return (
    <Paper withBorder p="sm" style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }} data-waiting={c.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {c.title}
          </Text>
          <Text size="sm">
            Langkah {c.stepNo}: {c.stepLabel}
          </Text>
          <Group gap={6}>
            <TimingBadge timing={c.timing} size="xs" />
            <Text size="xs" c="dimmed">
              berjalan {spentText(c.timing)}
            </Text>
          </Group>
        </Stack>
        <Button size="xs" onClick={() => open(c.id)} rightSection={<IconArrowRight size={14} />}>
          Kerjakan
        </Button>
      </Group>
    </Paper>
  );
}

/** Beranda's list of cycles: what waits for me first, then every cycle, then damaged ones. */
export function CycleList() {
  const user = useUser();
  const navigate = useNavigate();
  const list = useLoad('cycles.list');
  const [creating, setCreating] = useState(false);
  const open = (id: string) => navigate(`/siklus/${id}`);
  const canCreate = user.role === 'operator' || user.role === 'ppid_pembantu';
  const cycles = list.data?.cycles ?? [];
  const waiting = cycles.filter((c) => c.waitingForMe && c.step !== 'selesai');
  // "?siklus=baru": a reminder that the DIP is due for renewal opens the new-cycle dialog.
  const [params, setParams] = useSearchParams();
  const askNew = params.get('siklus') === 'baru';
  const loaded = list.data !== null;
  useEffect(() => {
    if (!askNew || !loaded) return;
    if (canCreate) setCreating(true);
    setParams({}, { replace: true });
  }, [askNew, loaded, canCreate, setParams]);

  return (
    <Stack gap="md">
      <CycleLogNotices notices={list.data?.notices ?? []} />
      {waiting.length > 0 && (
        <Card style={{ borderColor: 'var(--mantine-color-orange-3)' }} bg="orange.0" aria-labelledby="menunggu-anda">
          <Group gap={8} mb="xs">
            <ThemeIcon color="orange" variant="light" size="sm">
              <IconBellRinging size={14} />
            </ThemeIcon>
            <Title order={2} size="h5" id="menunggu-anda">
              Menunggu Anda ({ROLE_LABELS[user.role]})
            </Title>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {waiting.map((c) => (
              <WaitingCard key={c.id} c={c} open={open} />
            ))}
          </SimpleGrid>
        </Card>
      )}

      <Card p={0}>
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap={8}>
            <ThemeIcon variant="light" size="sm">
              <IconClipboardList size={14} />
            </ThemeIcon>
            <Title order={2} size="h5">
              Siklus pendokumentasian
            </Title>
          </Group>
          {canCreate && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} disabled={!list.data}>
              Mulai siklus baru
            </Button>
          )}
        </Group>
        {list.error ? (
          <Alert color="red" variant="light" m="md" title="Daftar siklus tidak dapat dimuat">
            {list.error.message}
          </Alert>
        ) : !list.data ? (
          <Stack p="md" gap={6}>
            <Skeleton h={16} />
            <Skeleton h={16} w="80%" />
          </Stack>
        ) : cycles.length === 0 && list.data.damaged.length === 0 ? (
          <Stack p="md" gap={6} align="flex-start">
            <Text size="sm">Belum ada siklus pendokumentasian.</Text>
            <Text size="sm" c="dimmed">
              Setiap siklus mengikuti enam langkah SOP di bawah, dari identifikasi informasi sampai Daftar Informasi Publik
              ditandatangani dan Daftar Informasi yang Dikecualikan diarsipkan.
              {canCreate ? ' Tekan "Mulai siklus baru" untuk memulai.' : ' Operator atau PPID Pembantu yang memulainya.'}
            </Text>
          </Stack>
        ) : (
          <Table aria-label="Daftar siklus" highlightOnHover verticalSpacing={8}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={200}>Siklus</Table.Th>
                <Table.Th w={230}>Tahap sekarang</Table.Th>
                <Table.Th>Giliran</Table.Th>
                <Table.Th w={220}>Waktu</Table.Th>
                <Table.Th w={120}>Informasi</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycles.map((c) => (
                <CycleRow key={c.id} c={c} open={open} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.data?.damaged.map((d) => <DamagedCycleAlert key={d.id} damaged={d} onRestored={() => void list.reload()} />)}
      </Card>
      {list.data && <NewCycleModal opened={creating} onClose={() => setCreating(false)} cycles={cycles} />}
    </Stack>
  );
}
