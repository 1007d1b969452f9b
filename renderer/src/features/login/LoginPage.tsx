import { useEffect, useState } from 'react';
import { Alert, Badge, Box, Button, Center, Divider, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconAlertCircle, IconClockPause, IconLogin, IconUserCheck } from '@tabler/icons-react';
import { z } from 'zod';
import type { DemoAccount } from '../../../../electron/core/contract';
import type { Err } from '../../../../electron/core/result';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { Brand } from '../../components/Brand';

const loginSchema = z.object({
  username: z.string().trim().min(1, 'Nama pengguna wajib diisi.'),
  password: z.string().min(1, 'Kata sandi wajib diisi.'),
});

export function LoginPage() {
  const { status, signIn, sessionEnded } = useApp();
  const [error, setError] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount[]>([]);

  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: zod4Resolver(loginSchema),
  });

  useEffect(() => {
    let alive = true;
    void call('auth.demoAccounts').then((r) => {
      if (alive && r.ok) setDemo(r.data);
    });
    return () => {
      alive = false;
    };
  }, []);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    const result = await call('auth.login', { username: values.username.trim(), password: values.password });
    setBusy(false);
    if (result.ok) {
      signIn(result.data);
      return;
    }
    setError(result);
    form.setFieldValue('password', '');
    // A wrong password: the cursor goes back to the password, ready for the next try.
    window.setTimeout(() => document.getElementById('login-password')?.focus(), 0);
  });

  const fillDemo = (a: DemoAccount) => {
    form.setValues({ username: a.username, password: a.password });
    setError(null);
    window.setTimeout(() => document.getElementById('login-submit')?.focus(), 0);
  };

  const office = status.office;
  return (
    <Box mih="100vh" bg="gray.1">
      <Box component="header" bg="dinas.9" px="lg" py={10}>
        <Brand inverted subtitle="Pendokumentasian Informasi Publik" />
      </Box>
      <Center py={40} px="md">
        <Stack gap="md" w={demo.length ? 900 : 400} maw="100%">
          <Paper withBorder shadow="xs" p="lg" style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
            <Box style={{ flex: '1 1 320px' }} maw={demo.length ? 340 : 400}>
              <Text size="xs" tt="uppercase" fw={600} c="dimmed" lts={0.5}>
                {office?.pemda ?? 'PPID Desk'}
              </Text>
              <Title order={2} size="h3" mb={4}>
                {office?.opdName ?? 'PPID Desk'}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Masuk dengan akun Anda untuk melanjutkan.
              </Text>
              {sessionEnded && !error && (
                <Alert color="yellow" variant="light" icon={<IconClockPause size={18} />} mb="sm" p="xs">
                  <Text size="sm">Sesi Anda sudah berakhir. Silakan masuk lagi.</Text>
                </Alert>
              )}
              {error && (
                <Alert
                  color={error.code === 'TOO_MANY_ATTEMPTS' ? 'orange' : 'red'}
                  variant="light"
                  icon={error.code === 'TOO_MANY_ATTEMPTS' ? <IconClockPause size={18} /> : <IconAlertCircle size={18} />}
                  mb="sm"
                  p="xs"
                  role="alert"
                >
                  <Text size="sm">{error.message}</Text>
                </Alert>
              )}
              <form onSubmit={submit} noValidate>
                <Stack gap="sm">
                  <TextInput
                    id="login-username"
                    label="Nama pengguna"
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    data-autofocus
                    autoFocus
                    {...form.getInputProps('username')}
                  />
                  <PasswordInput id="login-password" label="Kata sandi" autoComplete="current-password" {...form.getInputProps('password')} />
                  <Button id="login-submit" type="submit" loading={busy} leftSection={<IconLogin size={16} />} fullWidth mt={4}>
                    Masuk
                  </Button>
                </Stack>
              </form>
              <Text size="xs" c="dimmed" mt="md">
                Lupa kata sandi? Minta administrator kantor untuk menyetel ulang kata sandi Anda.
              </Text>
            </Box>
            {demo.length > 0 && (
              <>
                <Divider orientation="vertical" visibleFrom="sm" />
                <Box style={{ flex: '1 1 380px' }}>
                  <Badge color="orange" variant="light" mb={6}>
                    Data contoh
                  </Badge>
                  <Title order={3} size="h5" mb={4}>
                    Akun contoh
                  </Title>
                  <Text size="xs" c="dimmed" mb="xs">
                    Pilih satu akun untuk mencoba setiap peran dalam SOP. Kata sandi semua akun contoh sama.
                  </Text>
                  <Table verticalSpacing={4} highlightOnHover aria-label="Akun contoh">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Akun</Table.Th>
                        <Table.Th>Peran</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {demo.map((a) => (
                        <Table.Tr key={a.username}>
                          <Table.Td>
                            <Text size="sm" className="mono">
                              {a.username}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {a.name}
                            </Text>
                          </Table.Td>
                          <Table.Td className="nowrap">{ROLE_LABELS[a.role]}</Table.Td>
                          <Table.Td ta="right">
                            <Button
                              size="compact-xs"
                              variant="light"
                              leftSection={<IconUserCheck size={12} />}
                              onClick={() => fillDemo(a)}
                              aria-label={`Pakai akun ${a.username}`}
                            >
                              Pakai
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Text size="xs" c="dimmed" mt={6}>
                    Kata sandi: <span className="mono">{demo[0]!.password}</span>
                  </Text>
                </Box>
              </>
            )}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            PPID Desk {status.appVersion} · berjalan luring di komputer ini · UU 14/2008 tentang Keterbukaan Informasi Publik
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
