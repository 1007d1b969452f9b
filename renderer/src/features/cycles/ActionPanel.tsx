import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconClipboardCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { TRANSITIONS, type Action, type AvailableAction, type UjiParticipant } from '../../../../electron/core/domain/workflow';
import type { UserView } from '../../../../electron/core/contract';
import type { Err } from '../../../../electron/core/result';
import { endSentence } from '../../../../electron/core/domain/timeline';
import { formatDateTime } from '../../i18n/date';
import { SignDialog } from './SignDialog';
import { UjiDialog } from './UjiDialog';

/** What pressing the button will do, said before it is done: these acts cannot be undone. */
function consequence(a: AvailableAction, view: CycleView, user: UserView): string {
  switch (a.action) {
    case 'report':
      return `Daftar ${view.items.length} informasi dilaporkan kepada Ketua PPID Pembantu, yang lalu menerbitkan Nota Dinas. Anda masih dapat menambah dan melengkapi informasi pada langkah 3.`;
    case 'issueNotaDinas':
      return 'Nota Dinas diberi nomor urut dan tanggal hari ini; sesudahnya isinya tidak dapat diubah. Petugas lalu mengumpulkan dan mengklasifikasikan informasi dari setiap bidang.';
    case 'submitKonsep':
      return `Konsep Daftar Informasi Publik (versi ${view.version + 1}, ${view.items.length} informasi) dikirim kepada PPID Pembantu untuk diperiksa. Selama diperiksa, daftar tidak dapat diubah.`;
    case 'approve':
      return view.step === 'pemeriksaan_kepala'
        ? `${endSentence(`Anda menyetujui dan menandatangani Daftar Informasi Publik "${view.title}" atas nama ${user.name}`)} Sesudahnya daftar tidak dapat diubah lagi.`
        : 'Konsep menjadi Draft Daftar Informasi Publik dan diteruskan kepada Kepala OPD untuk diperiksa dan ditandatangani.';
    case 'return':
      return view.step === 'pemeriksaan_kepala'
        ? 'Draft dikembalikan kepada PPID Pembantu. Tuliskan apa yang harus diperbaiki.'
        : 'Konsep dikembalikan kepada petugas. Informasi yang Anda tandai "Perlu perbaikan" akan disorot untuk petugas beserta catatannya.';
    case 'archive':
      return 'Daftar Informasi yang Dikecualikan yang telah ditandatangani dicatat sebagai arsip. Siklus selesai dan sesudahnya hanya dapat dibaca.';
  }
}

const ICON: Record<Action, typeof IconSend> = {
  report: IconSend,
  issueNotaDinas: IconSend,
  submitKonsep: IconSend,
  approve: IconCheck,
  return: IconArrowBackUp,
  archive: IconCheck,
};

export interface ActInput {
  action: Action;
  reasons: string;
  note: string;
  /** Only to sign (approve at step 5): the Kepala's password and the previewed signing moment. */
  password?: string;
  signedAt?: string;
}

/** Done, stopped here (nothing sent), or the core's refusal (already shown as a notice). */
export type ActResult = true | false | Err;

/**
 * The acts the logged-in role may take now. One that is not yet possible stays visible but
 * disabled, with the reasons, so the user knows what is missing rather than where the button went.
 */
/** The Kepala's approve: the act that signs the lists. */
const SIGNING_LABEL = TRANSITIONS.find((t) => t.step === 'pemeriksaan_kepala' && t.action === 'approve')!.label;

