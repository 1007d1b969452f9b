import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useApp } from '../../app/context';

export function AboutPage() {
  const { status } = useApp();
  return (
    <Stack gap="sm" maw={760}>
      <Title order={1} size="h3">
        Tentang PPID Desk
      </Title>
      <Card>
        <Text size="sm" mb="sm">
          PPID Desk membantu PPID Pembantu di perangkat daerah mendokumentasikan informasi publik sesuai SOP: dari Nota Dinas,
          Konsep dan Draft Daftar Informasi Publik, sampai daftar yang ditandatangani dan Daftar Informasi yang Dikecualikan
          diarsipkan. Aplikasi berjalan luring; data tersimpan di komputer ini.
        </Text>
        <Table withRowBorders verticalSpacing={6}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>Versi aplikasi</Table.Th>
              <Table.Td>{status.appVersion}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Folder data</Table.Th>
              <Table.Td className="mono" style={{ wordBreak: 'break-all' }}>
                {status.dataDir}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Kantor</Table.Th>
              <Table.Td>{status.office ? `${status.office.opdName}, ${status.office.pemda}` : '—'}</Table.Td>
            </Table.Tr>
            {status.demo && (
              <Table.Tr>
                <Table.Th>Data</Table.Th>
                <Table.Td>Data contoh (orang dan akun fiktif)</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>Dasar hukum</Table.Th>
              <Table.Td>
                Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik; Peraturan Komisi Informasi Nomor 1 Tahun
                2021 tentang Standar Layanan Informasi Publik.
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="sm">
          Simpan cadangan folder data secara berkala, misalnya ke diska lepas, bersama arsip kantor lainnya.
        </Text>
      </Card>
    </Stack>
  );
}
