import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Menu, Modal, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconDots, IconKey, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { z } from 'zod';
import type { SettingsView, UserView } from '../../../../electron/core/contract';
import { accountInputSchema, passwordSchema } from '../../../../electron/core/domain/office';
import { OFFICE_ROLES, ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { OFFICIAL_LABELS } from '../../components/forms/officials-labels';
import type { Err } from '../../../../electron/core/result';
import { FormFooter } from '../../components/FormFooter';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { useApp, useUser } from '../../app/context';
import { issuesToErrors, notifySaved } from '../../components/feedback';

/** The roles this office's accounts can hold: an OPD's three, or the PPID Utama's two. */
const roleOptions = (settings: SettingsView) => OFFICE_ROLES[settings.officeKind].map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const withConfirm = <T extends z.ZodObject>(schema: T) =>
  schema
    .extend({ confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Ulangi kata sandi yang sama persis.' });

const createSchema = withConfirm(accountInputSchema);
const resetSchema = withConfirm(z.object({ password: passwordSchema }));

function people(settings: SettingsView) {
  const o = settings.officials;
  const l = OFFICIAL_LABELS[settings.officeKind];
  return [
    { person: o.kepala, title: l.kepala.title, role: l.kepala.role },
    { person: o.ketuaPpid, title: l.ketuaPpid.title, role: l.ketuaPpid.role },
    ...o.operators.map((person, i) => ({ person, title: `${l.operator.title} ${i + 1}`, role: l.operator.role })),
  ];
}

function CreateUserModal({ settings, users, opened, onClose, onDone }: { settings: SettingsView; users: UserView[]; opened: boolean; onClose(): void; onDone(): void }) {
  const free = people(settings).filter((p) => !users.some((u) => u.personId === p.person.id));
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { personId: '', username: '', role: OFFICIAL_LABELS[settings.officeKind].operator.role, isAdmin: false, password: '', confirm: '' },
    validate: zod4Resolver(createSchema),
    validateInputOnBlur: true,
  });
  const submit = form.onSubmit(async ({ confirm: _confirm, ...input }) => {
    setBusy(true);
    setFailure(null);
    const r = await call('users.create', input);
    setBusy(false);
    if (r.ok) {
      notifySaved(`Akun ${r.data.username} dibuat`);
      form.reset();
      onDone();
      return;
    }
    form.setErrors(issuesToErrors(r.issues).errors);
    setFailure(r);
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Tambah akun" size="md">
      {free.length === 0 ? (
        <Text size="sm">Semua pejabat dan operator sudah punya akun. Tambahkan orangnya dulu di tab Pejabat.</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Select
              label="Orang"
              description="Pejabat atau operator dari tab Pejabat yang belum punya akun."
              data={free.map((p) => ({ value: p.person.id, label: `${p.person.name} — ${p.title}` }))}
              withAsterisk
              data-autofocus
              {...form.getInputProps('personId')}
              onChange={(v) => {
                form.setFieldValue('personId', v ?? '');
                const slot = free.find((p) => p.person.id === v);
                if (slot) form.setFieldValue('role', slot.role);
              }}
            />
            <TextInput label="Nama pengguna" autoComplete="off" spellCheck={false} withAsterisk {...form.getInputProps('username')} />
            <Group grow align="flex-start">
              <Select label="Peran" data={roleOptions(settings)} withAsterisk {...form.getInputProps('role')} />
              <Checkbox mt={30} label="Administrator" {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
            </Group>
            <PasswordInput label="Kata sandi" autoComplete="new-password" withAsterisk {...form.getInputProps('password')} />
            <PasswordInput label="Ulangi kata sandi" autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
            <FormFooter failure={failure} busy={busy} submitLabel="Buat akun" onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function EditUserModal({ settings, user, self, onClose, onDone }: { settings: SettingsView; user: UserView; self: boolean; onClose(): void; onDone(): void }) {
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { role: user.role, isAdmin: user.isAdmin, active: user.active } });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    const r = await call('users.update', { id: user.id, ...values });
    setBusy(false);
    if (r.ok) {
      notifySaved(`Akun ${user.username} disimpan`);
      onDone();
    } else setFailure(r);
  });
  return (
    <Modal opened onClose={onClose} title={`Ubah akun ${user.username}`} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {user.name}
            <Text span c="dimmed">
              {user.jabatan ? ` — ${user.jabatan}` : ''}
            </Text>
          </Text>
          <Select label="Peran" data={roleOptions(settings)} data-autofocus {...form.getInputProps('role')} />
          <Checkbox
            label="Administrator (dapat membuka Pengaturan dan mengelola akun)"
            disabled={self}
            {...form.getInputProps('isAdmin', { type: 'checkbox' })}
          />
          <Switch
            label="Akun aktif"
            description={self ? 'Anda tidak dapat menonaktifkan akun Anda sendiri.' : 'Akun nonaktif tidak dapat masuk; riwayatnya tetap tersimpan.'}
            disabled={self}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <FormFooter failure={failure} busy={busy} submitLabel="Simpan" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserView; onClose(): void }) {
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '' },
    validate: zod4Resolver(resetSchema),
    validateInputOnBlur: true,
  });
  const submit = form.onSubmit(async ({ password }) => {
    setBusy(true);
    setFailure(null);
    const r = await call('users.resetPassword', { id: user.id, password });
    setBusy(false);
    if (r.ok) {
      notifySaved(`Kata sandi ${user.username} disetel ulang`);
      onClose();
    } else {
      form.setErrors(issuesToErrors(r.issues).errors);
      setFailure(r);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Setel ulang kata sandi ${user.username}`} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Sampaikan kata sandi baru kepada {user.name} secara langsung. Ia sebaiknya menggantinya sendiri setelah masuk.
            Sesi {user.username} yang sedang berjalan akan diakhiri.
          </Text>
          <PasswordInput label="Kata sandi baru" autoComplete="new-password" withAsterisk data-autofocus {...form.getInputProps('password')} />
          <PasswordInput label="Ulangi kata sandi baru" autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
          <FormFooter failure={failure} busy={busy} submitLabel="Setel ulang" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersTab({ settings }: { settings: SettingsView }) {
  const me = useUser();
  const { setUser } = useApp();
  const users = useLoad('users.list');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const list = users.data ?? [];
  const titleOf = (personId: string) => people(settings).find((p) => p.person.id === personId)?.title ?? '';

  if (users.error) {
    return (
      <Alert color="red" variant="light" title="Daftar akun tidak dapat dimuat">
        {users.error.message}
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Setiap akun terhubung ke satu pejabat atau operator. Akun tidak dihapus, hanya dinonaktifkan, agar riwayat tetap utuh.
        </Text>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
          Tambah akun
        </Button>
      </Group>
      <Table withTableBorder striped highlightOnHover aria-label="Akun pengguna">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nama</Table.Th>
            <Table.Th w={150} className="nowrap">Nama pengguna</Table.Th>
            <Table.Th w={140}>Peran</Table.Th>
            <Table.Th w={130}>Hak</Table.Th>
            <Table.Th w={100}>Status</Table.Th>
            <Table.Th w={150} ta="right">
              Tindakan
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.loading && !list.length && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed">
                  Memuat…
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {list.map((u) => (
            <Table.Tr key={u.id} c={u.active ? undefined : 'dimmed'}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {u.name}
                  {u.id === me.id && (
                    <Badge size="xs" ml={6} variant="outline">
                      Anda
                    </Badge>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {titleOf(u.personId)}
                  {u.jabatan ? ` · ${u.jabatan}` : ''}
                </Text>
              </Table.Td>
              <Table.Td className="mono">{u.username}</Table.Td>
              <Table.Td className="nowrap">{ROLE_LABELS[u.role]}</Table.Td>
              <Table.Td>
                {u.isAdmin ? (
                  <Badge size="sm" variant="light" color="grape">
                    Administrator
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    Pengguna
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="dot" color={u.active ? 'teal' : 'gray'}>
                  {u.active ? 'Aktif' : 'Nonaktif'}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-xs" variant="default" leftSection={<IconPencil size={12} />} onClick={() => setEditing(u)} aria-label={`Ubah akun ${u.username}`}>
                    Ubah
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Tindakan lain untuk ${u.username}`}>
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setResetting(u)}>
                        Setel ulang kata sandi
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <CreateUserModal
        settings={settings}
        users={list}
        opened={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          void users.reload();
        }}
      />
      {editing && (
        <EditUserModal
          settings={settings}
          user={editing}
          self={editing.id === me.id}
          onClose={() => setEditing(null)}
          onDone={async () => {
            // Changing one's own role changes what the shell shows (badge, SOP rows).
            if (editing.id === me.id) {
              const fresh = await call('auth.me');
              if (fresh.ok) setUser(fresh.data);
            }
            setEditing(null);
            void users.reload();
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
