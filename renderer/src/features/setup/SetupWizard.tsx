import { useRef, useState } from 'react';
import { Alert, Box, Button, Container, Divider, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconArrowLeft, IconArrowRight, IconBuildingCommunity, IconCheck, IconFlask, IconInfoCircle } from '@tabler/icons-react';
import { z } from 'zod';
import { documentSettingsSchema, officeSchema, officialsSchema } from '../../../../electron/core/domain/office';
import { OFFICE_KIND_LABELS, OFFICE_KINDS, type OfficeKind } from '../../../../electron/core/domain/regency/model';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { focusFirstError, issuesToErrors, notifyError } from '../../components/feedback';
import { DocumentFields } from '../../components/forms/DocumentFields';
import { EmblemPicker, type EmblemFile } from '../../components/forms/EmblemPicker';
import { OfficeFields } from '../../components/forms/OfficeFields';
import { OfficialsFields } from '../../components/forms/OfficialsFields';
import { emptyOffice, emptyPerson, loose, type DocumentValues, type OfficeValues, type OfficialsValues } from '../../components/forms/types';
import { AccountsStep } from './AccountsStep';
import { JoinOffice } from './JoinOffice';
import { SetupHeader } from './SetupHeader';
import { SetupStepper, SetupStepTitle } from './SetupSteps';
import { SummaryStep } from './SummaryStep';
import { accountsForCore, peopleOf, syncAccountRows, validateAccounts, type AccountRow } from './accounts';
import { RestoreFromFile } from '../settings/BackupTab';

export interface WizardValues {
  /** An OPD or the regency's PPID Utama: asked first, it names the officials and the roles offered. */
  officeKind: OfficeKind;
  office: OfficeValues;
  officials: OfficialsValues;
  documents: DocumentValues;
  accounts: AccountRow[];
}

const STEPS = [
  { label: 'Kantor', description: 'Kop surat dan bidang', title: 'Data kantor' },
  { label: 'Pejabat', description: 'Kepala, PPID, operator', title: 'Pejabat dan petugas' },
  { label: 'Dokumen', description: 'Kertas dan penomoran', title: 'Pengaturan dokumen' },
  { label: 'Akun', description: 'Nama pengguna dan sandi', title: 'Akun pengguna' },
  { label: 'Ringkasan', description: 'Periksa lalu simpan', title: 'Ringkasan' },
] as const;
const LAST = STEPS.length - 1;

const officeStep = zod4Resolver(z.object({ office: officeSchema }));
const officialsStep = zod4Resolver(z.object({ officials: officialsSchema }));
const documentsStep = zod4Resolver(z.object({ documents: documentSettingsSchema }));

/** Which step shows a field, for errors that come back from the core. */
function stepOf(path: string): number {
  if (path.startsWith('office') || path.startsWith('emblem')) return 0;
  if (path.startsWith('officials')) return 1;
  if (path.startsWith('documents')) return 2;
  if (path.startsWith('accounts')) return 3;
  return LAST;
}

export function initialWizardValues(): WizardValues {
  return {
    officeKind: 'opd',
    office: emptyOffice(),
    officials: { kepala: emptyPerson(), ketuaPpid: emptyPerson(), operators: [emptyPerson()] },
    documents: documentSettingsSchema.parse({}),
    accounts: [],
  };
}

export function SetupWizard() {
  const [joining, setJoining] = useState(false);
  // The join path is its own flow; the wizard stays mounted behind it, so what was typed there is still there on the way back.
  return (
    <>
      <Box display={joining ? 'none' : undefined}>
        <NewOfficeWizard onJoin={() => setJoining(true)} />
      </Box>
      {joining && <JoinOffice onCancel={() => setJoining(false)} />}
    </>
  );
}

