import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import type { ChangeKind, ChangeReport } from '../../../../electron/core/domain/changes';
import { ITEM_FIELD_LABELS } from '../../../../electron/core/domain/information';
import { DIK_COLUMNS, DIP_COLUMNS, type ListColumn } from '../../../../electron/core/documents/shared/columns';
import { dikRows, dipGroups } from '../../../../electron/core/documents/shared/rows';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { formatDateTime } from '../../i18n/date';
import { PublishActions } from '../documents/PublishActions';
import { Choice, PAGE } from './parts';

function docStatus(view: CycleView): string {
  if (view.signed) return `Ditandatangani oleh ${view.signed.by}, ${formatDateTime(view.signed.at)}.`;
  switch (view.step) {
    case 'pemeriksaan_kepala':
      return 'Draft Daftar Informasi Publik: menunggu pemeriksaan dan tanda tangan Kepala OPD.';
    case 'pemeriksaan_ppid':
      return `Konsep versi ${view.version}: sedang diperiksa PPID Pembantu.`;
    default:
      return 'Konsep yang sedang disusun: isinya masih dapat berubah.';
  }
}

function Limited<T>({ rows, render, showAll = false }: { rows: T[]; render(rows: T[]): React.ReactNode; showAll?: boolean }) {
  const [all, setAll] = useState(showAll);
  return (
    <>
      {render(all ? rows : rows.slice(0, PAGE * 2))}
      {!all && rows.length > PAGE * 2 && (
        <Group justify="center" p="xs">
          <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
            Tampilkan semua {rows.length}
          </Button>
        </Group>
      )}
    </>
  );
}

