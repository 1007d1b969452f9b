import { Alert, Card, Grid, Group, List, Stepper, Text, ThemeIcon } from '@mantine/core';
import { IconArrowBackUp, IconClock, IconHourglass, IconSignature, IconUser } from '@tabler/icons-react';
import type { UserView } from '../../../../electron/core/contract';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import type { AvailableAction, Timing, UjiParticipant } from '../../../../electron/core/domain/workflow';
import { formatDateTime } from '../../i18n/date';
import { ActionPanel, type ActInput, type ActResult } from './ActionPanel';
import { TimingBadge } from './TimingBadge';
import { describeOfficeHours } from '../../../../electron/core/domain/calendar';
import { officeCalendar } from '../../i18n/office-clock';
import { formatDuration } from './format';
import { SOP_STEPS, STEP_GUIDE } from './guide';

/** The six SOP steps with the current one highlighted and the ones behind it ticked. */
export function CycleStepper({ view }: { view: CycleView }) {
  const active = view.step === 'selesai' ? SOP_STEPS.length : view.stepNo - 1;
  return (
    <Stepper active={active} size="xs" iconSize={26} allowNextStepsSelect={false} aria-label="Langkah SOP" className="cycle-stepper" wrap={false}>
      {SOP_STEPS.map((s) => (
        <Stepper.Step
          key={s.step}
          label={s.short}
          description={s.holder ? ROLE_LABELS[s.holder] : ''}
          data-step={s.step}
          aria-current={s.step === view.step ? 'step' : undefined}
        />
      ))}
    </Stepper>
  );
}

/** The latest return, while the cycle is still at the step it was returned to. */
export function currentReturn(view: CycleView) {
  const last = view.returns[view.returns.length - 1];
  const visit = view.visits[view.visits.length - 1];
  return last && visit && last.to === view.step && last.at === visit.since ? last : null;
}

function Fact({ icon: Icon, label, children }: { icon: typeof IconUser; label: string; children: React.ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size="sm" color="gray" mt={2}>
        <Icon size={14} />
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" lh={1.2}>
          {label}
        </Text>
        <div>{children}</div>
      </div>
    </Group>
  );
}

/** Where the cycle stands, whose turn it is, how long it has taken, and what I can do now. */
export function CycleHeader({
  view,
  user,
  timing,
  onAct,
  onRecordUji,
  pending,
  setPending,
}: {
  view: CycleView;
  user: UserView;
  timing: Timing;
  onAct(i: ActInput): Promise<ActResult>;
  onRecordUji(participants: UjiParticipant[]): Promise<ActResult>;
  pending: AvailableAction | null;
  setPending(a: AvailableAction | null): void;
}) {
  const done = view.step === 'selesai';
  const mine = view.holderRole === user.role;
  const guide = STEP_GUIDE[view.step];
  const ret = currentReturn(view);
  const holder = view.holderNames.length ? `${view.holderRoleLabel} (${view.holderNames.join(', ')})` : view.holderRoleLabel;

  return (
    <>
      {ret && (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp />} title={`Dikembalikan oleh ${ret.by} (${formatDateTime(ret.at)})`} data-testid="alasan-pengembalian">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {ret.reasons}
          </Text>
          {ret.flaggedItemIds.length > 0 && (
            <Text size="xs" mt={4}>
              {ret.flaggedItemIds.length} informasi ditandai perlu perbaikan; disorot pada Daftar informasi.
            </Text>
          )}
        </Alert>
      )}
      <Card p="sm">
        <CycleStepper view={view} />
        <Grid gap="sm" mt="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Fact icon={IconHourglass} label="Tahap sekarang">
              <Text size="sm" fw={600} data-testid="tahap-sekarang">
                {done ? 'Selesai' : `Langkah ${view.stepNo}: ${view.stepLabel}`}
              </Text>
            </Fact>
          </Grid.Col>
          {!done && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Fact icon={IconUser} label="Giliran">
                <Text size="sm" data-testid="giliran">
                  {holder}
                </Text>
              </Fact>
            </Grid.Col>
          )}
          {!done && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Fact icon={IconClock} label="Standar waktu SOP · berjalan (jam kerja)">
                <Group gap={6}>
                  <Text size="sm">
                    {view.stepInfo.standardMinutes === null ? 'tanpa batas waktu' : view.stepInfo.standardLabel} · {formatDuration(timing.spentMinutes)}
                  </Text>
                  {view.stepInfo.standardMinutes !== null && <TimingBadge timing={timing} size="xs" />}
                </Group>
                {/* Said where the figure is: a late badge on a Monday morning must not look like a bug. */}
                <Text size="xs" c="dimmed" data-testid="jam-kerja">
                  Jam kerja: {describeOfficeHours(officeCalendar())}
                </Text>
              </Fact>
            </Grid.Col>
          )}
          {view.signed && !done && (
            <Grid.Col span={{ base: 12, sm: 12 }}>
              <Fact icon={IconSignature} label="Ditandatangani">
                <Text size="sm">
                  {view.signed.by}, {formatDateTime(view.signed.at)}
                </Text>
              </Fact>
            </Grid.Col>
          )}
        </Grid>
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {done ? (
            <Alert color="teal" variant="light" title="Siklus selesai" icon={<IconSignature />} data-testid="siklus-selesai">
              <Text size="sm">
                Daftar Informasi Publik ditandatangani oleh {view.signed?.by} pada {formatDateTime(view.signed?.at)}.
                {view.archived && ` Daftar Informasi yang Dikecualikan dicatat sebagai arsip oleh ${view.archived.by} pada ${formatDateTime(view.archived.at)}.`}
                {view.archived?.note && ` Catatan: ${view.archived.note}`}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                Semua isi siklus ini hanya dapat dibaca.
              </Text>
            </Alert>
          ) : mine ? (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Text size="sm" fw={600} mb={4}>
                  Giliran Anda. Yang perlu dilakukan:
                </Text>
                <List type="ordered" size="sm" spacing={2}>
                  {guide.todo.map((t) => (
                    <List.Item key={t}>{t}</List.Item>
                  ))}
                </List>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <ActionPanel view={view} user={user} onAct={onAct} onRecordUji={onRecordUji} pending={pending} setPending={setPending} />
              </Grid.Col>
            </Grid>
          ) : (
            <Alert color="gray" variant="light" title={`Menunggu ${holder}`} data-testid="menunggu" p="xs">
              <Text size="sm">{guide.meanwhile}</Text>
              <Text size="xs" c="dimmed" mt={2}>
                Anda ({ROLE_LABELS[user.role]}) dapat membaca isi siklus ini. Tindakan pada langkah ini hanya dapat dilakukan oleh {view.holderRoleLabel}.
              </Text>
            </Alert>
          )}
        </div>
      </Card>
    </>
  );
}
