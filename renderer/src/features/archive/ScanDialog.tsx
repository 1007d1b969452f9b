import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, FileButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconFileUpload, IconQrcode, IconQrcodeOff } from '@tabler/icons-react';
import type { ArchiveCycleView, ArchiveDocumentView, ScanCheck } from '../../../../electron/core/domain/archive';
import { SCAN_QR_LABELS } from '../../../../electron/core/domain/archive';
import type { ScanQrStatus } from '../../../../electron/core/domain/workflow';
import { call } from '../../api/client';
import { formatBytes } from '../../i18n/date';
import { fileToBase64 } from '../cycles/format';

const MAX_FILE = 20 * 1024 * 1024;

export const QR_COLOR: Record<ScanQrStatus, string> = {
  cocok: 'teal',
  versi_lain: 'yellow',
  dokumen_lain: 'red',
  tidak_terbaca: 'orange',
  tanpa_kode: 'gray',
};

const QR_ICON = { cocok: IconCircleCheck, versi_lain: IconAlertTriangle, dokumen_lain: IconCircleX, tidak_terbaca: IconQrcodeOff, tanpa_kode: IconQrcode } as const;

interface Chosen {
  name: string;
  size: number;
  base64: string;
}

/**
 * Attaching a scan of one signed paper: the file is chosen, the core reads its QR code and
 * says what it is (this signed version, another version, not this paper, unreadable, or a
 * paper without a code), and only then is it filed. A code naming another version or paper is
 * filed only after "Tetap arsipkan" is ticked.
 */
export function ScanDialog({ cycle, doc, onClose, onFiled }: { cycle: ArchiveCycleView; doc: ArchiveDocumentView; onClose(): void; onFiled(view: ArchiveCycleView): void }) {
  const [file, setFile] = useState<Chosen | null>(null);
  const [check, setCheck] = useState<ScanCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState<'check' | 'file' | null>(null);
  const resetFile = useRef<() => void>(null);
  const target = { cycleId: cycle.id, document: doc.document, itemId: doc.itemId };

  const choose = async (f: File | null) => {
    resetFile.current?.();
    if (!f) return;
    setCheck(null);
    setError(null);
    setConfirm(false);
    setFile(null);
    if (f.size > MAX_FILE) {
      setError(`${f.name} terlalu besar (${formatBytes(f.size)}); maksimal 20 MB.`);
      return;
    }
    setBusy('check');
    const chosen = { name: f.name, size: f.size, base64: await fileToBase64(f) };
    const r = await call('archive.checkScan', { ...target, name: chosen.name, base64: chosen.base64 });
    setBusy(null);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setFile(chosen);
    setCheck(r.data);
  };

  const file_ = async () => {
    if (!file || !check) return;
    setBusy('file');
    const r = await call('archive.fileScan', { ...target, name: file.name, base64: file.base64, confirmMismatch: confirm });
    setBusy(null);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    onFiled(r.data);
  };

  const Icon = check ? QR_ICON[check.qr.status] : null;
  return (
    <Modal opened onClose={onClose} title={`Lampirkan pindaian: ${doc.label}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {cycle.title}, versi {cycle.version} yang ditandatangani. Pilih berkas hasil pindai lembar bertanda tangan basah (PDF, JPG atau PNG; maksimal 20 MB).
          {doc.printsQr
            ? ' Kode QR di kaki halaman dibaca dan dicocokkan dengan versi yang ditandatangani sebelum berkas diarsipkan.'
            : ' Lembar ini tidak memuat kode QR: pindaian diarsipkan sebagai dokumen yang Anda pilih.'}
        </Text>
        <Group gap="sm">
          <FileButton onChange={(f) => void choose(f)} accept="application/pdf,image/png,image/jpeg" resetRef={resetFile}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} loading={busy === 'check'} disabled={busy === 'file'}>
                Pilih berkas pindaian
              </Button>
            )}
          </FileButton>
          {busy === 'check' && (
            <Text size="sm" c="dimmed">
              Membaca kode QR…
            </Text>
          )}
          {file && (
            <Text size="sm" c="dimmed">
              {file.name} · {formatBytes(file.size)}
            </Text>
          )}
        </Group>
        {error && (
          <Alert color="red" variant="light" title="Pindaian tidak dapat diarsipkan" role="alert">
            {error}
          </Alert>
        )}
        {check && Icon && (
          <Alert color={QR_COLOR[check.qr.status]} variant="light" icon={<Icon size={24} />} title={SCAN_QR_LABELS[check.qr.status]} role="status" data-testid="hasil-pindaian" data-status={check.qr.status}>
            <Stack gap={6}>
              <Text size="sm">{check.message}</Text>
              {check.needsConfirmation && (
                <Checkbox
                  checked={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.checked)}
                  label={`Tetap arsipkan lembar ini sebagai ${doc.label} versi ${cycle.version}`}
                />
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={() => void file_()} loading={busy === 'file'} disabled={!check || (check.needsConfirmation && !confirm) || busy === 'check'}>
            Arsipkan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
