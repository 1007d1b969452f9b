import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import type { ChangeKind, ChangeReport } from '../../../../electron/core/domain/changes';
import { BENTUK_LABELS, DIP_GROUPS, PASAL17, legalBasisText } from '../../../../electron/core/domain/information';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { formatDateTime } from '../../i18n/date';
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

function Limited<T>({ rows, render }: { rows: T[]; render(rows: T[]): React.ReactNode }) {
  const [all, setAll] = useState(false);
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

/** The Draft DIP as it prints: grouped by category, exempt items left out (PerKI 1/2021). */
function DipTable({ items }: { items: ItemView[] }) {
  const rows = DIP_GROUPS.flatMap((g) => {
    const inGroup = items.filter((i) => i.fields.kategori === g.category);
    return inGroup.length ? [{ head: g.heading, count: inGroup.length } as const, ...inGroup.map((item, n) => ({ item, n: n + 1 }))] : [];
  });
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
        render={(shown) => (
          <table className="ct" aria-label="Daftar Informasi Publik">
            <thead>
              <tr>
                <th className="num">No</th>
                <th>Informasi dan ringkasan isi</th>
                <th>Pejabat/unit yang menguasai</th>
                <th style={{ width: 150 }}>Penanggung jawab</th>
                <th style={{ width: 130 }}>Waktu dan tempat</th>
                <th style={{ width: 90 }}>Bentuk</th>
                <th style={{ width: 90 }}>Retensi</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) =>
                'head' in r ? (
                  <tr key={r.head} className="group-row">
                    <td colSpan={7}>
                      {r.head} ({r.count})
                    </td>
                  </tr>
                ) : (
                  <tr key={r.item.id} data-item={r.item.fields.judul}>
                    <td className="num">{r.n}</td>
                    <td>
                      <div style={{ fontWeight: 600 }}>{r.item.fields.judul}</div>
                      <div className="dim pre">{r.item.fields.ringkasan}</div>
                    </td>
                    <td>{r.item.fields.pejabatPenguasa}</td>
                    <td>{r.item.fields.penanggungJawab}</td>
                    <td>{[r.item.fields.waktuPembuatan, r.item.fields.tempatPembuatan].filter(Boolean).join(', ')}</td>
                    <td>{r.item.fields.bentuk.map((b) => BENTUK_LABELS[b]).join(', ')}</td>
                    <td>{r.item.fields.retensi}</td>
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

/** Daftar Informasi yang Dikecualikan: the six columns as printed. */
function DikTable({ items }: { items: ItemView[] }) {
  const exempt = items.filter((i) => i.fields.kategori === 'dikecualikan');
  if (!exempt.length) {
    return (
      <Text size="sm" c="dimmed">
        Tidak ada informasi yang dikecualikan dalam siklus ini.
      </Text>
    );
  }
  return (
    <Card p={0}>
      <table className="ct" aria-label="Daftar Informasi yang Dikecualikan">
        <thead>
          <tr>
            <th className="num">No</th>
            <th>Informasi yang dikecualikan</th>
            <th>Dasar hukum</th>
            <th>Konsekuensi bila dibuka</th>
            <th>Pertimbangan bila ditutup</th>
            <th>Jangka waktu</th>
          </tr>
        </thead>
        <tbody>
          {exempt.map((i, n) => {
            const e = i.fields.exemption;
            const g = PASAL17.find((x) => x.huruf === e.huruf);
            return (
              <tr key={i.id} data-item={i.fields.judul}>
                <td className="num">{n + 1}</td>
                <td>
                  <div style={{ fontWeight: 600 }}>{i.fields.judul}</div>
                  <div className="dim pre">{i.fields.ringkasan}</div>
                </td>
                <td>{legalBasisText(e)}</td>
                <td className="pre">{e.konsekuensi}</td>
                <td className="pre">{e.pertimbangan}</td>
                <td>{e.basis === 'pasal17' && g && !g.berjangka ? 'Tidak dibatasi waktu' : e.jangkaWaktu}</td>
              </tr>
            );
          })}
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
          : 'Belum ada DIP yang ditandatangani sebelumnya untuk dibandingkan: semua informasi tercatat sebagai baru.'}
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
                  <th>Bidang</th>
                  <th>Klasifikasi</th>
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
export function DipTab({ view }: { view: CycleView }) {
  // At step 6 the DIK is what gets archived.
  const [part, setPart] = useState<Part>(view.step === 'arsip' ? 'dik' : 'dip');
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
      {part === 'dip' && (
        <>
          <Title order={2} size="h5">
            Daftar Informasi Publik {view.year}
          </Title>
          <DipTable items={view.items} />
        </>
      )}
      {part === 'dik' && (
        <>
          <Title order={2} size="h5">
            Daftar Informasi yang Dikecualikan {view.year}
          </Title>
          <DikTable items={view.items} />
        </>
      )}
      {part === 'perubahan' && <ChangesView cycleId={view.id} version={view.updatedAt} />}
    </Stack>
  );
}
