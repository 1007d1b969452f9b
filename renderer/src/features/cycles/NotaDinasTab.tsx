import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import type { SettingsView } from '../../../../electron/core/contract';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { emptyNotaDinas, type NotaDinasDraft } from '../../../../electron/core/domain/workflow';
import { callRaw } from '../../api/client';
import { issuesToErrors, notifySaved } from '../../components/feedback';
import { formatDate } from '../../i18n/date';
import { officeNow } from '../../i18n/office-clock';
import { printSpec, PrintView } from '../../print';
import type { CycleHandle } from './useCycle';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';

const SIFAT: NotaDinasDraft['sifat'][] = ['Biasa', 'Segera', 'Sangat Segera', 'Rahasia'];

export interface NotaDinasForm {
  form: UseFormReturnType<NotaDinasDraft>;
  saving: boolean;
  /** Saves the draft if it has unsaved edits (or always, when forced); true when nothing is left unsaved. */
  saveIfDirty(force?: boolean): Promise<boolean>;
}

/**
 * The Nota Dinas draft lives with the cycle screen, not the tab: switching tabs keeps the
 * edits, issuing saves them first, and leaving the screen saves what is still unsaved.
 */
export function useNotaDinasForm(view: CycleView | null, change: CycleHandle['change']): NotaDinasForm {
  const form = useForm<NotaDinasDraft>({ mode: 'controlled', initialValues: view?.notaDinas.draft ?? emptyNotaDinas() });
  const [saving, setSaving] = useState(false);
  const serverDraft = view ? JSON.stringify(view.notaDinas.draft) : null;
  const editable = view?.can.notaDinas ?? false;

  useEffect(() => {
    if (serverDraft === null || form.isDirty()) return;
    const d = JSON.parse(serverDraft) as NotaDinasDraft;
    form.setValues(d);
    form.resetDirty(d);
    // Only a new draft from the core resets the form; `form` itself is stable.
  }, [serverDraft]);

  const saveIfDirty = useCallback(async (force = false) => {
    if (!view || !editable || (!force && !form.isDirty())) return true;
    setSaving(true);
    const r = await change('cycles.saveNotaDinas', { cycleId: view.id, draft: form.getValues() }, 'Nota Dinas tidak tersimpan');
    setSaving(false);
    if (!r.ok) {
      form.setErrors(issuesToErrors(r.issues, (p) => p.replace(/^draft\./, '')).errors);
      return false;
    }
    form.resetDirty(form.getValues());
    return true;
  }, [view, editable, form, change]);

  // Leaving the screen with unsaved edits saves them rather than dropping them.
  const latest = useRef({ view, editable, form });
  latest.current = { view, editable, form };
  useEffect(
    () => () => {
      const { view: v, editable: e, form: f } = latest.current;
      if (v && e && f.isDirty()) void callRaw('cycles.saveNotaDinas', { cycleId: v.id, draft: f.getValues() });
    },
    [],
  );

  return { form, saving, saveIfDirty };
}

/** The preview's page: the paper's width plus a little grey around it, in CSS px (96 per inch). */
const mmToPx = (mm: number) => (mm * 96) / 25.4;

/**
 * The Nota Dinas as it prints: the print view itself (print/documents/nota-dinas.tsx, the
 * DOCX's twin), scaled to the column, with the lampiran page when the list goes there. A
 * separate screen-only letter drifted from the paper (heading, tembusan, lines that never
 * printed); this one cannot.
 */
export function NotaDinasLetter({ view, draft, settings }: { view: CycleView; draft: NotaDinasDraft; settings: SettingsView | null }) {
  // The date a Konsep prints with: the office's today, fixed for the visit.
  const now = useMemo(() => officeNow(), []);
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.6);
  const spec = useMemo(
    () =>
      settings
        ? printSpec('notaDinas', {
            cycle: { ...view, notaDinas: { draft, number: view.notaDinas.number, date: view.notaDinas.date } },
            settings,
            now,
            fingerprints: null,
          })
        : null,
    [view, draft, settings, now],
  );
  const pageWidth = spec ? mmToPx(spec.box.width + 12) : 800;
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => e && e.contentRect.width > 0 && setScale(Math.min(1, e.contentRect.width / pageWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [pageWidth]);
  return (
    <div ref={box} className="nota-dinas-preview" aria-label="Pratinjau Nota Dinas" data-testid="nota-dinas-surat">
      {spec ? (
        <div style={{ zoom: scale }}>
          <PrintView spec={spec} />
        </div>
      ) : (
        <Text c="dimmed">Memuat pengaturan kantor…</Text>
      )}
    </div>
  );
}

