import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Center, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../electron/core/domain/information';
import type { RegisterEntry, RegisterRow, WaitingPackage } from '../../../../electron/core/domain/regency/model';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { formatDate, formatDateTime } from '../../i18n/date';
import { Fingerprint } from '../settings/DevicesTab';
import { EntryModal } from './EntryModal';
import { useIntake } from './intake';
import { LateBadge, StandingBadge } from './labels';
import { TrustedKeys } from './TrustedKeys';

interface Detail {
  entry: RegisterEntry;
  /** Its row in each year of the register, newest first. */
  years: { year: number; row: RegisterRow }[];
  waiting: WaitingPackage[];
}

/** Everything the register knows of one OPD: one call per year, one after another. */
async function loadDetail(entryId: string): Promise<{ ok: true; data: Detail } | Err> {
  const entries = await call('utama.entries');
  if (!entries.ok) return entries;
  const entry = entries.data.find((e) => e.entryId === entryId);
  if (!entry) return { ok: false, code: 'NOT_FOUND', message: 'OPD ini tidak ada di register.' };
  const first = await call('utama.register', { year: null });
  if (!first.ok) return first;
  const years: Detail['years'] = [];
  for (const year of first.data.years) {
    const view = year === first.data.year ? first : await call('utama.register', { year });
    if (!view.ok) return view;
    const row = view.data.rows.find((r) => r.entryId === entryId);
    if (row) years.push({ year, row });
  }
  const waiting = await call('utama.waiting');
  if (!waiting.ok) return waiting;
  const mine = waiting.data.filter((w) => w.opd.entryId === entryId || (entry.officeId !== null && w.opd.officeId === entry.officeId));
  return { ok: true, data: { entry, years, waiting: mine } };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={150} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td>{children || <Text span c="dimmed">—</Text>}</Table.Td>
    </Table.Tr>
  );
}

