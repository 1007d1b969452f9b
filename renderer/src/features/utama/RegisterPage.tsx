import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconPackageImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../electron/core/domain/information';
import { OPD_STANDINGS, OPD_STANDING_LABELS, type OpdStanding, type RegisterRow } from '../../../../electron/core/domain/regency/model';
import { call } from '../../api/client';
import { formatDate } from '../../i18n/date';
import { EntryModal } from './EntryModal';
import { useIntake } from './intake';
import { LateBadge, StandingBadge } from './labels';
import { filterRows, FIRST_DIR, NO_FILTER, sortRows, type RegisterFilter, type Sort, type SortKey } from './register';
import { useResult } from './useResult';

/**
 * Register OPD: the PPID Utama's home. For a year, where every OPD of the regency stands
 * (sent nothing, at a step, signed), who is late against the SOP's time standards, and what
 * needs chasing (berkala overdue, exemptions ending, packages waiting for trust).
 */

const TOTALS: { key: 'opd' | OpdStanding | 'late'; label: string; color: string }[] = [
  { key: 'opd', label: 'OPD di register', color: 'dinas' },
  { key: 'ditandatangani', label: 'Ditandatangani', color: 'teal' },
  { key: 'proses', label: 'Dalam proses', color: 'blue' },
  { key: 'belum_kirim', label: 'Belum mengirim', color: 'gray' },
  { key: 'late', label: 'Terlambat', color: 'red' },
];

function SortHeader({ label, k, sort, onSort, w }: { label: string; k: SortKey; sort: Sort; onSort(k: SortKey): void; w?: number }) {
  const active = sort.key === k;
  const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={w} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(k)} fw={600} fz="sm" aria-label={`Urutkan menurut ${label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} stroke={1.6} opacity={active ? 1 : 0.45} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** "30 informasi", with the count per category for the tooltip. */
function counts(row: RegisterRow): { total: string; detail: string } {
  const total = CATEGORIES.reduce((n, c) => n + row.counts[c], 0);
  return {
    total: total ? `${total} informasi` : '',
    detail: CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} ${row.counts[c]}`).join(' · '),
  };
}

