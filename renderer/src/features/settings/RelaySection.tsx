import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Paper, PasswordInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCloudComputing, IconRefresh } from '@tabler/icons-react';
import { relayUrlProblem, type RelayConfigView, type RelayStatus } from '../../../../electron/core/domain/sync/relay';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { issuesToErrors, notifySaved } from '../../components/feedback';
import { formatDateTime } from '../../i18n/date';
import { officeNow } from '../../i18n/office-clock';
import { KEPT_LABELS, keptLine, relayLine, retryWords } from '../sync/relay-words';
import { RelayDevicesSection } from './RelayDevicesSection';

/**
 * Pengaturan › Perangkat › Server relay (issue 14): the office's CouchDB relay for this laptop —
 * address, database, this laptop's user and password (kept by the operating system, never shown
 * again, never in a package or a backup) — and where the sync stands, with the acts it holds
 * back named. Without a relay nothing changes: packages keep working, alone or beside it.
 */

interface Values {
  url: string;
  database: string;
  username: string;
  password: string;
  enabled: boolean;
}

const fromView = (v: RelayConfigView): Values => ({ url: v.url ?? '', database: v.database ?? '', username: v.username ?? '', password: '', enabled: v.url ? v.enabled : true });

/** `utama`: in the PPID Utama's office, which reads every OPD of the regency's database and sends only its laptop card. */
export function RelaySection({ utama = false }: { utama?: boolean }) {
  const config = useLoad('relay.get');
  const status = useLoad('relay.status');
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (config.data && !values) setValues(fromView(config.data));
  }, [config.data, values]);
  useEffect(() => {
    if (status.data?.state !== 'menyinkronkan') return;
    const t = window.setTimeout(() => void status.reload(), 2_000);
    return () => window.clearTimeout(t);
  }, [status]);

  if (!values || !config.data) return null;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = relayUrlProblem(values.url.trim());
    if (problem) {
      setErrors({ url: problem });
      return;
    }
    setBusy(true);
    setFailure(null);
    const r = await call('relay.set', { ...values, password: values.password === '' && config.data!.hasPassword ? null : values.password });
    setBusy(false);
    if (!r.ok) {
      const { errors: e2, unplaced } = issuesToErrors(r.issues);
      setErrors(e2);
      if (unplaced.length || !Object.keys(e2).length) setFailure(r);
      return;
    }
    setErrors({});
    config.setData(r.data);
    setValues(fromView(r.data));
    notifySaved('Server relay disimpan');
    window.setTimeout(() => void status.reload(), 500);
  };

  const st: RelayStatus | null = status.data;
  const line = st && relayLine(st, officeNow());
  const kept = st && keptLine(st);

  return (
    <Paper withBorder p="md" radius="sm" mt="md" data-testid="server-relay">
      <Stack gap="sm">
        <Group gap={8}>
          <IconCloudComputing size={18} />
          <Title order={2} size="h5">
            Server relay
          </Title>
          {line && (
            <Badge variant="light" color={line.tone === 'ok' ? 'teal' : line.tone === 'offline' || line.tone === 'error' ? 'orange' : 'blue'}>
              {line.text}
            </Badge>
          )}
        </Group>
        {utama ? (
          <Text size="sm">
            Bila ada jaringan, PPID Utama menerima tindakan setiap OPD langsung dari basis data relay kabupaten, tanpa menunggu paket:
            daftar OPD dan daftar gabungan diperbarui setiap kali tindakan baru tiba. Tindakan OPD diperiksa seperti paket (tanda
            tangan, kunci laptop yang dipercaya, aturan SOP). Laptop OPD yang belum dipercaya tampil di Menunggu kepercayaan. Paket
            berkas tetap dapat dipakai berdampingan.
          </Text>
        ) : (
          <Text size="sm">
            Bila kantor punya jaringan, tindakan yang ditandatangani laptop ini dapat dikirim dan diterima lewat server CouchDB milik
            kabupaten, tanpa menunggu paket. Setiap tindakan yang datang tetap diperiksa seperti paket: tanda tangan, kepercayaan
            perangkat dan aturan SOP. Paket berkas tetap dapat dipakai berdampingan. Laptop lain dipercaya di daftar perangkat di atas, atau di bawah ini setelah kartunya tiba lewat server dan kodenya
            dicocokkan.
          </Text>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput
                label="Alamat server"
                placeholder="https://relay.kapuashulukab.go.id"
                value={values.url}
                onChange={(e) => set({ url: e.currentTarget.value })}
                error={errors.url}
                required
              />
              <TextInput label="Basis data" placeholder="ppid-kapuashulu" value={values.database} onChange={(e) => set({ database: e.currentTarget.value })} error={errors.database} required />
            </Group>
            <Group grow align="flex-start">
              <TextInput label="Nama pengguna laptop ini" value={values.username} onChange={(e) => set({ username: e.currentTarget.value })} error={errors.username} required />
              <PasswordInput
                label="Kata sandi"
                // The help text below the box, so that the box lines up with "Nama pengguna laptop ini" beside it.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                withAsterisk={!config.data.hasPassword}
                placeholder={config.data.hasPassword ? 'Tersimpan — kosongkan bila tidak diganti' : ''}
                value={values.password}
                onChange={(e) => set({ password: e.currentTarget.value })}
                error={errors.password}
                description={
                  config.data.protection === 'sistem'
                    ? 'Disimpan terenkripsi oleh sistem operasi; tidak ikut paket maupun cadangan.'
                    : 'Disimpan dalam berkas yang hanya dapat dibaca akun komputer ini; tidak ikut paket maupun cadangan.'
                }
              />
            </Group>
            <Switch label="Sinkronkan lewat server relay" checked={values.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
            {failure && (
              <Alert color="red" variant="light" p="xs" role="alert">
                <Text size="sm">{failure.message}</Text>
              </Alert>
            )}
            <Group gap="xs">
              <Button type="submit" loading={busy}>
                Simpan server relay
              </Button>
              {config.data.url && (
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} />}
                  onClick={async () => {
                    const r = await call('relay.syncNow', {});
                    if (r.ok) status.setData(r.data);
                  }}
                >
                  Sinkronkan sekarang
                </Button>
              )}
            </Group>
          </Stack>
        </form>
        {st && st.state !== 'mati' && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Terakhir tersinkron: {st.lastSyncAt ? formatDateTime(st.lastSyncAt) : 'belum pernah'}
              {st.waitingToSend ? ` · ${st.waitingToSend} tindakan menunggu dikirim` : ''}
              {st.nextTryAt && st.state !== 'tersinkron' ? ` · dicoba lagi ${retryWords(st.nextTryAt, officeNow(), formatDateTime)}` : ''}
            </Text>
            {st.lastError && (
              <Alert color="orange" variant="light" p="xs" role="status">
                <Text size="sm">{st.lastError}</Text>
              </Alert>
            )}
            {kept && (
              <>
                <Text size="sm" fw={600}>
                  {kept}
                </Text>
                {utama && st.kept.belumDipercaya > 0 && (
                  <Text size="sm">
                    Tindakan OPD yang belum satu pun laptopnya dipercaya menunggu di{' '}
                    <Anchor component={RouterLink} to="/menunggu">
                      Menunggu kepercayaan
                    </Anchor>
                    .
                  </Text>
                )}
                {st.kept.acts.length > 0 && (
                  <Table withTableBorder verticalSpacing={3} fz="sm" aria-label="Tindakan dari relay yang ditahan">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Siklus</Table.Th>
                        <Table.Th>Keadaan</Table.Th>
                        <Table.Th>Alasan</Table.Th>
                        <Table.Th>Perangkat</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {st.kept.acts.map((a, i) => (
                        <Table.Tr key={`${a.actId ?? 'x'}-${i}`}>
                          <Table.Td>
                            {a.officeName ? `${a.officeName}: ` : ''}
                            {a.cycleTitle ?? 'siklus belum ada di laptop ini'}
                          </Table.Td>
                          <Table.Td>{KEPT_LABELS[a.kind]}</Table.Td>
                          <Table.Td>{a.reason}</Table.Td>
                          <Table.Td>
                            <Text size="xs" ff="monospace">
                              {a.installationId ?? '—'}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </>
            )}
            <RelayDevicesSection status={st} onTrusted={() => void status.reload()} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
