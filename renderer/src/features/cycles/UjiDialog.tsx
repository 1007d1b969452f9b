import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import type { UjiParticipant } from '../../../../electron/core/domain/workflow';
import { participants } from '../../../../electron/core/documents/shared/texts';
import type { Err } from '../../../../electron/core/result';
import { useLoad } from '../../api/useCall';
import { formatLongDate } from '../../i18n/date';
import { officeNow } from '../../i18n/office-clock';

interface Row extends UjiParticipant {
  key: string;
  taking: boolean;
  /** Named in Pengaturan (fixed), or added here. */
  official: boolean;
}

/**
 * The uji konsekuensi recorded as an act before the Kepala signs: who took part (the officials
 * named in Pengaturan, ticked by default, and anyone else named here) and when — today. The
 * Lembar Uji Konsekuensi prints this date every time it is printed.
 */
export function UjiDialog({
  view,
  opened,
  onClose,
  onRecord,
}: {
  view: CycleView;
  opened: boolean;
  onClose(): void;
  onRecord(participants: UjiParticipant[]): Promise<true | Err | false>;
}) {
  const settings = useLoad('settings.get');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened || !settings.data) return;
    const named = participants(settings.data).map(
      (p, i): Row => ({ key: `o${i}`, name: p.person.name, nip: p.person.nip ?? '', jabatan: p.person.jabatan, role: p.role, taking: true, official: true }),
    );
    // Anyone else named in the last record of this cycle is offered again.
    const extra = (view.ujiKonsekuensi?.participants ?? [])
      .filter((p) => !named.some((n) => n.name === p.name))
      .map((p, i): Row => ({ ...p, key: `x${i}`, taking: true, official: false }));
    setRows([...named, ...extra]);
    setError(null);
  }, [opened, settings.data, view.ujiKonsekuensi]);

  const set = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const chosen = rows.filter((r) => r.taking);

  const record = async () => {
    const list = chosen.map(({ name, nip, jabatan, role }) => ({ name: name.trim(), nip, jabatan: jabatan.trim(), role: role.trim() }));
    if (list.some((p) => !p.name || !p.role)) {
      setError('Isi nama dan kedudukan setiap peserta lain, atau hapus barisnya.');
      return;
    }
    if (list.length < 2) {
      setError('Uji konsekuensi dilakukan bersama: sebutkan sedikitnya dua peserta.');
      return;
    }
    setBusy(true);
    const r = await onRecord(list);
    setBusy(false);
    if (r !== true && r) setError(r.message);
  };

  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title="Catat uji konsekuensi" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Sebelum menandatangani, catat uji konsekuensi atas {view.exemptCount} informasi yang dikecualikan (Pasal 19 UU 14/2008): siapa yang ikut dan
          kapan. Tanggalnya hari ini, <b>{formatLongDate(officeNow())}</b>; Lembar Uji Konsekuensi mencetak tanggal ini setiap kali dicetak.
        </Text>
        <Stack gap={6} role="group" aria-label="Peserta uji konsekuensi">
          {rows.map((r) =>
            r.official ? (
              <Checkbox
                key={r.key}
                checked={r.taking}
                onChange={(e) => set(r.key, { taking: e.currentTarget.checked })}
                label={`${r.name} — ${r.role}`}
                description={r.jabatan}
              />
            ) : (
              <Group key={r.key} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput label="Nama" value={r.name} onChange={(e) => set(r.key, { name: e.currentTarget.value })} style={{ flex: 2 }} maxLength={300} />
                <TextInput label="Jabatan" value={r.jabatan} onChange={(e) => set(r.key, { jabatan: e.currentTarget.value })} style={{ flex: 2 }} maxLength={300} />
                <TextInput label="Kedudukan" value={r.role} onChange={(e) => set(r.key, { role: e.currentTarget.value })} style={{ flex: 1.5 }} maxLength={200} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Hapus peserta ${r.name || 'baru'}`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ),
          )}
        </Stack>
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setRows((rs) => [...rs, { key: `n${Date.now()}`, name: '', nip: '', jabatan: '', role: 'Peserta', taking: true, official: false }])}
          >
            Tambah peserta lain
          </Button>
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Batal
          </Button>
          <Button onClick={() => void record()} loading={busy} disabled={!settings.data} color="dinas">
            Catat uji konsekuensi ({chosen.length} peserta)
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
