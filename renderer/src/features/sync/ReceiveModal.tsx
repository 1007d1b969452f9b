import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconInfoCircle, IconKey, IconPaperclip } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { OFFICE_ROLES, ROLE_LABELS, type Role } from '../../../../electron/core/domain/roles';
import { RECIPIENT_LABELS } from '../../../../electron/core/domain/sync/package-name';
import type { AppliedPackage, CyclePreview, PackagePreview, SignerView } from '../../../../electron/core/domain/sync/preview';
import { formatDateTime } from '../../i18n/date';
import { Fingerprint } from '../settings/DevicesTab';
import { TRUST_LABELS } from './laptops';

/**
 * "Terima paket": what a package would change, shown before anything is written, the trust
 * decision for a laptop seen for the first time, then all of it applied or nothing.
 */

export type ReceiveState =
  | { phase: 'closed' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'failed'; fileName: string; message: string }
  | { phase: 'preview'; preview: PackagePreview }
  | { phase: 'applied'; preview: PackagePreview; result: AppliedPackage };

interface TrustChoice {
  confirmed: boolean;
  roles: Role[];
}

const STATUS: Record<CyclePreview['status'], { label: string; color: string }> = {
  baru: { label: 'Siklus baru', color: 'blue' },
  diperbarui: { label: 'Diperbarui', color: 'teal' },
  sama: { label: 'Tidak berubah', color: 'gray' },
};

/** A list shown by its count, opened on request: a 500-item cycle must not fill the dialog. */
function Folded({ label, items }: { label: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <details className="sync-folded">
      <summary>
        <Text span size="sm">
          {label}: {items.length}
        </Text>
      </summary>
      <List size="sm" spacing={0} mt={2} ml="sm">
        {items.map((t, n) => (
          <List.Item key={`${n}-${t}`}>{t || '(tanpa judul)'}</List.Item>
        ))}
      </List>
    </details>
  );
}