export function OpdDetailPage() {
  const { entryId = '' } = useParams();
  const [params] = useSearchParams();
  const { version } = useIntake();
  const [state, setState] = useState<{ phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; detail: Detail }>({ phase: 'loading' });
  const [editing, setEditing] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void loadDetail(entryId).then((r) => {
      if (!live) return;
      setState(r.ok ? { phase: 'ready', detail: r.data } : { phase: 'failed', message: r.message });
    });
    return () => {
      live = false;
    };
  }, [entryId, version, reloads]);

  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} component={Link} to="/beranda" w="fit-content" px={4}>
      Register OPD
    </Button>
  );
  if (state.phase === 'loading') {
    return (
      <Stack maw={1180}>
        {back}
        <Center h={200}>
          <Loader size="sm" />
        </Center>
      </Stack>
    );
  }
  if (state.phase === 'failed') {
    return (
      <Stack maw={1180}>
        {back}
        <Alert color="red" variant="light" title="Data OPD tidak dapat dimuat" role="alert">
          {state.message}
        </Alert>
      </Stack>
    );
  }
  const { entry, years, waiting } = state.detail;
  const wanted = Number(params.get('tahun'));
  const current = years.find((y) => y.year === wanted) ?? years[0] ?? null;

  return (
    <Stack gap="md" maw={1180}>
      {back}
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            {entry.name}
          </Title>
          <Group gap={6} mt={2}>
            {entry.unitCode && (
              <Badge variant="outline" color="gray" size="sm">
                {entry.unitCode}
              </Badge>
            )}
            {current && <StandingBadge standing={current.row.standing} />}
            {current?.row.late && <LateBadge lateness={current.row.lateness} />}
            <Text size="xs" c="dimmed">
              {entry.source === 'paket' ? 'Ditambahkan dari paketnya' : 'Didaftarkan di sini'} pada {formatDate(entry.addedAt)}
            </Text>
          </Group>
        </div>
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
          Ubah data OPD
        </Button>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card h="100%">
            <Title order={2} size="h5" mb="xs">
              Kontak PPID Pembantu
            </Title>
            <Table withRowBorders={false} verticalSpacing={3} fz="sm">
              <Table.Tbody>
                <Field label="Nama">{entry.contact.name}</Field>
                <Field label="Telepon">{entry.contact.phone}</Field>
                <Field label="E-mail">{entry.contact.email}</Field>
                <Field label="Paket terakhir">{current?.row.lastReceivedAt ? formatDateTime(current.row.lastReceivedAt) : 'Belum pernah'}</Field>
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card h="100%">
            <Title order={2} size="h5" mb="xs">
              Laptop pengirim yang dipercaya
            </Title>
            <TrustedKeys entry={entry} onChanged={() => setReloads((n) => n + 1)} />
            {Object.keys(entry.devices).length > 0 && (
              <Text size="xs" c="dimmed" mt="xs">
                Tindakan dalam paketnya berasal dari {Object.keys(entry.devices).length} laptop:{' '}
                {/* A name ending in a title ("M.AP.") already closes the sentence. */}
                {Object.values(entry.devices)
                  .map((d) => d.name)
                  .join(', ')
                  .replace(/\.?$/, '.')}
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <Card p={0}>
        <Title order={2} size="h5" px="md" py="sm">
          Siklus per tahun
        </Title>
        <Table striped fz="sm" verticalSpacing={6} aria-label="Siklus OPD per tahun">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={70}>Tahun</Table.Th>
              <Table.Th>Siklus</Table.Th>
              <Table.Th>Langkah</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Ketepatan waktu</Table.Th>
              <Table.Th>Informasi</Table.Th>
              <Table.Th>Perlu perhatian</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map(({ year, row }) => (
              <Table.Tr key={year} data-year={year}>
                <Table.Td fw={600}>{year}</Table.Td>
                <Table.Td>{row.cycle?.title ?? <Text span c="dimmed">Belum ada</Text>}</Table.Td>
                <Table.Td>{row.cycle?.stepLabel ?? '—'}</Table.Td>
                <Table.Td>
                  <StandingBadge standing={row.standing} />
                  {row.signedAt && (
                    <Text size="xs" c="dimmed">
                      {formatDate(row.signedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.late ? <Text size="sm" c="red.9">{row.lateness}</Text> : row.standing === 'belum_kirim' ? '—' : 'Tepat waktu'}</Table.Td>
                <Table.Td>
                  {CATEGORIES.filter((c) => row.counts[c] > 0)
                    .map((c) => `${CATEGORY_LABELS[c]} ${row.counts[c]}`)
                    .join(' · ') || '—'}
                </Table.Td>
                <Table.Td>
                  {[row.berkalaOverdue > 0 && `${row.berkalaOverdue} berkala lewat waktu`, row.exemptionsEnding > 0 && `${row.exemptionsEnding} pengecualian berakhir`].filter(Boolean).join('; ') ||
                    '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card>
        <Title order={2} size="h5" mb="xs">
          Paket yang menunggu kepercayaan
        </Title>
        {waiting.length === 0 ? (
          <Text size="sm" c="dimmed">
            Tidak ada paket dari OPD ini yang menunggu.
          </Text>
        ) : (
          <Stack gap={6}>
            {waiting.map((w) => (
              <Text size="sm" key={w.checkId}>
                <span className="sync-file-name">{w.fileName}</span> dari {w.sender.name} (sidik <Fingerprint code={w.sender.fingerprint} />), diterima{' '}
                {formatDateTime(w.receivedAt)}
              </Text>
            ))}
            <Anchor component={Link} to="/menunggu" size="sm">
              Buka Menunggu kepercayaan
            </Anchor>
          </Stack>
        )}
      </Card>

      {editing && (
        <EntryModal
          entry={entry}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setReloads((n) => n + 1);
          }}
        />
      )}
    </Stack>
  );
}
