import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Badge, Button, Checkbox, Grid, Group, List, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconClockHour4, IconDatabaseExport, IconFolder, IconKey, IconLock, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import {
  BACKUP_CONTENT_WARNING,
  BACKUP_EXTENSION,
  BACKUP_KIND_LABELS,
  BACKUP_STALE_DAYS,
  DEFAULT_AUTO_KEEP,
  MAX_AUTO_KEEP,
  type BackupPreview,
  type BackupRestored,
  type BackupStatus,
} from '../../../../electron/core/domain/backup';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { useApp } from '../../app/context';
import { issuesToErrors, notifyError, notifySaved } from '../../components/feedback';
import { formatBytes, formatDateTime } from '../../i18n/date';
import { fileToBase64 } from '../cycles/format';
import { Fingerprint } from './DevicesTab';
import { base64ToBlob, isDesktop, saveBlob } from '../documents/download';

/**
 * Pengaturan › Cadangan: a backup of all the data now (downloaded in the browser, saved through
 * the dialog in the desktop app), a restore from a backup file (preview → confirm → done → log
 * in again), and the automatic backup to a folder of the administrator's choosing.
 */

/** The loopback host takes 40 MB request bodies: base64 of about 28 MB. */
const BROWSER_MAX_BYTES = 28 * 1024 * 1024;

/** "Senin, … pukul …, 3 hari yang lalu": when, and how long ago in words. */
function ago(at: string): string {
  const days = Math.floor((Date.now() - Date.parse(at)) / 86_400_000);
  return days <= 0 ? 'hari ini' : days === 1 ? 'kemarin' : `${days} hari yang lalu`;
}

/** The last backup and whether it is too old; shown here and, for administrators, on Beranda. */
export function BackupFreshness({ status, action }: { status: BackupStatus; action?: ReactNode }) {
  const last = status.last;
  if (status.warn) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={last ? `Cadangan terakhir ${ago(last.at)}` : 'Data belum pernah dicadangkan'} data-testid="peringatan-cadangan">
        <Text size="sm">
          {last
            ? `Cadangan terakhir dibuat ${formatDateTime(last.at)}, lebih dari ${BACKUP_STALE_DAYS} hari yang lalu.`
            : 'Belum ada cadangan data di laptop ini.'}{' '}
          Bila laptop rusak atau hilang, pekerjaan sejak cadangan terakhir ikut hilang. Buat cadangan sekarang, atau atur cadangan
          otomatis ke flashdisk.
        </Text>
        {action}
      </Alert>
    );
  }
  return (
    <Group gap={8} wrap="nowrap" data-testid="cadangan-terakhir">
      <IconShieldCheck size={18} color={last ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-6)'} />
      <Text size="sm">
        {last ? (
          <>
            Cadangan terakhir: <b>{formatDateTime(last.at)}</b> ({ago(last.at)}, {BACKUP_KIND_LABELS[last.kind]})
          </>
        ) : (
          'Belum ada cadangan data di laptop ini.'
        )}
      </Text>
    </Group>
  );
}

