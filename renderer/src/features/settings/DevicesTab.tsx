import { Fragment, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { IconDeviceLaptop, IconFileExport, IconKey, IconPencil, IconShieldOff } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { OFFICE_ROLES, ROLE_LABELS, type Role } from '../../../../electron/core/domain/roles';
import { deviceNameSchema, TRUST_SOURCE_LABELS, type DeviceSelfView, type TrustedDeviceView } from '../../../../electron/core/domain/sync/trust';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { FormFooter } from '../../components/FormFooter';
import { issuesToErrors, notifyError, notifySaved } from '../../components/feedback';
import { downloadBase64 } from '../cycles/format';
import { isDesktop } from '../documents/download';
import { formatDate, formatDateTime } from '../../i18n/date';

/**
 * Pengaturan › Perangkat: this laptop's key (as digits to read aloud), its name for other
 * laptops, and the laptops it trusts with the roles their acts may carry. Trusting a new
 * laptop happens when its first package is received; here trust is reviewed and withdrawn.
 */

/** The fingerprint's five groups, spaced wider than a word gap so the eye keeps them apart; copied, it stays "3997 7530 …". */
export function Fingerprint({ code, size = 'md' }: { code: string; size?: 'md' | 'lg' }) {
  return (
    <span className={`fingerprint fingerprint-${size}`}>
      {code.split(' ').map((g, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="fingerprint-group">{g}</span>
        </Fragment>
      ))}
    </span>
  );
}

const nameForm = z.object({ name: deviceNameSchema });

function SelfCard({ self, onSaved }: { self: DeviceSelfView; onSaved(next: DeviceSelfView): void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { name: self.name }, validate: zod4Resolver(nameForm) });

  const submit = form.onSubmit(async ({ name }) => {
    setBusy(true);
    setFailure(null);
    const r = await call('devices.renameSelf', { name });
    setBusy(false);
    if (r.ok) {
      notifySaved('Nama perangkat disimpan');
      onSaved(r.data);
      setEditing(false);
    } else {
      form.setErrors(issuesToErrors(r.issues).errors);
      setFailure(r);
    }
  });

  return (
    <Paper withBorder p="md" radius="sm" aria-labelledby="kunci-perangkat-ini">
      <Group align="flex-start" justify="space-between" gap="xl" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 420px' }}>
          <Group gap={8}>
            <IconKey size={18} />
            <Title order={2} size="h5" id="kunci-perangkat-ini">
              Kunci perangkat ini
            </Title>
          </Group>
          <div data-testid="sidik-perangkat-ini">
            <Fingerprint code={self.fingerprint} size="lg" />
          </div>
          <Text size="sm" maw={620}>
            Setiap paket yang dikirim dari laptop ini ditandatangani dengan kunci ini. Bila laptop lain meminta untuk
            mempercayai laptop ini, bacakan kedua puluh angka di atas lewat telepon kepada orang di laptop itu; ia
            mencocokkannya dengan angka yang tampil di layarnya sebelum menekan "Percayai".
          </Text>
        </Stack>
        <Stack gap={6} style={{ flex: '0 1 340px' }}>
          {!editing && (
            <Text size="sm" fw={600}>
              Nama perangkat ini
            </Text>
          )}
          {editing ? (
            <form onSubmit={submit} noValidate>
              <Stack gap="xs">
                <TextInput
                  label="Nama perangkat ini"
                  description='Nama yang dilihat laptop lain, misalnya "Laptop Operator" atau "Laptop Kepala Dinas".'
                  data-autofocus
                  autoFocus
                  {...form.getInputProps('name')}
                />
                <FormFooter failure={failure} busy={busy} submitLabel="Simpan nama" onCancel={() => { form.reset(); setFailure(null); setEditing(false); }} />
              </Stack>
            </form>
          ) : (
            <Group gap="sm" wrap="nowrap">
              <Text size="md" data-testid="nama-perangkat-ini">
                {self.name}
              </Text>
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconPencil size={12} />}
                onClick={() => {
                  form.setValues({ name: self.name });
                  setEditing(true);
                }}
              >
                Ubah nama
              </Button>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            Nama ini menyertai setiap paket yang dikirim dari sini.
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function RolesModal({ device, onClose, onDone }: { device: TrustedDeviceView; onClose(): void; onDone(next: TrustedDeviceView): void }) {
  const [roles, setRoles] = useState<Role[]>(device.roles);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const r = await call('devices.setRoles', { installationId: device.installationId, roles });
    setBusy(false);
    if (r.ok) {
      notifySaved(`Peran ${device.name} disimpan`);
      onDone(r.data);
    } else setFailure(r);
  };
  return (
    <Modal opened onClose={onClose} title={`Ubah peran: ${device.name}`} size="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Tindakan yang diterima dari perangkat ini hanya sah bila perannya dicentang di sini. Tindakan dengan peran lain
            ditolak, sehingga laptop operator tidak dapat memalsukan tanda tangan Kepala OPD.
          </Text>
          <Checkbox.Group label="Peran yang boleh dibawa" value={roles} onChange={(v) => setRoles(v as Role[])} withAsterisk>
            <Stack gap={6} mt={6}>
              {OFFICE_ROLES.opd.map((r) => (
                <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <FormFooter failure={failure} busy={busy} submitLabel="Simpan peran" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function RevokeModal({ device, onClose, onDone }: { device: TrustedDeviceView; onClose(): void; onDone(next: TrustedDeviceView): void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const revoke = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('devices.revoke', { installationId: device.installationId });
    setBusy(false);
    if (r.ok) {
      notifySaved(`Kepercayaan kepada ${device.name} dicabut`);
      onDone(r.data);
    } else setFailure(r);
  };
  return (
    <Modal opened onClose={onClose} title={`Cabut kepercayaan kepada ${device.name}?`} size="md">
      <Stack gap="sm">
        <Text size="sm">
          Paket baru dari perangkat ini akan ditolak. Tindakan yang sudah diterima darinya tetap tercatat sebagai riwayat.
          Lakukan ini bila laptop itu hilang, dijual, atau dipasang ulang.
        </Text>
        <Text size="sm">
          Sidik kuncinya: <Fingerprint code={device.fingerprint} />
        </Text>
        <Text size="sm" c="dimmed">
          Pencabutan tidak dapat dibatalkan dari sini; perangkat itu dapat dipercaya lagi saat paketnya diterima.
        </Text>
        {failure && (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{failure.message}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button color="red" loading={busy} leftSection={<IconShieldOff size={16} />} onClick={() => void revoke()} data-autofocus>
            Cabut kepercayaan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DevicesTable({ devices, onChanged }: { devices: TrustedDeviceView[]; onChanged(): void }) {
  const [editing, setEditing] = useState<TrustedDeviceView | null>(null);
  const [revoking, setRevoking] = useState<TrustedDeviceView | null>(null);
  return (
    <>
      <Table withTableBorder striped highlightOnHover aria-label="Perangkat tepercaya" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={170}>Nama</Table.Th>
            <Table.Th>Sidik kunci</Table.Th>
            <Table.Th>Peran yang boleh dibawa</Table.Th>
            <Table.Th>Sumber</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">
              Tindakan
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed" py="xs">
                  Belum ada perangkat lain yang dipercaya. Perangkat ditambahkan saat paket pertamanya diterima (Terima paket),
                  atau bersama paket kantor saat laptop ini bergabung ke kantor.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {devices.map((d) => {
            const revoked = d.revokedAt !== null;
            return (
              <Table.Tr key={d.installationId} c={revoked ? 'dimmed' : undefined} data-revoked={revoked || undefined}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {d.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Dipercaya {formatDate(d.addedAt)} oleh {d.addedBy || '—'}
                  </Text>
                </Table.Td>
                <Table.Td className="nowrap">
                  <Fingerprint code={d.fingerprint} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {d.roles.map((r) => (
                      <Badge key={r} size="sm" variant="light" color={revoked ? 'gray' : 'dinas'} radius="sm" tt="none">
                        {ROLE_LABELS[r]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td className="nowrap">{TRUST_SOURCE_LABELS[d.source]}</Table.Td>
                <Table.Td>
                  {revoked ? (
                    <Badge size="sm" variant="dot" color="red" title={`Dicabut ${formatDateTime(d.revokedAt!)}`}>
                      Dicabut
                    </Badge>
                  ) : (
                    <Badge size="sm" variant="dot" color="teal">
                      Dipercaya
                    </Badge>
                  )}
                  {revoked && (
                    <Text size="xs" c="dimmed">
                      {formatDate(d.revokedAt!)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!revoked && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="default" leftSection={<IconPencil size={12} />} onClick={() => setEditing(d)} aria-label={`Ubah peran ${d.name}`}>
                        Ubah peran
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        leftSection={<IconShieldOff size={12} />}
                        onClick={() => setRevoking(d)}
                        aria-label={`Cabut kepercayaan ${d.name}`}
                      >
                        Cabut kepercayaan
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editing && (
        <RolesModal
          device={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      {revoking && (
        <RevokeModal
          device={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

/** "Buat paket kantor": what a new laptop of this office joins with, instead of retyping the office. */
function OfficePackageCard() {
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    const desktop = isDesktop();
    const r = await call('office.exportPackage', { save: desktop });
    setBusy(false);
    if (!r.ok) {
      notifyError(r, 'Paket kantor tidak dapat dibuat');
      return;
    }
    if (desktop && !r.data.savedTo) return;
    if (r.data.base64) downloadBase64(r.data.fileName, 'application/octet-stream', r.data.base64);
    notifications.show({
      color: 'teal',
      title: 'Paket kantor dibuat',
      message: `${r.data.savedTo ?? r.data.fileName}. Di laptop baru pilih "Gabung ke kantor yang sudah ada", lalu bacakan kunci perangkat ini lewat telepon.`,
      autoClose: 10_000,
    });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <Group justify="space-between" align="flex-start" gap="xl" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 420px' }}>
          <Group gap={8}>
            <IconFileExport size={18} />
            <Title order={2} size="h5">
              Paket kantor untuk laptop baru
            </Title>
          </Group>
          <Text size="sm" maw={720}>
            Laptop baru di kantor ini tidak perlu mengetik ulang data kantor. Paket kantor memuat data kantor, pejabat,
            pengaturan dokumen, kalender kerja, lambang, serta laptop ini dan laptop tepercaya beserta perannya. Paket ini
            tidak pernah memuat akun, kata sandi atau riwayat masuk: laptop baru membuat akunnya sendiri.
          </Text>
        </Stack>
        <Button variant="light" loading={busy} leftSection={<IconFileExport size={16} />} onClick={() => void make()}>
          Buat paket kantor untuk laptop baru
        </Button>
      </Group>
    </Paper>
  );
}

export function DevicesTab() {
  const self = useLoad('devices.self');
  const devices = useLoad('devices.list');
  const error = self.error ?? devices.error;
  if (error) {
    return (
      <Alert color="red" variant="light" title="Data perangkat tidak dapat dimuat">
        {error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      {self.data ? <SelfCard self={self.data} onSaved={self.setData} /> : <Text size="sm" c="dimmed">Memuat…</Text>}
      <OfficePackageCard />
      <Stack gap={6}>
        <Group gap={8}>
          <IconDeviceLaptop size={18} />
          <Title order={2} size="h5">
            Perangkat tepercaya
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Laptop lain yang paketnya diterima di sini, dan peran yang boleh dibawa tindakan dari masing-masing laptop.
        </Text>
      </Stack>
      {devices.data ? <DevicesTable devices={devices.data} onChanged={() => void devices.reload()} /> : <Text size="sm" c="dimmed">Memuat…</Text>}
    </Stack>
  );
}
