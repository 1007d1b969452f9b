import { memo, useCallback, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import { BENTUK_LABELS, isUnlimitedInTime, legalBasisText } from '../../../../electron/core/domain/information';
import { call } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { downloadBase64 } from './format';
import { CategoryPill, Choice, PAGE, VerdictPill } from './parts';
import type { CycleHandle } from './useCycle';

type Mark = (itemId: string, verdict: 'sesuai' | 'perlu_perbaikan', note: string) => Promise<boolean>;

/** The columns that matter for judging one item, compact enough for a row. */
export function ItemColumns({ item }: { item: ItemView }) {
  const f = item.fields;
  if (f.kategori === 'dikecualikan') {
    const e = f.exemption;
    return (
      <div className="dim" style={{ color: 'var(--mantine-color-gray-8)' }}>
        <div>
          <b>Dasar hukum:</b> {legalBasisText(e) || '—'}
        </div>
        <div>
          <b>Konsekuensi bila dibuka:</b> {e.konsekuensi || '—'}
        </div>
        <div>
          <b>Pertimbangan bila ditutup:</b> {e.pertimbangan || '—'}
        </div>
        <div>
          <b>Jangka waktu:</b> {isUnlimitedInTime(e) ? 'tidak dibatasi waktu' : e.jangkaWaktu || '—'}
        </div>
        <div>
          <b>Menguasai:</b> {f.pejabatPenguasa || '—'}
        </div>
      </div>
    );
  }
  return (
    <div className="dim" style={{ color: 'var(--mantine-color-gray-8)' }}>
      <div>
        <b>Menguasai:</b> {f.pejabatPenguasa || '—'} · <b>Penanggung jawab:</b> {f.penanggungJawab || '—'}
      </div>
      <div>
        <b>Waktu/tempat:</b> {[f.waktuPembuatan, f.tempatPembuatan].filter(Boolean).join(', ') || '—'} · <b>Bentuk:</b>{' '}
        {f.bentuk.map((b) => BENTUK_LABELS[b]).join(', ') || '—'} · <b>Retensi:</b> {f.retensi || '—'}
        {f.kategori === 'berkala' && f.berkalaBulan ? ` · diperbarui setiap ${f.berkalaBulan} bulan` : ''}
      </div>
    </div>
  );
}

/** Where an item stands against what was judged in an earlier round, when this round has no mark yet. */
function sinceStatus(item: ItemView): 'unchanged' | 'changed' | 'unfixed' | null {
  const since = item.sinceReview;
  if (!since) return null;
  if (since.changes.length) return 'changed';
  return since.verdict === 'sesuai' ? 'unchanged' : 'unfixed';
}

/** The item now against the item as judged, field by field. */
function Differences({ item }: { item: ItemView }) {
  const since = item.sinceReview;
  if (!since?.changes.length) return null;
  return (
    <table className="diff" data-testid="perubahan">
      <caption>
        Berubah sejak versi {since.version} ({since.verdict === 'sesuai' ? 'dinyatakan sesuai' : `ditandai perlu perbaikan${since.note ? `: ${since.note}` : ''}`})
      </caption>
      <thead>
        <tr>
          <th scope="col">Kolom</th>
          <th scope="col">Versi {since.version}</th>
          <th scope="col">Sekarang</th>
        </tr>
      </thead>
      <tbody>
        {since.changes.map((c) => (
          <tr key={c.field} data-field={c.field}>
            <th scope="row">{c.label}</th>
            <td>
              <del>{c.before}</del>
            </td>
            <td>
              <ins>{c.after}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SincePill({ item }: { item: ItemView }) {
  if (item.review) return null;
  const v = item.sinceReview?.version;
  switch (sinceStatus(item)) {
    case 'unchanged':
      return (
        <span className="pill pill-ok" data-testid="status-pemeriksaan">
          sesuai, tidak berubah sejak versi {v}
        </span>
      );
    case 'changed':
      return (
        <span className="pill pill-changed" data-testid="status-pemeriksaan">
          berubah sejak versi {v}: periksa lagi
        </span>
      );
    case 'unfixed':
      return (
        <span className="pill pill-warn" data-testid="status-pemeriksaan">
          perlu perbaikan pada versi {v}, tidak diubah
        </span>
      );
    default:
      return null;
  }
}

const ReviewRow = memo(function ReviewRow({ item, n, cycleId, editable, onMark }: { item: ItemView; n: number; cycleId: string; editable: boolean; onMark: Mark }) {
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState(item.review?.note ?? '');
  const [busy, setBusy] = useState(false);
  const verdict = item.review?.verdict ?? null;
  const mark = async (v: 'sesuai' | 'perlu_perbaikan', text: string) => {
    setBusy(true);
    const ok = await onMark(item.id, v, text);
    setBusy(false);
    if (ok) setNoting(false);
  };
  const open = async (attachmentId: string) => {
    const r = await call('cycles.attachmentContent', { cycleId, itemId: item.id, attachmentId });
    if (r.ok) downloadBase64(r.data.name, r.data.mime, r.data.base64);
    else notifyError(r, 'Berkas tidak dapat dibuka');
  };
  return (
    <tr
      data-item={item.fields.judul}
      data-since={sinceStatus(item) ?? undefined}
      className={verdict === 'perlu_perbaikan' ? 'flagged' : item.sinceReview?.changes.length ? 'changed' : undefined}
    >
      <td className="num">{n}</td>
      <td style={{ width: '34%' }}>
        <div style={{ fontWeight: 600 }}>{item.fields.judul}</div>
        <div className="dim">{item.fields.bidang}</div>
        <div style={{ margin: '2px 0' }}>
          <CategoryPill kategori={item.fields.kategori} />
        </div>
        <div className="pre" style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
          {item.fields.ringkasan}
        </div>
      </td>
      <td>
        <ItemColumns item={item} />
        <Differences item={item} />
        {item.attachments.length > 0 && (
          <div style={{ marginTop: 4 }}>
            {item.attachments.map((a) => (
              <button key={a.id} type="button" className="row-btn" style={{ marginRight: 4 }} onClick={() => void open(a.id)}>
                {a.name}
              </button>
            ))}
          </div>
        )}
      </td>
      <td style={{ width: 250 }}>
        <SincePill item={item} />
        {editable ? (
          <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            <button type="button" className="row-btn" data-active={verdict === 'sesuai' ? 'sesuai' : undefined} aria-pressed={verdict === 'sesuai'} disabled={busy} onClick={() => void mark('sesuai', '')}>
              Sesuai
            </button>
            <button
              type="button"
              className="row-btn"
              data-active={verdict === 'perlu_perbaikan' ? 'perlu_perbaikan' : undefined}
              aria-pressed={verdict === 'perlu_perbaikan'}
              disabled={busy}
              onClick={() => setNoting(true)}
            >
              Perlu perbaikan
            </button>
          </div>
        ) : (
          (item.review || !item.sinceReview) && <VerdictPill item={item} />
        )}
        {item.review?.note && !noting && <div className="flag-note">{item.review.note}</div>}
        {noting && (
          <Stack gap={4} mt={6}>
            <Textarea
              size="xs"
              label="Catatan perbaikan untuk petugas"
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-autofocus
              autoFocus
            />
            <Group gap={4}>
              <Button size="compact-xs" color="orange" loading={busy} disabled={note.trim().length < 3} onClick={() => void mark('perlu_perbaikan', note.trim())}>
                Simpan catatan
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setNoting(false)}>
                Batal
              </Button>
            </Group>
          </Stack>
        )}
      </td>
    </tr>
  );
});

type Filter = 'semua' | 'belum' | 'berubah' | 'perlu_perbaikan' | 'sesuai';

/** Step 4: item by item, "Sesuai" or "Perlu perbaikan" with a note; each mark is saved at once. */
export function ReviewTab({ view, change }: { view: CycleView; change: CycleHandle['change'] }) {
  const editable = view.can.review;
  const [filter, setFilter] = useState<Filter>('semua');
  const [all, setAll] = useState(false);
  const [marking, setMarking] = useState(false);
  const counts = useMemo(() => {
    const c = { sesuai: 0, perlu_perbaikan: 0, belum: 0, tidakBerubah: 0, berubah: 0 };
    for (const i of view.items) {
      if (i.review) c[i.review.verdict] += 1;
      else if (sinceStatus(i) === 'unchanged') c.tidakBerubah += 1;
      else c.belum += 1;
      if (i.sinceReview?.changes.length) c.berubah += 1;
    }
    return c;
  }, [view.items]);
  const shown = view.items.filter(
    (i) =>
      filter === 'semua' ||
      (filter === 'belum' ? !i.review : filter === 'berubah' ? !!i.sinceReview?.changes.length : i.review?.verdict === filter),
  );
  const onMark = useCallback<Mark>(
    async (itemId, verdict, note) => (await change('cycles.markReview', { cycleId: view.id, itemId, verdict, note }, 'Pemeriksaan tidak tersimpan')).ok,
    [change, view.id],
  );
  const markUnchanged = async () => {
    setMarking(true);
    const n = counts.tidakBerubah;
    const r = await change('cycles.markUnchanged', { cycleId: view.id }, 'Pemeriksaan tidak tersimpan');
    setMarking(false);
    if (r.ok) notifySaved(`${n} informasi yang tidak berubah ditandai sesuai`);
  };

  if (view.version === 0) {
    return (
      <Alert color="gray" variant="light">
        Konsep Daftar Informasi Publik belum dikirim. Pemeriksaan dilakukan PPID Pembantu pada langkah 4.
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Konsep versi {view.version}
          </Text>
          <Badge color="teal" variant="light" data-testid="jumlah-sesuai">
            {counts.sesuai} sesuai
          </Badge>
          <Badge color="orange" variant="light" data-testid="jumlah-perbaikan">
            {counts.perlu_perbaikan} perlu perbaikan
          </Badge>
          {counts.tidakBerubah > 0 && (
            <Badge color="teal" variant="outline" data-testid="jumlah-tidak-berubah">
              {counts.tidakBerubah} sesuai, tidak berubah
            </Badge>
          )}
          <Badge color="gray" variant="light" data-testid="jumlah-belum">
            {counts.belum} belum diperiksa
          </Badge>
          {counts.berubah > 0 && (
            <Badge color="blue" variant="light" data-testid="jumlah-berubah">
              {counts.berubah} berubah
            </Badge>
          )}
        </Group>
        <Choice<Filter>
          label="Tampilkan"
          value={filter}
          onChange={setFilter}
          data={[
            { value: 'semua', label: 'Semua' },
            { value: 'belum', label: 'Belum diperiksa' },
            ...(counts.berubah ? [{ value: 'berubah' as const, label: 'Berubah' }] : []),
            { value: 'perlu_perbaikan', label: 'Perlu perbaikan' },
            { value: 'sesuai', label: 'Sesuai' },
          ]}
        />
      </Group>
      {editable && counts.tidakBerubah > 0 && (
        <Alert color="teal" variant="light" p="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {counts.tidakBerubah} informasi tidak berubah sejak dinyatakan sesuai
              {counts.berubah ? `; ${counts.berubah} berubah dan ditandai biru beserta perubahannya` : ''}.
            </Text>
            <Button size="xs" color="teal" loading={marking} onClick={() => void markUnchanged()}>
              Tandai semua yang tidak berubah sesuai
            </Button>
          </Group>
        </Alert>
      )}
      {editable ? (
        <Text size="xs" c="dimmed">
          Setiap tanda langsung tersimpan. Bila semua sesuai, setujui di atas; bila ada yang perlu diperbaiki, kembalikan ke petugas.
        </Text>
      ) : (
        view.step === 'pemeriksaan_ppid' && (
          <Text size="xs" c="dimmed">
            Pemeriksaan dilakukan oleh PPID Pembantu; Anda melihat hasilnya sejauh ini.
          </Text>
        )
      )}
      <Card p={0}>
        <table className="ct" aria-label="Pemeriksaan Konsep">
          <thead>
            <tr>
              <th className="num">No</th>
              <th>Informasi</th>
              <th>Kolom DIP / DIK</th>
              <th>Pemeriksaan</th>
            </tr>
          </thead>
          <tbody>
            {(all ? shown : shown.slice(0, PAGE)).map((item, i) => (
              <ReviewRow key={item.id} item={item} n={i + 1} cycleId={view.id} editable={editable} onMark={onMark} />
            ))}
          </tbody>
        </table>
        {!all && shown.length > PAGE && (
          <Group justify="center" p="xs">
            <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
              Tampilkan semua {shown.length} informasi
            </Button>
          </Group>
        )}
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            Tidak ada informasi pada pilihan ini.
          </Text>
        )}
      </Card>
    </Stack>
  );
}
