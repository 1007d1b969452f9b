import { Fragment, useState } from 'react';
import { ActionIcon, Alert, Badge, Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import type { AuditView } from '../../../../electron/core/contract';
import { ROLE_LABELS, type Role } from '../../../../electron/core/domain/roles';
import { HARI_ISO, zoneAbbr } from '../../../../electron/core/domain/calendar';
import { useLoad } from '../../api/useCall';
import { formatDateTime } from '../../i18n/date';

const ACTIONS: Record<string, string> = {
  'setup.selesai': 'Penyiapan awal',
  'pengaturan.ubah': 'Ubah pengaturan',
  'pengaturan.lambang': 'Lambang daerah',
  'akun.buat': 'Buat akun',
  'akun.ubah': 'Ubah akun',
  'akun.setel-sandi': 'Setel ulang kata sandi',
  'akun.ganti-sandi': 'Ganti kata sandi',
  'perangkat.ganti-nama': 'Nama perangkat ini',
  'perangkat.percayai': 'Percayai perangkat',
  'perangkat.ubah-peran': 'Ubah peran perangkat',
  'perangkat.cabut': 'Cabut kepercayaan perangkat',
};

const SECTION: Record<string, string> = { office: 'Kantor', officials: 'Pejabat', documents: 'Dokumen', emblem: 'Lambang', calendar: 'Kalender kerja' };
const FIELD: Record<string, string> = {
  pemda: 'Pemerintah daerah',
  opdName: 'Nama OPD',
  unitCode: 'Kode unit',
  address: 'Alamat',
  phone: 'Telepon',
  email: 'E-mail',
  website: 'Website',
  placeName: 'Tempat penandatanganan',
  bidang: 'Daftar bidang',
  kepala: 'Kepala OPD',
  ketuaPpid: 'Ketua PPID Pembantu',
  operators: 'Operator',
  name: 'Nama',
  jabatan: 'Jabatan',
  asn: 'Status kepegawaian',
  pangkat: 'Pangkat/golongan',
  nip: 'NIP',
  paper: 'Ukuran kertas',
  font: 'Jenis huruf',
  fontSize: 'Ukuran huruf',
  kodeKlasifikasi: 'Kode klasifikasi arsip',
  notaDinasPattern: 'Pola nomor Nota Dinas',
  timeZone: 'Zona waktu',
  officeStart: 'Jam mulai kerja',
  officeEnd: 'Jam selesai kerja',
  workingDays: 'Hari kerja',
  extraHolidays: 'Hari libur tambahan',
  removedHolidays: 'Libur nasional yang tetap masuk kerja',
  sha256: 'Sidik berkas',
  role: 'Peran',
  roles: 'Peran',
  isAdmin: 'Administrator',
  active: 'Aktif',
};

/** "officials.operators" → "Pejabat › Operator": the words the settings screen uses. */
export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((part, i) => (i === 0 && SECTION[part]) || FIELD[part] || part)
    .join(' › ');
}

export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(kosong)';
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (field.endsWith('role') && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  if (field.endsWith('sha256') && typeof value === 'string') return `${value.slice(0, 12)}…`;
  if (field.endsWith('workingDays') && Array.isArray(value)) return value.map((d) => HARI_ISO[Number(d)] ?? String(d)).join(', ');
  if (field.endsWith('timeZone') && typeof value === 'string') return zoneAbbr(value);
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if (typeof v !== 'object' || !v || !('name' in v)) return String(v);
        const named = v as { name: unknown; date?: unknown };
        return named.date ? `${String(named.date)} ${String(named.name)}` : String(named.name);
      })
      .join('; ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Changes({ entry }: { entry: AuditView }) {
  if (!entry.changes.length) {
    return (
      <Text size="xs" c="dimmed">
        Tidak ada rincian perubahan.
      </Text>
    );
  }
  return (
    <Table fz="xs" verticalSpacing={3} withRowBorders={false} bg="white" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">Isian</Table.Th>
          <Table.Th w="35%">Sebelumnya</Table.Th>
          <Table.Th w="35%">Menjadi</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.changes.map((c, i) => (
          <Table.Tr key={`${c.field}-${i}`}>
            <Table.Td>{fieldLabel(c.field)}</Table.Td>
            <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
              {formatValue(c.field, c.from)}
            </Table.Td>
            <Table.Td c="teal.8" style={{ wordBreak: 'break-word' }}>
              {formatValue(c.field, c.to)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditTab() {
  const audit = useLoad('audit.listApp');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (audit.error) {
    return (
      <Alert color="red" variant="light" title="Riwayat tidak dapat dimuat">
        {audit.error.message}
      </Alert>
    );
  }
  const list = audit.data ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Perubahan pengaturan dan akun, terbaru di atas. Riwayat hanya bertambah: tidak ada entri yang dapat diubah atau dihapus.
        </Text>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void audit.reload()} loading={audit.loading}>
          Muat ulang
        </Button>
      </Group>
      <Table withTableBorder highlightOnHover aria-label="Riwayat perubahan">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th w={190}>Waktu</Table.Th>
            <Table.Th w={200}>Pengguna</Table.Th>
            <Table.Th w={190}>Tindakan</Table.Th>
            <Table.Th>Ringkasan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!audit.loading && list.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">
                  Belum ada riwayat.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {list.map((e) => {
            const expanded = open.has(e.id);
            return (
              <Fragment key={e.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => toggle(e.id)}
                      aria-expanded={expanded}
                      aria-label={expanded ? 'Sembunyikan rincian' : `Tampilkan rincian (${e.changes.length} isian)`}
                      disabled={e.changes.length === 0}
                    >
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    {e.actor ? (
                      <>
                        <Text size="sm" className="mono">
                          {e.actor.username}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {ROLE_LABELS[e.actor.role]}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Sistem
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm" radius="sm" color="gray" tt="none">
                      {ACTIONS[e.action] ?? e.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {e.summary}
                    {e.changes.length > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({e.changes.length} isian)
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={4} bg="gray.0">
                      <Box py={4}>
                        <Changes entry={e} />
                      </Box>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
