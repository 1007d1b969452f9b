import { ActionIcon, Button, Grid, Group, Input, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { loose, type OfficeValues } from './types';

/** Kop surat data: the same fields in the setup wizard and in Pengaturan › Kantor. */
export function OfficeFields<T extends { office: OfficeValues }>({ form }: { form: UseFormReturnType<T> }) {
  const f = loose(form);
  const bidang = form.values.office.bidang;
  const listError = form.errors['office.bidang'];

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <TextInput
          label="Pemerintah daerah"
          description="Ditulis di baris pertama kop surat."
          placeholder="mis. Kabupaten Kapuas Hulu"
          withAsterisk
          {...f.getInputProps('office.pemda')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <TextInput
          label="Nama OPD"
          description="Nama lengkap perangkat daerah, tanpa singkatan."
          placeholder="mis. Dinas Komunikasi, Informatika dan Statistik"
          withAsterisk
          {...f.getInputProps('office.opdName')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          label="Kode unit"
          description="Dipakai dalam nomor Nota Dinas."
          placeholder="mis. Diskominfotik"
          withAsterisk
          {...f.getInputProps('office.unitCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          label="Tempat penandatanganan"
          description="Nama tempat sebelum tanggal surat."
          placeholder="mis. Putussibau"
          withAsterisk
          {...f.getInputProps('office.placeName')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label="Telepon" placeholder="mis. (0567) 21012" {...f.getInputProps('office.phone')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          label="Alamat kantor"
          placeholder="mis. Jalan Lintas Selatan No. 12, Putussibau, Kalimantan Barat 78711"
          withAsterisk
          autosize
          minRows={1}
          maxRows={3}
          {...f.getInputProps('office.address')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="E-mail" type="email" placeholder="mis. diskominfotik@kapuashulukab.go.id" {...f.getInputProps('office.email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Website" placeholder="mis. diskominfotik.kapuashulukab.go.id" {...f.getInputProps('office.website')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Input.Wrapper
          label="Daftar bidang"
          description="Unit kerja yang menyerahkan bahan informasi. Urutan ini dipakai dalam Nota Dinas."
          withAsterisk
          error={typeof listError === 'string' || listError ? listError : undefined}
        >
          <Stack gap={6} mt={6}>
            {bidang.map((_, index) => (
              <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={22} ta="right" mt={7}>
                  {index + 1}.
                </Text>
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={`Nama bidang ${index + 1}`}
                  placeholder="mis. Bidang Informasi dan Komunikasi Publik"
                  {...f.getInputProps(`office.bidang.${index}`)}
                />
                <Tooltip label="Hapus bidang ini">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={36}
                    aria-label={`Hapus bidang ${index + 1}`}
                    disabled={bidang.length <= 1}
                    onClick={() => f.removeListItem('office.bidang', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            <Group gap="xs" pl={30}>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                disabled={bidang.length >= 30}
                onClick={() => {
                  f.insertListItem('office.bidang', '');
                  // Straight into the new row: typing a list of bidang should not need the mouse.
                  const n = bidang.length + 1;
                  window.setTimeout(() => document.querySelector<HTMLInputElement>(`input[aria-label="Nama bidang ${n}"]`)?.focus(), 30);
                }}
              >
                Tambah bidang
              </Button>
            </Group>
          </Stack>
        </Input.Wrapper>
      </Grid.Col>
    </Grid>
  );
}
