import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconDeviceFloppy, IconFileZip } from '@tabler/icons-react';
import type { CycleSummary, CycleView } from '../../../../electron/core/domain/cycle-views';
import { dayKey } from '../../../../electron/core/domain/calendar';
import type { Role } from '../../../../electron/core/domain/roles';
import { packageFileName, RECIPIENTS, RECIPIENT_LABELS, type Recipient } from '../../../../electron/core/domain/sync/package-name';
import { call } from '../../api/client';
import { officeNow, officeTimeZone } from '../../i18n/office-clock';
import { base64ToBlob, isDesktop, saveBlob } from '../documents/download';
import { stepText } from './laptops';

/** Who a cycle goes to next: the holder of its step, or the PPID Utama once it is signed. */
export function defaultRecipient(view: Pick<CycleView, 'step' | 'holderRole'>): Recipient {
  if (view.step === 'selesai' || view.step === 'arsip' || !view.holderRole) return 'ppid_utama';
  return view.holderRole;
}

/**
 * The hand-off that should travel as a file: after an act moved the cycle on to a role held on
 * another laptop (no active account here holds it, the core then leaving `holderNames` empty;
 * or it is among `remote`, see useRemoteRoles), or, once the cycle is finished, to the PPID
 * Utama. Null when the next holder works on this laptop.
 */
export function handOffRecipient(
  before: Pick<CycleView, 'step'>,
  after: Pick<CycleView, 'step' | 'holderRole' | 'holderNames'>,
  remote: ReadonlySet<Role> = new Set(),
): Recipient | null {
  if (before.step === after.step) return null;
  if (after.step === 'selesai') return 'ppid_utama';
  if (after.holderRole && (after.holderNames.length === 0 || remote.has(after.holderRole))) return after.holderRole;
  return null;
}

type Done = { fileName: string; savedTo: string | null; to: Recipient; outbox: { file: string | null; error: string | null } | null };

/**
 * "Kirim paket": the cycles chosen (this one first), who it is for, a note, and the file name
 * it will have. The browser downloads the file; the desktop app asks where to save it.
 */
export function SendDialog({
  view,
  to: initialTo,
  opened,
  onClose,
  onSent,
}: {
  view: CycleView;
  /** Pre-filled recipient; null: the cycle's next holder. */
  to: Recipient | null;
  opened: boolean;
  onClose(): void;
  onSent?(to: Recipient): void;
}) {
  const [others, setOthers] = useState<CycleSummary[]>([]);
  const [chosen, setChosen] = useState<string[]>([view.id]);
  const [to, setTo] = useState<Recipient>(initialTo ?? defaultRecipient(view));
  const [note, setNote] = useState('');
  const [withFiles, setWithFiles] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const desktop = isDesktop();

  // Each opening starts afresh, from the cycle as it is now.
  useEffect(() => {
    if (!opened) return;
    setChosen([view.id]);
    setTo(initialTo ?? defaultRecipient(view));
    setNote('');
    setWithFiles(true);
    setFailure(null);
    setDone(null);
    let live = true;
    void call('cycles.list').then((r) => {
      if (live && r.ok) setOthers(r.data.cycles.filter((c) => c.id !== view.id));
    });
    return () => {
      live = false;
    };
    // Reset on opening only, not on every new view of the cycle.
  }, [opened]);

  const cycles = [{ id: view.id, year: view.year, step: view.step }, ...others.filter((c) => chosen.includes(c.id))];
  const fileName = packageFileName(cycles, to, dayKey(officeNow(), officeTimeZone()));

  const send = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('sync.export', { cycleIds: chosen, to, note: note.trim(), withFiles, save: desktop });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.message);
      return;
    }
    if (desktop) {
      // The save dialog was closed without saving: stay here, nothing to tell.
      if (!r.data.savedTo) return;
    } else if (r.data.base64) saveBlob(base64ToBlob(r.data.base64, 'application/octet-stream'), r.data.fileName);
    setDone({ fileName: r.data.fileName, savedTo: r.data.savedTo, to, outbox: r.data.outbox ?? null });
    onSent?.(to);
  };

  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title="Kirim paket" size="lg">
      {done ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Paket disimpan" data-testid="paket-disimpan">
            <Text size="sm">
              Berkas <span className="sync-file-name">{done.fileName}</span>{' '}
              {done.savedTo ? (
                <>
                  disimpan di <span className="sync-file-name">{done.savedTo}</span>.
                </>
              ) : (
                'diunduh ke folder unduhan peramban.'
              )}
            </Text>
            <Text size="sm" mt={6} fw={500}>
              Kirim berkas ini lewat flashdisk atau WhatsApp kepada {RECIPIENT_LABELS[done.to]}.
            </Text>
            <Text size="xs" mt={4}>
              Di laptop itu: Beranda › Terima paket, atau seret berkasnya ke jendela PPID Desk.
            </Text>
            {done.outbox?.file && (
              <Text size="sm" mt={6} data-testid="paket-folder-keluar">
                Paket juga ditaruh di folder keluar (<span className="sync-file-name">{done.outbox.file}</span>): laptop yang memantau folder itu
                menerimanya tanpa berkas dikirim tangan.
              </Text>
            )}
          </Alert>
          {done.outbox?.error && (
            <Alert color="orange" variant="light" role="alert" title="Tidak masuk folder keluar">
              <Text size="sm">{done.outbox.error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              Tutup
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Checkbox.Group label="Siklus dalam paket" description="Setiap siklus dikirim dengan seluruh riwayatnya." value={chosen} onChange={(v) => setChosen([view.id, ...v.filter((id) => id !== view.id)])}>
            <Stack gap={6} mt={6}>
              <Checkbox value={view.id} label={`${view.title} (${stepText(view.step)})`} disabled />
              {others.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${c.title} (${stepText(c.step)})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label="Untuk"
            data={RECIPIENTS.map((r) => ({ value: r, label: RECIPIENT_LABELS[r] }))}
            value={to}
            onChange={(v) => v && setTo(v as Recipient)}
            allowDeselect={false}
            checkIconPosition="right"
          />
          <Textarea
            label="Catatan untuk penerima (boleh dikosongkan)"
            placeholder="Mis. Konsep sudah lengkap, mohon diperiksa."
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Checkbox
            label="Sertakan lampiran"
            description="Tanpa lampiran paketnya kecil; lampiran tampil sebagai &quot;belum diterima&quot; sampai dikirim kemudian."
            checked={withFiles}
            onChange={(e) => setWithFiles(e.currentTarget.checked)}
          />
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconFileZip size={16} aria-hidden style={{ marginTop: 2 }} />
            <Text size="sm">
              Nama berkas:{' '}
              <span className="sync-file-name" data-testid="nama-berkas-paket">
                {fileName}
              </span>
            </Text>
          </Group>
          {failure && (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{failure}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Batal
            </Button>
            <Button onClick={() => void send()} loading={busy} leftSection={<IconDeviceFloppy size={16} />} data-autofocus>
              Simpan
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
