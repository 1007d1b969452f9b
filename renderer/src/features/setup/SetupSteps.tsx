import { Group, Paper, Stepper, Text, Title } from '@mantine/core';

/** A first-run wizard's step: its short label and hint in the stepper, its title above the step. */
export interface SetupStep {
  label: string;
  description: string;
  title: string;
}

/** The stepper above a first-run wizard (setting up, joining): only steps already passed can be clicked. */
export function SetupStepper({ steps, active, onBack }: { steps: readonly SetupStep[]; active: number; onBack: (step: number) => void }) {
  return (
    <Paper withBorder p="sm" mb="sm">
      <Stepper active={active} onStepClick={(s) => s < active && onBack(s)} allowNextStepsSelect={false} size="sm" iconSize={30}>
        {steps.map((s) => (
          <Stepper.Step key={s.label} label={s.label} description={s.description} />
        ))}
      </Stepper>
    </Paper>
  );
}

/** The current step's title, and where it stands ("Langkah 2 dari 4"). */
export function SetupStepTitle({ steps, active }: { steps: readonly SetupStep[]; active: number }) {
  return (
    <Group justify="space-between" mb="sm">
      <Title order={3}>{steps[active]!.title}</Title>
      <Text size="sm" c="dimmed">
        Langkah {active + 1} dari {steps.length}
      </Text>
    </Group>
  );
}
