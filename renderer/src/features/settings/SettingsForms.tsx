import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { z } from 'zod';
import type { SettingsView } from '../../../../electron/core/contract';
import { calendarSettingsSchema, documentSettingsSchema, officeSchema, officialsSchema } from '../../../../electron/core/domain/office';
import type { CalendarSettings } from '../../../../electron/core/domain/calendar';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { useApp } from '../../app/context';
import { focusFirstError, issuesToErrors, notifyError, notifySaved } from '../../components/feedback';
import { DocumentFields } from '../../components/forms/DocumentFields';
import { OfficeFields } from '../../components/forms/OfficeFields';
import { OfficialsFields } from '../../components/forms/OfficialsFields';
import type { DocumentValues, OfficeValues, OfficialsValues } from '../../components/forms/types';

type Section = 'office' | 'officials' | 'documents' | 'calendar';
type SectionValues = { office: OfficeValues; officials: OfficialsValues; documents: DocumentValues; calendar: CalendarSettings };

const schemas = {
  office: z.object({ office: officeSchema }),
  officials: z.object({ officials: officialsSchema }),
  documents: z.object({ documents: documentSettingsSchema }),
  calendar: z.object({ calendar: calendarSettingsSchema }),
};

/**
 * One section of settings.json as a form: the same field groups as the setup wizard, the
 * same zod schema as the core, saved through `settings.update` with only that section.
 */
export function useSectionForm<S extends Section>(section: S, settings: SettingsView, onSaved: (s: SettingsView) => void) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const form = useForm<Pick<SectionValues, S>>({
    mode: 'controlled',
    initialValues: { [section]: settings[section] } as Pick<SectionValues, S>,
    validate: zod4Resolver(schemas[section]),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(
    async (values) => {
      setSaving(true);
      setFailure(null);
      const result = await call('settings.update', { [section]: values[section] });
      setSaving(false);
      if (result.ok) {
        const next = { [section]: result.data[section] } as Pick<SectionValues, S>;
        form.setValues(next);
        form.resetDirty(next);
        onSaved(result.data);
        notifySaved();
        return;
      }
      const { errors } = issuesToErrors(result.issues);
      form.setErrors(errors);
      setFailure(result);
      notifyError(result);
      focusFirstError();
    },
    () => focusFirstError(),
  );
  return { form, submit, saving, failure };
}

export function SaveBar({ form, saving, failure }: { form: Pick<UseFormReturnType<object>, 'isDirty' | 'reset'>; saving: boolean; failure: Err | null }) {
  const dirty = form.isDirty();
  return (
    <Stack gap="xs" mt="md">
      {failure && (
        <Alert color="red" variant="light" p="xs" role="alert">
          <Text size="sm">{failure.message}</Text>
        </Alert>
      )}
      <Group justify="space-between" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'}>
          {dirty ? 'Ada perubahan yang belum disimpan.' : 'Tidak ada perubahan.'}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => form.reset()} disabled={!dirty || saving}>
            Batalkan perubahan
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty} leftSection={<IconDeviceFloppy size={16} />}>
            Simpan
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

export function Section({ intro, children }: { intro: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      {children}
    </Stack>
  );
}

export type TabProps = { settings: SettingsView; onSaved(s: SettingsView): void };

export function OfficeTab({ settings, onSaved }: TabProps) {
  const { refreshStatus } = useApp();
  const { form, submit, saving, failure } = useSectionForm('office', settings, (s) => {
    onSaved(s);
    void refreshStatus(); // the header shows the OPD's name
  });
  return (
    <form onSubmit={submit} noValidate>
      <Section intro="Data ini membentuk kop surat: nama pemerintah daerah, nama OPD, alamat dan kontak.">
        <OfficeFields form={form} />
      </Section>
      <SaveBar form={form} saving={saving} failure={failure} />
    </form>
  );
}

export function OfficialsTab({ settings, onSaved }: TabProps) {
  const { form, submit, saving, failure } = useSectionForm('officials', settings, onSaved);
  const users = useLoad('users.list');
  const locked = (users.data ?? []).map((u) => u.personId);
  return (
    <form onSubmit={submit} noValidate>
      <Section intro="Nama, pangkat dan NIP di sini dicetak di bawah tanda tangan. Operator yang punya akun tidak dapat dihapus dari daftar.">
        <OfficialsFields form={form} lockedPersonIds={locked} kind={settings.officeKind} />
      </Section>
      <SaveBar form={form} saving={saving} failure={failure} />
    </form>
  );
}

export function DocumentsTab({ settings, onSaved }: TabProps) {
  const { form, submit, saving, failure } = useSectionForm('documents', settings, onSaved);
  return (
    <form onSubmit={submit} noValidate>
      <Section intro="Ukuran kertas, huruf dan penomoran berlaku untuk dokumen yang dibuat sesudah perubahan disimpan.">
        <DocumentFields form={form} unitCode={settings.office.unitCode} />
      </Section>
      <SaveBar form={form} saving={saving} failure={failure} />
    </form>
  );
}
