import { Box, Group, Text } from '@mantine/core';
import { useApp } from '../../app/context';
import { Brand } from '../../components/Brand';

/** The dark bar above every first-run screen. */
export function SetupHeader({ subtitle }: { subtitle: string }) {
  const { status } = useApp();
  return (
    <Box component="header" bg="dinas.9" c="white" px="lg" py={10}>
      <Group justify="space-between">
        <Brand inverted subtitle={subtitle} />
        <Text size="xs" c="dinas.1">
          Versi {status.appVersion}
        </Text>
      </Group>
    </Box>
  );
}
