import { useState } from 'react';
import { Fieldset, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { registerEntryInputSchema, type RegisterEntry } from '../../../../electron/core/domain/regency/model';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { issuesToErrors, notifySaved } from '../../components/feedback';
import { FormFooter } from '../../components/FormFooter';

/**
 * Adds an OPD to the register, or corrects its name, unit code and PPID Pembantu contact.
 * The fields are checked as the core checks them; what only the core can know (a unit code
 * another OPD already has) comes back as its message, on the field it concerns.
 */
export function EntryModal({ entry, onClose, onSaved }: { entry: RegisterEntry | null; onClose(): void; onSaved(entry: RegisterEntry): void }) {
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: entry?.name ?? '',
      unitCode: entry?.unitCode ?? '',
      contact: { name: entry?.contact.name ?? '', phone: entry?.contact.phone ?? '', email: entry?.contact.email ?? '' },
    },
    validate: zod4Resolver(registerEntryInputSchema),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    const r = await call('utama.saveEntry', { entryId: entry?.entryId ?? null, ...values });
    setBusy(false);
    if (r.ok) {
      notifySaved(entry ? `${r.data.name} disimpan` : `${r.data.name} ditambahkan ke register`);
      onSaved(r.data);
      return;
    }
    form.setErrors(issuesToErrors(r.issues).errors);
    setFailure(r);
  });

  return (
    <Modal opened onClose={onClose} title={entry ? `Ubah data ${entry.name}` : 'Tambah OPD ke register'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {entry?.officeId && (
            <Text size="xs" c="dimmed">
              OPD ini sudah mengirim paket. Mengubah nama atau kode unit di sini tidak mengubah paket yang sudah diterima; paketnya
              tetap dikenali dari pengenal kantornya.
            </Text>
          )}
          <TextInput label="Nama OPD" placeholder="Dinas Pendidikan" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Kode unit"
            description="Seperti di Pengaturan › Kantor pada laptop OPD, misalnya Disdik. Dipakai untuk mengenali paket pertamanya."
            w={260}
            {...form.getInputProps('unitCode')}
          />
          <Fieldset legend="Kontak PPID Pembantu" p="sm">
            <Stack gap="xs">
              <TextInput label="Nama" {...form.getInputProps('contact.name')} />
              <Group grow align="flex-start">
                <TextInput label="Telepon" placeholder="0812 …" {...form.getInputProps('contact.phone')} />
                <TextInput label="E-mail" type="email" {...form.getInputProps('contact.email')} />
              </Group>
            </Stack>
          </Fieldset>
          <FormFooter failure={failure} busy={busy} submitLabel={entry ? 'Simpan' : 'Tambahkan'} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
