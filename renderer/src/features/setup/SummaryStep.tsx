import { Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { pangkatLabel } from '../../../../electron/core/domain/pangkat';
import { formatNip } from '../../../../electron/core/domain/nip';
import { ASN_LABELS } from '../../../../electron/core/domain/office';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { OFFICE_KIND_LABELS, type OfficeKind } from '../../../../electron/core/domain/regency/model';
import { EmblemPreview, type EmblemFile } from '../../components/forms/EmblemPicker';
import { exampleNumber } from '../../components/forms/numbering';
import type { DocumentValues, OfficeValues, OfficialsValues } from '../../components/forms/types';
import { peopleOf, type AccountRow } from './accounts';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children || <Text span c="dimmed">—</Text>}</Table.Td>
    </Table.Tr>
  );
}

export function SummaryStep({
  kind = 'opd',
  office,
  officials,
  documents,
  accounts,
  emblem,
}: {
  kind?: OfficeKind;
  office: OfficeValues;
  officials: OfficialsValues;
  documents: DocumentValues;
  accounts: AccountRow[];
  emblem: EmblemFile | null;
}) {
  const slots = peopleOf(officials, kind);
  return (
    <Stack gap="md">
      <Text size="sm">Periksa sekali lagi. Semua data ini masih dapat diubah nanti oleh administrator di halaman Pengaturan.</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={4}>
          <Title order={4}>Kantor</Title>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <EmblemPreview src={emblem?.dataUrl ?? null} size={72} />
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                <Row label="Jenis kantor">{OFFICE_KIND_LABELS[kind]}</Row>
                <Row label="Pemerintah daerah">{office.pemda}</Row>
                <Row label="Nama OPD">{office.opdName}</Row>
                <Row label="Kode unit">{office.unitCode}</Row>
                <Row label="Alamat">{office.address}</Row>
                <Row label="Telepon / e-mail">{[office.phone, office.email].filter(Boolean).join(' · ')}</Row>
                <Row label="Website">{office.website}</Row>
                <Row label="Tempat surat">{office.placeName}</Row>
                <Row label="Bidang">{office.bidang.join('; ')}</Row>
              </Table.Tbody>
            </Table>
          </Group>
        </Stack>
        <Stack gap={4}>
          <Title order={4}>Dokumen</Title>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              <Row label="Kertas">{documents.paper === 'F4' ? 'F4 / folio (215 × 330 mm)' : 'A4 (210 × 297 mm)'}</Row>
              <Row label="Huruf">{`${documents.font}, ${documents.fontSize} pt`}</Row>
              <Row label="Kode klasifikasi arsip">{documents.kodeKlasifikasi}</Row>
              <Row label="Pola nomor Nota Dinas">
                <span className="mono">{documents.notaDinasPattern}</span>
              </Row>
              <Row label="Contoh nomor">
                <span className="mono">{exampleNumber(documents.notaDinasPattern, { kode: documents.kodeKlasifikasi, unit: office.unitCode })}</span>
              </Row>
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
      <Stack gap={4}>
        <Title order={4}>Pejabat dan akun</Title>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kedudukan</Table.Th>
              <Table.Th>Nama / jabatan</Table.Th>
              <Table.Th>Pangkat, NIP</Table.Th>
              <Table.Th>Akun</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slots.map(({ person, title }) => {
              const acc = accounts.find((a) => a.personId === person.id);
              return (
                <Table.Tr key={person.id}>
                  <Table.Td className="nowrap">{title}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {person.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {person.jabatan}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.asn === 'NON_ASN' ? ASN_LABELS.NON_ASN : pangkatLabel(person.pangkat) || ASN_LABELS[person.asn]}</Text>
                    {person.nip && (
                      <Text size="xs" c="dimmed" className="mono">
                        NIP. {formatNip(person.nip.replace(/[\s.]/g, ''))}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {acc?.create ? (
                      <Group gap={6}>
                        <Text size="sm" className="mono">
                          {acc.username}
                        </Text>
                        <Badge size="xs" variant="light">
                          {ROLE_LABELS[acc.role]}
                        </Badge>
                        {acc.isAdmin && (
                          <Badge size="xs" variant="light" color="grape">
                            Administrator
                          </Badge>
                        )}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        tanpa akun
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
