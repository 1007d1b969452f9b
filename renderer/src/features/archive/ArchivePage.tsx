import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArchive, IconFileCheck, IconPaperclip, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ArchiveCycleView, ArchiveDocumentView, ArchiveRecordView, ArchiveScanView } from '../../../../electron/core/domain/archive';
import { SCAN_QR_LABELS } from '../../../../electron/core/domain/archive';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../electron/core/domain/information';
import { dayKey } from '../../../../electron/core/domain/calendar';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { notifySaved } from '../../components/feedback';
import { formatBytes, formatDate, formatDateTime, formatLongDate } from '../../i18n/date';
import { officeNow, officeTimeZone } from '../../i18n/office-clock';
import { downloadBase64 } from '../cycles/format';
import { CategoryPill, PAGE } from '../cycles/parts';
import '../cycles/cycles.css';
import { filterArchive, isFiltered, NO_FILTER, type ArchiveFilter } from './filter';
import { QR_COLOR, ScanDialog } from './ScanDialog';

type OpenState = Record<string, { kind: 'ok' | 'bad'; title: string; message: string }>;

function ScanLine({ cycleId, scan, opened, onOpen }: { cycleId: string; scan: ArchiveScanView; opened: OpenState[string] | undefined; onOpen(cycleId: string, scan: ArchiveScanView): void }) {
  return (
    <Stack gap={2}>
      <Group gap={8} wrap="nowrap">
        <Anchor component="button" type="button" size="sm" onClick={() => onOpen(cycleId, scan)} truncate="end" style={{ minWidth: 0 }}>
          {scan.name}
        </Anchor>
        <Badge size="sm" variant="light" color={QR_COLOR[scan.qr.status]} style={{ flexShrink: 0 }}>
          {SCAN_QR_LABELS[scan.qr.status]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        Versi {scan.version} · diarsipkan {formatDateTime(scan.at)} oleh {scan.by} · {formatBytes(scan.bytes)}
      </Text>
      {opened && (
        <Alert color={opened.kind === 'ok' ? 'teal' : 'red'} variant="light" p={8} role={opened.kind === 'ok' ? 'status' : 'alert'} data-testid="hasil-buka" data-kind={opened.kind}>
          <Text size="xs" fw={700}>
            {opened.title}
          </Text>
          <Text size="xs">{opened.message}</Text>
        </Alert>
      )}
    </Stack>
  );
}

function Documents({ cycle, opened, onOpen, onAttach }: { cycle: ArchiveCycleView; opened: OpenState; onOpen(cycleId: string, scan: ArchiveScanView): void; onAttach(doc: ArchiveDocumentView): void }) {
  return (
    <Table verticalSpacing={6} fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="34%">Dokumen bertanda tangan</Table.Th>
          <Table.Th>Pindaian</Table.Th>
          {cycle.canFile && <Table.Th w={220} aria-label="Tindakan" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cycle.documents.map((d) => (
          <Table.Tr key={`${d.document}-${d.itemId ?? ''}`}>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Text size="sm" fw={500}>
                {d.label}
              </Text>
              {d.document === 'notaDinas' && cycle.notaDinasNumber && (
                <Text size="xs" c="dimmed">
                  Nomor {cycle.notaDinasNumber}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              {d.scans.length === 0 ? (
                <Text size="sm" c="orange.8">
                  Belum ada pindaian
                </Text>
              ) : (
                <Stack gap={6}>
                  {d.scans.map((s) => (
                    <ScanLine key={s.attachmentId} cycleId={cycle.id} scan={s} opened={opened[s.attachmentId]} onOpen={onOpen} />
                  ))}
                </Stack>
              )}
            </Table.Td>
            {cycle.canFile && (
              <Table.Td style={{ verticalAlign: 'top', textAlign: 'right' }}>
                <Button size="xs" variant="light" leftSection={<IconPaperclip size={14} />} onClick={() => onAttach(d)} aria-label={`Lampirkan pindaian ${d.label}`}>
                  Lampirkan pindaian
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function retentionCell(r: ArchiveRecordView) {
  if (!r.retensi) return <Text size="sm" c="dimmed">—</Text>;
  return <Text size="sm">{r.retensi}</Text>;
}

function endCell(r: ArchiveRecordView, today: string) {
  if (!r.retentionEnds) {
    return (
      <Text size="sm" c="dimmed">
        {r.retensi ? 'tidak berbatas tanggal' : '—'}
      </Text>
    );
  }
  const ended = r.retentionEnds <= today;
  return (
    <Group gap={6} wrap="nowrap">
      {/* Noon in WIB is the same day in every office zone. */}
      <Text size="sm">{formatDate(`${r.retentionEnds}T05:00:00Z`)}</Text>
      {ended && <span className="pill pill-bad">berakhir</span>}
    </Group>
  );
}

function Records({ records, total, filtered }: { records: ArchiveRecordView[]; total: number; filtered: boolean }) {
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const today = dayKey(officeNow(), officeTimeZone());
  const shown = open || filtered;
  const rows = all ? records : records.slice(0, PAGE);
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Title order={3} size="h6">
          Informasi dan jangka waktu penyimpanan{' '}
          <Text span c="dimmed" size="sm" fw={400}>
            ({filtered && records.length !== total ? `${records.length} dari ${total}` : total})
          </Text>
        </Title>
        {!filtered && (
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={shown}>
            {shown ? 'Sembunyikan' : 'Tampilkan'}
          </Button>
        )}
      </Group>
      {shown && (
        <>
          <Table verticalSpacing={4} fz="sm" striped layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Judul informasi</Table.Th>
                <Table.Th w="18%">Bidang</Table.Th>
                <Table.Th w={130}>Klasifikasi</Table.Th>
                <Table.Th w="17%">Retensi</Table.Th>
                <Table.Th w={190}>Retensi berakhir</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.itemId}>
                  <Table.Td>{r.judul}</Table.Td>
                  <Table.Td>{r.bidang}</Table.Td>
                  <Table.Td>
                    <CategoryPill kategori={r.kategori} />
                  </Table.Td>
                  <Table.Td>{retentionCell(r)}</Table.Td>
                  <Table.Td>{endCell(r, today)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!all && records.length > PAGE && (
            <Button size="compact-sm" variant="subtle" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start' }}>
              Tampilkan semua {records.length} informasi
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function CycleCard({ cycle, records, filtered, opened, onOpen, onAttach }: {
  cycle: ArchiveCycleView;
  records: ArchiveRecordView[];
  filtered: boolean;
  opened: OpenState;
  onOpen(cycleId: string, scan: ArchiveScanView): void;
  onAttach(cycle: ArchiveCycleView, doc: ArchiveDocumentView): void;
}) {
  const filed = cycle.documents.filter((d) => d.scans.length > 0).length;
  return (
    <Card component="section" aria-labelledby={`arsip-${cycle.id}`} data-testid="arsip-siklus">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4" id={`arsip-${cycle.id}`}>
              {cycle.title}
            </Title>
            <Text size="sm" c="dimmed">
              Versi {cycle.version}, ditandatangani {formatLongDate(cycle.signedAt)} oleh {cycle.signedBy}
            </Text>
          </div>
          <Group gap={8} wrap="nowrap">
            <Badge variant="light" color="dinas">
              Tahun {cycle.year}
            </Badge>
            <Badge variant="light" color={filed === cycle.documents.length ? 'teal' : 'orange'} leftSection={<IconFileCheck size={12} />}>
              {filed} dari {cycle.documents.length} dokumen dipindai
            </Badge>
            <Button component={Link} to={`/siklus/${cycle.id}`} size="compact-sm" variant="default">
              Buka siklus
            </Button>
          </Group>
        </Group>
        <Documents cycle={cycle} opened={opened} onOpen={onOpen} onAttach={(d) => onAttach(cycle, d)} />
        <Records records={records} total={cycle.records.length} filtered={filtered} />
      </Stack>
    </Card>
  );
}

/**
 * `#/arsip`: every signed cycle, its signed papers with their filed scans, and each record's
 * retention (jangka waktu penyimpanan) with the day it ends. Scans are attached here; opening
 * one checks its SHA-256 in the core and says so when the file was changed or is missing.
 */
export function ArchivePage() {
  const list = useLoad('archive.list');
  const [filter, setFilter] = useState<ArchiveFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<{ cycle: ArchiveCycleView; doc: ArchiveDocumentView } | null>(null);
  const [opened, setOpened] = useState<OpenState>({});
  const cycles = list.data;
  const matches = useMemo(() => filterArchive(cycles ?? [], filter), [cycles, filter]);
  const years = useMemo(() => [...new Set((cycles ?? []).map((c) => c.year))].sort((a, b) => b - a), [cycles]);
  const bidang = useMemo(() => [...new Set((cycles ?? []).flatMap((c) => c.records.map((r) => r.bidang)))].sort((a, b) => a.localeCompare(b, 'id')), [cycles]);
  const set = (patch: Partial<ArchiveFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const open = async (cycleId: string, scan: ArchiveScanView) => {
    const r = await call('archive.openScan', { cycleId, attachmentId: scan.attachmentId });
    if (!r.ok) {
      setOpened((o) => ({ ...o, [scan.attachmentId]: { kind: 'bad', title: 'Berkas tidak dapat dibuka', message: r.message } }));
      return;
    }
    const got = r.data;
    if (got.status !== 'ok') {
      const title = got.status === 'hilang' ? 'Berkas hilang' : 'Berkas berubah';
      setOpened((o) => ({ ...o, [scan.attachmentId]: { kind: 'bad', title, message: got.message } }));
      return;
    }
    setOpened((o) => ({ ...o, [scan.attachmentId]: { kind: 'ok', title: 'Berkas utuh', message: 'Sidik SHA-256 cocok dengan saat diarsipkan; berkas diunduh.' } }));
    downloadBase64(got.name, got.mime, got.base64);
  };

  const filed = (view: ArchiveCycleView) => {
    setDialog(null);
    if (cycles) list.setData(cycles.map((c) => (c.id === view.id ? view : c)));
    notifySaved('Pindaian diarsipkan');
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h3">
          Arsip
        </Title>
        <Text size="sm" c="dimmed" maw={900}>
          Daftar yang telah ditandatangani Kepala OPD beserta pindaian lembar bertanda tangan basahnya: Nota Dinas, DIP, DIK dan setiap Lembar Uji
          Konsekuensi. Setiap informasi disertai jangka waktu penyimpanannya dan tanggal berakhirnya, dihitung dari tanggal penandatanganan.
        </Text>
      </div>
      <Card py="sm">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label="Cari"
            placeholder="Judul, bidang, nama berkas, nomor Nota Dinas…"
            leftSection={<IconSearch size={16} />}
            value={filter.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <NativeSelect
            label="Tahun"
            value={filter.year === null ? '' : String(filter.year)}
            onChange={(e) => set({ year: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
            data={[{ value: '', label: 'Semua tahun' }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
            w={160}
          />
          <NativeSelect
            label="Klasifikasi"
            value={filter.kategori ?? ''}
            onChange={(e) => set({ kategori: (e.currentTarget.value || null) as Category | null })}
            data={[{ value: '', label: 'Semua klasifikasi' }, ...CATEGORIES.map((k) => ({ value: k, label: CATEGORY_LABELS[k] }))]}
            w={200}
          />
          <NativeSelect
            label="Bidang"
            value={filter.bidang ?? ''}
            onChange={(e) => set({ bidang: e.currentTarget.value || null })}
            data={[{ value: '', label: 'Semua bidang' }, ...bidang.map((b) => ({ value: b, label: b }))]}
            w={240}
          />
          {isFiltered(filter) && (
            <Button variant="subtle" onClick={() => setFilter(NO_FILTER)}>
              Hapus saringan
            </Button>
          )}
        </Group>
      </Card>
      {list.error && (
        <Alert color="red" variant="light" title="Arsip tidak dapat dimuat">
          {list.error.message}
        </Alert>
      )}
      {!cycles && !list.error && (
        <Stack gap="sm">
          <Skeleton h={120} />
          <Skeleton h={120} />
        </Stack>
      )}
      {cycles && cycles.length === 0 && (
        <Alert color="gray" variant="light" icon={<IconArchive />} title="Belum ada daftar yang ditandatangani">
          Arsip berisi siklus yang telah ditandatangani Kepala OPD. Setelah daftar ditandatangani dan dicetak, lampirkan pindaiannya di sini.
        </Alert>
      )}
      {cycles && cycles.length > 0 && matches.length === 0 && (
        <Text c="dimmed" size="sm" role="status">
          Tidak ada arsip yang cocok dengan pencarian ini.
        </Text>
      )}
      {matches.map((m) => (
        <CycleCard
          key={m.cycle.id}
          cycle={m.cycle}
          records={m.records}
          filtered={filter.kategori !== null || filter.bidang !== null || filter.text.trim() !== ''}
          opened={opened}
          onOpen={(id, s) => void open(id, s)}
          onAttach={(cycle, doc) => setDialog({ cycle, doc })}
        />
      ))}
      {dialog && <ScanDialog cycle={dialog.cycle} doc={dialog.doc} onClose={() => setDialog(null)} onFiled={filed} />}
    </Stack>
  );
}
