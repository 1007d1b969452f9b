import { Checkbox, Grid, Group, Paper, Radio, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { formatDecreeNumber } from '../../../../electron/core/domain/numbering';
import { FONTS, OFFICE_PATTERN_TOKENS, documentSettingsSchema, listDecreeSchema } from '../../../../electron/core/domain/office';
import { officeNow, officeTimeZone } from '../../i18n/office-clock';
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
  // Settings saved before the decree existed have none until saved again: show the default.
  const decree = d.listDecree ?? listDecreeSchema.parse({});
  const decreeCheck = listDecreeSchema.shape.pattern.safeParse(decree.pattern);
  const decreeExample = decreeCheck.success
    ? formatDecreeNumber(decree.pattern, { kode: d.kodeKlasifikasi || '500.12.2', unit: unitCode || 'UNIT', year: 0, date: officeNow(), timeZone: officeTimeZone() })
    : null;

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
      <Grid.Col span={12}>
        <Checkbox
          label="DIP dan DIK ditetapkan dengan Keputusan"
          description="Bila daerah Anda menetapkan daftar dengan Keputusan, daftar dicetak sebagai lampirannya: LAMPIRAN / KEPUTUSAN … / NOMOR / TANGGAL / TENTANG di kanan atas."
          checked={decree.enabled}
          onChange={(e) => f.setFieldValue('documents.listDecree', { ...decree, enabled: e.currentTarget.checked })}
        />
      </Grid.Col>
      {decree.enabled && (
        <>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label="Ditetapkan oleh"
              data={[
                { value: 'kepala', label: 'Kepala OPD (atasan PPID)' },
                { value: 'ppid', label: 'PPID Pembantu' },
              ]}
              value={decree.issuer}
              allowDeselect={false}
              onChange={(v) => f.setFieldValue('documents.listDecree', { ...decree, issuer: v === 'ppid' ? 'ppid' : 'kepala' })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label="Pola nomor Keputusan"
              description="Nomor urut Keputusan diisi tangan dari buku agenda (dicetak ……); tahun dan bulan mengikuti tanggal penandatanganan."
              spellCheck={false}
              classNames={{ input: 'mono' }}
              value={decree.pattern}
              error={decreeCheck.success ? undefined : decreeCheck.error.issues[0]?.message}
              onChange={(e) => f.setFieldValue('documents.listDecree', { ...decree, pattern: e.currentTarget.value })}
            />
            <Text size="xs" c="dimmed" mt={4} data-testid="contoh-nomor-keputusan">
              {decreeExample ? `Contoh: NOMOR ${decreeExample}` : '—'}
            </Text>
          </Grid.Col>
        </>
      )}
    </Grid>
  );
}
