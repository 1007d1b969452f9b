import { useState } from 'react';
import { Alert, Badge, Button, Card, Center, Group, List, Loader, Modal, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconLock, IconPrinter, IconSignature } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { RegencyDocumentKind } from '../../../../electron/core/domain/document-views';
import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import type { RegencyFormat } from '../../../../electron/core/domain/regency/model';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { regencyListState } from '../../../../electron/core/documents/shared/regency';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { useUser } from '../../app/context';
import { notifyError, notifySaved } from '../../components/feedback';
import { formatDateTime } from '../../i18n/date';
import { officeNow } from '../../i18n/office-clock';
import { regencyPrintPath, REGENCY_DOCUMENT_TITLES } from '../../print/model';
import { saveRegencyDocument } from './download';
import { useResult } from './useResult';

/**
 * Dokumen kabupaten: for a year, the regency's consolidated DIP and DIK and the compliance
 * report, each to print, as DOCX and as XLSX; and the PPID Utama's signature on the lists.
 */

const DOCS: { kind: RegencyDocumentKind; about: string }[] = [
  { kind: 'regencyDip', about: 'Informasi publik setiap OPD yang daftarnya sudah ditandatangani, per OPD lalu per kategori.' },
  { kind: 'regencyDik', about: 'Informasi yang dikecualikan setiap OPD, dengan dasar dan jangka waktu pengecualiannya.' },
  { kind: 'compliance', about: 'Per OPD: tepat waktu, terlambat atau belum mengirim; jumlah informasi per kategori; grafik batang.' },
];