/** Step 2: the PPID Pembantu's Nota Dinas; afterwards the issued letter, read-only. */
export function NotaDinasTab({ view, nd, settings, onIssue }: { view: CycleView; nd: NotaDinasForm; settings: SettingsView | null; onIssue?: () => void }) {
  const issued = view.notaDinas.number !== null;
  const { form } = nd;
  const dirty = form.isDirty();
  useUnsavedGuard(!issued && view.can.notaDinas && dirty);

  if (issued || !view.can.notaDinas) {
    return (
      <Stack gap="sm" maw={820}>
        {issued ? (
          <Alert color="teal" variant="light" icon={<IconCheck />} title={`Nota Dinas nomor ${view.notaDinas.number}`}>
            Diterbitkan {formatDate(view.notaDinas.date)}. Isinya tidak dapat diubah lagi.
          </Alert>
        ) : (
          <Alert color="gray" variant="light" title="Nota Dinas belum diterbitkan">
            {view.stepNo < 2
              ? 'Nota Dinas disusun oleh PPID Pembantu setelah Operator melaporkan daftar informasi (langkah 2). Di bawah ini konsep yang disarankan dari daftar saat ini.'
              : 'PPID Pembantu sedang menyusun Nota Dinas. Di bawah ini konsepnya saat ini.'}
          </Alert>
        )}
        <NotaDinasLetter view={view} draft={view.notaDinas.draft} settings={settings} />
      </Stack>
    );
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void nd.saveIfDirty(true).then((ok) => ok && notifySaved('Konsep Nota Dinas disimpan'));
          }}
          noValidate
          aria-label="Konsep Nota Dinas"
        >
          <Stack gap="sm">
            {!view.notaDinas.saved && (
              <Alert color="blue" variant="light" p="xs">
                <Text size="sm">Konsep ini disiapkan otomatis dari daftar informasi. Periksa, ubah bila perlu, lalu simpan atau langsung terbitkan.</Text>
              </Alert>
            )}
            <TextInput label="Kepada (Yth.)" withAsterisk {...form.getInputProps('kepada')} />
            <TextInput label="Dari" withAsterisk {...form.getInputProps('dari')} />
            <TagsInput label="Tembusan" description="Tekan Enter setelah setiap nama jabatan." maxTags={10} {...form.getInputProps('tembusan')} />
            <Grid gap="sm">
              <Grid.Col span={6}>
                <Select label="Sifat" data={SIFAT} {...form.getInputProps('sifat')} />
              </Grid.Col>
              <Grid.Col span={6}>
                <TextInput label="Lampiran" description="Daftar lebih dari 5 informasi dicetak di halaman lampiran." {...form.getInputProps('lampiran')} />
              </Grid.Col>
            </Grid>
            <TextInput label="Hal" withAsterisk {...form.getInputProps('hal')} />
            <Textarea label="Isi" description="Baris bernomor menjadi daftar; lebih dari 5 baris dipindah ke lampiran." withAsterisk autosize minRows={8} maxRows={18} {...form.getInputProps('isi')} />
            <Group justify="space-between">
              <Group gap={6}>
                <Badge color={dirty ? 'orange' : view.notaDinas.saved ? 'teal' : 'blue'} variant="light" data-testid="status-nota-dinas">
                  {dirty ? 'Belum disimpan' : view.notaDinas.saved ? 'Tersimpan' : 'Konsep saran (belum disimpan)'}
                </Badge>
              </Group>
              <Group gap="xs">
                <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={nd.saving} disabled={!dirty && view.notaDinas.saved}>
                  Simpan konsep
                </Button>
                {onIssue && <Button onClick={onIssue}>Terbitkan…</Button>}
              </Group>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <NotaDinasLetter view={view} draft={form.values} settings={settings} />
      </Grid.Col>
    </Grid>
  );
}
