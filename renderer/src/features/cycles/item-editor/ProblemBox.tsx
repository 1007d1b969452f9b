import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ItemProblem } from '../../../../../electron/core/domain/information';

/** Focus the input a problem is about, so "what is missing" is one click from fixing it. */
export function focusField(field: string) {
  const el = document.querySelector<HTMLElement>(`.item-editor [data-field="${field}"]`);
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  (el?.matches('input,textarea,button') ? el : el?.querySelector<HTMLElement>('input,textarea,button'))?.focus({ preventScroll: true });
}

/**
 * What still keeps the item out of the Konsep. When editing, the list is one Tab stop: a
 * single button takes the keyboard to the first missing field (the fields come right after),
 * and each problem stays clickable with the mouse without adding a stop of its own.
 */
export function ProblemBox({ problems, onPick }: { problems: ItemProblem[]; onPick?(field: string): void }) {
  if (!problems.length) {
    return (
      <Alert color="teal" variant="light" p="xs" icon={<IconCircleCheck size={18} />} data-testid="status-kelengkapan">
        <Text size="sm">Lengkap: informasi ini siap dikirim dalam Konsep.</Text>
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} />} data-testid="status-kelengkapan">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          Belum lengkap ({problems.length}):
        </Text>
        {onPick && (
          <Button size="compact-xs" variant="white" color="orange.9" onClick={() => onPick(problems[0]!.field)}>
            Ke isian pertama yang kurang
          </Button>
        )}
      </Group>
      <List size="sm" spacing={0}>
        {problems.map((p) => (
          <List.Item key={p.field + p.message}>
            {onPick ? (
              <Anchor component="button" type="button" size="sm" c="orange.9" tabIndex={-1} onClick={() => onPick(p.field)} style={{ textAlign: 'left' }}>
                {p.message}
              </Anchor>
            ) : (
              p.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
