import { Alert, Box, Button, Card, Center, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArchive, IconBuilding, IconCalendar, IconDeviceLaptop, IconFileText, IconHistory, IconLock, IconPhoto, IconUsers, IconUserShield } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useLoad } from '../../api/useCall';
import { useUser } from '../../app/context';
import { DocumentsTab, OfficeTab, OfficialsTab } from './SettingsForms';
import { EmblemTab } from './EmblemTab';
import { UsersTab } from './UsersTab';
import { AuditTab } from './AuditTab';
import { CalendarTab } from './CalendarTab';
import { DevicesTab } from './DevicesTab';
import { BackupTab } from './BackupTab';
import { SharedFoldersSection } from './SharedFoldersSection';
import { RelaySection } from './RelaySection';

const TABS = [
  { value: 'kantor', label: 'Kantor', icon: IconBuilding },
  { value: 'pejabat', label: 'Pejabat', icon: IconUserShield },
  { value: 'dokumen', label: 'Dokumen', icon: IconFileText },
  { value: 'lambang', label: 'Lambang', icon: IconPhoto },
  { value: 'kalender', label: 'Kalender kerja', icon: IconCalendar },
  { value: 'akun', label: 'Akun pengguna', icon: IconUsers },
  { value: 'perangkat', label: 'Perangkat', icon: IconDeviceLaptop },
  { value: 'cadangan', label: 'Cadangan', icon: IconArchive },
  { value: 'riwayat', label: 'Riwayat perubahan', icon: IconHistory },
] as const;
type TabValue = (typeof TABS)[number]['value'];

export function SettingsPage() {
  const user = useUser();
  if (!user.isAdmin) {
    return (
      <Center mih={320}>
        <Alert color="gray" variant="light" icon={<IconLock />} title="Hanya administrator" maw={520}>
          Halaman Pengaturan hanya dapat dibuka oleh administrator. Bila data kantor, pejabat atau akun perlu diubah,
          hubungi administrator PPID Desk di kantor Anda.
        </Alert>
      </Center>
    );
  }
  return <AdminSettings />;
}

function AdminSettings() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const settings = useLoad('settings.get');
  const active: TabValue = TABS.some((t) => t.value === tab) ? (tab as TabValue) : 'kantor';

  return (
    <Stack gap="sm" maw={1180}>
      <div>
        <Title order={1} size="h3">
          Pengaturan
        </Title>
        <Text size="sm" c="dimmed">
          Data kantor, pejabat dan dokumen dipakai pada setiap Nota Dinas dan daftar yang dicetak. Setiap perubahan tercatat
          di Riwayat perubahan.
        </Text>
      </div>
      <Tabs
        value={active}
        onChange={(v) => v && navigate(`/pengaturan/${v}`)}
        keepMounted={false}
        variant="outline"
        // Nine tabs on one line at 1366×768.
        styles={{ tab: { paddingInline: 8 }, tabSection: { marginInlineEnd: 6 } }}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={15} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Card withBorder radius={0} style={{ borderTop: 0 }} p="md">
          {settings.error ? (
            <Alert color="red" variant="light" title="Pengaturan tidak dapat dimuat">
              <Text size="sm" mb="xs">
                {settings.error.message}
              </Text>
              <Button size="xs" variant="white" onClick={() => void settings.reload()}>
                Coba lagi
              </Button>
            </Alert>
          ) : !settings.data ? (
            <Center h={200}>
              <Loader size="sm" />
            </Center>
          ) : (
            <>
              <Tabs.Panel value="kantor">
                <OfficeTab settings={settings.data} onSaved={settings.setData} />
              </Tabs.Panel>
              <Tabs.Panel value="pejabat">
                <OfficialsTab settings={settings.data} onSaved={settings.setData} />
              </Tabs.Panel>
              <Tabs.Panel value="dokumen">
                <DocumentsTab settings={settings.data} onSaved={settings.setData} />
              </Tabs.Panel>
              <Tabs.Panel value="lambang">
                <EmblemTab settings={settings.data} onSaved={settings.setData} />
              </Tabs.Panel>
              <Tabs.Panel value="kalender">
                <CalendarTab settings={settings.data} onSaved={settings.setData} />
              </Tabs.Panel>
              <Tabs.Panel value="akun">
                <UsersTab settings={settings.data} />
              </Tabs.Panel>
              <Tabs.Panel value="perangkat">
                <DevicesTab />
                {/* Shared folders carry an OPD's own packages between its laptops; the PPID Utama receives OPD packages in its intake. */}
                {settings.data.officeKind !== 'utama' && (
                  <Box mt="md">
                    <SharedFoldersSection />
                  </Box>
                )}
                {/* The relay: an OPD's laptops share their acts; the PPID Utama reads every OPD of the regency's database. */}
                <RelaySection utama={settings.data.officeKind === 'utama'} />
              </Tabs.Panel>
              <Tabs.Panel value="cadangan">
                <BackupTab />
              </Tabs.Panel>
              <Tabs.Panel value="riwayat">
                <AuditTab />
              </Tabs.Panel>
            </>
          )}
        </Card>
      </Tabs>
    </Stack>
  );
}
