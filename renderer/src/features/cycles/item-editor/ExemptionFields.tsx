import { Grid, Group, Paper, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import {
  angkaChoices,
  angkaText,
  isUnlimitedInTime,
  jangkaWaktuHint,
  legalBasisText,
  needsOtherLaw,
  PASAL17,
  withHuruf,
  type Exemption,
} from '../../../../../electron/core/domain/information';
import { bind, type ItemForm } from './form';

/** The uji konsekuensi of an exempt item: its legal basis (Pasal 17 letter and number, or another law), consequence, interest and period. */
export function ExemptionFields({ form }: { form: ItemForm }) {
  const e = form.values.exemption;
  const angka = angkaChoices(e);
  const unlimited = isUnlimitedInTime(e);

  const setHuruf = (h: string | null) => {
    const next = withHuruf(e, (h ?? '') as Exemption['huruf']);
    form.setFieldValue('exemption.huruf', next.huruf);
    if (next.angka !== e.angka) form.setFieldValue('exemption.angka', next.angka);
    if (next.jangkaWaktu !== e.jangkaWaktu) form.setFieldValue('exemption.jangkaWaktu', next.jangkaWaktu);
  };

  return (
    <Paper withBorder p="sm" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-2)' }} role="group" aria-label="Uji konsekuensi">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h6">
            Uji konsekuensi (Pasal 17 dan 19 UU 14/2008)
          </Title>
          <Text size="xs" c="dimmed">
            Informasi ini tidak dimuat dalam DIP, hanya dalam Daftar Informasi yang Dikecualikan.
          </Text>
        </div>
        <Radio.Group label="Dasar pengecualian" withAsterisk {...form.getInputProps('exemption.basis')}>
          <Group gap="lg" mt={6}>
            <Radio value="pasal17" label="Pasal 17 UU 14/2008" />
            <Radio value="uu_lain" label="Undang-undang lain" />
          </Group>
        </Radio.Group>
        {e.basis === 'pasal17' && (
          <Grid gap="sm">
            <Grid.Col span={12}>
              <Select
                label="Pasal 17 huruf"
                placeholder="Pilih huruf"
                withAsterisk
                data-field="exemption.huruf"
                data={PASAL17.map((g) => ({ value: g.huruf, label: `${g.huruf}. ${g.ringkas}` }))}
                value={e.huruf || null}
                onChange={setHuruf}
                error={form.errors['exemption.huruf']}
              />
            </Grid.Col>
            {angka.length > 0 && (
              <Grid.Col span={12}>
                {/* Each number with what it means in the law, as the letters are listed. */}
                <Select
                  label="Angka"
                  placeholder="Pilih angka"
                  withAsterisk
                  data-field="exemption.angka"
                  data={angka.map((n) => ({ value: String(n), label: `angka ${n}: ${angkaText(e.huruf, n)}` }))}
                  value={e.angka ? String(e.angka) : null}
                  onChange={(x) => form.setFieldValue('exemption.angka', Number(x ?? 0))}
                  error={form.errors['exemption.angka']}
                  comboboxProps={{ width: 'target' }}
                  renderOption={({ option }) => <Text size="sm">{option.label}</Text>}
                />
              </Grid.Col>
            )}
          </Grid>
        )}
        {needsOtherLaw(e) && (
          <Grid gap="sm">
            <Grid.Col span={8}>
              <TextInput
                label="Undang-undang"
                placeholder="mis. UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"
                withAsterisk
                {...bind(form, 'exemption.undangUndang')}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label="Pasal" placeholder="mis. Pasal 4" withAsterisk {...form.getInputProps('exemption.pasal')} />
            </Grid.Col>
          </Grid>
        )}
        <Textarea label="Konsekuensi bila informasi dibuka" withAsterisk autosize minRows={2} {...bind(form, 'exemption.konsekuensi')} />
        <Textarea label="Pertimbangan bila ditutup (kepentingan yang dilindungi)" withAsterisk autosize minRows={2} {...bind(form, 'exemption.pertimbangan')} />
        <TextInput
          label="Jangka waktu pengecualian"
          placeholder={unlimited ? 'Tidak dibatasi waktu' : 'mis. 5 tahun'}
          description={jangkaWaktuHint(e)}
          withAsterisk={!unlimited}
          disabled={unlimited}
          {...bind(form, 'exemption.jangkaWaktu')}
        />
        {(e.huruf || e.basis === 'uu_lain') && (
          <Text size="xs">
            Dasar hukum pada DIK: <b>{legalBasisText(e) || '—'}</b>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
