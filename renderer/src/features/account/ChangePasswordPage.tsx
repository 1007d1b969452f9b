import { useState } from 'react';
import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconKey } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { PASSWORD_MIN, passwordSchema } from '../../../../electron/core/domain/office';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { issuesToErrors, notifySaved } from '../../components/feedback';

const schema = z
  .object({
    current: z.string().min(1, 'Kata sandi lama wajib diisi.'),
    next: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'Ulangi kata sandi baru yang sama persis.' })
  .refine((v) => !v.current || v.current !== v.next, { path: ['next'], message: 'Kata sandi baru harus berbeda dari yang lama.' });

export function ChangePasswordPage() {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: zod4Resolver(schema),
    validateInputOnBlur: ['confirm'],
  });

  const submit = form.onSubmit(async ({ current, next }) => {
    setBusy(true);
    setFailure(null);
    const r = await call('auth.changePassword', { current, next });
    setBusy(false);
    if (r.ok) {
      notifySaved('Kata sandi diganti');
      navigate('/beranda');
      return;
    }
    form.setErrors(issuesToErrors(r.issues).errors);
    if (!r.issues?.length) setFailure(r);
  });

  return (
    <Stack gap="sm" maw={520}>
      <div>
        <Title order={1} size="h3">
          Ganti kata sandi
        </Title>
        <Text size="sm" c="dimmed">
          Kata sandi minimal {PASSWORD_MIN} karakter. Setelah diganti, sesi Anda di komputer lain diakhiri.
        </Text>
      </div>
      <Card>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput label="Kata sandi lama" autoComplete="current-password" withAsterisk autoFocus {...form.getInputProps('current')} />
            <PasswordInput label="Kata sandi baru" autoComplete="new-password" withAsterisk {...form.getInputProps('next')} />
            <PasswordInput label="Ulangi kata sandi baru" autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
            {failure && (
              <Alert color="red" variant="light" p="xs" role="alert">
                <Text size="sm">{failure.message}</Text>
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => navigate(-1)}>
                Batal
              </Button>
              <Button type="submit" loading={busy} leftSection={<IconKey size={16} />}>
                Ganti kata sandi
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
