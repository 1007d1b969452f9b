import { useState } from 'react';
import { Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import type { CycleSummary } from '../../../../electron/core/domain/cycle-views';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { issuesToErrors, notifySaved } from '../../components/feedback';
import { formatDate } from '../../i18n/date';
import { officeNow, officeTimeZone } from '../../i18n/office-clock';
import { yearIn } from '../../../../electron/core/domain/calendar';
import { FormFooter } from '../../components/FormFooter';

/** Starts a cycle: name, year and, when a signed DIP exists, whether to carry it over. */
export function NewCycleModal({ opened, onClose, cycles }: { opened: boolean; onClose(): void; cycles: CycleSummary[] }) {
  const navigate = useNavigate();
  // The office's year by the core's clock: on 31 December at 23.30 WIB it is still this year.
  const nextYear = yearIn(officeNow(), officeTimeZone()) + 1;
  const signed = cycles.filter((c) => c.signed).sort((a, b) => b.year - a.year);
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: `DIP ${nextYear}`, year: nextYear as number | string, carryFrom: signed[0]?.id ?? '' },
    validate: {
      title: (v) => (v.trim().length < 3 ? 'Nama siklus minimal 3 karakter.' : null),
      year: (v) => (typeof v !== 'number' || v < 2000 || v > 2100 ? 'Tahun tidak valid.' : null),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setFailure(null);
    const r = await call('cycles.create', { title: v.title.trim(), year: Number(v.year), carryFrom: v.carryFrom || null });
    setBusy(false);
    if (r.ok) {
      notifySaved(`Siklus "${v.title.trim()}" dimulai`);
      onClose();
      navigate(`/siklus/${r.data.id}`);
      return;
    }
    form.setErrors(issuesToErrors(r.issues).errors);
    setFailure(r);
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Mulai siklus pendokumentasian baru" size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Satu siklus menghasilkan Daftar Informasi Publik (DIP) satu tahun: dari identifikasi informasi sampai DIP
            ditandatangani Kepala OPD dan Daftar Informasi yang Dikecualikan diarsipkan.
          </Text>
          <TextInput label="Nama siklus" withAsterisk data-autofocus {...form.getInputProps('title')} />
          <NumberInput
            label="Tahun DIP"
            withAsterisk
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('year')}
            onChange={(v) => {
              const prev = form.values.year;
              form.setFieldValue('year', v);
              // Keep the suggested name in step with the year until the user writes their own.
              if (form.values.title === `DIP ${prev}` && typeof v === 'number') form.setFieldValue('title', `DIP ${v}`);
            }}
          />
          <Select
            label="Lanjutkan dari DIP yang sudah ditandatangani"
            description={
              signed.length
                ? 'Informasi dari DIP itu dibawa sebagai titik awal; Anda tinggal menambah, mengubah atau menghapus. Kepala OPD nanti melihat perubahannya.'
                : 'Belum ada DIP yang ditandatangani; siklus dimulai dari daftar kosong.'
            }
            data={[
              { value: '', label: 'Tidak, mulai dari daftar kosong' },
              ...signed.map((c) => ({ value: c.id, label: `${c.title} (ditandatangani ${formatDate(c.signed!.at)})` })),
            ]}
            disabled={!signed.length}
            {...form.getInputProps('carryFrom')}
          />
          <FormFooter failure={failure} busy={busy} submitLabel="Mulai siklus" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
