import { memo, useCallback, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import { BENTUK_LABELS, isUnlimitedInTime, legalBasisText } from '../../../../electron/core/domain/information';
import { call } from '../../api/client';
import { notifyError } from '../../components/feedback';
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
    <tr data-item={item.fields.judul} className={verdict === 'perlu_perbaikan' ? 'flagged' : undefined}>
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
          <VerdictPill item={item} />
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

type Filter = 'semua' | 'belum' | 'perlu_perbaikan' | 'sesuai';

/** Step 4: item by item, "Sesuai" or "Perlu perbaikan" with a note; each mark is saved at once. */
export function ReviewTab({ view, change }: { view: CycleView; change: CycleHandle['change'] }) {
  const editable = view.can.review;
  const [filter, setFilter] = useState<Filter>('semua');
  const [all, setAll] = useState(false);
  const counts = useMemo(() => {
    const c = { sesuai: 0, perlu_perbaikan: 0, belum: 0 };
    for (const i of view.items) c[i.review?.verdict ?? 'belum'] += 1;
    return c;
  }, [view.items]);
  const shown = view.items.filter((i) => filter === 'semua' || (filter === 'belum' ? !i.review : i.review?.verdict === filter));
  const onMark = useCallback<Mark>(
    async (itemId, verdict, note) => (await change('cycles.markReview', { cycleId: view.id, itemId, verdict, note }, 'Pemeriksaan tidak tersimpan')).ok,
    [change, view.id],
  );

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
          <Badge color="gray" variant="light" data-testid="jumlah-belum">
            {counts.belum} belum diperiksa
          </Badge>
        </Group>
        <Choice<Filter>
          label="Tampilkan"
          value={filter}
          onChange={setFilter}
          data={[
            { value: 'semua', label: 'Semua' },
            { value: 'belum', label: 'Belum diperiksa' },
            { value: 'perlu_perbaikan', label: 'Perlu perbaikan' },
            { value: 'sesuai', label: 'Sesuai' },
          ]}
        />
      </Group>
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
