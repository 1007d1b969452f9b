import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Divider, Drawer, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import { itemFieldsSchema, itemProblems, type ItemFields } from '../../../../electron/core/domain/information';
import { callRaw } from '../../api/client';
import { formatDateTime } from '../../i18n/date';
import type { CycleHandle } from './useCycle';
import { officeNow } from '../../i18n/office-clock';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { Attachments } from './item-editor/Attachments';
import { ClassificationFields, DipColumnFields, ItemDetails } from './item-editor/details';
import { ExemptionFields } from './item-editor/ExemptionFields';
import { focusField, ProblemBox } from './item-editor/ProblemBox';

/**
 * Every DIP column of one item, its classification with the SOP's definitions beside the
 * choice, and the exemption sub-form. Nothing is saved until "Simpan"; closing with unsaved
 * changes asks first, so no edit is lost silently.
 */
export function ItemEditor({ view, item, editable, bidang, change, onClose }: { view: CycleView; item: ItemView; editable: boolean; bidang: string[]; change: CycleHandle['change']; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const form = useForm<ItemFields>({
    mode: 'controlled',
    initialValues: structuredClone(item.fields),
    validate: zod4Resolver(itemFieldsSchema),
  });
  const v = form.values;
  const problems = itemProblems(v);
  const exempt = v.kategori === 'dikecualikan';
  const dirty = form.isDirty();
  useUnsavedGuard(editable && dirty);

  // Leaving the screen with the drawer open (back button, another page) keeps the edits:
  // they are saved on the way out. Only "Buang perubahan" drops them, on purpose.
  const discarded = useRef(false);
  const latest = useRef({ form, editable });
  latest.current = { form, editable };
  useEffect(
    () => () => {
      const { form: f, editable: e } = latest.current;
      if (e && !discarded.current && f.isDirty()) void callRaw('cycles.updateItem', { cycleId: view.id, itemId: item.id, fields: f.getValues() });
    },
    [view.id, item.id],
  );

  const save = async (): Promise<boolean> => {
    const check = form.validate();
    if (check.hasErrors) return false;
    setBusy(true);
    const r = await change('cycles.updateItem', { cycleId: view.id, itemId: item.id, fields: form.values }, 'Perubahan tidak tersimpan');
    setBusy(false);
    if (!r.ok) return false;
    form.resetDirty(form.values);
    // The footer says "Tersimpan pukul …"; a toast would cover the drawer's buttons.
    setSavedAt(officeNow().toISOString());
    return true;
  };

  const requestClose = () => {
    if (editable && dirty) setAsking(true);
    else onClose();
  };

  return (
    <Drawer
      opened
      onClose={requestClose}
      position="right"
      size={760}
      title={
        <Stack gap={0}>
          <Text fw={600}>{editable ? 'Isi kolom informasi' : 'Informasi'}</Text>
          <Text size="xs" c="dimmed">
            {item.fields.bidang}
          </Text>
        </Stack>
      }
      classNames={{ content: 'item-editor' }}
      closeButtonProps={{ 'aria-label': 'Tutup panel informasi' }}
    >
      <Stack gap="sm" pb={editable ? 80 : 0}>
        {item.flaggedNote !== null && (
          <Alert color="orange" variant="filled" p="xs" title="Ditandai perlu perbaikan oleh PPID Pembantu">
            <Text size="sm">{item.flaggedNote || 'Tanpa catatan.'}</Text>
          </Alert>
        )}
        {editable ? <ProblemBox problems={problems} onPick={focusField} /> : view.step !== 'identifikasi' && <ProblemBox problems={item.problems} />}

        {!editable ? (
          <>
            <Title order={2} size="h5">
              {item.fields.judul}
            </Title>
            <ItemDetails item={item} />
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            noValidate
            aria-label="Kolom informasi"
          >
            <Stack gap="sm">
              <ClassificationFields form={form} bidang={bidang} />
              <Divider label="Kolom Daftar Informasi Publik (PerKI 1/2021)" labelPosition="left" />
              <DipColumnFields form={form} />
              {exempt && <ExemptionFields form={form} />}

              <Textarea label="Catatan (tidak dicetak)" autosize minRows={1} {...form.getInputProps('catatan')} />
            </Stack>
          </form>
        )}

        <Divider />
        <Attachments view={view} item={item} editable={editable} change={change} />
        <Text size="xs" c="dimmed">
          Ditambahkan {formatDateTime(item.addedAt)} · terakhir diubah {formatDateTime(item.updatedAt)}
        </Text>
      </Stack>

      {editable && (
        <Paper
          shadow="md"
          p="sm"
          style={{ position: 'sticky', bottom: 0, marginInline: 'calc(var(--mantine-spacing-md) * -1)', marginBottom: 'calc(var(--mantine-spacing-md) * -1)', borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
        >
          <Group justify="space-between">
            <Text size="sm" c={dirty ? 'orange.8' : 'teal.8'} aria-live="polite" data-testid="status-simpan">
              {dirty ? 'Ada perubahan yang belum disimpan.' : savedAt ? `Tersimpan pukul ${formatDateTime(savedAt).split(' ').pop()}.` : 'Semua perubahan tersimpan.'}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={requestClose}>
                Tutup
              </Button>
              <Button onClick={() => void save()} loading={busy} disabled={!dirty}>
                Simpan
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      <Modal opened={asking} onClose={() => setAsking(false)} title="Simpan perubahan?" size="sm" zIndex={400}>
        <Stack gap="sm">
          <Text size="sm">Ada perubahan pada informasi ini yang belum disimpan.</Text>
          <Group justify="flex-end" gap="xs">
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                discarded.current = true;
                setAsking(false);
                onClose();
              }}
            >
              Buang perubahan
            </Button>
            <Button
              onClick={async () => {
                if (await save()) {
                  setAsking(false);
                  onClose();
                } else setAsking(false);
              }}
              loading={busy}
            >
              Simpan dan tutup
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Drawer>
  );
}
