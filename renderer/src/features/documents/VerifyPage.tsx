import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Card, FileButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconPhotoScan, IconQrcode, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Verification } from '../../../../electron/core/domain/document-views';
import { call } from '../../api/client';
import { formatDateTime } from '../../i18n/date';
import { printPath } from '../../print/model';
import { readQrFromImage } from './qr-read';

const OUTCOME = {
  signed: { color: 'teal', title: 'Dokumen sah', icon: IconCircleCheck },
  older: { color: 'yellow', title: 'Versi lama', icon: IconAlertTriangle },
  none: { color: 'red', title: 'Tidak cocok', icon: IconCircleX },
} as const;

const KIND_LABEL = { dip: 'Daftar Informasi Publik', dik: 'Daftar Informasi yang Dikecualikan' } as const;

function Outcome({ v }: { v: Verification }) {
  const o = OUTCOME[v.result];
  const Icon = o.icon;
  return (
    <Alert color={o.color} variant="light" icon={<Icon size={28} />} title={o.title} role="status" data-testid="hasil-verifikasi" data-result={v.result} styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}>
      <Stack gap="xs">
        <Text size="sm">{v.message}</Text>
        {v.result !== 'none' && v.kind && (
          <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="sm" maw={560}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={170}>Dokumen</Table.Th>
                <Table.Td>{KIND_LABEL[v.kind]}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Siklus</Table.Th>
                <Table.Td>{v.title}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Versi</Table.Th>
                <Table.Td>{v.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Ditandatangani oleh</Table.Th>
                <Table.Td>{v.signedBy}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Pada</Table.Th>
                <Table.Td>{formatDateTime(v.signedAt)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {v.cycleId && v.kind && (
          <Group gap="xs">
            <Button component={Link} to={printPath(v.cycleId, v.kind)} size="xs" variant="default">
              Lihat daftar yang ditandatangani
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export interface VerifyPageProps {
  /** How a QR code is read from an image; replaceable in tests, where jsdom has no canvas. */
  readQr?: (file: Blob) => Promise<string | null>;
}

/**
 * `#/verifikasi`: is this printed DIP or DIK the one that was signed? Type the fingerprint
 * from the page's foot, paste the QR text, or choose a scan or photo of the page.
 */
export function VerifyPage({ readQr = readQrFromImage }: VerifyPageProps) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [imageNote, setImageNote] = useState<string | null>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [busy, setBusy] = useState<'verify' | 'image' | null>(null);
  const resetFile = useRef<() => void>(null);

  const verify = async (value: string) => {
    setResult(null);
    setFieldError(null);
    if (!value.trim()) {
      setFieldError('Isi sidik dokumen atau kode QR yang akan diperiksa.');
      return;
    }
    setBusy('verify');
    const r = await call('documents.verify', { code: value.trim() });
    setBusy(null);
    if (r.ok) setResult(r.data);
    else setFieldError(r.message);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setImageNote(null);
    void verify(code);
  };

  const onImage = async (file: File | null) => {
    resetFile.current?.();
    if (!file) return;
    setResult(null);
    setFieldError(null);
    setImageNote(null);
    if (!/^image\/(png|jpeg)$/.test(file.type)) {
      setImageNote(`Berkas "${file.name}" bukan gambar PNG atau JPG.`);
      return;
    }
    setBusy('image');
    let text: string | null = null;
    try {
      text = await readQr(file);
    } catch {
      text = null;
    }
    setBusy(null);
    if (!text) {
      setImageNote(
        `Tidak ada kode QR yang terbaca dari "${file.name}". Pindai ulang dengan resolusi lebih tinggi (minimal 200 dpi) atau foto lebih dekat ke kode QR di kaki halaman, atau ketik sidik dokumen yang tercetak di sebelahnya.`,
      );
      return;
    }
    setCode(text);
    await verify(text);
  };

  return (
    <Stack gap="md" maw={820}>
      <div>
        <Title order={1} size="h3">
          Verifikasi dokumen
        </Title>
        <Text size="sm" c="dimmed">
          Periksa apakah lembar Daftar Informasi Publik atau Daftar Informasi yang Dikecualikan yang dicetak sama dengan daftar yang
          ditandatangani Kepala OPD di aplikasi ini. Sidik dokumen dan kode QR tercetak di kaki setiap halaman daftar yang sah.
        </Text>
      </div>
      <Card>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label="Sidik dokumen atau isi kode QR"
              description="Contoh: C0EE-4F97-AB20, atau teks kode QR yang diawali PPIDDESK"
              placeholder="XXXX-XXXX-XXXX"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldError}
              leftSection={<IconQrcode size={16} />}
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Group gap="sm">
              <Button type="submit" leftSection={<IconSearch size={16} />} loading={busy === 'verify'} disabled={busy === 'image'}>
                Periksa
              </Button>
              <Text size="sm" c="dimmed">
                atau
              </Text>
              <FileButton onChange={(f) => void onImage(f)} accept="image/png,image/jpeg" resetRef={resetFile}>
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconPhotoScan size={16} />} loading={busy === 'image'} disabled={busy === 'verify'}>
                    Pilih gambar pindaian (PNG/JPG)
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
        </form>
      </Card>
      {imageNote && (
        <Alert color="orange" variant="light" title="Kode QR tidak terbaca" role="alert" data-testid="qr-tidak-terbaca">
          {imageNote}
        </Alert>
      )}
      {result && <Outcome v={result} />}
    </Stack>
  );
}
