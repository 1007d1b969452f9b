import { Alert, Anchor, Badge, Button, Card, Group, List, Paper, Progress, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconFileUpload, IconListDetails, IconPackageImport, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { INTAKE_RESULTS, INTAKE_STATUSES, INTAKE_STATUS_LABELS, type IntakeResult, type IntakeStatus } from '../../../../electron/core/domain/regency/model';
import { IntakeResultBadge, IntakeStatusBadge, INTAKE_RESULT_LABELS } from './labels';
import { outcomeOf, toApply, useIntake, type IntakeFile } from './intake';

function countBy<K extends string>(keys: readonly K[], of: (f: IntakeFile) => K | null, files: readonly IntakeFile[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const f of files) {
    const k = of(f);
    if (k) out[k] += 1;
  }
  return out;
}

function ProgressBlock({ verb, at, of, current }: { verb: string; at: number; of: number; current: string | null }) {
  const label = `${verb} ${at} dari ${of}`;
  return (
    <Paper withBorder p="sm" data-testid="kemajuan">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600} aria-live="polite">
          {label}
        </Text>
        {current && (
          <Text size="xs" c="dimmed" className="sync-file-name" truncate="end" maw={520}>
            {current}
          </Text>
        )}
      </Group>
      <Progress value={(Math.max(0, at - 1) / Math.max(1, of)) * 100} animated aria-label={label} size="lg" />
    </Paper>
  );
}

function cyclesText(f: IntakeFile): string {
  const cycles = f.check?.cycles ?? [];
  if (!cycles.length) return '—';
  return cycles.map((c) => `${c.title}: ${c.stepLabel}${c.newActs ? ` (${c.newActs} tindakan baru)` : ''}`).join('; ');
}

