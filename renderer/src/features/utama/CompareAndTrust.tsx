import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';

/**
 * The PPID Utama's last step before trusting an OPD's key, for a waiting package or a laptop met
 * on the relay alike: the tick that the code was compared by phone with the OPD's PPID Pembantu,
 * why not yet (`error`), and the button.
 */
export function CompareAndTrust(props: { opdName: string; compared: boolean; onCompared(v: boolean): void; error: string | null; busy: boolean; onTrust(): void; label: string }) {
  return (
    <Stack gap="xs">
      <Checkbox
        label={`Saya sudah mencocokkan kode ini dengan PPID Pembantu ${props.opdName} dan kelima kelompok angkanya sama.`}
        checked={props.compared}
        onChange={(e) => props.onCompared(e.currentTarget.checked)}
      />
      {props.error && (
        <Text size="sm" c="red.8" role="alert">
          {props.error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button leftSection={<IconShieldCheck size={16} />} color="teal" loading={props.busy} onClick={props.onTrust}>
          {props.label}
        </Button>
      </Group>
    </Stack>
  );
}