function NewOfficeWizard({ onJoin }: { onJoin(): void }) {
  const { setStatus } = useApp();
  const [active, setActive] = useState(0);
  const [emblem, setEmblem] = useState<EmblemFile | null>(null);
  const [coverage, setCoverage] = useState<string[]>([]);
  const [serverError, setServerError] = useState<{ message: string; details: string[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);
  // Fresh person ids once per wizard, not on every render.
  const [initialValues] = useState(initialWizardValues);

  const form = useForm<WizardValues>({
    mode: 'controlled',
    initialValues,
    // On blur a field is checked against every rule; Mantine keeps only that field's error.
    validateInputOnBlur: true,
    validate: (values) => {
      const record = values as unknown as Record<string, unknown>;
      const ids = peopleOf(values.officials).map((s) => s.person.id);
      return { ...officeStep(record), ...officialsStep(record), ...documentsStep(record), ...validateAccounts(values.accounts, ids, values.officeKind).errors };
    },
  });

  function validateStep(step: number, values: WizardValues): { errors: FormErrors; coverage: string[] } {
    const record = values as unknown as Record<string, unknown>;
    if (step === 0) return { errors: officeStep(record), coverage: [] };
    if (step === 1) return { errors: officialsStep(record), coverage: [] };
    if (step === 2) return { errors: documentsStep(record), coverage: [] };
    if (step === 3) {
      const ids = peopleOf(values.officials).map((s) => s.person.id);
      return validateAccounts(values.accounts, ids, values.officeKind);
    }
    return { errors: {}, coverage: [] };
  }

  const goTo = (step: number) => {
    if (step >= 3) form.setFieldValue('accounts', syncAccountRows(form.values.officials, form.values.accounts, form.values.officeKind));
    setActive(step);
    window.scrollTo({ top: 0 });
    window.setTimeout(() => contentRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not(:disabled)')?.focus(), 30);
  };

  /** Checks this step only: later steps have not been seen yet and must not shout. */
  const next = () => {
    const { errors, coverage: cov } = validateStep(active, form.values);
    form.setErrors(errors);
    setCoverage(cov);
    if (Object.keys(errors).length || cov.length) {
      focusFirstError(contentRef.current);
      return;
    }
    goTo(Math.min(active + 1, LAST));
  };

  const complete = async () => {
    setServerError(null);
    const values = form.values;
    for (let step = 0; step < LAST; step++) {
      const { errors, coverage: cov } = validateStep(step, values);
      if (Object.keys(errors).length || cov.length) {
        goTo(step);
        form.setErrors(errors);
        setCoverage(cov);
        focusFirstError(contentRef.current);
        return;
      }
    }
    setSaving(true);
    const { accounts, indexOf } = accountsForCore(values.accounts);
    const result = await call('setup.complete', {
      officeKind: values.officeKind,
      office: values.office,
      officials: values.officials,
      documents: values.documents,
      emblem: emblem?.base64 ?? null,
      accounts,
    });
    if (result.ok) {
      const status = await call('app.status');
      setSaving(false);
      notifications.show({ color: 'teal', title: 'Penyiapan selesai', message: 'Silakan masuk dengan akun yang baru dibuat.' });
      if (status.ok) setStatus(status.data);
      return;
    }
    setSaving(false);
    // Account indexes from the core count only the rows that make an account.
    const { errors, unplaced } = issuesToErrors(result.issues, (path) => {
      const m = /^accounts\.(\d+)(\..*)?$/.exec(path);
      if (m) return `accounts.${indexOf[Number(m[1])] ?? m[1]}${m[2] ?? ''}`;
      return path;
    });
    const fieldSteps = Object.keys(errors).map(stepOf);
    const step = fieldSteps.length ? Math.min(...fieldSteps) : LAST;
    setServerError({ message: result.message, details: unplaced });
    if (step < LAST) {
      goTo(step);
      form.setErrors(errors);
      if (step === 3) setCoverage(Object.entries(errors).filter(([k]) => k === 'accounts').map(([, v]) => v));
      focusFirstError(contentRef.current);
    }
  };

  const loadDemo = async () => {
    setLoadingDemo(true);
    const result = await call('setup.loadDemo', { cycles: true });
    if (!result.ok) {
      setLoadingDemo(false);
      notifyError(result, 'Data contoh tidak dapat dimuat');
      return;
    }
    const s = await call('app.status');
    setLoadingDemo(false);
    notifications.show({ color: 'teal', title: 'Data contoh dimuat', message: 'Pilih salah satu akun contoh untuk masuk.' });
    if (s.ok) setStatus(s.data);
  };

  const values = form.values;
  const f = loose(form);

  return (
    <Box mih="100vh" pb={80}>
      <SetupHeader subtitle="Penyiapan awal" />
      <Container size={1140} pt="md">
        <SetupStepper steps={STEPS} active={active} onBack={goTo} />

        {active === 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mb="sm">
            <Paper withBorder p="sm" bg="dinas.0" style={{ borderColor: 'var(--mantine-color-dinas-2)' }}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconBuildingCommunity size={28} color="var(--mantine-color-dinas-7)" style={{ flexShrink: 0 }} />
                <Stack gap={6} align="flex-start">
                  <div>
                    <Text fw={600} size="sm">
                      Kantor Anda sudah memakai PPID Desk di laptop lain?
                    </Text>
                    <Text size="sm">
                      Laptop ini tidak perlu mengetik ulang data kantor: pakai paket kantor dari administrator, lalu buat akun
                      untuk laptop ini.
                    </Text>
                  </div>
                  <Button onClick={onJoin} size="xs" leftSection={<IconBuildingCommunity size={16} />}>
                    Gabung ke kantor yang sudah ada
                  </Button>
                </Stack>
              </Group>
            </Paper>
            <Paper withBorder p="sm" bg="dinas.0" style={{ borderColor: 'var(--mantine-color-dinas-2)' }}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconFlask size={28} color="var(--mantine-color-dinas-7)" style={{ flexShrink: 0 }} />
                <Stack gap={6} align="flex-start">
                  <div>
                    <Text fw={600} size="sm">
                      Ingin mencoba dulu?
                    </Text>
                    <Text size="sm">
                      Isi otomatis dengan data contoh Dinas Kominfotik Kabupaten Kapuas Hulu dan empat akun contoh. Tanda
                      “Data contoh” tampil selama data ini dipakai.
                    </Text>
                  </div>
                  <Button onClick={() => void loadDemo()} loading={loadingDemo} size="xs" leftSection={<IconFlask size={16} />}>
                    Coba dengan data contoh
                  </Button>
                </Stack>
              </Group>
            </Paper>
          </SimpleGrid>
        )}
        {active === 0 && (
          <Paper withBorder p="sm" mb="sm">
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm">
                <b>Mengganti laptop?</b> Pulihkan data kantor dari berkas cadangan (.ppidbackup) laptop lama, tanpa penyiapan awal.
              </Text>
              <RestoreFromFile mode="setup" label="Pulihkan dari cadangan…" />
            </Group>
          </Paper>
        )}

        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (active === LAST) void complete();
            else next();
          }}
        >
          <Paper withBorder p="md" ref={contentRef}>
            <SetupStepTitle steps={STEPS} active={active} />
            {active === 0 && (
              <>
                <OfficeKindChoice value={values.officeKind} onChange={(k) => form.setFieldValue('officeKind', k)} />
                <Divider my="md" />
                <OfficeFields form={form} />
                <Divider my="md" />
                <EmblemPicker value={emblem} onChange={setEmblem} />
              </>
            )}
            {active === 1 && <OfficialsFields form={form} kind={values.officeKind} />}
            {active === 2 && <DocumentFields form={form} unitCode={values.office.unitCode} />}
            {active === 3 && (
              <AccountsStep form={f} rows={values.accounts} slots={peopleOf(values.officials, values.officeKind)} coverage={coverage} kind={values.officeKind} />
            )}
            {active === 4 && (
              <SummaryStep
                kind={values.officeKind}
                office={values.office}
                officials={values.officials}
                documents={values.documents}
                accounts={values.accounts}
                emblem={emblem}
              />
            )}
            {serverError && (
              <Alert color="red" variant="light" title="Penyiapan belum tersimpan" icon={<IconInfoCircle />} mt="md" role="alert">
                <Text size="sm">{serverError.message}</Text>
                {serverError.details.map((d) => (
                  <Text size="sm" key={d}>
                    {d}
                  </Text>
                ))}
              </Alert>
            )}
          </Paper>

          <Box
            pos="fixed"
            bottom={0}
            left={0}
            right={0}
            bg="white"
            py={10}
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 10 }}
          >
            <Container size={1140}>
              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} />}
                  onClick={() => goTo(active - 1)}
                  disabled={active === 0 || saving}
                >
                  Kembali
                </Button>
                {active < LAST ? (
                  <Button type="submit" rightSection={<IconArrowRight size={16} />}>
                    Lanjut
                  </Button>
                ) : (
                  <Button type="submit" color="teal" loading={saving} leftSection={<IconCheck size={16} />}>
                    Simpan dan mulai
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

const KIND_ABOUT: Record<OfficeKind, string> = {
  opd: 'Dinas, badan, kecamatan: menyusun Daftar Informasi Publik sendiri menurut SOP, lalu mengirim paketnya ke PPID Utama.',
  utama: 'Diskominfo kabupaten: menerima paket semua OPD, memegang register OPD dan menyusun daftar informasi kabupaten.',
};

/** The first question of a new office: what kind of office this laptop works for. */
function OfficeKindChoice({ value, onChange }: { value: OfficeKind; onChange(kind: OfficeKind): void }) {
  return (
    <Radio.Group
      label="Jenis kantor"
      description="Menentukan menu, pejabat dan peran akun di aplikasi ini."
      value={value}
      onChange={(v) => onChange(v as OfficeKind)}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {OFFICE_KINDS.map((k) => (
          <Paper key={k} withBorder p="sm" bg={value === k ? 'dinas.0' : undefined} style={value === k ? { borderColor: 'var(--mantine-color-dinas-5)' } : undefined}>
            <Radio value={k} label={OFFICE_KIND_LABELS[k]} description={KIND_ABOUT[k]} />
          </Paper>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
