import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import { itemFieldsSchema } from '../../../../electron/core/domain/information';
import { notifySaved } from '../../components/feedback';
import type { CycleHandle } from './useCycle';
import { ChecklistModal } from './ChecklistModal';
import { ItemEditor } from './ItemEditor';
import { CategoryPill, Choice, CompletenessPill, PAGE, VerdictPill } from './parts';

const addSchema = itemFieldsSchema.pick({ judul: true, bidang: true, catatan: true });

function AddItemForm({ view, change, bidang, onChecklist }: { view: CycleView; change: CycleHandle['change']; bidang: string[]; onChecklist(): void }) {
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { judul: '', bidang: '', catatan: '' },
    validate: zod4Resolver(addSchema),
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await change('cycles.addItems', { cycleId: view.id, items: [{ judul: v.judul.trim(), bidang: v.bidang, catatan: v.catatan.trim() }] }, 'Informasi tidak tersimpan');
    setBusy(false);
    if (r.ok) {
      notifySaved(`"${v.judul.trim()}" ditambahkan`);
      // Keep the bidang: the next item usually comes from the same one.
      form.setValues({ judul: '', bidang: v.bidang, catatan: '' });
      document.getElementById('tambah-judul')?.focus();
    }
  });
  return (
    <Card p="sm" bg="dinas.0" style={{ borderColor: 'var(--mantine-color-dinas-2)' }}>
      <form onSubmit={submit} noValidate aria-label="Tambah informasi">
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput id="tambah-judul" label="Judul informasi" placeholder="mis. Laporan Realisasi Anggaran 2026" withAsterisk style={{ flex: 3 }} {...form.getInputProps('judul')} />
          <Select label="Bidang" placeholder="Pilih bidang" data={bidang} withAsterisk searchable style={{ flex: 2 }} {...form.getInputProps('bidang')} />
          <TextInput label="Catatan (boleh kosong)" placeholder="mis. minta ke Kasubbag Keuangan" style={{ flex: 2 }} {...form.getInputProps('catatan')} />
          <Button type="submit" mt={24} loading={busy} leftSection={<IconPlus size={16} />}>
            Tambah
          </Button>
        </Group>
      </form>
      <Group gap="xs" mt="xs">
        <Button variant="white" size="xs" leftSection={<IconListCheck size={14} />} onClick={onChecklist}>
          Pilih dari daftar umum…
        </Button>
        <Text size="xs" c="dimmed">
          Informasi yang biasa ada di setiap OPD, menurut kategorinya; centang beberapa sekaligus.
        </Text>
      </Group>
    </Card>
  );
}

interface RowProps {
  item: ItemView;
  n: number;
  editable: boolean;
  showCompleteness: boolean;
  showVerdict: boolean;
  onOpen(id: string): void;
  onRemove(item: ItemView): void;
}

const ItemRow = memo(function ItemRow({ item, n, editable, showCompleteness, showVerdict, onOpen, onRemove }: RowProps) {
  const f = item.fields;
  const flagged = item.flaggedNote !== null;
  return (
    <tr className={flagged ? (item.fixed ? 'fixed' : 'flagged') : undefined} data-item={f.judul} data-flagged={flagged || undefined} data-fixed={item.fixed || undefined}>
      <td className="num">{n}</td>
      <td>
        <div>{f.judul}</div>
        {f.catatan && <div className="dim">{f.catatan}</div>}
        {flagged &&
          (item.fixed ? (
            <div className="fixed-note" data-testid="catatan-perbaikan">
              Sudah diperbaiki, menunggu pemeriksaan{item.flaggedNote ? ` (catatan: ${item.flaggedNote})` : ''}
            </div>
          ) : (
            <div className="flag-note" data-testid="catatan-perbaikan">
              Perlu perbaikan{item.flaggedNote ? `: ${item.flaggedNote}` : ''}
            </div>
          ))}
      </td>
      <td style={{ width: 110 }}>{(showCompleteness || f.kategori) && <CategoryPill kategori={f.kategori} />}</td>
      {showCompleteness && (
        <td style={{ width: 120 }} title={item.problems.map((p) => p.message).join('\n') || undefined}>
          <CompletenessPill item={item} />
        </td>
      )}
      {showVerdict && (
        <td style={{ width: 120 }}>
          <VerdictPill item={item} />
        </td>
      )}
      <td style={{ width: 70 }} className="dim">
        {item.attachments.length ? `${item.attachments.length} berkas` : '—'}
      </td>
      <td style={{ width: 160, textAlign: 'right', whiteSpace: 'nowrap' }}>
        <button type="button" className="row-btn" onClick={() => onOpen(item.id)}>
          {editable ? (item.problems.length ? 'Isi kolom' : 'Ubah') : 'Lihat'}
        </button>{' '}
        {editable && (
          <button type="button" className="row-btn" data-variant="danger" aria-label={`Hapus ${f.judul}`} onClick={() => onRemove(item)}>
            Hapus
          </button>
        )}
      </td>
    </tr>
  );
});

