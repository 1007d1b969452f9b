import { Alert, Button, Group, Text } from '@mantine/core';
import type { Err } from '../../../electron/core/result';

/** The end of a dialog's form: what went wrong, if anything, then Batal and the submit button. */
export function FormFooter({ failure, busy, submitLabel, onCancel }: { failure: Err | null; busy: boolean; submitLabel: string; onCancel(): void }) {
  return (
    <>
      {failure && (
        <Alert color="red" variant="light" p="xs" role="alert">
          <Text size="sm">{failure.message}</Text>
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          Batal
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