export function ActionPanel({
  view,
  user,
  onAct,
  onRecordUji,
  pending,
  setPending,
}: {
  view: CycleView;
  user: UserView;
  onAct(input: ActInput): Promise<ActResult>;
  onRecordUji(participants: UjiParticipant[]): Promise<ActResult>;
  /** Held by the screen so a button elsewhere (the Nota Dinas form) can open the same dialog. */
  pending: AvailableAction | null;
  setPending(a: AvailableAction | null): void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<AvailableAction | null>(null);
  const [ujiOpen, setUjiOpen] = useState(false);
  // A new request (from here or elsewhere) starts with an empty text.
  if (pending !== opened) {
    setOpened(pending);
    setText('');
    setError(null);
  }
  if (!view.actions.length) return null;

  const start = (a: AvailableAction) => setPending(a);
  const confirm = async () => {
    if (!pending) return;
    if (pending.reasonRequired && text.trim().length < 5) {
      setError('Tuliskan alasan pengembalian (minimal 5 karakter) agar penerima tahu apa yang harus diperbaiki.');
      return;
    }
    setBusy(true);
    const ok = await onAct({
      action: pending.action,
      reasons: pending.reasonRequired ? text.trim() : '',
      note: pending.action === 'archive' ? text.trim() : '',
    });
    setBusy(false);
    if (ok === true) setPending(null);
  };
  // Signing is its own dialog: what is signed, and the password again. Told apart by the act
  // chosen, not by the step shown: the view moves on before `pending` is cleared, and neither
  // dialog may flash open for that instant.
  const signing = pending?.action === 'approve' && pending.label === SIGNING_LABEL;
  const ujiNeeded = view.can.uji && view.exemptCount > 0;
  const ujiCurrent = view.ujiKonsekuensi !== null && view.ujiKonsekuensi.version === view.version;

  const problems = [...new Set(view.actions.filter((a) => !a.allowed).flatMap((a) => a.problems))];
  return (
    <Stack gap="xs">
      {ujiNeeded && ujiCurrent && (
        <Text size="xs" data-testid="uji-tercatat">
          {endSentence(`Uji konsekuensi tercatat ${formatDateTime(view.ujiKonsekuensi!.at)}, diikuti ${view.ujiKonsekuensi!.participants.map((p) => p.name).join(', ')}`)}
        </Text>
      )}
      <Group gap="xs">
        {ujiNeeded && (
          <Button variant={ujiCurrent ? 'default' : 'filled'} color={ujiCurrent ? undefined : 'dinas'} leftSection={<IconClipboardCheck size={16} />} onClick={() => setUjiOpen(true)}>
            {ujiCurrent ? 'Ubah catatan uji konsekuensi' : 'Catat uji konsekuensi'}
          </Button>
        )}
        {view.actions.map((a) => {
          const Icon = ICON[a.action];
          const isReturn = a.action === 'return';
          return (
            <Button
              key={a.action}
              onClick={() => start(a)}
              disabled={!a.allowed}
              variant={isReturn ? 'default' : 'filled'}
              color={isReturn ? undefined : 'dinas'}
              leftSection={<Icon size={16} />}
            >
              {a.label}
            </Button>
          );
        })}
      </Group>
      {problems.length > 0 && (
        <Alert color="orange" variant="light" p="xs" icon={<IconInfoCircle size={16} />} aria-label="Belum dapat dilanjutkan">
          <Text size="xs" fw={600} mb={2}>
            Belum dapat dilanjutkan:
          </Text>
          <List size="xs" spacing={0}>
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {ujiNeeded && (
        <UjiDialog
          view={view}
          opened={ujiOpen}
          onClose={() => setUjiOpen(false)}
          onRecord={async (participants) => {
            const r = await onRecordUji(participants);
            if (r === true) setUjiOpen(false);
            return r;
          }}
        />
      )}
      <SignDialog
        view={view}
        opened={signing}
        onClose={() => setPending(null)}
        onSign={async ({ password, signedAt }) => {
          const r = await onAct({ action: 'approve', reasons: '', note: '', password, signedAt });
          if (r === true) setPending(null);
          return r;
        }}
      />
      <Modal opened={pending !== null && !signing} onClose={() => !busy && setPending(null)} title={pending?.label} size="md">
        {pending && (
          <Stack gap="sm">
            <Text size="sm">{consequence(pending, view, user)}</Text>
            {pending.warnings.length > 0 && (
              <Alert color="orange" variant="light" p="xs" icon={<IconInfoCircle size={16} />} title="Perhatian" data-testid="peringatan-tindakan">
                {pending.warnings.map((w) => (
                  <Text key={w} size="sm">
                    {w}
                  </Text>
                ))}
              </Alert>
            )}
            {pending.reasonRequired && (
              <Textarea
                label="Alasan pengembalian"
                description="Dibaca oleh penerima dan dicatat dalam riwayat."
                withAsterisk
                autosize
                minRows={3}
                maxLength={2000}
                data-autofocus
                value={text}
                error={error}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setError(null);
                }}
              />
            )}
            {pending.action === 'archive' && (
              <Textarea
                label="Catatan arsip (boleh dikosongkan)"
                description="Mis. tempat penyimpanan: lemari arsip PPID, map nomor 3."
                autosize
                minRows={2}
                maxLength={500}
                data-autofocus
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setPending(null)} disabled={busy}>
                Batal
              </Button>
              <Button onClick={() => void confirm()} loading={busy} color={pending.action === 'return' ? 'orange' : 'dinas'} data-autofocus={!pending.reasonRequired && pending.action !== 'archive' ? true : undefined}>
                {pending.action === 'return' ? 'Kembalikan' : pending.label}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