function BidangSection(props: {
  name: string;
  items: ItemView[];
  total: number;
  complete: number;
  editable: boolean;
  showCompleteness: boolean;
  showVerdict: boolean;
  onOpen(id: string): void;
  onRemove(item: ItemView): void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? props.items : props.items.slice(0, PAGE);
  const pct = props.total ? Math.round((props.complete / props.total) * 100) : 0;
  return (
    <Card p={0} aria-label={props.name} component="section">
      <div className="bidang-head">
        <Title order={3} size="h6" style={{ flex: 1 }}>
          {props.name}
        </Title>
        {props.showCompleteness && (
          <Group gap={8} wrap="nowrap" w={260}>
            <Progress value={pct} color={pct === 100 ? 'teal' : 'dinas'} size="sm" style={{ flex: 1 }} aria-label={`Kelengkapan ${props.name}`} />
            <Text size="xs" c="dimmed" className="nowrap" data-testid="progres-bidang">
              {props.complete}/{props.total} lengkap
            </Text>
          </Group>
        )}
        {!props.showCompleteness && (
          <Text size="xs" c="dimmed">
            {props.total} informasi
          </Text>
        )}
      </div>
      {props.items.length === 0 ? (
        <Text size="xs" c="dimmed" px="sm" py={6}>
          {props.total === 0 ? 'Belum ada informasi dari bidang ini.' : 'Tidak ada informasi yang cocok dengan pencarian.'}
        </Text>
      ) : (
        <table className="ct ct-fixed">
          <tbody>
            {shown.map((item, i) => (
              <ItemRow
                key={item.id}
                item={item}
                n={i + 1}
                editable={props.editable}
                showCompleteness={props.showCompleteness}
                showVerdict={props.showVerdict}
                onOpen={props.onOpen}
                onRemove={props.onRemove}
              />
            ))}
          </tbody>
        </table>
      )}
      {!all && props.items.length > PAGE && (
        <Group justify="center" p="xs">
          <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
            Tampilkan semua {props.items.length} informasi
          </Button>
        </Group>
      )}
    </Card>
  );
}

type Filter = 'semua' | 'belum' | 'perbaikan';

/** Step 1 and 3: the list per bidang, adding, and the editor for every column. */
export function ItemsTab({ view, change, bidang, openItemId }: { view: CycleView; change: CycleHandle['change']; bidang: string[]; openItemId?: string }) {
  const editable = view.can.items;
  // A reminder's link opens the item it is about.
  const [editing, setEditing] = useState<string | null>(openItemId ?? null);
  const [checklist, setChecklist] = useState(false);
  // Adding is step 1's work; at step 3 the form waits behind a button to leave room for the list.
  const [adding, setAdding] = useState(view.step === 'identifikasi' || view.items.length === 0);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim().toLowerCase());
  // After a return the operator starts with what was flagged; "Semua" is one click away.
  const [filter, setFilter] = useState<Filter>(() => (editable && view.items.some((i) => i.flaggedNote !== null) ? 'perbaikan' : 'semua'));
  // Completeness matters from step 3 on; at identification only titles are expected.
  const showCompleteness = view.step !== 'identifikasi';
  const showVerdict = view.items.some((i) => i.review !== null);

  const groups = useMemo(() => {
    const names = [...bidang];
    for (const i of view.items) if (!names.includes(i.fields.bidang)) names.push(i.fields.bidang);
    const progress = new Map(view.bidangProgress.map((b) => [b.bidang, b]));
    const match = (i: ItemView) =>
      (!q || i.fields.judul.toLowerCase().includes(q)) &&
      (filter === 'semua' || (filter === 'belum' ? i.problems.length > 0 : i.flaggedNote !== null));
    return names
      .map((name) => ({
        name,
        items: view.items.filter((i) => i.fields.bidang === name && match(i)),
        total: progress.get(name)?.total ?? 0,
        complete: progress.get(name)?.complete ?? 0,
      }))
      // Unfiltered, every bidang shows (an empty one is a reminder to ask it); filtered, only matches.
      .filter((g) => (!q && filter === 'semua' ? g.total > 0 || editable : g.items.length > 0));
  }, [bidang, view.items, view.bidangProgress, q, filter, editable]);

  const onOpen = useCallback((id: string) => setEditing(id), []);
  const onRemove = useCallback(
    (item: ItemView) =>
      modals.openConfirmModal({
        title: 'Hapus informasi?',
        children: (
          <Text size="sm">
            "{item.fields.judul}" dihapus dari daftar siklus ini. Penghapusan tercatat dalam riwayat
            {item.origin !== 'baru' ? ' dan tampil sebagai perubahan dibanding DIP sebelumnya' : ''}.
          </Text>
        ),
        labels: { confirm: 'Hapus', cancel: 'Batal' },
        confirmProps: { color: 'red' },
        onConfirm: () => {
          void change('cycles.removeItem', { cycleId: view.id, itemId: item.id }, 'Informasi tidak terhapus').then((r) => {
            if (r.ok) notifySaved(`"${item.fields.judul}" dihapus`);
          });
        },
      }),
    [change, view.id],
  );

  const editingItem = editing ? view.items.find((i) => i.id === editing) ?? null : null;
  const incomplete = view.items.filter((i) => i.problems.length).length;
  const flaggedCount = view.items.filter((i) => i.flaggedNote !== null).length;
  const unclassified = view.items.filter((i) => !i.fields.kategori).length;
  const counts = [
    `${view.items.length} informasi`,
    view.items.length - unclassified - view.exemptCount > 0 && `${view.items.length - unclassified - view.exemptCount} masuk DIP`,
    view.exemptCount > 0 && `${view.exemptCount} dikecualikan`,
    unclassified > 0 && showCompleteness && `${unclassified} belum diklasifikasikan`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Stack gap="sm">
      {editable && adding && <AddItemForm view={view} change={change} bidang={bidang} onChecklist={() => setChecklist(true)} />}
      {!editable && (
        <Text size="sm" c="dimmed">
          Daftar ini hanya dapat dibaca: {view.step === 'selesai' ? 'siklus sudah selesai.' : 'informasi diubah oleh Operator pada langkah 1 dan 3.'}
        </Text>
      )}
      {view.items.length === 0 ? (
        <Alert variant="light" color="gray">
          Belum ada informasi dalam daftar.{editable ? ' Tambahkan judul informasi di atas.' : ''}
        </Alert>
      ) : (
        <Group gap="sm" justify="space-between">
          <Group gap="sm">
            <TextInput
              placeholder="Cari judul informasi"
              leftSection={<IconSearch size={14} />}
              size="xs"
              w={260}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              aria-label="Cari judul informasi"
            />
            {showCompleteness && (
              <Choice<Filter>
                label="Tampilkan"
                value={filter}
                onChange={setFilter}
                data={[
                  { value: 'semua', label: `Semua (${view.items.length})` },
                  { value: 'belum', label: `Belum lengkap (${incomplete})` },
                  ...(flaggedCount ? [{ value: 'perbaikan' as const, label: `Perlu perbaikan (${flaggedCount})` }] : []),
                ]}
              />
            )}
          </Group>
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              {counts}
            </Text>
            {editable && !adding && (
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                Tambah informasi
              </Button>
            )}
          </Group>
        </Group>
      )}
      {groups.length === 0 && view.items.length > 0 && (
        <Text size="sm" c="dimmed">
          Tidak ada informasi yang cocok.
        </Text>
      )}
      {groups.map((g) => (
        <BidangSection
          key={g.name}
          name={g.name}
          items={g.items}
          total={g.total}
          complete={g.complete}
          editable={editable}
          showCompleteness={showCompleteness}
          showVerdict={showVerdict}
          onOpen={onOpen}
          onRemove={onRemove}
        />
      ))}
      {editingItem && <ItemEditor key={editingItem.id} view={view} item={editingItem} editable={editable} bidang={bidang} change={change} onClose={() => setEditing(null)} />}
      {checklist && <ChecklistModal view={view} bidang={bidang} change={change} onClose={() => setChecklist(false)} />}
    </Stack>
  );
}