/** The screen's head of a list: the registry's columns in order, under their short labels. */
function ListHead({ columns }: { columns: readonly ListColumn<never>[] }) {
  const sum = columns.reduce((a, c) => a + c.weight, 0);
  return (
    <>
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} style={{ width: `${((c.weight / sum) * 100).toFixed(1)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} data-column={c.key} className={c.key === 'no' ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** A registry cell on screen: the printed words; a cell of several lines shows its title in bold over the rest. */
function ScreenCells<Row>({ columns, row }: { columns: readonly ListColumn<Row>[]; row: Row }) {
  return columns.map((c) => {
    const lines = c.cell(row);
    return (
      <td key={c.key} className={c.key === 'no' ? 'num' : 'pre'}>
        {lines.length === 1
          ? lines[0]!.text
          : lines.map((l, i) => (
              <div key={i} style={l.bold ? { fontWeight: 600 } : undefined} className={l.bold ? undefined : 'dim'}>
                {l.text}
              </div>
            ))}
      </td>
    );
  });
}

/** The row a reminder pointed at: marked, and scrolled into view once. */
function useFocusRow(itemId: string | undefined) {
  const ref = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    if (itemId) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [itemId]);
  return (id: string) => (id === itemId ? { ref, className: 'focus', 'data-focus': true } : {});
}

/** The Draft DIP as it prints: the same groups, numbers and columns (PerKI 1/2021); exempt items left out. */
function DipTable({ items, focus }: { items: ItemView[]; focus?: string }) {
  const rows = dipGroups(items).flatMap((g) =>
    g.rows.length ? [{ head: `${g.letter}. ${g.heading}`, count: g.rows.length } as const, ...g.rows.map((row) => ({ row }))] : [],
  );
  const focusRow = useFocusRow(focus);
  const focusAt = rows.findIndex((r) => 'row' in r && r.row.itemId === focus);
  const unclassified = items.filter((i) => !i.fields.kategori).length;
  return (
    <Card p={0}>
      {unclassified > 0 && (
        <Alert color="orange" variant="light" m="sm" p="xs">
          {unclassified} informasi belum diklasifikasikan dan belum masuk daftar mana pun.
        </Alert>
      )}
      <Limited
        rows={rows}
        showAll={focusAt >= PAGE * 2}
        render={(shown) => (
          <table className="ct" aria-label="Daftar Informasi Publik">
            <ListHead columns={DIP_COLUMNS} />
            <tbody>
              {shown.map((r) =>
                'head' in r ? (
                  <tr key={r.head} className="group-row">
                    <td colSpan={DIP_COLUMNS.length}>
                      {r.head} ({r.count})
                    </td>
                  </tr>
                ) : (
                  <tr key={r.row.itemId} data-item={r.row.judul} {...focusRow(r.row.itemId)}>
                    <ScreenCells columns={DIP_COLUMNS} row={r.row} />
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      />
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          Belum ada informasi yang masuk Daftar Informasi Publik.
        </Text>
      )}
    </Card>
  );
}

/** Daftar Informasi yang Dikecualikan: its columns as printed. */
function DikTable({ items, focus }: { items: ItemView[]; focus?: string }) {
  const rows = dikRows(items);
  const focusRow = useFocusRow(focus);
  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed">
        Tidak ada informasi yang dikecualikan dalam siklus ini.
      </Text>
    );
  }
  return (
    <Card p={0}>
      <table className="ct" aria-label="Daftar Informasi yang Dikecualikan">
        <ListHead columns={DIK_COLUMNS} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.itemId} data-item={r.judul} {...focusRow(r.itemId)}>
              <ScreenCells columns={DIK_COLUMNS} row={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

const KIND: Record<ChangeKind, { label: string; color: string }> = {
  dikecualikan: { label: 'Baru dikecualikan', color: 'red' },
  dibuka: { label: 'Dibuka (tidak lagi dikecualikan)', color: 'teal' },
  reklasifikasi: { label: 'Klasifikasi berubah', color: 'grape' },
  baru: { label: 'Baru', color: 'dinas' },
  dihapus: { label: 'Dihapus', color: 'gray' },
  berubah: { label: 'Kolom berubah', color: 'orange' },
  tetap: { label: 'Tetap', color: 'gray' },
};

/** What differs from last year's signed DIP, for the Kepala before signing. */
function ChangesView({ cycleId, version }: { cycleId: string; version: string }) {
  const [report, setReport] = useState<ChangeReport | null>(null);
  const [error, setError] = useState<Err | null>(null);
  const [showSame, setShowSame] = useState(false);
  useEffect(() => {
    let live = true;
    void call('cycles.changes', { cycleId }).then((r) => {
      if (!live) return;
      if (r.ok) setReport(r.data);
      else setError(r);
    });
    return () => {
      live = false;
    };
  }, [cycleId, version]);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!report) return <Loader size="sm" />;
  const rows = report.changes.filter((c) => showSame || c.kind !== 'tetap');
  return (
    <Stack gap="sm">
      <Text size="sm">
        {report.baseTitle
          ? `Dibandingkan dengan DIP "${report.baseTitle}" yang sudah ditandatangani.`
          : 'Belum ada DIP yang ditandatangani sebelumnya untuk dibandingkan: semua informasi tercatat sebagai baru, yang dikecualikan sebagai baru dikecualikan.'}
      </Text>
      <Group gap={6}>
        {(Object.keys(KIND) as ChangeKind[]).map((k) => (
          <Badge key={k} color={KIND[k].color} variant={report.counts[k] ? 'light' : 'outline'} data-kind={k}>
            {KIND[k].label}: {report.counts[k]}
          </Badge>
        ))}
      </Group>
      {report.counts.tetap > 0 && (
        <Choice
          label="Tampilkan"
          value={showSame ? 'semua' : 'berubah'}
          onChange={(v) => setShowSame(v === 'semua')}
          data={[
            { value: 'berubah', label: 'Hanya perubahan' },
            { value: 'semua', label: 'Termasuk yang tetap' },
          ]}
        />
      )}
      <Card p={0}>
        <Limited
          rows={rows}
          render={(shown) => (
            <table className="ct" aria-label="Perubahan dibanding DIP sebelumnya">
              <thead>
                <tr>
                  <th>Perubahan</th>
                  <th>Informasi</th>
                  <th>{ITEM_FIELD_LABELS.bidang}</th>
                  <th>{ITEM_FIELD_LABELS.kategori}</th>
                  <th>Kolom yang berubah</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={`${c.kind}-${c.itemId ?? c.previousItemId}`} data-kind={c.kind}>
                    <td style={{ width: 190 }}>
                      <span className="pill" style={{ background: `var(--mantine-color-${KIND[c.kind].color}-0)`, color: `var(--mantine-color-${KIND[c.kind].color}-9)` }}>
                        {KIND[c.kind].label}
                      </span>
                    </td>
                    <td>{c.judul}</td>
                    <td className="dim">{c.bidang}</td>
                    <td>{c.from && c.to && c.from !== c.to ? `${c.from} → ${c.to}` : (c.to ?? c.from)}</td>
                    <td className="dim">{c.fields.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        />
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            Tidak ada perubahan.
          </Text>
        )}
      </Card>
    </Stack>
  );
}

type Part = 'dip' | 'dik' | 'perubahan';

/** Step 5 (and before/after): the lists the Kepala signs, and what changed since last year. */
export function DipTab({ view, focus }: { view: CycleView; focus?: { part?: 'dip' | 'dik'; itemId?: string } }) {
  // At step 6 the DIK is what gets archived; a reminder may point at either list.
  const [part, setPart] = useState<Part>(focus?.part ?? (view.step === 'arsip' ? 'dik' : 'dip'));
  const exemptCount = view.exemptCount;
  const dipCount = useMemo(() => view.items.filter((i) => i.fields.kategori && i.fields.kategori !== 'dikecualikan').length, [view.items]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Choice<Part>
          label="Bagian"
          size="sm"
          value={part}
          onChange={setPart}
          data={[
            { value: 'dip', label: `Daftar Informasi Publik (${dipCount})` },
            { value: 'dik', label: `Dikecualikan (${exemptCount})` },
            { value: 'perubahan', label: 'Perubahan dari DIP sebelumnya' },
          ]}
        />
        <Text size="sm" c="dimmed" data-testid="status-dokumen">
          {docStatus(view)}
        </Text>
      </Group>
      {view.signed && <PublishActions view={view} />}
      {part === 'dip' && (
        <>
          <Title order={2} size="h5">
            Daftar Informasi Publik {view.year}
          </Title>
          <DipTable items={view.items} focus={focus?.itemId} />
        </>
      )}
      {part === 'dik' && (
        <>
          <Title order={2} size="h5">
            Daftar Informasi yang Dikecualikan {view.year}
          </Title>
          <DikTable items={view.items} focus={focus?.itemId} />
        </>
      )}
      {part === 'perubahan' && <ChangesView cycleId={view.id} version={view.updatedAt} />}
      {/* Before signing the panel only says why nothing can be published yet: under the list, not over it. */}
      {!view.signed && view.stepNo >= 3 && <PublishActions view={view} />}
    </Stack>
  );
}
