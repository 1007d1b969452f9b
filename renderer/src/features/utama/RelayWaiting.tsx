import { useState } from 'react';
import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCloudComputing, IconKey, IconLock } from '@tabler/icons-react';
import type { RelayDeviceTrusted, RelayWaitingLaptop, RelayWaitingOffice } from '../../../../electron/core/domain/regency/relay-waiting';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { call } from '../../api/client';
import { notifyError } from '../../components/feedback';
import { formatDateTime } from '../../i18n/date';
import { Fingerprint } from '../settings/DevicesTab';
import { CompareAndTrust } from './CompareAndTrust';

/**
 * OPD offices on the regency's relay whose laptops' keys the PPID Utama has not trusted yet:
 * each laptop's card gives its name and key; its code is compared over the phone with the OPD's
 * PPID Pembantu, who reads it from Pengaturan › Perangkat on that laptop. Trusted, the office's
 * acts are received with the next relay round (asked for at once).
 */

function LaptopRow({ office, laptop, canTrust, onTrusted }: { office: RelayWaitingOffice; laptop: RelayWaitingLaptop; canTrust: boolean; onTrusted(r: RelayDeviceTrusted): void }) {
  const [compared, setCompared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opdName = office.entryName ?? office.officeName;

  const trust = async () => {
    if (!compared) {
      setError('Cocokkan dulu kode ini lewat telepon, lalu centang.');
      return;
    }
    setBusy(true);
    setError(null);
    const r = await call('utama.trustRelayDevice', { installationId: laptop.installationId, publicKey: laptop.publicKey });
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      notifyError(r, 'Kunci belum dipercaya');
      return;
    }
    onTrusted(r.data);
  };

  return (
    <Stack gap={6} data-testid="laptop-relay" data-installation={laptop.installationId}>
      <Text size="sm">
        Laptop <b>{laptop.name}</b> (kartu {formatDateTime(laptop.cardAt)}). Kode kunci laptop itu:
      </Text>
      <Text data-testid="kode-laptop-relay">
        <Fingerprint code={laptop.fingerprint} size="lg" />
      </Text>
      {laptop.problem ? (
        <Alert color="red" variant="light" p="xs" role="alert">
          <Text size="sm">{laptop.problem}</Text>
        </Alert>
      ) : canTrust ? (
        <CompareAndTrust
          opdName={opdName}
          compared={compared}
          onCompared={(v) => {
            setCompared(v);
            setError(null);
          }}
          error={error}
          busy={busy}
          onTrust={() => void trust()}
          label="Percayai"
        />
      ) : null}
    </Stack>
  );
}

export function RelayOfficeCard({ office, canTrust, onTrusted }: { office: RelayWaitingOffice; canTrust: boolean; onTrusted(r: RelayDeviceTrusted): void }) {
  const opdName = office.entryName ?? office.officeName;
  return (
    <Card data-testid="kantor-relay-menunggu" data-office={office.officeId}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            {opdName || 'Kantor tanpa kartu laptop'}
          </Title>
          <Text size="sm" c="dimmed">
            {office.unitCode ? `${office.unitCode} · ` : ''}
            {office.entryId ? 'terdaftar di register' : 'belum ada di register: ditambahkan saat kuncinya dipercaya'}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          <Badge color="grape" variant="light" leftSection={<IconCloudComputing size={12} />}>
            Server relay
          </Badge>
          <Badge color="orange" variant="light">
            {office.acts} tindakan menunggu
          </Badge>
        </Group>
      </Group>
      {office.laptops.length === 0 ? (
        <Text size="sm">
          Tindakan kantor ini sudah ada di server relay, tetapi kartu laptopnya belum. Kartu dikirim laptop OPD pada sinkronisasi
          berikutnya; setelah itu kodenya dapat dicocokkan di sini.
        </Text>
      ) : (
        <Stack gap="md">
          <Alert variant="light" color="blue" icon={<IconKey />} p="xs">
            <Text size="sm" data-testid="petunjuk-cocokkan-relay">
              Cocokkan kode lewat telepon dengan PPID Pembantu {opdName}: minta ia membuka Pengaturan › Perangkat di laptop yang disebut
              dan membacakan sidik kuncinya. Percayai hanya bila kelima kelompok angka sama persis.
            </Text>
          </Alert>
          {office.laptops.map((l) => (
            <LaptopRow key={`${l.installationId}|${l.publicKey}`} office={office} laptop={l} canTrust={canTrust} onTrusted={onTrusted} />
          ))}
          {!canTrust && (
            <Alert variant="light" color="gray" icon={<IconLock />} p="xs">
              <Text size="sm">
                Hanya akun dengan peran {ROLE_LABELS.ppid_utama} yang dapat mempercayai kunci laptop OPD. Sampaikan kode di atas kepada
                PPID Utama.
              </Text>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
