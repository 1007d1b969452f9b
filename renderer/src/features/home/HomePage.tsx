import { Alert, Badge, Button, Card, Grid, Group, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileDescription, IconPackageImport, IconUserCircle } from '@tabler/icons-react';
import { formatNip } from '../../../../electron/core/domain/nip';
import { pangkatLabel } from '../../../../electron/core/domain/pangkat';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { useLoad } from '../../api/useCall';
import { useUser } from '../../app/context';
import { EmblemPreview } from '../../components/forms/EmblemPicker';
import { formatLongDate, greeting } from '../../i18n/date';
import { officeNow } from '../../i18n/office-clock';
import { CycleList } from '../cycles/CycleList';
import { SOP_STEPS, stepsOf } from '../cycles/guide';
import { useReceive } from '../sync/receive';
import { RemindersCard } from './RemindersCard';
import { BackupReminder } from '../settings/BackupReminder';
import { InboxWaitingCard } from '../sync/shared-folders';

function OfficeCard() {
  const settings = useLoad('settings.get');
  if (settings.error) {
    return (
      <Alert color="red" variant="light" title="Data kantor tidak dapat dimuat">
        {settings.error.message}
      </Alert>
    );
  }
  const s = settings.data;
  return (
    <Card h="100%">
      <Group gap={8} mb="xs">
        <ThemeIcon variant="light" size="sm">
          <IconFileDescription size={14} />
        </ThemeIcon>
        <Title order={2} size="h5">
          Data kantor
        </Title>
      </Group>
      {!s ? (
        <Stack gap={6}>
          <Skeleton h={14} />
          <Skeleton h={14} w="70%" />
          <Skeleton h={14} w="80%" />
        </Stack>
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="md">
          <EmblemPreview src={s.emblemDataUrl} size={76} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
              {s.office.pemda}
            </Text>
            <Text fw={600} size="sm">
              {s.office.opdName}
            </Text>
            <Text size="xs">{s.office.address}</Text>
            <Text size="xs" c="dimmed">
              {[s.office.phone && `Telp. ${s.office.phone}`, s.office.email, s.office.website].filter(Boolean).join(' · ')}
            </Text>
            <Table mt={6} withRowBorders={false} verticalSpacing={1} horizontalSpacing={0} fz="xs">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td c="dimmed" w={120} style={{ verticalAlign: 'top' }}>
                    Kepala OPD
                  </Table.Td>
                  <Table.Td>
                    {s.officials.kepala.name}
                    {s.officials.kepala.nip && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · NIP. {formatNip(s.officials.kepala.nip)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td c="dimmed" style={{ verticalAlign: 'top' }}>
                    Ketua PPID
                  </Table.Td>
                  <Table.Td>
                    {s.officials.ketuaPpid.name}
                    {s.officials.ketuaPpid.pangkat && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {pangkatLabel(s.officials.ketuaPpid.pangkat)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td c="dimmed" style={{ verticalAlign: 'top' }}>
                    Operator
                  </Table.Td>
                  <Table.Td>{s.officials.operators.map((o) => o.name).join('; ')}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td c="dimmed" style={{ verticalAlign: 'top' }}>
                    Bidang
                  </Table.Td>
                  <Table.Td>{s.office.bidang.length} bidang</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Stack>
        </Group>
      )}
    </Card>
  );
}

export function HomePage() {
  const user = useUser();
  const mine = stepsOf(user.role);
  const { choose, received } = useReceive();
  return (
    <Stack gap="md" maw={1280}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            {greeting()}, {user.name}
          </Title>
          <Text size="sm" c="dimmed">
            {formatLongDate(officeNow())} · Anda masuk sebagai {ROLE_LABELS[user.role]}
            {user.isAdmin ? ' dan administrator' : ''}.
          </Text>
        </div>
        <Stack gap={2} align="flex-end">
          <Button leftSection={<IconPackageImport size={16} />} onClick={choose}>
            Terima paket
          </Button>
          <Text size="xs" c="dimmed">
            atau seret berkas .ppid ke jendela ini
          </Text>
        </Stack>
      </Group>

      {user.isAdmin && <BackupReminder />}

      <InboxWaitingCard />

      <RemindersCard key={`r${received}`} />

      {/* A package applied brings cycles or moves them: the list is read again. */}
      <CycleList key={received} />

      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card p={0} h="100%">
            <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Title order={2} size="h5">
                Alur SOP Pendokumentasian Informasi Publik
              </Title>
              <Group gap={6}>
                <IconUserCircle size={16} color="var(--mantine-color-dinas-7)" />
                <Text size="xs" c="dimmed">
                  Langkah yang disorot dikerjakan oleh peran Anda ({ROLE_LABELS[user.role]}): {mine.join(' dan ')}.
                </Text>
              </Group>
            </Group>
            <Table aria-label="Alur SOP Pendokumentasian Informasi Publik" highlightOnHover={false} verticalSpacing={7}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w={44} ta="center">
                    No
                  </Table.Th>
                  <Table.Th>Kegiatan</Table.Th>
                  <Table.Th w={150}>Pelaksana</Table.Th>
                  <Table.Th w={76}>Waktu</Table.Th>
                  <Table.Th w={170}>Output</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SOP_STEPS.map((s) => {
                  const isMine = mine.includes(s.no);
                  return (
                    <Table.Tr key={s.no} className={isMine ? 'sop-row-mine' : undefined} data-mine={isMine || undefined}>
                      <Table.Td ta="center" fw={600}>
                        {s.no}
                      </Table.Td>
                      <Table.Td>{s.kegiatan}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <span>{s.holder ? ROLE_LABELS[s.holder] : '—'}</span>
                          {isMine && (
                            <Badge size="xs" variant="filled">
                              Anda
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td className="nowrap">{s.standardLabel}</Table.Td>
                      <Table.Td fw={s.output.includes('Daftar') || s.output === 'Nota Dinas' ? 500 : undefined}>{s.output}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <OfficeCard />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
