import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Grid, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  NATIONAL_HOLIDAYS,
  OFFICE_TIME_ZONES,
  ZONE_LABELS,
  describeOfficeHours,
  formatHariTanggal,
  parseTimeOfDay,
  workingDayMinutes,
  type CalendarSettings,
} from '../../../../electron/core/domain/calendar';
import { WORKING_DAY_OPTIONS } from '../../../../electron/core/domain/office';
import { useApp } from '../../app/context';
import { loose } from '../../components/forms/types';
import { SaveBar, Section, useSectionForm, type TabProps } from './SettingsForms';

const YEARS = [...new Set(NATIONAL_HOLIDAYS.map((h) => h.date.slice(0, 4)))];

/** "8 jam 30 menit" */
function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} jam` : '', m ? `${m} menit` : ''].filter(Boolean).join(' ') || '0 menit';
}

/** A holiday's day as people read it; the raw text when it is not a date yet. */
function dayLabel(date: string): string {
  try {
    // Noon UTC lies on the same calendar day in every Indonesian zone.
    return formatHariTanggal(`${date}T05:00:00Z`, 'Asia/Jakarta');
  } catch {
    return date;
  }
}

/**
 * Pengaturan → Kalender kerja: the office's zone, office hours and days off. Every date on
 * screen and paper and every lateness figure is computed from these.
 */
export function CalendarTab({ settings, onSaved }: TabProps) {
  const { refreshStatus } = useApp();
  const { form, submit, saving, failure } = useSectionForm('calendar', settings, (s) => {
    onSaved(s);
    void refreshStatus(); // the screens format dates and count lateness from the status' calendar
  });
  const f = loose(form);
  const c = form.values.calendar;
  const [year, setYear] = useState(YEARS[0] ?? '2026');
  const hoursOk = parseTimeOfDay(c.officeStart) !== null && parseTimeOfDay(c.officeEnd) !== null && workingDayMinutes(c) > 0;
  const removed = new Set(c.removedHolidays);

  const setCalendar = (patch: Partial<CalendarSettings>) => form.setFieldValue('calendar', { ...c, ...patch });
  const toggleNational = (date: string, observed: boolean) =>
    setCalendar({ removedHolidays: observed ? c.removedHolidays.filter((d) => d !== date) : [...c.removedHolidays, date].sort() });

  return (
    <form onSubmit={submit} noValidate>
      <Section intro="Zona waktu, jam kerja dan hari libur kantor. Semua tanggal di layar, di dokumen dan di nomor surat memakai zona waktu ini; batas waktu SOP dihitung dalam jam kerja.">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Zona waktu kantor"
              withAsterisk
              allowDeselect={false}
              data={OFFICE_TIME_ZONES.map((z) => ({ value: z, label: ZONE_LABELS[z] }))}
              {...f.getInputProps('calendar.timeZone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Jam mulai kerja" description="Contoh: 07.30" withAsterisk placeholder="07.30" {...f.getInputProps('calendar.officeStart')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Jam selesai kerja" description="Contoh: 16.00" withAsterisk placeholder="16.00" {...f.getInputProps('calendar.officeEnd')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox.Group
              label="Hari kerja"
              withAsterisk
              value={c.workingDays.map(String)}
              onChange={(v) => form.setFieldValue('calendar.workingDays', v.map(Number).sort((a, b) => a - b))}
              error={form.errors['calendar.workingDays']}
            >
              <Group gap="md" mt={6}>
                {WORKING_DAY_OPTIONS.map((d) => (
                  <Checkbox key={d.value} value={String(d.value)} label={d.label} size="sm" />
                ))}
              </Group>
            </Checkbox.Group>
          </Grid.Col>
          <Grid.Col span={12}>
            <Paper withBorder p="sm" bg="gray.0" aria-live="polite" data-testid="kalender-ringkasan">
              {hoursOk && c.workingDays.length ? (
                <Text size="sm">
                  Dihitung dalam jam kerja: {describeOfficeHours(c)}. Standar SOP <b>1 hari</b> = satu hari kerja ={' '}
                  <b>{hoursText(workingDayMinutes(c))}</b> jam kerja; <b>15 menit</b> = 15 menit jam kerja.
                </Text>
              ) : (
                <Text size="sm" c="red.8">
                  Jam kerja belum lengkap: isi jam mulai dan jam selesai (jam selesai sesudah jam mulai) dan pilih minimal satu hari kerja.
                </Text>
              )}
            </Paper>
          </Grid.Col>
        </Grid>

        <Stack gap="xs" mt="sm">
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={2} size="h5">
                Libur nasional dan cuti bersama
              </Title>
              <Text size="xs" c="dimmed">
                Menurut SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB. Hilangkan centang bila kantor tetap bekerja pada hari itu.
                Tanggal bertanda &quot;perkiraan&quot; belum dipastikan dengan SKB: periksa dan sesuaikan. Daftar bawaan memuat tahun{' '}
                {YEARS.join(' dan ')}; untuk tahun berikutnya tambahkan hari libur dari SKB di bawah.
              </Text>
            </div>
            <SegmentedControl size="xs" value={year} onChange={setYear} data={YEARS} aria-label="Tahun" />
          </Group>
          <Table striped withTableBorder aria-label={`Libur nasional dan cuti bersama ${year}`} verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Libur</Table.Th>
                <Table.Th w={220}>Tanggal</Table.Th>
                <Table.Th>Keterangan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(year)).map((h) => (
                <Table.Tr key={h.date}>
                  <Table.Td>
                    <Checkbox
                      checked={!removed.has(h.date)}
                      onChange={(e) => toggleNational(h.date, e.currentTarget.checked)}
                      aria-label={`${h.name} (${h.date}) diliburkan`}
                    />
                  </Table.Td>
                  <Table.Td>{dayLabel(h.date)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" td={removed.has(h.date) ? 'line-through' : undefined}>
                        {h.name}
                      </Text>
                      {h.kind === 'cuti_bersama' && (
                        <Badge size="xs" variant="light" color="grape">
                          cuti bersama
                        </Badge>
                      )}
                      {h.provisional && (
                        <Badge size="xs" variant="light" color="orange">
                          perkiraan
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>

        <Stack gap="xs" mt="sm">
          <div>
            <Title order={2} size="h5">
              Hari libur tambahan
            </Title>
            <Text size="xs" c="dimmed">
              Libur daerah, cuti bersama yang belum ada di daftar, atau perubahan SKB. Hari ini tidak dihitung dalam batas waktu SOP.
            </Text>
          </div>
          {c.extraHolidays.length === 0 && (
            <Text size="sm" c="dimmed">
              Belum ada hari libur tambahan.
            </Text>
          )}
          {c.extraHolidays.map((h, i) => (
            <Group key={i} align="flex-start" gap="xs" wrap="nowrap" data-testid="libur-tambahan">
              <TextInput type="date" label="Tanggal" withAsterisk w={180} {...f.getInputProps(`calendar.extraHolidays.${i}.date`)} />
              <TextInput label="Keterangan" withAsterisk placeholder="mis. Hari Jadi Kabupaten" style={{ flex: 1 }} {...f.getInputProps(`calendar.extraHolidays.${i}.name`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={`Hapus hari libur ${h.name || h.date || i + 1}`}
                onClick={() => form.removeListItem('calendar.extraHolidays', i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('calendar.extraHolidays', { date: '', name: '' })}>
              Tambah hari libur
            </Button>
          </div>
        </Stack>
      </Section>
      <SaveBar form={form} saving={saving} failure={failure} />
    </form>
  );
}