function CycleCard({ c }: { c: CyclePreview }) {
  const st = STATUS[c.status];
  return (
    <Paper withBorder p="sm" radius="sm" data-cycle-preview={c.title}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm">
          {c.title}
        </Text>
        <Badge color={st.color} variant="light" tt="none">
          {st.label}
        </Badge>
      </Group>
      {c.movement && (
        <Text size="sm" mt={2} data-testid="perpindahan">
          {c.movement}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={2}>
        {c.newActs ? `${c.newActs} tindakan baru` : 'Tidak ada tindakan baru'}
      </Text>
      <Stack gap={2} mt={4}>
        <Folded label="Informasi ditambahkan" items={c.itemsAdded} />
        <Folded label="Informasi diubah" items={c.itemsChanged} />
        <Folded label="Informasi dihapus" items={c.itemsRemoved} />
      </Stack>
      {c.newConflicts.length > 0 && (
        <Alert color="orange" variant="light" p="xs" mt="xs" icon={<IconAlertTriangle size={16} />} title={`${c.newConflicts.length} konflik baru menunggu keputusan`}>
          <List size="sm" spacing={0}>
            {c.newConflicts.map((t) => (
              <List.Item key={t}>{t}</List.Item>
            ))}
          </List>
          <Text size="xs" mt={4}>
            Tidak ada yang hilang: setiap pilihan tersimpan, dan pemegang peran yang memutuskan memilih di tab Konflik pada siklus itu.
          </Text>
        </Alert>
      )}
    </Paper>
  );
}

function rolesText(roles: Role[]): string {
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join(', ') : '—';
}

function SignerCard({
  s,
  canTrust,
  choice,
  error,
  onChange,
}: {
  s: SignerView;
  canTrust: boolean;
  choice: TrustChoice | undefined;
  error: string | null;
  onChange(next: TrustChoice): void;
}) {
  const t = TRUST_LABELS[s.trust];
  return (
    <Paper withBorder p="sm" radius="sm" data-signer={s.name} data-trust={s.trust}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm">
          {s.name}
          {s.sender && (
            <Text span size="xs" c="dimmed" fw={400}>
              {' '}
              · pengirim paket
            </Text>
          )}
        </Text>
        <Badge color={t.color} variant="light" tt="none">
          {t.label}
        </Badge>
      </Group>
      {s.replaces && s.replaces.length > 0 && (
        <Text size="xs" c="dimmed" mt={2} data-testid="pengganti">
          Menurut paket ini, pengganti dari {s.replaces.map((n) => `"${n}"`).join(', ')}: laptop itu dipulihkan dari cadangan dan memakai kunci baru.
          {s.trust === 'baru' && ' Tetap cocokkan kode kuncinya sebelum mempercayainya.'}
        </Text>
      )}
      <Group gap={6} mt={4} wrap="nowrap">
        <IconKey size={14} aria-hidden />
        <Text size="sm">
          Kode kunci:{' '}
          <Text span fw={600} data-testid="kode-kunci">
            {s.fingerprint ? <Fingerprint code={s.fingerprint} /> : '(tidak ada dalam paket)'}
          </Text>
        </Text>
      </Group>
      {(s.trust === 'dipercaya' || s.trust === 'dicabut') && (
        <Text size="xs" c="dimmed" mt={2}>
          Boleh membawa peran: {rolesText(s.roles)}
        </Text>
      )}
      {s.rolesUsed.length > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          Tindakan baru dalam paket ini sebagai: {rolesText(s.rolesUsed)}
        </Text>
      )}
      {s.trust === 'baru' &&
        (canTrust && choice ? (
          <Stack gap={6} mt="xs">
            <Checkbox
              label="Saya sudah mencocokkan kode kunci ini dengan pemilik laptop (mis. lewat telepon)"
              checked={choice.confirmed}
              error={error}
              onChange={(e) => onChange({ ...choice, confirmed: e.currentTarget.checked })}
            />
            <Checkbox.Group
              label="Peran yang boleh dibawa tindakan dari laptop ini"
              description="Tindakan dengan peran lain dari laptop ini ditolak, sehingga tanda tangan peran itu tidak dapat dipalsukan."
              value={choice.roles}
              onChange={(v) => onChange({ ...choice, roles: OFFICE_ROLES.opd.filter((r) => v.includes(r)) })}
            >
              <Group gap="md" mt={4}>
                {OFFICE_ROLES.opd.map((r) => (
                  <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        ) : (
          <Alert color="orange" variant="light" p="xs" mt="xs" icon={<IconInfoCircle size={16} />} data-testid="minta-admin">
            <Text size="sm">
              Laptop ini belum dipercaya. Minta administrator menerima paket ini: ia mencocokkan kode kuncinya dengan pemilik laptop
              dan memilih peran yang boleh dibawanya.
            </Text>
          </Alert>
        ))}
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function attachmentsText(a: PackagePreview['attachments']): string | null {
  if (!a.inPackage && !a.missing) return null;
  const parts = [`${a.inPackage} dalam paket`];
  if (a.inPackage) parts.push(a.new ? `${a.new} baru untuk laptop ini` : 'semuanya sudah ada di laptop ini');
  return `Lampiran: ${parts.join(', ')}.`;
}

function PreviewBody({
  preview,
  onApply,
  onCancel,
}: {
  preview: PackagePreview;
  onApply(trust: { installationId: string; roles: Role[] }[]): Promise<string | null>;
  onCancel(): void;
}) {
  const fresh = preview.signers.filter((s) => s.trust === 'baru');
  const [choices, setChoices] = useState<Record<string, TrustChoice>>(() => Object.fromEntries(fresh.map((s) => [s.installationId, { confirmed: false, roles: s.rolesUsed }])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = fresh.length > 0 && !preview.canTrust;
  const attachments = attachmentsText(preview.attachments);

  const apply = async () => {
    const next: Record<string, string> = {};
    for (const s of fresh) {
      const c = choices[s.installationId]!;
      if (!c.confirmed) next[s.installationId] = 'Cocokkan dulu kode kunci ini dengan pemilik laptop, lalu centang.';
      else if (!c.roles.length) next[s.installationId] = 'Pilih sedikitnya satu peran yang boleh dibawa laptop ini.';
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setFailure(null);
    const message = await onApply(fresh.map((s) => ({ installationId: s.installationId, roles: choices[s.installationId]!.roles })));
    setBusy(false);
    setFailure(message);
  };

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Text size="sm">
          Paket dari <b>{preview.sender.name}</b>
          {preview.to.role ? `, ditujukan kepada ${RECIPIENT_LABELS[preview.to.role]}` : ''}.
        </Text>
        <Text size="xs" c="dimmed">
          {preview.fileName} · paket ke-{preview.seq} dari laptop itu · dibuat {formatDateTime(preview.createdAt)} (menurut jam laptop pengirim)
        </Text>
        {preview.to.note && (
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="catatan-pengirim">
            Catatan pengirim: {preview.to.note}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          Ini pratinjau: belum ada yang disimpan. Periksa isinya, lalu tekan Terapkan.
        </Text>
      </Stack>

      {preview.alreadyReceived && (
        <Alert color="gray" variant="light" p="xs" icon={<IconInfoCircle size={16} />} data-testid="sudah-diterima">
          Paket ini sudah pernah diterima. Menerapkannya lagi tidak mengubah apa pun.
        </Alert>
      )}
      {!preview.alreadyReceived && preview.nothingNew && (
        <Alert color="gray" variant="light" p="xs" icon={<IconInfoCircle size={16} />} data-testid="tidak-ada-yang-baru">
          Tidak ada yang baru dalam paket ini: semua isinya sudah ada di laptop ini.
        </Alert>
      )}
      {preview.gaps.length > 0 && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title="Ada paket sebelumnya yang belum diterima" data-testid="paket-terlewat">
          {preview.gaps.map((g) => (
            <Text key={g} size="sm">
              {g}
            </Text>
          ))}
          <Text size="xs" mt={4}>
            Siklus dalam paket ini tetap lengkap (setiap paket membawa seluruh riwayatnya), tetapi paket yang terlewat mungkin memuat siklus lain.
          </Text>
        </Alert>
      )}

      <Section title="Laptop yang menandatangani">
        {preview.signers.map((s) => (
          <SignerCard
            key={s.installationId}
            s={s}
            canTrust={preview.canTrust}
            choice={choices[s.installationId]}
            error={errors[s.installationId] ?? null}
            onChange={(c) => {
              setChoices((all) => ({ ...all, [s.installationId]: c }));
              setErrors((all) => ({ ...all, [s.installationId]: '' }));
            }}
          />
        ))}
      </Section>

      <Section title={preview.cycles.length === 1 ? 'Siklus' : `Siklus (${preview.cycles.length})`}>
        {preview.cycles.map((c) => (
          <CycleCard key={c.id} c={c} />
        ))}
        {attachments && (
          <Group gap={6} wrap="nowrap">
            <IconPaperclip size={14} aria-hidden />
            <Text size="sm">{attachments}</Text>
          </Group>
        )}
        {preview.attachments.missing > 0 && (
          <Text size="sm" c="orange.8" data-testid="lampiran-belum-diterima">
            {preview.attachments.missing} lampiran belum diterima: tampil sebagai "belum diterima" sampai paket berikutnya dari laptop yang memilikinya membawanya.
          </Text>
        )}
      </Section>

      {failure && (
        <Alert color="red" variant="light" role="alert" data-testid="galat-paket">
          <Text size="sm">{failure}</Text>
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Batal
        </Button>
        <Button onClick={() => void apply()} loading={busy} disabled={blocked} title={blocked ? 'Minta administrator menerima paket ini' : undefined}>
          Terapkan
        </Button>
      </Group>
    </Stack>
  );
}

function AppliedBody({ result, onClose }: { result: AppliedPackage; onClose(): void }) {
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Paket diterapkan" data-testid="paket-diterapkan">
        {result.trusted.length > 0 && <Text size="sm">Kini dipercaya: {result.trusted.join(', ')}.</Text>}
        {result.attachmentsStored > 0 && <Text size="sm">{result.attachmentsStored} lampiran disimpan.</Text>}
      </Alert>
      {result.cycles.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="sm" data-cycle-applied={c.title}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={600} size="sm">
                {c.title}
              </Text>
              <Text size="sm">
                {c.newActs ? `${c.newActs} tindakan baru` : 'Tidak ada tindakan baru'}
                {c.merged ? '; pekerjaan dari dua laptop digabungkan otomatis (tercatat di Riwayat)' : ''}.
              </Text>
              {c.conflicts > 0 && (
                <Text size="sm" c="red.8" fw={500}>
                  {c.conflicts} konflik menunggu keputusan.
                </Text>
              )}
            </Stack>
            <Button
              variant="light"
              rightSection={<IconArrowRight size={16} />}
              onClick={() => {
                onClose();
                navigate(`/siklus/${c.id}`);
              }}
            >
              Buka siklus
            </Button>
          </Group>
        </Paper>
      ))}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Tutup
        </Button>
      </Group>
    </Stack>
  );
}

export function ReceiveModal({
  state,
  onClose,
  onApply,
}: {
  state: ReceiveState;
  onClose(): void;
  /** Resolves to the core's message when it refused, null when applied. */
  onApply(trust: { installationId: string; roles: Role[] }[]): Promise<string | null>;
}) {
  return (
    <Modal opened={state.phase !== 'closed'} onClose={onClose} title="Terima paket" size="xl" closeOnClickOutside={state.phase !== 'preview'}>
      {state.phase === 'reading' && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">Memeriksa {state.fileName}…</Text>
        </Group>
      )}
      {state.phase === 'failed' && (
        <Stack gap="sm">
          <Alert color="red" variant="light" role="alert" data-testid="galat-paket">
            <Text size="sm">{state.message}</Text>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Tutup
            </Button>
          </Group>
        </Stack>
      )}
      {state.phase === 'preview' && <PreviewBody key={state.preview.previewId} preview={state.preview} onApply={onApply} onCancel={onClose} />}
      {state.phase === 'applied' && <AppliedBody result={state.result} onClose={onClose} />}
    </Modal>
  );
}
