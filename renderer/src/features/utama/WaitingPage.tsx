import { useEffect, useState } from 'react';
import { Alert, Badge, Card, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconLock } from '@tabler/icons-react';
import type { IntakeApplied, WaitingPackage } from '../../../../electron/core/domain/regency/model';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';
import { useUser } from '../../app/context';
import { notifyError } from '../../components/feedback';
import { formatDateTime } from '../../i18n/date';
import { Fingerprint } from '../settings/DevicesTab';
import { useIntake } from './intake';
import { IntakeResultBadge } from './labels';
import { RelayOfficeCard } from './RelayWaiting';
import type { RelayDeviceTrusted } from '../../../../electron/core/domain/regency/relay-waiting';
import { CompareAndTrust } from './CompareAndTrust';

/**
 * Menunggu kepercayaan: packages from an OPD laptop whose key the PPID Utama has not trusted
 * yet. Its fingerprint is compared over the phone with the OPD's PPID Pembantu, who reads it
 * from Pengaturan › Perangkat on that laptop; only then does the PPID Utama trust it, and
 * every package waiting on that key is applied.
 */

interface SenderGroup {
  key: string;
  sender: WaitingPackage['sender'];
  opd: WaitingPackage['opd'];
  packages: WaitingPackage[];
}

function bySender(waiting: readonly WaitingPackage[]): SenderGroup[] {
  const groups = new Map<string, SenderGroup>();
  for (const w of waiting) {
    const key = w.sender.publicKey || w.sender.installationId;
    const g = groups.get(key) ?? { key, sender: w.sender, opd: w.opd, packages: [] };
    g.packages.push(w);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function SenderCard({ group, canTrust, onTrusted }: { group: SenderGroup; canTrust: boolean; onTrusted(results: IntakeApplied[]): void }) {
  const [compared, setCompared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { sender, opd, packages } = group;

  const trust = async () => {
    if (!compared) {
      setError('Cocokkan dulu kode ini lewat telepon, lalu centang.');
      return;
    }
    setBusy(true);
    setError(null);
    const r = await call('utama.trustSender', { checkId: packages[0]!.checkId });
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      notifyError(r, 'Kunci belum dipercaya');
      return;
    }
    onTrusted(r.data);
  };

  return (
    <Card data-sender={sender.installationId} data-testid="pengirim-menunggu">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4">
            {opd.name}
          </Title>
          <Text size="sm" c="dimmed">
            {opd.unitCode ? `${opd.unitCode} · ` : ''}
            {opd.entryId ? 'terdaftar di register' : 'belum ada di register: ditambahkan saat paketnya diterapkan'}
          </Text>
        </div>
        <Badge color="orange" variant="light">
          {packages.length} paket menunggu
        </Badge>
      </Group>

      <Text size="sm">
        Dikirim dari laptop <b>{sender.name}</b>. Sidik kunci laptop itu:
      </Text>
      <Text my={6} data-testid="sidik-pengirim">
        <Fingerprint code={sender.fingerprint} size="lg" />
      </Text>
      <Alert variant="light" color="blue" icon={<IconKey />} p="xs" mb="sm">
        <Text size="sm" data-testid="petunjuk-cocokkan">
          Cocokkan kode ini lewat telepon dengan PPID Pembantu {opd.name}: minta ia membuka Pengaturan › Perangkat di laptop
          “{sender.name}” dan membacakan sidik kuncinya. Percayai hanya bila kelima kelompok angka sama persis; bila berbeda,
          jangan percayai paket ini dan hubungi OPD tersebut.
        </Text>
      </Alert>

      <List size="sm" spacing={2} mb="sm">
        {packages.map((p) => (
          <List.Item key={p.checkId}>
            <span className="sync-file-name">{p.fileName}</span>, diterima {formatDateTime(p.receivedAt)}
            {p.cycles.length > 0 && ` — ${p.cycles.map((c) => `${c.title}: ${c.stepLabel}`).join('; ')}`}
          </List.Item>
        ))}
      </List>

      {canTrust ? (
        <CompareAndTrust
          opdName={opd.name}
          compared={compared}
          onCompared={(v) => {
            setCompared(v);
            setError(null);
          }}
          error={error}
          busy={busy}
          onTrust={() => void trust()}
          label="Percayai & terapkan"
        />
      ) : (
        <Alert variant="light" color="gray" icon={<IconLock />} p="xs" data-testid="hanya-ppid-utama">
          <Text size="sm">
            Hanya akun dengan peran {ROLE_LABELS.ppid_utama} yang dapat mempercayai kunci laptop OPD, karena sejak itu semua paket
            dari laptop ini diterima atas namanya. Sampaikan kode di atas kepada PPID Utama.
          </Text>
        </Alert>
      )}
    </Card>
  );
}

export function WaitingPage() {
  const user = useUser();
  const waiting = useLoad('utama.waiting');
  const relay = useLoad('utama.relayWaiting');
  const { bump, version } = useIntake();
  const [results, setResults] = useState<IntakeApplied[]>([]);
  const [relayTrusted, setRelayTrusted] = useState<RelayDeviceTrusted[]>([]);
  const groups = bySender(waiting.data ?? []);
  // A relay round (the top bar's) may have ended an office's wait, or brought a new one.
  const reloadRelay = relay.reload;
  useEffect(() => {
    if (version) void reloadRelay();
  }, [version, reloadRelay]);

  return (
    <Stack gap="md" maw={1080}>
      <div>
        <Title order={1} size="h3">
          Menunggu kepercayaan
        </Title>
        <Text size="sm" c="dimmed">
          Paket dan kantor di server relay dari laptop OPD yang kuncinya belum dipercaya. Isinya baru dicatat setelah kuncinya
          dipercaya.
        </Text>
      </div>

      {relayTrusted.length > 0 && (
        <Alert color="teal" variant="light" title="Kunci dipercaya" data-testid="hasil-percaya-relay" withCloseButton onClose={() => setRelayTrusted([])}>
          <Stack gap={4}>
            {relayTrusted.map((t) => (
              <Text size="sm" key={t.fingerprint}>
                Laptop “{t.laptopName}” ({t.fingerprint}) dipercaya untuk {t.opdName}
                {t.added ? ' (ditambahkan ke register)' : ''}. Tindakannya diterima dari server relay pada sinkronisasi yang sedang berjalan.
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {relay.data && relay.data.length > 0 && (
        <Stack gap="md" data-testid="relay-menunggu">
          <Title order={2} size="h5">
            Dari server relay
          </Title>
          {relay.data.map((o) => (
            <RelayOfficeCard
              key={o.officeId}
              office={o}
              canTrust={user.role === 'ppid_utama'}
              onTrusted={(t) => {
                setRelayTrusted((all) => [...all, t]);
                bump();
              }}
            />
          ))}
        </Stack>
      )}

      {results.length > 0 && (
        <Alert color="teal" variant="light" title="Kunci dipercaya" data-testid="hasil-percaya" withCloseButton closeButtonLabel="Tutup" onClose={() => setResults([])}>
          <Stack gap={4}>
            {results.map((r) => (
              <Group key={r.checkId || r.fileName} gap="xs">
                <IntakeResultBadge result={r.result} />
                <Text size="sm">
                  <span className="sync-file-name">{r.fileName}</span>
                  {r.opdName ? ` (${r.opdName})` : ''}
                  {r.result === 'diterapkan' ? `: ${r.newActs} tindakan baru` : r.message ? `: ${r.message}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}

      {waiting.error ? (
        <Alert color="red" variant="light" title="Daftar paket tidak dapat dimuat" role="alert">
          {waiting.error.message}
        </Alert>
      ) : !waiting.data ? (
        <Center h={160}>
          <Loader size="sm" />
        </Center>
      ) : groups.length === 0 ? (
        relay.data?.length ? null : (
        <Card>
          <Text size="sm" c="dimmed">
            Tidak ada paket yang menunggu. Paket dari laptop OPD yang belum dipercaya akan muncul di sini setelah diterima.
          </Text>
        </Card>
        )
      ) : (
        groups.map((g) => (
          <SenderCard
            key={g.key}
            group={g}
            canTrust={user.role === 'ppid_utama'}
            onTrusted={(r) => {
              setResults(r);
              bump();
              void waiting.reload();
            }}
          />
        ))
      )}
    </Stack>
  );
}
