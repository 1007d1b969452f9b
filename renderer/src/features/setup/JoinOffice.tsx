import { useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Checkbox, Container, FileButton, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconCheck, IconFileImport, IconInfoCircle, IconPhoneCall, IconShieldCheck } from '@tabler/icons-react';
import type { JoinPreview } from '../../../../electron/core/domain/sync/office-package';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { focusFirstError, issuesToErrors } from '../../components/feedback';
import { EmblemPreview } from '../../components/forms/EmblemPicker';
import { loose } from '../../components/forms/types';
import { formatBytes, formatDateTime } from '../../i18n/date';
import { fileToBase64 } from '../cycles/format';
import { Fingerprint } from '../settings/DevicesTab';
import { AccountsStep } from './AccountsStep';
import { accountsForCore, peopleOf, syncAccountRows, validateAccounts, type AccountRow } from './accounts';
import { SetupHeader } from './SetupHeader';
import { SetupStepper, SetupStepTitle } from './SetupSteps';

/**
 * "Gabung ke kantor yang sudah ada": a second laptop starts from the office package the
 * administrator made (Pengaturan › Perangkat), not by retyping the office. The package is
 * checked and shown first — above all the sending laptop's key, compared digit by digit over
 * the phone — then this laptop gets its own accounts. Accounts never come with the package.
 */

const STEPS = [
  { label: 'Paket kantor', description: 'Pilih berkas .ppid', title: 'Pilih paket kantor' },
  { label: 'Periksa', description: 'Kantor dan kode kunci', title: 'Periksa isi paket' },
  { label: 'Akun', description: 'Nama pengguna dan sandi', title: 'Akun di laptop ini' },
] as const;

