import { useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Divider,
  Drawer,
  FileButton,
  Grid,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import type { CycleView, ItemView } from '../../../../electron/core/domain/cycle-views';
import {
  BENTUK,
  BENTUK_LABELS,
  CATEGORIES,
  CATEGORY_DEFINITIONS,
  CATEGORY_LABELS,
  PASAL17,
  itemFieldsSchema,
  itemProblems,
  legalBasisText,
  type ItemFields,
} from '../../../../electron/core/domain/information';
import { call, callRaw } from '../../api/client';
import { notifyError } from '../../components/feedback';
import { formatBytes, formatDateTime } from '../../i18n/date';
import { downloadBase64, fileToBase64 } from './format';
import type { CycleHandle } from './useCycle';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';

const MAX_FILE = 20 * 1024 * 1024;

/** Focus the input a problem is about, so "what is missing" is one click from fixing it. */
function focusField(field: string) {
  const el = document.querySelector<HTMLElement>(`.item-editor [data-field="${field}"]`);
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  (el?.matches('input,textarea,button') ? el : el?.querySelector<HTMLElement>('input,textarea,button'))?.focus({ preventScroll: true });
}

function Attachments({ view, item, editable, change }: { view: CycleView; item: ItemView; editable: boolean; change: CycleHandle['change'] }) {
  const [busy, setBusy] = useState(false);
  const upload = async (files: File[]) => {
    for (const file of files) {
      if (file.size > MAX_FILE) {
        notifyError({ message: `${file.name} terlalu besar (${formatBytes(file.size)}); maksimal 20 MB.` }, 'Berkas tidak dilampirkan');
        continue;
      }
      setBusy(true);
      const base64 = await fileToBase64(file);
      // No toast on success: it would sit over the drawer's own buttons; the list shows the file.
      await change('cycles.attach', { cycleId: view.id, itemId: item.id, name: file.name, base64 }, 'Berkas tidak dilampirkan');
      setBusy(false);
    }
  };
  const download = async (attachmentId: string) => {
    const r = await call('cycles.attachmentContent', { cycleId: view.id, itemId: item.id, attachmentId });
    if (r.ok) downloadBase64(r.data.name, r.data.mime, r.data.base64);
    else notifyError(r, 'Berkas tidak dapat dibuka');
  };
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Title order={3} size="h6">
          Soft file
        </Title>
        {editable && (
          <FileButton onChange={(f) => void upload(f)} multiple>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={busy}>
                Lampirkan berkas
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {editable && (
        <Text size="xs" c="dimmed">
          Berkas langsung tersimpan saat dipilih (PDF, dokumen, lembar kerja atau gambar; maksimal 20 MB).
        </Text>
      )}
      {item.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada berkas.
        </Text>
      ) : (
        <Stack gap={4}>
          {item.attachments.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component="button" type="button" size="sm" onClick={() => void download(a.id)} style={{ minWidth: 0 }} truncate="end">
                <IconDownload size={13} style={{ verticalAlign: -2, marginRight: 4 }} />
                {a.name}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {formatBytes(a.bytes)}
                </Text>
                {editable && (
                  <Tooltip label="Lepas lampiran">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={`Lepas ${a.name}`}
                      onClick={() => void change('cycles.detach', { cycleId: view.id, itemId: item.id, attachmentId: a.id }, 'Lampiran tidak dilepas')}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ProblemBox({ problems, onPick }: { problems: { field: string; message: string }[]; onPick?(field: string): void }) {
  if (!problems.length) {
    return (
      <Alert color="teal" variant="light" p="xs" icon={<IconCircleCheck size={18} />} data-testid="status-kelengkapan">
        <Text size="sm">Lengkap: informasi ini siap dikirim dalam Konsep.</Text>
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} />} data-testid="status-kelengkapan">
      <Text size="sm" fw={600}>
        Belum lengkap ({problems.length}):
      </Text>
      <List size="sm" spacing={0}>
        {problems.map((p) => (
          <List.Item key={p.field + p.message}>
            {onPick ? (
              <Anchor component="button" type="button" size="sm" c="orange.9" onClick={() => onPick(p.field)} style={{ textAlign: 'left' }}>
                {p.message}
              </Anchor>
            ) : (
              p.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Read-only: the same columns as the editor, for everyone who may not change them now. */
function ItemDetails({ item }: { item: ItemView }) {
  const f = item.fields;
  const rows: [string, string][] = [
    ['Bidang', f.bidang],
    ['Klasifikasi', f.kategori ? CATEGORY_LABELS[f.kategori] + (f.kategori === 'berkala' && f.berkalaBulan ? `, diperbarui setiap ${f.berkalaBulan} bulan` : '') : '—'],
    [f.kategori === 'dikecualikan' ? 'Uraian informasi yang dikecualikan' : 'Ringkasan isi informasi', f.ringkasan],
    ['Pejabat/unit yang menguasai informasi', f.pejabatPenguasa],
  ];
  if (f.kategori === 'dikecualikan') {
    const e = f.exemption;
    const ground = PASAL17.find((g) => g.huruf === e.huruf);
    rows.push(
      ['Dasar hukum', legalBasisText(e)],
      ['Konsekuensi bila dibuka', e.konsekuensi],
      ['Pertimbangan bila ditutup', e.pertimbangan],
      ['Jangka waktu pengecualian', e.basis === 'pasal17' && ground && !ground.berjangka ? 'Tidak dibatasi waktu' : e.jangkaWaktu],
    );
  } else {
    rows.push(
      ['Penanggung jawab pembuatan/penerbitan', f.penanggungJawab],
      ['Waktu dan tempat pembuatan', [f.waktuPembuatan, f.tempatPembuatan].filter(Boolean).join(', ')],
      ['Bentuk informasi', f.bentuk.map((b) => BENTUK_LABELS[b]).join(', ')],
      ['Jangka waktu penyimpanan/retensi', f.retensi],
    );
  }
  rows.push(['Catatan', f.catatan]);
  return (
    <table className="ct">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <td style={{ width: 230 }} className="dim">
              {k}
            </td>
            <td className="pre">{v || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ANGKA_OPTIONS = (n: number) => Array.from({ length: n }, (_, i) => ({ value: String(i + 1), label: `angka ${i + 1}` }));

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
  const ground = PASAL17.find((g) => g.huruf === v.exemption.huruf);
  const unlimited = v.exemption.basis === 'pasal17' && ground !== undefined && !ground.berjangka;
  const dirty = form.isDirty();
  useUnsavedGuard(editable && dirty);
  /** An input's form binding and its `data-field`, the name its problems use to focus it (see focusField). */
  const field = (path: Parameters<typeof form.getInputProps>[0]) => ({ 'data-field': path, ...form.getInputProps(path) });

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
    setSavedAt(new Date().toISOString());
    return true;
  };

  const requestClose = () => {
    if (editable && dirty) setAsking(true);
    else onClose();
  };

  const setHuruf = (h: string | null) => {
    const g = PASAL17.find((x) => x.huruf === h);
    form.setFieldValue('exemption.huruf', (h ?? '') as ItemFields['exemption']['huruf']);
    if (!g || g.angka === 0 || v.exemption.angka > g.angka) form.setFieldValue('exemption.angka', 0);
    // Pasal 17 g and h are not limited in time: a period written earlier would be refused.
    if (g && !g.berjangka) form.setFieldValue('exemption.jangkaWaktu', '');
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
              <Grid gap="sm">
                <Grid.Col span={7}>
                  <TextInput label="Judul informasi" withAsterisk {...field('judul')} />
                </Grid.Col>
                <Grid.Col span={5}>
                  <Select label="Bidang" data={bidang.includes(v.bidang) ? bidang : [...bidang, v.bidang]} withAsterisk {...form.getInputProps('bidang')} />
                </Grid.Col>
              </Grid>

              <Radio.Group label="Klasifikasi" description="Pilih satu; definisinya menurut SOP dan UU 14/2008." withAsterisk {...form.getInputProps('kategori')}>
                <SimpleGrid cols={2} spacing="xs" mt={6} data-field="kategori">
                  {CATEGORIES.map((c) => (
                    <Radio.Card key={c} value={c} p="xs" radius="sm" aria-label={CATEGORY_LABELS[c]}>
                      <Group wrap="nowrap" align="flex-start" gap="xs">
                        <Radio.Indicator mt={2} />
                        <div>
                          <Text size="sm" fw={600}>
                            {CATEGORY_LABELS[c]}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {CATEGORY_DEFINITIONS[c]}
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  ))}
                </SimpleGrid>
              </Radio.Group>

              {v.kategori === 'berkala' && (
                <Radio.Group
                  label="Diperbarui setiap"
                  description="Informasi berkala wajib diperbarui paling lama setiap 6 bulan (Pasal 9)."
                  withAsterisk
                  value={v.berkalaBulan ? String(v.berkalaBulan) : ''}
                  onChange={(x) => form.setFieldValue('berkalaBulan', Number(x))}
                >
                  <Group gap="lg" mt={6} data-field="berkalaBulan">
                    {[1, 3, 6].map((n) => (
                      <Radio key={n} value={String(n)} label={`${n} bulan`} />
                    ))}
                  </Group>
                </Radio.Group>
              )}

              <Divider label="Kolom Daftar Informasi Publik (PerKI 1/2021)" labelPosition="left" />
              <Textarea
                label={exempt ? 'Uraian informasi yang dikecualikan' : 'Ringkasan isi informasi'}
                description={exempt ? 'Sebutkan setepat mungkin bagian informasi yang dikecualikan; biasanya hanya sebagian dokumen.' : undefined}
                withAsterisk
                autosize
                minRows={2}
                {...field('ringkasan')}
              />
              <TextInput
                label="Pejabat atau unit/satuan kerja yang menguasai informasi"
                withAsterisk
                {...field('pejabatPenguasa')}
              />
              {!exempt && (
                <>
                  <TextInput
                    label="Penanggung jawab pembuatan atau penerbitan informasi"
                    withAsterisk
                    {...field('penanggungJawab')}
                  />
                  <Grid gap="sm">
                    <Grid.Col span={6}>
                      <TextInput label="Waktu pembuatan" placeholder="mis. 2026" withAsterisk {...field('waktuPembuatan')} />
                    </Grid.Col>
                    <Grid.Col span={6}>
                      <TextInput label="Tempat pembuatan" placeholder="mis. Putussibau" withAsterisk {...field('tempatPembuatan')} />
                    </Grid.Col>
                  </Grid>
                  <Grid gap="sm">
                    <Grid.Col span={6}>
                      <Checkbox.Group label="Bentuk informasi yang tersedia" withAsterisk {...form.getInputProps('bentuk')}>
                        <Group gap="lg" mt={6} data-field="bentuk">
                          {BENTUK.map((b) => (
                            <Checkbox key={b} value={b} label={BENTUK_LABELS[b]} />
                          ))}
                        </Group>
                      </Checkbox.Group>
                    </Grid.Col>
                    <Grid.Col span={6}>
                      <TextInput
                        label="Jangka waktu penyimpanan/retensi"
                        placeholder="mis. 5 tahun"
                        withAsterisk
                        {...field('retensi')}
                      />
                    </Grid.Col>
                  </Grid>
                </>
              )}

              {exempt && (
                <Paper withBorder p="sm" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-2)' }} role="group" aria-label="Uji konsekuensi">
                  <Stack gap="sm">
                    <div>
                      <Title order={3} size="h6">
                        Uji konsekuensi (Pasal 17 dan 19 UU 14/2008)
                      </Title>
                      <Text size="xs" c="dimmed">
                        Informasi ini tidak dimuat dalam DIP, hanya dalam Daftar Informasi yang Dikecualikan.
                      </Text>
                    </div>
                    <Radio.Group label="Dasar pengecualian" withAsterisk {...form.getInputProps('exemption.basis')}>
                      <Group gap="lg" mt={6}>
                        <Radio value="pasal17" label="Pasal 17 UU 14/2008" />
                        <Radio value="uu_lain" label="Undang-undang lain" />
                      </Group>
                    </Radio.Group>
                    {v.exemption.basis === 'pasal17' && (
                      <Grid gap="sm">
                        <Grid.Col span={ground && ground.angka > 0 ? 8 : 12}>
                          <Select
                            label="Pasal 17 huruf"
                            placeholder="Pilih huruf"
                            withAsterisk
                            data-field="exemption.huruf"
                            data={PASAL17.map((g) => ({ value: g.huruf, label: `${g.huruf}. ${g.ringkas}` }))}
                            value={v.exemption.huruf || null}
                            onChange={setHuruf}
                            error={form.errors['exemption.huruf']}
                          />
                        </Grid.Col>
                        {ground && ground.angka > 0 && (
                          <Grid.Col span={4}>
                            <Select
                              label="Angka"
                              placeholder="Pilih angka"
                              withAsterisk
                              data-field="exemption.angka"
                              data={ANGKA_OPTIONS(ground.angka)}
                              value={v.exemption.angka ? String(v.exemption.angka) : null}
                              onChange={(x) => form.setFieldValue('exemption.angka', Number(x ?? 0))}
                            />
                          </Grid.Col>
                        )}
                      </Grid>
                    )}
                    {(v.exemption.basis === 'uu_lain' || v.exemption.huruf === 'j') && (
                      <Grid gap="sm">
                        <Grid.Col span={8}>
                          <TextInput
                            label="Undang-undang"
                            placeholder="mis. UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"
                            withAsterisk
                            {...field('exemption.undangUndang')}
                          />
                        </Grid.Col>
                        <Grid.Col span={4}>
                          <TextInput label="Pasal" placeholder="mis. Pasal 4" withAsterisk {...form.getInputProps('exemption.pasal')} />
                        </Grid.Col>
                      </Grid>
                    )}
                    <Textarea
                      label="Konsekuensi bila informasi dibuka"
                      withAsterisk
                      autosize
                      minRows={2}
                      {...field('exemption.konsekuensi')}
                    />
                    <Textarea
                      label="Pertimbangan bila ditutup (kepentingan yang dilindungi)"
                      withAsterisk
                      autosize
                      minRows={2}
                      {...field('exemption.pertimbangan')}
                    />
                    <TextInput
                      label="Jangka waktu pengecualian"
                      placeholder={unlimited ? 'Tidak dibatasi waktu' : 'mis. 5 tahun'}
                      description={unlimited ? `Pengecualian Pasal 17 huruf ${ground!.huruf} tidak dibatasi waktu.` : v.exemption.huruf === 'a' ? 'Paling lama 30 tahun (Pasal 20).' : undefined}
                      withAsterisk={!unlimited}
                      disabled={unlimited}
                      {...field('exemption.jangkaWaktu')}
                    />
                    {(v.exemption.huruf || v.exemption.basis === 'uu_lain') && (
                      <Text size="xs">
                        Dasar hukum pada DIK: <b>{legalBasisText(v.exemption) || '—'}</b>
                      </Text>
                    )}
                  </Stack>
                </Paper>
              )}

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