function DocumentCard({ kind, about, year, state }: { kind: RegencyDocumentKind; about: string; year: number; state: 'draft' | 'final' | null }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<RegencyFormat | null>(null);
  const save = async (format: RegencyFormat) => {
    setBusy(format);
    const r = await saveRegencyDocument(kind, format, year);
    setBusy(null);
    if (!r.ok) notifyError(r, `${format.toUpperCase()} tidak dapat dibuat`);
    else if (r.message) notifySaved(r.message);
  };
  return (
    <Card data-document={kind} h="100%">
      <Stack gap="xs" h="100%" justify="space-between">
        <div>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Title order={2} size="h5">
              {REGENCY_DOCUMENT_TITLES[kind]} {year}
            </Title>
            {state && (
              <Badge color={state === 'final' ? 'teal' : 'orange'} variant="light" data-testid="status-dokumen">
                {LIST_STATE_LABELS[state]}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {about}
          </Text>
        </div>
        <Group gap="xs">
          <Button size="xs" leftSection={<IconPrinter size={14} />} onClick={() => navigate(regencyPrintPath(year, kind))}>
            Cetak
          </Button>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={busy === 'docx'} disabled={busy !== null} onClick={() => void save('docx')}>
            Unduh DOCX
          </Button>
          <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={14} />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void save('xlsx')}>
            Unduh XLSX
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function DocumentsPage() {
  const register = useLoad('utama.register');
  const [picked, setPicked] = useState<number | null>(null);
  // The year the register opens on (the office's current year), once the core has said it.
  const year = picked ?? register.data?.year ?? (register.error ? officeNow().getFullYear() : null);
  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            Dokumen kabupaten
          </Title>
          <Text size="sm" c="dimmed">
            Daftar gabungan dari daftar yang ditandatangani Kepala setiap OPD, dan laporan kepatuhan tahunan.
          </Text>
        </div>
        <NativeSelect
          label="Tahun"
          w={110}
          data={(register.data?.years ?? (year ? [year] : [])).map(String)}
          value={year ? String(year) : ''}
          onChange={(e) => setPicked(Number(e.currentTarget.value))}
        />
      </Group>
      {year === null ? (
        <Center h={160}>
          <Loader size="sm" />
        </Center>
      ) : (
        <YearDocuments key={year} year={year} />
      )}
    </Stack>
  );
}

function YearDocuments({ year }: { year: number }) {
  const user = useUser();
  const doc = useResult(() => call('utama.documentData', { year }), [year]);
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);

  const data = doc.data;
  const state = data ? regencyListState(data.input) : null;
  const signedOpd = data ? data.input.opds.filter((o) => o.signed) : [];
  const missing = data ? data.input.opds.filter((o) => !o.signed) : [];
  const canSign = user.role === 'ppid_utama';

  const sign = async () => {
    setSigning(true);
    const r = await call('utama.sign', { year });
    setSigning(false);
    if (!r.ok) {
      notifyError(r, 'Belum ditandatangani');
      return;
    }
    setConfirming(false);
    notifySaved(`Daftar kabupaten ${year} ditandatangani`);
    void doc.reload();
  };

  return (
    <>
      {doc.error && (
        <Alert color="red" variant="light" title="Data dokumen tidak dapat dimuat" role="alert">
          {doc.error.message}
        </Alert>
      )}
      {!data && !doc.error && (
        <Center h={160}>
          <Loader size="sm" />
        </Center>
      )}

      {data && (
        <>
          <Card data-testid="tanda-tangan-kabupaten">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={2} size="h5">
                    Tanda tangan PPID Utama
                  </Title>
                  <Badge color={state === 'final' ? 'teal' : 'orange'} variant="light">
                    {state === 'final' ? 'Final' : 'Draft'}
                  </Badge>
                </Group>
                <Text size="sm">
                  {data.signature
                    ? `Ditandatangani ${formatDateTime(data.signature.at)} oleh ${data.signature.by}, memuat daftar bertanda tangan ${Object.keys(data.signature.opds).length} OPD.`
                    : 'Belum ditandatangani: DIP dan DIK kabupaten dicetak dengan tanda DRAFT.'}
                </Text>
                <Text size="sm" c="dimmed">
                  {signedOpd.length} dari {data.input.opds.length} OPD sudah mengirim daftar yang ditandatangani Kepalanya
                  {missing.length ? `; belum: ${missing.map((o) => o.opdName).join(', ')}.` : '.'}
                </Text>
              </Stack>
              {canSign ? (
                <Button leftSection={<IconSignature size={16} />} onClick={() => setConfirming(true)} style={{ flexShrink: 0 }}>
                  {data.signature ? 'Tandatangani ulang' : 'Tandatangani'}
                </Button>
              ) : (
                <Text size="xs" c="dimmed" maw={260} data-testid="hanya-ppid-utama">
                  <IconLock size={12} /> Hanya akun dengan peran {ROLE_LABELS.ppid_utama} yang dapat menandatangani daftar kabupaten.
                </Text>
              )}
            </Group>
          </Card>

          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            {DOCS.map((d) => (
              <DocumentCard key={d.kind} kind={d.kind} about={d.about} year={year} state={d.kind === 'compliance' ? null : state} />
            ))}
          </SimpleGrid>
        </>
      )}

      {confirming && data && (
        <Modal opened onClose={() => setConfirming(false)} title={`Tandatangani daftar kabupaten ${year}?`} size="lg">
          <Stack gap="sm">
            <Text size="sm">Dengan menandatangani, PPID Desk mencatat:</Text>
            <List size="sm" spacing={4} data-testid="yang-dicatat">
              <List.Item>
                waktu sekarang dan nama Anda, <b>{user.name}</b>, sebagai PPID Utama yang menandatangani;
              </List.Item>
              <List.Item>
                versi bertanda tangan daftar setiap OPD yang dimuat ({signedOpd.length} OPD), dengan sidik DIP dan DIK masing-masing, sehingga
                setiap baris dapat dicocokkan dengan daftar yang ditandatangani Kepala OPD itu;
              </List.Item>
              <List.Item>sidik DIP Kabupaten dan DIK Kabupaten {year}, yang tercetak bersama kode QR di setiap halaman.</List.Item>
            </List>
            {missing.length > 0 && (
              <Alert color="orange" variant="light" p="xs">
                <Text size="sm">
                  {missing.length} OPD belum mengirim daftar yang ditandatangani dan dicantumkan sebagai belum mengirim: {missing.map((o) => o.opdName).join(', ')}.
                  Bila paketnya datang kemudian, tandatangani ulang; tanda tangan baru menggantikan yang lama.
                </Text>
              </Alert>
            )}
            {data.signature && (
              <Text size="sm" c="dimmed">
                Tanda tangan sebelumnya ({formatDateTime(data.signature.at)}) akan diganti.
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Batal
              </Button>
              <Button leftSection={<IconSignature size={16} />} loading={signing} onClick={() => void sign()}>
                Ya, tandatangani
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
