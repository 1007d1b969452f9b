import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceLaptop, IconShieldCheck } from '@tabler/icons-react';
import { OFFICE_ROLES, ROLE_LABELS, type Role } from '../../../../electron/core/domain/roles';
import { waitingToTrust, type RelayDeviceClaim, type RelayStatus, type RelayWaitingDevice } from '../../../../electron/core/domain/sync/relay';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { notifySaved } from '../../components/feedback';
import { formatDateTime } from '../../i18n/date';
import { Fingerprint } from './DevicesTab';

/**
 * Pengaturan › Perangkat › Server relay: the laptops known here only through the relay. Each
 * shows what its signed card claims — name, office, the key's code to read aloud by phone, which
 * laptops trusted here vouch for it — and what its held acts would need (their roles). Nothing
 * here is trusted because the relay says so: the administrator compares the code with the
 * laptop's owner, chooses the roles, and only then trusts it.
 */

const ROLE_CHOICES: readonly Role[] = OFFICE_ROLES.opd;

function ClaimCard({ device, claim, onTrusted }: { device: RelayWaitingDevice; claim: RelayDeviceClaim; onTrusted(): void }) {
  // One card: its name already heads the laptop's box. Several: each says which name it claims.
  const named = device.claims.length > 1 || claim.name !== device.claims[0]?.name;
  const [roles, setRoles] = useState<Role[]>(device.roles.filter((r) => ROLE_CHOICES.includes(r)));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Err | null>(null);
  const canTrust = claim.sameOffice && !device.trustedAs;

  const trust = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('relay.trustDevice', { installationId: device.installationId, publicKey: claim.publicKey, roles });
    setBusy(false);
    if (!r.ok) {
      setFailure(r);
      return;
    }
    notifySaved(`Laptop "${r.data.name}" dipercaya`);
    onTrusted();
  };

  return (
    <Stack gap={6}>
      {named && <Text fw={600}>{claim.name}</Text>}
      <Group gap="xs">
        <Text size="sm">
          Kantor: {claim.officeName} · kartu dibuat {formatDateTime(claim.at)}
        </Text>
        <Badge variant="light" color={claim.sameOffice ? 'teal' : 'orange'}>
          {claim.sameOffice ? 'Kantor ini' : 'Kantor lain'}
        </Badge>
      </Group>
      <Text size="sm" component="div">
        Kode kunci: <Fingerprint code={claim.fingerprint} size="lg" />
      </Text>
      <Text size="sm" c={claim.knownBy.length ? undefined : 'dimmed'}>
        {claim.knownBy.length ? `Dikenal oleh ${claim.knownBy.join(', ')}` : 'Belum dikenal oleh laptop tepercaya mana pun.'}
      </Text>
      {device.trustedAs && (
        <Alert color="orange" variant="light" p="xs">
          <Text size="sm">
            Laptop ini sudah dipercaya sebagai "{device.trustedAs.name}" dengan kode {device.trustedAs.fingerprint}. Kartu ini membawa kunci lain: bila laptop
            itu memang dipasang ulang, cocokkan kode barunya melalui telepon, cabut dulu kepercayaan lamanya di daftar perangkat di atas, lalu percayai kartu
            ini. Bila tidak, kartu ini mungkin palsu: jangan dipercaya.
          </Text>
        </Alert>
      )}
      {!claim.sameOffice && (
        <Text size="sm" c="dimmed">
          Laptop kantor lain tidak dapat dipercaya di sini.
        </Text>
      )}
      {canTrust && (
        <>
          <Checkbox.Group label="Peran yang boleh dibawa" value={roles} onChange={(v) => setRoles(v as Role[])} withAsterisk>
            <Group gap="md" mt={4}>
              {ROLE_CHOICES.map((r) => (
                <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
              ))}
            </Group>
          </Checkbox.Group>
          {failure && (
            <Alert color="red" variant="light" p="xs" role="alert">
              <Text size="sm">{failure.message}</Text>
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconShieldCheck size={16} />} loading={busy} disabled={!roles.length} onClick={() => void trust()} aria-label={`Percayai ${claim.name}`}>
              Percayai
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function DeviceCard({ device, onTrusted }: { device: RelayWaitingDevice; onTrusted(): void }) {
  const roles = device.roles.map((r) => ROLE_LABELS[r]).join(', ');
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="relay-waiting-device">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Group gap={6}>
            <IconDeviceLaptop size={16} aria-hidden />
            <Text size="sm" fw={600}>
              {device.claims[0]?.name ?? 'Laptop tanpa kartu'}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ff="monospace">
            {device.installationId}
          </Text>
        </Group>
        <Text size="sm">
          {device.actsWaiting
            ? `${device.actsWaiting} tindakan menunggu${roles ? `, dibuat sebagai ${roles}` : ''}.`
            : 'Belum ada tindakannya yang menunggu.'}
        </Text>
        {!device.claims.length && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">
              Kartu laptop ini belum ada di server relay, sehingga laptop ini belum dapat dipercaya dari sini. Minta pemiliknya menyalakan server relay di
              laptopnya (kartunya dikirim otomatis), atau percayai laptop itu saat menerima paket darinya.
            </Text>
          </Alert>
        )}
        {device.claims.length > 1 && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm">
              Ada {device.claims.length} kartu dengan kunci berbeda untuk laptop ini; hanya satu yang asli. Tanyakan kodenya kepada pemilik laptop.
            </Text>
          </Alert>
        )}
        {device.claims.map((c) => (
          <ClaimCard key={c.publicKey} device={device} claim={c} onTrusted={onTrusted} />
        ))}
      </Stack>
    </Paper>
  );
}

export function RelayDevicesSection({ status, onTrusted }: { status: RelayStatus; onTrusted(): void }) {
  if (!status.devices.length && !status.cardsRefused.length) return null;
  const waiting = waitingToTrust(status);
  return (
    <Stack gap="xs" data-testid="relay-devices">
      {status.devices.length > 0 && (
        <>
          <Group gap={8}>
            <Title order={3} size="h6">
              Laptop yang menunggu dipercaya
            </Title>
            {waiting > 0 && <Badge variant="light">{waiting}</Badge>}
          </Group>
          <Text size="sm">
            Cocokkan kode ini dengan pemilik laptop melalui telepon sebelum mempercayainya. Server relay hanya membawa kartu yang dibuat laptop itu sendiri;
            siapa pun yang dapat menulis ke server dapat menaruh kartu palsu.
          </Text>
          {status.devices.map((d) => (
            <DeviceCard key={d.installationId} device={d} onTrusted={onTrusted} />
          ))}
        </>
      )}
      {status.cardsRefused.map((c) => (
        <Alert key={c.docId} color="red" variant="light" p="xs" role="status">
          <Text size="sm">
            Kartu perangkat {c.name ? `"${c.name}" ` : ''}ditolak: {c.reason}.
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