function RegisterTable({ rows, sort, onSort, onOpen }: { rows: RegisterRow[]; sort: Sort; onSort(k: SortKey): void; onOpen(r: RegisterRow): void }) {
  return (
    <Table striped highlightOnHover withTableBorder aria-label="Register OPD" verticalSpacing={7} fz="sm">
      <Table.Thead bg="gray.0">
        <Table.Tr>
          <SortHeader label="OPD" k="name" sort={sort} onSort={onSort} />
          <SortHeader label="Status" k="standing" sort={sort} onSort={onSort} w={140} />
          <SortHeader label="Langkah" k="step" sort={sort} onSort={onSort} w={210} />
          <SortHeader label="Ketepatan waktu" k="lateness" sort={sort} onSort={onSort} w={190} />
          <Table.Th w={190}>Perlu perhatian</Table.Th>
          <SortHeader label="Paket terakhir" k="lastReceived" sort={sort} onSort={onSort} w={150} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr
            key={r.entryId}
            data-entry={r.entryId}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(r)}
          >
            <Table.Td>
              <UnstyledButton
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(r);
                }}
                fw={600} fz="sm" c="dinas.8" data-testid="nama-opd">
                {r.opdName}
              </UnstyledButton>
              <Tooltip label={counts(r).detail} disabled={!counts(r).total} withArrow position="bottom-start">
                <Text size="xs" c="dimmed" w="fit-content">
                  {[r.unitCode, counts(r).total || 'belum ada informasi'].filter(Boolean).join(' · ')}
                </Text>
              </Tooltip>
            </Table.Td>
            <Table.Td>
              <StandingBadge standing={r.standing} />
              {r.signedAt && (
                <Text size="xs" c="dimmed" mt={2}>
                  {formatDate(r.signedAt)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{r.cycle ? <Text size="sm">{r.cycle.stepLabel}</Text> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
            <Table.Td>
              {r.late ? (
                <Stack gap={2} align="flex-start">
                  <LateBadge lateness={r.lateness} />
                  <Text size="xs" c="red.9">
                    {r.lateness}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {r.standing === 'belum_kirim' ? '—' : 'Tepat waktu'}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {r.berkalaOverdue > 0 && (
                  <Badge size="sm" variant="light" color="orange">
                    {r.berkalaOverdue} berkala lewat waktu
                  </Badge>
                )}
                {r.exemptionsEnding > 0 && (
                  <Badge size="sm" variant="light" color="yellow">
                    {r.exemptionsEnding} pengecualian berakhir
                  </Badge>
                )}
                {r.waiting > 0 && (
                  <Badge size="sm" variant="light" color="grape">
                    {r.waiting} paket menunggu
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={r.lastReceivedAt ? undefined : 'dimmed'}>
                {r.lastReceivedAt ? formatDate(r.lastReceivedAt) : 'Belum pernah'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function RegisterPage() {
  const navigate = useNavigate();
  const { version, choose } = useIntake();
  const [year, setYear] = useState<number | null>(null);
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [filter, setFilter] = useState<RegisterFilter>(NO_FILTER);
  const [adding, setAdding] = useState(false);
  const view = useResult(() => call('utama.register', { year }), [year, version]);
  const data = view.data;

  const rows = useMemo(() => (data ? sortRows(filterRows(data.rows, filter), sort) : []), [data, filter, sort]);
  const onSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIR[key] }));
  const filtered = filter.standing !== null || filter.lateOnly || filter.text.trim() !== '';
  const open = (r: RegisterRow) => navigate(`/opd/${encodeURIComponent(r.entryId)}${data ? `?tahun=${data.year}` : ''}`);

  return (
    <Stack gap="md" maw={1280}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={1} size="h3">
            Register OPD
          </Title>
          <Text size="sm" c="dimmed">
            Siapa sudah mengirim daftar yang ditandatangani, siapa di langkah mana, siapa terlambat.
          </Text>
        </div>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect
            label="Tahun"
            w={110}
            data={(data?.years ?? (year ? [year] : [])).map((y) => String(y))}
            value={data ? String(data.year) : year ? String(year) : ''}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
          />
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Tambah OPD
          </Button>
          <Button
            leftSection={<IconPackageImport size={16} />}
            onClick={() => {
              choose();
              navigate('/terima');
            }}
          >
            Terima paket OPD
          </Button>
        </Group>
      </Group>

      {view.error && (
        <Alert color="red" variant="light" title="Register tidak dapat dimuat" role="alert">
          <Text size="sm" mb="xs">
            {view.error.message}
          </Text>
          <Button size="xs" variant="white" onClick={() => void view.reload()}>
            Coba lagi
          </Button>
        </Alert>
      )}

      <SimpleGrid cols={5} spacing="sm" data-testid="ringkasan-register">
        {TOTALS.map((t) => (
          <Card key={t.key} p="sm" data-total={t.key}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t.label}
            </Text>
            {data ? (
              <Text fz={26} fw={700} c={`${t.color}.7`} lh={1.2} data-testid={`jumlah-${t.key}`}>
                {data.totals[t.key]}
              </Text>
            ) : (
              <Skeleton h={30} mt={4} w={50} />
            )}
          </Card>
        ))}
      </SimpleGrid>

      <Card p="sm">
        <Group gap="sm" align="flex-end" mb="sm">
          <TextInput
            label="Cari OPD"
            placeholder="Nama, kode unit atau kontak"
            leftSection={<IconSearch size={14} />}
            w={300}
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
          <NativeSelect
            label="Status"
            w={190}
            data={[{ value: '', label: 'Semua status' }, ...OPD_STANDINGS.map((s) => ({ value: s, label: OPD_STANDING_LABELS[s] }))]}
            value={filter.standing ?? ''}
            onChange={(e) => setFilter({ ...filter, standing: (e.currentTarget.value || null) as OpdStanding | null })}
          />
          <Checkbox
            mb={8}
            label="Hanya yang terlambat"
            checked={filter.lateOnly}
            onChange={(e) => setFilter({ ...filter, lateOnly: e.currentTarget.checked })}
          />
          {filtered && (
            <Button variant="subtle" size="xs" mb={4} onClick={() => setFilter(NO_FILTER)}>
              Hapus saringan
            </Button>
          )}
          <Text size="xs" c="dimmed" ml="auto" mb={8} data-testid="jumlah-tampil">
            {data ? `${rows.length} dari ${data.rows.length} OPD` : ''}
          </Text>
        </Group>
        {!data && view.loading ? (
          <Stack gap={6}>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={36} />
            ))}
          </Stack>
        ) : data && data.rows.length === 0 ? (
          <Alert variant="light" color="blue" title="Register masih kosong">
            Tambahkan OPD satu per satu dengan “Tambah OPD”, atau terima paket OPD: OPD yang belum terdaftar ditambahkan dari paketnya.
          </Alert>
        ) : data && rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center">
            Tidak ada OPD yang cocok dengan saringan ini.
          </Text>
        ) : (
          <RegisterTable rows={rows} sort={sort} onSort={onSort} onOpen={open} />
        )}
        {data && data.totals.late > 0 && !filter.lateOnly && (
          <Tooltip label="Dihitung dari waktu setiap tindakan dalam paket OPD terhadap standar waktu SOP, dengan kalender kerja kantor ini.">
            <Text size="xs" c="dimmed" mt="xs" w="fit-content">
              Keterlambatan dihitung dari waktu tindakan dalam paket terhadap standar waktu SOP.
            </Text>
          </Tooltip>
        )}
      </Card>

      {adding && (
        <EntryModal
          entry={null}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void view.reload();
          }}
        />
      )}
    </Stack>
  );
}
