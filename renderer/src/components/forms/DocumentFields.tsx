import { Grid, Group, Paper, Radio, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { FONTS, OFFICE_PATTERN_TOKENS, documentSettingsSchema } from '../../../../electron/core/domain/office';
import { exampleNumber } from './numbering';
import { loose, type DocumentValues } from './types';

const FONT_SIZES = ['10', '11', '12', '13', '14'];

/** Page setup and numbering for the documents the app prints. */
export function DocumentFields<T extends { documents: DocumentValues }>({ form, unitCode }: { form: UseFormReturnType<T>; unitCode: string }) {
  const f = loose(form);
  const d = form.values.documents;
  const patternCheck = documentSettingsSchema.shape.notaDinasPattern.safeParse(d.notaDinasPattern);
  const patternOk = patternCheck.success;
  const example = exampleNumber(d.notaDinasPattern, { kode: d.kodeKlasifikasi, unit: unitCode });

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Radio.Group label="Ukuran kertas" withAsterisk {...f.getInputProps('documents.paper')}>
          <Group gap="md" mt={8}>
            <Radio value="F4" label="F4 / folio (215 × 330 mm)" size="sm" />
            <Radio value="A4" label="A4 (210 × 297 mm)" size="sm" />
          </Group>
        </Radio.Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Select label="Jenis huruf" data={[...FONTS]} withAsterisk {...f.getInputProps('documents.font')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <Select
          label="Ukuran huruf (pt)"
          data={FONT_SIZES}
          withAsterisk
          {...f.getInputProps('documents.fontSize')}
          value={String(d.fontSize)}
          onChange={(v) => f.setFieldValue('documents.fontSize', Number(v ?? 12))}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          label="Kode klasifikasi arsip"
          description="Permendagri 83/2022, mis. 500.12.2"
          withAsterisk
          {...f.getInputProps('documents.kodeKlasifikasi')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput
          label="Pola nomor Nota Dinas"
          description={`Penanda yang boleh dipakai: ${OFFICE_PATTERN_TOKENS.map((t) => `{${t}}`).join(' ')}. Nomor urut dimulai lagi setiap tahun.`}
          withAsterisk
          spellCheck={false}
          classNames={{ input: 'mono' }}
          {...f.getInputProps('documents.notaDinasPattern')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed" className="nowrap">
              Contoh nomor Nota Dinas:
            </Text>
            <Text size="sm" fw={600} className="mono" c={patternOk ? undefined : 'dimmed'} data-testid="contoh-nomor">
              {patternOk ? example : '—'}
            </Text>
            {!patternOk && (
              <Text size="xs" c="orange.8">
                {patternCheck.error.issues[0]?.message}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            Nota Dinas dicetak pada kertas {d.paper === 'F4' ? 'F4' : 'A4'} dengan huruf {d.font} {d.fontSize} pt. Daftar Informasi
            Publik dan Daftar Informasi yang Dikecualikan dicetak mendatar (landscape).
          </Text>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
