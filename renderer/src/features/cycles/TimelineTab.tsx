import { memo, useMemo, useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { BENTUK_LABELS, legalBasisText, type Exemption } from '../../../../electron/core/domain/information';
import { OFFICE_ROLES, ROLE_LABELS } from '../../../../electron/core/domain/roles';
import type { TimelineEntry } from '../../../../electron/core/domain/timeline';
import { formatDateTime } from '../../i18n/date';
import { PAGE } from './parts';

const TYPE_LABELS: Record<TimelineEntry['type'], string> = {
  'cycle.created': 'Siklus dimulai',
  'item.added': 'Informasi ditambahkan',
  'item.updated': 'Informasi diubah',
  'item.removed': 'Informasi dihapus',
  'item.attached': 'Berkas dilampirkan',
  'item.detached': 'Lampiran dilepas',
  'notaDinas.saved': 'Nota Dinas disimpan',
  'review.marked': 'Pemeriksaan',
  'uji.recorded': 'Uji konsekuensi',
  merge: 'Penggabungan',
  'conflict.resolved': 'Konflik diselesaikan',
  'archive.filed': 'Pindaian diarsipkan',
  transition: 'Perpindahan tahap',
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(kosong)';
  if (Array.isArray(v)) return v.length ? v.map((x) => BENTUK_LABELS[x as keyof typeof BENTUK_LABELS] ?? String(x)).join(', ') : '(kosong)';
  if (typeof v === 'object') {
    const e = v as Partial<Exemption>;
    // An exemption not yet filled has a basis but no ground: say so rather than "Pasal 17 huruf".
    if (e.basis === 'pasal17' && !e.huruf) return '(kosong)';
    if (e.basis) return legalBasisText(e as Exemption) || '(kosong)';
    return JSON.stringify(v);
  }
  return String(v);
}

const Entry = memo(function Entry({ e }: { e: TimelineEntry }) {
  return (
    <tr data-type={e.type}>
      <td style={{ width: 150 }} className="dim">
        {formatDateTime(e.at)}
      </td>
      <td style={{ width: 230 }}>
        <div>{e.actor.name}</div>
        <div className="dim">{e.actor.roleLabel}</div>
      </td>
      <td>
        <div className="pre">{e.summary}</div>
        {e.changes.length > 0 && (
          <div className="timeline-change">
            {e.changes.map((c, i) => (
              <div key={i}>
                {c.field}: <del>{show(c.from)}</del> → <ins>{show(c.to)}</ins>
              </div>
            ))}
          </div>
        )}
      </td>
    </tr>
  );
});

/** The audit trail: every act, who did it in which role, and what changed. Never editable. */
export function TimelineTab({ view }: { view: CycleView }) {
  const [role, setRole] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const itemOptions = useMemo(
    () => [
      ...view.items.map((i) => ({ value: i.id, label: i.fields.judul })),
      ...view.removedItems.map((i) => ({ value: i.id, label: `${i.fields.judul} (dihapus)` })),
    ],
    [view.items, view.removedItems],
  );
  const entries = view.timeline.filter((e) => (!role || e.actor.role === role) && (!type || e.type === type) && (!itemId || e.itemId === itemId));
  const shown = all ? entries : entries.slice(0, PAGE * 2);
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label="Peran"
          placeholder="Semua peran"
          clearable
          allowDeselect
          w={200}
          size="xs"
          data={OFFICE_ROLES.opd.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={setRole}
        />
        <Select
          label="Jenis tindakan"
          placeholder="Semua tindakan"
          clearable
          allowDeselect
          w={220}
          size="xs"
          data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={type}
          onChange={setType}
        />
        <Select label="Informasi" placeholder="Semua informasi" clearable allowDeselect searchable w={340} size="xs" data={itemOptions} value={itemId} onChange={setItemId} limit={50} />
        <Badge variant="light" color="gray" size="lg">
          {entries.length} catatan
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        Riwayat dicatat otomatis dan tidak dapat diubah. Yang terbaru di atas.
      </Text>
      <Card p={0}>
        <table className="ct" aria-label="Riwayat siklus">
          <thead>
            <tr>
              <th>Waktu</th>
              <th>Siapa</th>
              <th>Ringkasan dan perubahan</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <Entry key={e.id} e={e} />
            ))}
          </tbody>
        </table>
        {shown.length < entries.length && (
          <Group justify="center" p="xs">
            <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
              Tampilkan semua {entries.length} catatan
            </Button>
          </Group>
        )}
        {entries.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            Tidak ada catatan yang cocok.
          </Text>
        )}
      </Card>
    </Stack>
  );
}
