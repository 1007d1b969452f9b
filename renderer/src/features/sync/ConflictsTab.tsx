import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconCheck, IconHourglass } from '@tabler/icons-react';
import type { UserView } from '../../../../electron/core/contract';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { BENTUK_LABELS, CATEGORY_LABELS, ITEM_FIELD_LABELS, legalBasisText, type Category, type Exemption, type ItemFields } from '../../../../electron/core/domain/information';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { CONFLICT_KIND_LABELS, type ConflictOption, type OpenConflict } from '../../../../electron/core/domain/workflow/conflicts';
import { formatDateTime } from '../../i18n/date';
import { useLaptopNames, type LaptopName } from './laptops';

/**
 * The conflicts concurrent work on several laptops left in a cycle, each with its options side
 * by side and who made each one where. Only the holder of the deciding role chooses; the
 * choice is an act, and what is not chosen stays in Riwayat.
 */

const EMPTY = '(kosong)';

/** An item field's value as a person reads it: labels for codes, lists joined, empty said. */
export function fieldValueText(field: keyof ItemFields | null, v: unknown): string {
  if (v === null || v === undefined || v === '') return EMPTY;
  if (Array.isArray(v)) return v.length ? v.map((x) => BENTUK_LABELS[x as keyof typeof BENTUK_LABELS] ?? String(x)).join(', ') : EMPTY;
  if (field === 'kategori' && typeof v === 'string') return CATEGORY_LABELS[v as Category] ?? v;
  if (typeof v === 'object') {
    const e = v as Partial<Exemption>;
    if (e.basis === 'pasal17' && !e.huruf) return EMPTY;
    if (e.basis) return legalBasisText(e as Exemption) || EMPTY;
    return JSON.stringify(v);
  }
  return String(v);
}

function OptionCard({
  conflict,
  option,
  n,
  decider,
  laptop,
  onChoose,
}: {
  conflict: OpenConflict;
  option: ConflictOption;
  n: number;
  decider: boolean;
  laptop(id: string): LaptopName;
  onChoose(): void;
}) {
  // Where this option was made, when all of it was made on one laptop.
  const laptops = [...new Set(option.acts.map((a) => laptop(a.installationId).name))].filter(Boolean);
  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={`Pilihan ${n}: ${option.label}`} data-choice={option.choice}>
      <Stack gap={6} h="100%">
        <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            {option.label}
          </Text>
          {laptops.length === 1 && (
            <Badge variant="outline" color="gray" tt="none" style={{ flex: 'none' }}>
              {laptops[0]}
            </Badge>
          )}
        </Group>
        {conflict.kind === 'isian' && (
          <div>
            <Text size="xs" c="dimmed">
              {conflict.field ? ITEM_FIELD_LABELS[conflict.field] : 'Isian'}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="nilai-pilihan">
              {fieldValueText(conflict.field, option.value)}
            </Text>
          </div>
        )}
        {option.acts.length > 0 && (
          <List size="xs" spacing={2} c="dimmed">
            {option.acts.map((a) => (
              <List.Item key={a.id}>
                {[`${a.summary}: ${a.by} (${ROLE_LABELS[a.role]})`, formatDateTime(a.at), laptop(a.installationId).at].filter(Boolean).join(', ')}
              </List.Item>
            ))}
          </List>
        )}
        {decider && (
          <Stack gap={2} mt="auto">
            <Button size="xs" variant={option.allowed ? 'filled' : 'default'} leftSection={<IconCheck size={14} />} disabled={!option.allowed} onClick={onChoose} w="fit-content">
              Pilih ini
            </Button>
            {!option.allowed && option.reason && (
              <Text size="xs" c="orange.8" data-testid="alasan-tidak-bisa">
                {option.reason}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

export function ConflictsTab({
  view,
  user,
  onResolve,
}: {
  view: CycleView;
  user: UserView;
  /** Records the choice; true when it was taken (a refusal is shown by the caller). */
  onResolve(conflictId: string, choice: string): Promise<boolean>;
}) {
  const laptop = useLaptopNames(user.isAdmin);
  const [asking, setAsking] = useState<{ conflict: OpenConflict; option: ConflictOption; n: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    const ok = await onResolve(asking.conflict.id, asking.option.choice);
    setBusy(false);
    if (ok) setAsking(null);
  };

  const reasons = new Map<string, number>();
  for (const a of view.setAside) reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);

  return (
    <Stack gap="sm">
      {view.conflicts.length === 0 && (
        <Text size="sm" c="dimmed">
          Tidak ada konflik yang menunggu keputusan.
        </Text>
      )}
      {view.conflicts.map((c) => {
        const mine = c.decider === user.role;
        return (
          <Card key={c.id} withBorder p="sm" data-conflict={c.kind}>
            <Group gap="xs" mb={6} wrap="nowrap" align="flex-start">
              <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" style={{ flex: 'none', marginTop: 2 }} aria-hidden />
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Badge color="red" variant="light" tt="none">
                    {CONFLICT_KIND_LABELS[c.kind]}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {c.title}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" mt={2}>
                  {mine
                    ? 'Pilih salah satu. Pilihan dicatat di Riwayat; yang tidak dipilih tetap tercatat di Riwayat.'
                    : `Diputuskan oleh ${ROLE_LABELS[c.decider]}.`}
                </Text>
              </div>
            </Group>
            <SimpleGrid cols={2} spacing="sm">
              {c.options.map((o, i) => (
                <OptionCard key={o.choice} conflict={c} option={o} n={i + 1} decider={mine} laptop={laptop} onChoose={() => setAsking({ conflict: c, option: o, n: i + 1 })} />
              ))}
            </SimpleGrid>
            {!mine && (
              <Group gap={6} mt="xs" c="dimmed">
                <IconHourglass size={14} aria-hidden />
                <Text size="sm" data-testid="menunggu-keputusan">
                  Menunggu keputusan {ROLE_LABELS[c.decider]}
                </Text>
              </Group>
            )}
          </Card>
        );
      })}
      {view.setAside.length > 0 && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} title={`${view.setAside.length} tindakan disisihkan`} data-testid="disisihkan">
          <Text size="sm">Tidak diterapkan pada siklus ini, tetapi tetap tercatat di Riwayat.</Text>
          <List size="xs" mt={4} spacing={0}>
            {[...reasons].map(([reason, count]) => (
              <List.Item key={reason}>
                {count} × {reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Modal opened={asking !== null} onClose={() => !busy && setAsking(null)} title="Pilih ini?" size="md">
        {asking && (
          <Stack gap="sm">
            <Text size="sm">
              {asking.conflict.title}: <b>{asking.conflict.kind === 'isian' ? fieldValueText(asking.conflict.field, asking.option.value) : asking.option.label}</b>
            </Text>
            <Text size="sm">Pilihan ini dicatat sebagai tindakan Anda di Riwayat dan ikut terkirim bersama paket berikutnya. Pilihan lain tetap tercatat di Riwayat.</Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setAsking(null)} disabled={busy}>
                Batal
              </Button>
              <Button onClick={() => void confirm()} loading={busy} data-autofocus>
                Ya, pilih ini
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