/** Anything bigger is not an office package (they hold settings, an emblem and a list of laptops). */
const MAX_BYTES = 8 * 1024 * 1024;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} fw={500} c="dimmed" className="nowrap" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function ChooseStep({ busy, onFile }: { busy: boolean; onFile(file: File | null): void }) {
  // Emptied after every choice, so the same file can be chosen again (after copying it anew, say).
  const resetRef = useRef<() => void>(null);
  return (
    <Stack gap="md" maw={760}>
      <Text size="sm">
        Gunakan pilihan ini bila kantor Anda sudah memakai PPID Desk di laptop lain. Minta administrator membuka{' '}
        <b>Pengaturan › Perangkat</b> di laptopnya, menekan <b>Buat paket kantor untuk laptop baru</b>, lalu mengirim
        berkasnya (berakhiran <span className="mono">.ppid</span>) lewat flashdisk atau WhatsApp.
      </Text>
      <Paper withBorder p="lg" bg="gray.0" style={{ borderStyle: 'dashed' }}>
        <Group gap="md" wrap="nowrap">
          <IconFileImport size={36} color="var(--mantine-color-dinas-7)" style={{ flexShrink: 0 }} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Text fw={600}>Berkas paket kantor</Text>
            <Text size="sm" c="dimmed">
              Misalnya <span className="mono">Kantor-Diskominfotik_2026-03-02.ppid</span>. Berkas ini hanya dibaca dan
              diperiksa; belum ada yang disimpan sebelum Anda menekan “Gabung dan mulai”.
            </Text>
          </Stack>
          <FileButton
            resetRef={resetRef}
            onChange={(file) => {
              onFile(file);
              resetRef.current?.();
            }}
            accept=".ppid"
          >
            {(props) => (
              <Button {...props} loading={busy} leftSection={<IconFileImport size={16} />} style={{ flexShrink: 0 }}>
                Pilih berkas…
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} p="xs" role="note">
        <Text size="sm">
          Paket kantor memuat data kantor, pejabat, pengaturan dokumen, kalender kerja, lambang, dan daftar laptop yang
          dipercaya kantor. Paket ini tidak pernah memuat akun atau kata sandi: laptop ini membuat akunnya sendiri.
        </Text>
      </Alert>
    </Stack>
  );
}

function ReviewStep({ preview, confirmed, onConfirm, showConfirmError }: { preview: JoinPreview; confirmed: boolean; onConfirm(v: boolean): void; showConfirmError: boolean }) {
  const { office, officials } = preview;
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconPhoneCall />} title="Cocokkan kode kunci lewat telepon" p="sm" role="note">
        <Stack gap={6}>
          <Text size="sm">
            Laptop pengirim: <b>{preview.sender.name}</b>, kode kunci
          </Text>
          <div data-testid="kode-kunci-pengirim">
            <Fingerprint code={preview.sender.fingerprint} size="lg" />
          </div>
          <Text size="sm">
            Cocokkan lewat telepon dengan administrator: ia membacakan “Kunci perangkat ini” dari Pengaturan › Perangkat di
            laptopnya. Bila ada satu angka pun yang berbeda, jangan lanjutkan — berkas ini mungkin bukan dari kantor Anda.
          </Text>
          <Checkbox
            mt={4}
            label="Kode kunci sudah saya cocokkan dengan administrator, dan semuanya sama."
            checked={confirmed}
            onChange={(e) => onConfirm(e.currentTarget.checked)}
            error={showConfirmError && !confirmed ? 'Cocokkan kode kunci dulu sebelum melanjutkan.' : undefined}
          />
        </Stack>
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={4}>
          <Title order={4}>Kantor</Title>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <EmblemPreview src={preview.emblemDataUrl} size={64} />
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                <Row label="Pemerintah daerah">{office.pemda}</Row>
                <Row label="Nama OPD">{office.opdName}</Row>
                <Row label="Kode unit">{office.unitCode}</Row>
                <Row label="Alamat">{office.address}</Row>
              </Table.Tbody>
            </Table>
          </Group>
        </Stack>
        <Stack gap={4}>
          <Title order={4}>Pejabat</Title>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {peopleOf(officials).map(({ person, title }) => (
                <Row key={person.id} label={title}>
                  {person.name}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {person.jabatan}
                  </Text>
                </Row>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
      <Stack gap={4}>
        <Group gap={8}>
          <IconShieldCheck size={18} />
          <Title order={4}>Laptop yang akan dipercaya</Title>
        </Group>
        <Text size="sm" c="dimmed">
          Paket dari laptop-laptop ini akan diterima di sini, masing-masing hanya dengan peran yang tercantum.
        </Text>
        <Table withTableBorder striped verticalSpacing={4} aria-label="Laptop yang akan dipercaya">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nama</Table.Th>
              <Table.Th>Kode kunci</Table.Th>
              <Table.Th>Peran yang boleh dibawa</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.devices.map((d) => (
              <Table.Tr key={d.installationId}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {d.name}
                    </Text>
                    {d.sender && (
                      <Badge size="xs" variant="light" color="yellow" tt="none">
                        pengirim
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td className="nowrap">
                  <Fingerprint code={d.fingerprint} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {d.roles.map((r) => (
                      <Badge key={r} size="sm" variant="light" radius="sm" tt="none">
                        {ROLE_LABELS[r]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Paket dibuat {formatDateTime(preview.createdAt)} dengan PPID Desk {preview.appVersion}. Akun dan kata sandi tidak
          ikut; Anda membuatnya di langkah berikutnya.
        </Text>
      </Stack>
    </Stack>
  );
}

export function JoinOffice({ onCancel }: { onCancel(): void }) {
  const { setStatus } = useApp();
  const [active, setActive] = useState(0);
  const [preview, setPreview] = useState<JoinPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmTried, setConfirmTried] = useState(false);
  const [coverage, setCoverage] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ title: string; message: string; details: string[] } | null>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const form = useForm<{ accounts: AccountRow[] }>({ mode: 'controlled', initialValues: { accounts: [] }, validateInputOnBlur: true });

  const goTo = (step: number) => {
    setActive(step);
    window.scrollTo({ top: 0 });
    window.setTimeout(() => contentRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([type=file]):not(:disabled)')?.focus(), 30);
  };

  const choose = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    if (!/\.ppid$/i.test(file.name)) {
      setFailure({ title: 'Bukan paket kantor', message: `"${file.name}" bukan berkas paket PPID Desk (.ppid).`, details: [] });
      return;
    }
    if (file.size > MAX_BYTES) {
      setFailure({ title: 'Bukan paket kantor', message: `"${file.name}" terlalu besar (${formatBytes(file.size)}) untuk sebuah paket kantor.`, details: [] });
      return;
    }
    setReading(true);
    let base64: string;
    try {
      base64 = await fileToBase64(file);
    } catch {
      setReading(false);
      setFailure({ title: 'Berkas tidak dapat dibaca', message: `Berkas "${file.name}" tidak dapat dibaca.`, details: [] });
      return;
    }
    const r = await call('setup.previewJoin', { base64, fileName: file.name });
    setReading(false);
    if (!r.ok) {
      setFailure({ title: 'Paket kantor ditolak', message: r.message, details: [] });
      return;
    }
    setPreview(r.data);
    setConfirmed(false);
    setConfirmTried(false);
    form.setValues({ accounts: syncAccountRows(r.data.officials, []) });
    goTo(1);
  };

  const next = () => {
    if (active === 1) {
      setConfirmTried(true);
      if (!confirmed) return;
      setFailure(null);
      goTo(2);
    }
  };

  const join = async () => {
    if (!preview) return;
    setFailure(null);
    const ids = peopleOf(preview.officials).map((s) => s.person.id);
    const { errors, coverage: cov } = validateAccounts(form.values.accounts, ids);
    form.setErrors(errors);
    setCoverage(cov);
    if (Object.keys(errors).length || cov.length) {
      focusFirstError(contentRef.current);
      return;
    }
    setSaving(true);
    const { accounts, indexOf } = accountsForCore(form.values.accounts);
    const r = await call('setup.join', { previewId: preview.previewId, fileName: preview.fileName, accounts });
    if (r.ok) {
      const status = await call('app.status');
      setSaving(false);
      notifications.show({ color: 'teal', title: 'Laptop ini sudah bergabung', message: `${r.data.officeName}. Silakan masuk dengan akun yang baru dibuat.` });
      if (status.ok) setStatus(status.data);
      return;
    }
    setSaving(false);
    if (r.code === 'NOT_FOUND') {
      // The preview was forgotten (the app restarted): the file must be chosen again.
      setPreview(null);
      setFailure({ title: 'Pilih berkasnya lagi', message: r.message, details: [] });
      goTo(0);
      return;
    }
    const { errors: fieldErrors, unplaced } = issuesToErrors(r.issues, (path) => {
      const m = /^accounts\.(\d+)(\..*)?$/.exec(path);
      if (m) return `accounts.${indexOf[Number(m[1])] ?? m[1]}${m[2] ?? ''}`;
      return path === 'accounts' ? null : path;
    });
    form.setErrors(fieldErrors);
    setFailure({ title: 'Belum bergabung', message: r.message, details: unplaced });
    focusFirstError(contentRef.current);
  };

  const rows = form.values.accounts;
  return (
    <Box mih="100vh" pb={80}>
      <SetupHeader subtitle="Gabung ke kantor yang sudah ada" />
      <Container size={1140} pt="md">
        <SetupStepper steps={STEPS} active={active} onBack={goTo} />
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (active === 2) void join();
            else next();
          }}
        >
          <Paper withBorder p="md" ref={contentRef}>
            <SetupStepTitle steps={STEPS} active={active} />
            {active === 0 && <ChooseStep busy={reading} onFile={(f) => void choose(f)} />}
            {active === 1 && preview && <ReviewStep preview={preview} confirmed={confirmed} onConfirm={setConfirmed} showConfirmError={confirmTried} />}
            {active === 2 && preview && <AccountsStep form={loose(form)} rows={rows} slots={peopleOf(preview.officials)} coverage={coverage} />}
            {failure && (
              <Alert color="red" variant="light" title={failure.title} icon={<IconInfoCircle />} mt="md" role="alert">
                <Text size="sm">{failure.message}</Text>
                {failure.details.length > 0 && (
                  <List size="sm">
                    {failure.details.map((d) => (
                      <List.Item key={d}>{d}</List.Item>
                    ))}
                  </List>
                )}
              </Alert>
            )}
          </Paper>

          <Box pos="fixed" bottom={0} left={0} right={0} bg="white" py={10} style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 10 }}>
            <Container size={1140}>
              <Group justify="space-between">
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => (active === 0 ? onCancel() : goTo(active - 1))} disabled={saving}>
                  {active === 0 ? 'Kembali ke penyiapan awal' : 'Kembali'}
                </Button>
                {active === 1 && (
                  <Button type="submit" rightSection={<IconArrowRight size={16} />}>
                    Lanjut
                  </Button>
                )}
                {active === 2 && (
                  <Button type="submit" color="teal" loading={saving} leftSection={<IconCheck size={16} />}>
                    Gabung dan mulai
                  </Button>
                )}
              </Group>
            </Container>
          </Box>
        </form>
      </Container>
    </Box>
  );
}