function MakeBackup({ onMade }: { onMade(): void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const make = async () => {
    setBusy(true);
    setFailure(null);
    setMade(null);
    const desktop = isDesktop();
    const r = await call('backup.create', { save: desktop });
    setBusy(false);
    if (!r.ok) {
      setFailure(r);
      return;
    }
    if (!desktop && r.data.base64) saveBlob(base64ToBlob(r.data.base64, 'application/octet-stream'), r.data.fileName);
    if (desktop && !r.data.savedTo) return; // the dialog was cancelled
    const where = r.data.savedTo ?? `unduhan peramban (${r.data.fileName})`;
    setMade(`Cadangan dibuat: ${r.data.files} berkas, ${formatBytes(r.data.bytes)}, disimpan di ${where}.`);
    notifySaved('Cadangan dibuat');
    onMade();
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Group gap={8}>
          <IconDatabaseExport size={18} />
          <Title order={2} size="h5">
            Cadangkan semua data
          </Title>
        </Group>
        <Text size="sm">
          Seluruh data di laptop ini — siklus, daftar, lampiran, pengaturan, akun dan riwayat — dalam satu berkas{' '}
          <Text span ff="monospace" size="sm">
            {BACKUP_EXTENSION}
          </Text>
          , yang dapat dipulihkan di laptop ini atau di laptop pengganti.
        </Text>
        <Alert color="yellow" variant="light" icon={<IconLock size={18} />} p="xs" title="Bukan paket kiriman">
          <Text size="sm">{BACKUP_CONTENT_WARNING}</Text>
        </Alert>
        {failure && (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{failure.message}</Text>
          </Alert>
        )}
        {made && (
          <Alert color="teal" variant="light" p="xs" role="status">
            <Text size="sm">{made}</Text>
          </Alert>
        )}
        <Group>
          <Button leftSection={<IconArchive size={16} />} loading={busy} onClick={() => void make()}>
            Cadangkan semua data
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PreviewTable({ preview }: { preview: BackupPreview }) {
  const rows: [string, string][] = [
    ['Kantor', preview.office ? `${preview.office.opdName} (${preview.office.unitCode})` : 'tidak diketahui'],
    ['Dibuat', formatDateTime(preview.createdAt)],
    ['Versi aplikasi', preview.appVersion],
    ['Siklus', preview.cycles.count ? `${preview.cycles.count}: ${preview.cycles.titles.join(', ')}` : 'belum ada'],
    ['Tindakan terakhir', preview.latestAct ? `${formatDateTime(preview.latestAct.at)} — ${preview.latestAct.cycleTitle}` : 'belum ada'],
    ['Akun pengguna', String(preview.accounts)],
    ['Isi berkas', `${preview.files} berkas, ${formatBytes(preview.bytes)}`],
  ];
  return (
    <Table withTableBorder verticalSpacing={3} aria-label="Isi cadangan" fz="sm">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={160} fw={500} c="dimmed">
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th fw={500} c="dimmed">
            Data sekarang
          </Table.Th>
          <Table.Td>
            {preview.current.cycles} siklus
            {preview.current.latestAct ? `, tindakan terakhir ${formatDateTime(preview.current.latestAct.at)} — ${preview.current.latestAct.cycleTitle}` : ''}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** `admin`: Pengaturan › Cadangan, replacing this laptop's data. `setup`: a new laptop restoring the office instead of setting up. */
type RestoreMode = 'admin' | 'setup';

function RestoreModal({ preview, mode, onClose }: { preview: BackupPreview; mode: RestoreMode; onClose(): void }) {
  const { refreshStatus, signOut } = useApp();
  const navigate = useNavigate();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const [done, setDone] = useState<BackupRestored | null>(null);

  const restore = async () => {
    setBusy(true);
    setFailure(null);
    const r = mode === 'setup' ? await call('setup.restoreBackup', { previewId: preview.previewId }) : await call('backup.restore', { previewId: preview.previewId });
    setBusy(false);
    if (r.ok) setDone(r.data);
    else setFailure(r);
  };
  const toLogin = async () => {
    await refreshStatus();
    if (mode === 'admin') await signOut();
    navigate('/masuk', { replace: true });
  };

  if (done) {
    return (
      <Modal opened onClose={() => void toLogin()} title="Data dipulihkan" size="lg" closeOnClickOutside={false}>
        <Stack gap="sm">
          <Alert color="teal" variant="light" icon={<IconRestore />} role="status">
            <Text size="sm">
              Data dipulihkan dari cadangan <b>{done.restoredFrom}</b> yang dibuat {formatDateTime(done.backupCreatedAt)}.
            </Text>
          </Alert>
          <Text size="sm">
            {mode === 'setup' ? 'Isi folder data sebelumnya' : 'Data sebelumnya'} tidak dihapus: disimpan utuh di folder{' '}
            <Text span ff="monospace" size="sm">{done.safetyFolder}</Text>
            {done.safetyFile && (
              <>
                , termasuk berkas cadangan <Text span ff="monospace" size="sm">{done.safetyFile.split(/[\\/]/).pop()}</Text> yang dapat dipulihkan bila diperlukan
              </>
            )}
            .
          </Text>
          {done.newDevice && (
            <Alert color="blue" variant="light" icon={<IconKey />} data-testid="kunci-baru">
              <Text size="sm">
                Laptop ini sekarang memakai kunci perangkat baru. Kode kuncinya:{' '}
                <Text span fw={600} data-testid="kode-kunci">
                  <Fingerprint code={done.newDevice.fingerprint} />
                </Text>
                .
              </Text>
              <Text size="sm" mt={4}>
                Saat laptop lain menerima paket pertama dari laptop ini, administratornya perlu mempercayai perangkat &quot;{done.newDevice.name}&quot; sekali lagi dan
                mencocokkan kode kunci ini (mis. lewat telepon). Pekerjaan yang dicatat dengan kunci lama tetap sah.
              </Text>
            </Alert>
          )}
          {(Object.keys(done.carried.notaDinas).length > 0 || done.carried.packageSeq !== null) && (
            <Text size="sm">Nomor Nota Dinas dan nomor paket yang sudah terpakai sesudah cadangan dibuat tetap tidak akan dipakai lagi.</Text>
          )}
          <Text size="sm" fw={500}>
            Semua pengguna harus masuk lagi, dengan akun dan kata sandi yang ada di cadangan.
          </Text>
          <Group justify="flex-end">
            <Button onClick={() => void toLogin()} data-autofocus>
              Masuk lagi
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  return (
    <Modal opened onClose={onClose} title="Pulihkan dari cadangan?" size={760} yOffset={24}>
      <Stack gap="sm">
        <Text size="sm">
          Periksa isi cadangan <b>{preview.fileName}</b>.{' '}
          {mode === 'setup'
            ? 'Laptop ini akan memakai data dan akun dari cadangan ini, tanpa penyiapan awal, dengan kunci perangkat baru.'
            : 'Seluruh data di laptop ini akan diganti dengan isinya; data sekarang lebih dulu dicadangkan dan disimpan utuh di folder data.'}
        </Text>
        <PreviewTable preview={preview} />
        {preview.warnings.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} p="xs">
            <List size="sm" spacing={4}>
              {preview.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Checkbox checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} label="Saya mengerti: data di laptop ini diganti dengan isi cadangan ini." />
        {failure && (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{failure.message}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button color="red" leftSection={<IconRestore size={16} />} disabled={!understood} loading={busy} onClick={() => void restore()}>
            Pulihkan data
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Pilih berkas cadangan…": the file, its preview, the restore. Also on the first-run screen (`setup`). */
export function RestoreFromFile({ mode, label = 'Pilih berkas cadangan…' }: { mode: RestoreMode; label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    if (!isDesktop() && file.size > BROWSER_MAX_BYTES) {
      setFailure({
        ok: false,
        code: 'INVALID_INPUT',
        message: `Berkas cadangan ini ${formatBytes(file.size)}: terlalu besar untuk dipulihkan lewat peramban (paling besar ${formatBytes(BROWSER_MAX_BYTES)}). Pulihkan lewat aplikasi desktop PPID Desk.`,
      });
      return;
    }
    setBusy(true);
    const base64 = await fileToBase64(file);
    const input = { base64, fileName: file.name };
    const r = mode === 'setup' ? await call('setup.previewBackup', input) : await call('backup.preview', input);
    setBusy(false);
    if (r.ok) setPreview(r.data);
    else setFailure(r);
  };

  return (
    <Stack gap="xs">
      {failure && (
        <Alert color="red" variant="light" p="xs" role="alert">
          <Text size="sm">{failure.message}</Text>
        </Alert>
      )}
      <input
        ref={input}
        type="file"
        accept={`${BACKUP_EXTENSION},application/zip`}
        hidden
        aria-label="Berkas cadangan"
        onChange={(e) => {
          void pick(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <Group>
        <Button variant="default" leftSection={<IconRestore size={16} />} loading={busy} onClick={() => input.current?.click()} style={{ flexShrink: 0 }}>
          {label}
        </Button>
      </Group>
      {preview && <RestoreModal preview={preview} mode={mode} onClose={() => setPreview(null)} />}
    </Stack>
  );
}

function RestoreBackup() {
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Group gap={8}>
          <IconRestore size={18} />
          <Title order={2} size="h5">
            Pulihkan dari cadangan
          </Title>
        </Group>
        <Text size="sm">
          Pilih berkas <Text span ff="monospace" size="sm">{BACKUP_EXTENSION}</Text>. Isinya ditampilkan dulu; tidak ada yang berubah sebelum Anda
          menekan "Pulihkan data". Data sekarang lebih dulu dicadangkan, lalu diganti seluruhnya atau tidak sama sekali.
        </Text>
        <RestoreFromFile mode="admin" />
      </Stack>
    </Paper>
  );
}

function AutoBackup({ status, onSaved }: { status: BackupStatus; onSaved(): void }) {
  const [folder, setFolder] = useState(status.auto.folder ?? '');
  const [keep, setKeep] = useState<number | string>(status.auto.keep);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Err | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setErrors({});
    const r = await call('backup.settings.set', { folder: folder.trim() || null, keep: typeof keep === 'number' ? keep : Number(keep) || DEFAULT_AUTO_KEEP });
    setBusy(false);
    if (r.ok) {
      notifySaved(r.data.folder ? 'Cadangan otomatis diatur' : 'Cadangan otomatis dimatikan');
      onSaved();
    } else {
      setErrors(issuesToErrors(r.issues).errors);
      setFailure(r);
      notifyError(r);
    }
  };
  const choose = async () => {
    const r = await call('backup.chooseFolder');
    if (r.ok && r.data.folder) setFolder(r.data.folder);
    else if (!r.ok) notifyError(r, 'Folder tidak dapat dipilih');
  };

  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="sm">
          <Group gap={8}>
            <IconClockHour4 size={18} />
            <Title order={2} size="h5">
              Cadangan otomatis
            </Title>
            {status.auto.folder ? (
              <Badge size="sm" variant="dot" color="teal">
                Aktif
              </Badge>
            ) : (
              <Badge size="sm" variant="dot" color="gray">
                Tidak aktif
              </Badge>
            )}
          </Group>
          <Text size="sm">
            Paling banyak sekali sehari, ke folder pilihan Anda (misalnya flashdisk khusus cadangan): saat aplikasi ditutup, dan saat
            aplikasi dibuka bila cadangan otomatis terakhir lebih dari sehari. Yang dihapus hanya cadangan lama buatan laptop ini.
          </Text>
          <TextInput
            label="Folder cadangan"
            placeholder="Misalnya E:\Cadangan PPID"
            description="Kosongkan untuk mematikan cadangan otomatis."
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            error={errors.folder}
            rightSectionWidth={isDesktop() ? 110 : undefined}
            rightSection={
              isDesktop() ? (
                <Button size="compact-sm" variant="default" leftSection={<IconFolder size={14} />} onClick={() => void choose()}>
                  Pilih…
                </Button>
              ) : undefined
            }
          />
          <NumberInput
            label="Jumlah cadangan yang disimpan"
            description={`Yang lebih lama dihapus (1–${MAX_AUTO_KEEP}).`}
            min={1}
            max={MAX_AUTO_KEEP}
            value={keep}
            onChange={setKeep}
            error={errors.keep}
            w={260}
            allowDecimal={false}
          />
          {status.lastAuto && (
            <Text size="sm" c="dimmed">
              Cadangan otomatis terakhir: {formatDateTime(status.lastAuto.at)}
              {status.lastAuto.savedTo ? ` — ${status.lastAuto.savedTo}` : ''}.
            </Text>
          )}
          {status.auto.lastError && (
            <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={18} />} title={`Cadangan otomatis gagal (${formatDateTime(status.auto.lastError.at)})`}>
              <Text size="sm">{status.auto.lastError.message}</Text>
            </Alert>
          )}
          {failure && !errors.folder && !errors.keep && (
            <Alert color="red" variant="light" p="xs" role="alert">
              <Text size="sm">{failure.message}</Text>
            </Alert>
          )}
          <Group>
            <Button type="submit" variant="default" loading={busy}>
              Simpan pengaturan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function BackupTab() {
  const status = useLoad('backup.status');
  if (status.error) {
    return (
      <Alert color="red" variant="light" title="Data cadangan tidak dapat dimuat">
        {status.error.message}
      </Alert>
    );
  }
  if (!status.data) return <Text size="sm" c="dimmed">Memuat…</Text>;
  const s = status.data;
  return (
    <Stack gap="md">
      <BackupFreshness status={s} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <MakeBackup onMade={() => void status.reload()} />
            <RestoreBackup />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AutoBackup key={`${s.auto.folder}-${s.auto.keep}`} status={s} onSaved={() => void status.reload()} />
        </Grid.Col>
      </Grid>
      {s.lastRestore && (
        <Text size="xs" c="dimmed">
          Pemulihan terakhir: {formatDateTime(s.lastRestore.at)} oleh {s.lastRestore.by}, dari {s.lastRestore.fileName}. Data sebelumnya disimpan di{' '}
          {s.lastRestore.safetyFolder}.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Folder data: {s.dataDir}
      </Text>
    </Stack>
  );
}
