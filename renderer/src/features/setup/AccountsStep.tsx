import { Alert, Checkbox, Fieldset, Grid, List, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { OFFICE_ROLES, ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { PASSWORD_MIN } from '../../../../electron/core/domain/office';
import type { OfficeKind } from '../../../../electron/core/domain/regency/model';
import type { LooseForm } from '../../components/forms/types';
import { LEGEND_STYLES } from '../../components/forms/PersonFields';
import { roleOptions, type AccountRow, type PersonSlot } from './accounts';

export function AccountsStep({
  form,
  rows,
  slots,
  coverage,
  kind = 'opd',
}: {
  form: LooseForm;
  rows: AccountRow[];
  slots: PersonSlot[];
  coverage: string[];
  kind?: OfficeKind;
}) {
  const options = roleOptions(kind);
  return (
    <Stack gap="sm">
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} p="xs">
        <Text size="sm">
          Setiap orang masuk dengan akunnya sendiri, sehingga riwayat mencatat siapa melakukan apa. Perlu minimal satu akun
          untuk setiap peran ({OFFICE_ROLES[kind].map((r) => ROLE_LABELS[r]).join(', ')}) dan satu administrator.
          {kind === 'utama' && ' Hanya peran PPID Utama yang dapat mempercayai kunci laptop OPD dan menandatangani daftar kabupaten.'}{' '}
          Administrator dapat mengubah Pengaturan dan mengelola akun. Kata sandi minimal {PASSWORD_MIN} karakter.
        </Text>
      </Alert>
      {rows.map((row, i) => {
        const slot = slots.find((s) => s.person.id === row.personId);
        const name = slot?.person.name || '(nama belum diisi)';
        const path = `accounts.${i}`;
        return (
          <Fieldset
            key={row.personId}
            legend={`Akun ${slot?.title ?? ''}: ${name}`}
            p="sm"
            pt={4}
            styles={LEGEND_STYLES}
            style={row.create ? undefined : { opacity: 0.75 }}
          >
            <Grid gap="sm" align="flex-start" columns={24}>
              <Grid.Col span={24}>
                <Switch
                  size="xs"
                  label="Buat akun"
                  checked={row.create}
                  onChange={(e) => form.setFieldValue(`${path}.create`, e.currentTarget.checked)}
                />
              </Grid.Col>
              {row.create && (
                <>
                  <Grid.Col span={{ base: 24, sm: 5 }}>
                    <TextInput label="Nama pengguna" autoComplete="off" spellCheck={false} withAsterisk {...form.getInputProps(`${path}.username`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 24, sm: 5 }}>
                    <Select label="Peran" data={options} withAsterisk {...form.getInputProps(`${path}.role`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 24, sm: 4 }}>
                    <Checkbox
                      mt={30}
                      label="Administrator"
                      {...form.getInputProps(`${path}.isAdmin`, { type: 'checkbox' })}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 24, sm: 5 }}>
                    <PasswordInput label="Kata sandi" autoComplete="new-password" withAsterisk {...form.getInputProps(`${path}.password`)} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 24, sm: 5 }}>
                    <PasswordInput label="Ulangi kata sandi" autoComplete="new-password" withAsterisk {...form.getInputProps(`${path}.confirm`)} />
                  </Grid.Col>
                </>
              )}
            </Grid>
          </Fieldset>
        );
      })}
      {coverage.length > 0 && (
        <Alert color="red" variant="light" title="Akun belum lengkap" role="alert" p="sm">
          <List size="sm" spacing={2}>
            {coverage.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