function FilesTable({ files, final }: { files: IntakeFile[]; final: boolean }) {
  return (
    // Focusable, so that a long list scrolls from the keyboard too.
    <ScrollArea.Autosize mah={460} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': final ? 'Daftar hasil penerimaan' : 'Daftar hasil pemeriksaan' }}>
      <Table striped withTableBorder stickyHeader aria-label={final ? 'Hasil penerimaan paket' : 'Hasil pemeriksaan paket'} verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>No</Table.Th>
            <Table.Th miw={210}>Berkas</Table.Th>
            <Table.Th>OPD</Table.Th>
            <Table.Th w={190}>Status</Table.Th>
            <Table.Th>Siklus dan tindakan baru</Table.Th>
            <Table.Th>Keterangan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((f, i) => {
            const out = outcomeOf(f);
            const message = (final ? out?.message : f.check?.message) ?? f.check?.message ?? '';
            return (
              <Table.Tr key={f.key} data-file={f.fileName}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <span className="sync-file-name">{f.fileName}</span>
                </Table.Td>
                <Table.Td>
                  {f.check?.opd ? (
                    <>
                      {f.check.opd.name}
                      {f.check.opd.entryId === null && (
                        <Badge ml={6} size="xs" variant="outline" color="blue">
                          OPD baru di register
                        </Badge>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  {final && out ? (
                    <IntakeResultBadge result={out.result} />
                  ) : f.check ? (
                    <IntakeStatusBadge status={f.check.status} />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {f.phase === 'memeriksa' ? 'Sedang diperiksa…' : 'Menunggu giliran'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{cyclesText(f)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={out?.result === 'ditolak' ? 'red.9' : undefined}>
                    {message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function CheckedSummary({ files }: { files: IntakeFile[] }) {
  const counts = countBy<IntakeStatus>(INTAKE_STATUSES, (f) => f.check?.status ?? null, files);
  return (
    <Group gap="xs" data-testid="ringkasan-periksa">
      <Text size="sm" fw={600}>
        {files.length} berkas diperiksa:
      </Text>
      {INTAKE_STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <Badge key={s} variant="light" color={s === 'siap' ? 'teal' : s === 'ditolak' ? 'red' : s === 'sama' ? 'gray' : 'orange'}>
          {INTAKE_STATUS_LABELS[s]}: {counts[s]}
        </Badge>
      ))}
    </Group>
  );
}

function FinalSummary({ files }: { files: IntakeFile[] }) {
  const counts = countBy<IntakeResult>(INTAKE_RESULTS, (f) => outcomeOf(f)?.result ?? null, files);
  const refused = files.filter((f) => outcomeOf(f)?.result === 'ditolak');
  const acts = files.reduce((n, f) => n + (f.applied?.result === 'diterapkan' ? f.applied.newActs : 0), 0);
  const { choose } = useIntake();
  return (
    <Alert color={refused.length ? 'orange' : 'teal'} variant="light" icon={<IconCheck />} title="Penerimaan selesai" data-testid="ringkasan-akhir">
      <Stack gap={6}>
        <Group gap="md">
          {INTAKE_RESULTS.map((r) => (
            <Text key={r} size="sm" data-count={r}>
              {INTAKE_RESULT_LABELS[r]}: <b>{counts[r]}</b>
            </Text>
          ))}
        </Group>
        {counts.diterapkan > 0 && <Text size="sm">{acts} tindakan baru dicatat di register OPD.</Text>}
        {counts.menunggu_kepercayaan > 0 && (
          <Text size="sm">
            {counts.menunggu_kepercayaan} paket disimpan sampai kunci pengirimnya dipercaya.{' '}
            <Anchor component={Link} to="/menunggu" size="sm" underline="always">
              Buka Menunggu kepercayaan
            </Anchor>
          </Text>
        )}
        {refused.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Ditolak, dan tidak ada yang disimpan dari berkas ini:
            </Text>
            <List size="sm" spacing={2} data-testid="alasan-tolak">
              {refused.map((f) => (
                <List.Item key={f.key}>
                  <span className="sync-file-name">{f.fileName}</span>: {outcomeOf(f)?.message ?? 'tanpa keterangan'}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Group gap="xs" mt={4}>
          <Button size="xs" leftSection={<IconPackageImport size={14} />} onClick={choose}>
            Terima paket lain
          </Button>
          <Button size="xs" variant="default" leftSection={<IconListDetails size={14} />} component={Link} to="/beranda">
            Lihat register OPD
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function IntakePage() {
  const { files, stage, progress, choose, apply, clear } = useIntake();
  const applicable = toApply(files);
  const current = files.find((f) => f.phase === 'memeriksa' || f.phase === 'menerapkan')?.fileName ?? null;
  const busy = stage === 'memeriksa' || stage === 'menerapkan';

  return (
    <Stack gap="md" maw={1280}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={1} size="h3">
            Terima paket OPD
          </Title>
          <Text size="sm" c="dimmed">
            Setiap berkas .ppid diperiksa utuh dulu; isinya baru dicatat, terpisah per OPD, setelah Anda menekan Terapkan.
          </Text>
        </div>
        {files.length > 0 && !busy && (
          <Button variant="default" leftSection={<IconTrash size={16} />} onClick={clear}>
            Kosongkan daftar
          </Button>
        )}
      </Group>

      {(stage === 'kosong' || stage === 'memeriksa' || stage === 'diperiksa') && (
        <Paper withBorder p="md" style={{ borderStyle: 'dashed', borderWidth: 2 }}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <IconFileUpload size={34} stroke={1.4} color="var(--mantine-color-dinas-7)" />
              <div>
                <Text fw={600} size="sm">
                  Pilih atau seret berkas paket OPD ke jendela ini
                </Text>
                <Text size="xs" c="dimmed">
                  Boleh banyak sekaligus, misalnya semua paket yang masuk minggu ini. Berkas yang sama hanya diperiksa sekali.
                </Text>
              </div>
            </Group>
            <Button leftSection={<IconPackageImport size={16} />} onClick={choose}>
              Pilih berkas paket…
            </Button>
          </Group>
        </Paper>
      )}

      {stage === 'memeriksa' && progress && <ProgressBlock verb="Memeriksa" at={progress.at} of={progress.of} current={current} />}
      {stage === 'menerapkan' && progress && <ProgressBlock verb="Menerapkan" at={progress.at} of={progress.of} current={current} />}

      {stage === 'selesai' && <FinalSummary files={files} />}

      {files.length > 0 && (
        <Card p="sm">
          <Stack gap="sm">
            {stage === 'diperiksa' && <CheckedSummary files={files} />}
            <FilesTable files={files} final={stage === 'selesai'} />
            {stage === 'diperiksa' && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {applicable.length
                    ? 'Paket yang siap dicatat; paket dari laptop yang belum dipercaya disimpan dan menunggu. Yang sudah diterima dan yang ditolak dilewati.'
                    : 'Tidak ada paket yang perlu diterapkan.'}
                </Text>
                <Button leftSection={<IconCheck size={16} />} color="teal" disabled={!applicable.length} onClick={apply}>
                  Terapkan {applicable.length} paket
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
