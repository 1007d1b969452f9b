import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';

/** The app's name as a wordmark; `inverted` on the dark header bars. */
export function Brand({ subtitle, inverted = false }: { subtitle?: string; inverted?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <ThemeIcon size={32} radius="sm" variant={inverted ? 'white' : 'filled'} color="dinas" aria-hidden>
        <IconBooks size={20} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={700} size="md" lh={1.1} c={inverted ? 'white' : 'dinas.9'}>
          PPID Desk
        </Text>
        {subtitle && (
          <Text size="xs" lh={1.2} c={inverted ? 'dinas.1' : 'dimmed'}>
            {subtitle}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
