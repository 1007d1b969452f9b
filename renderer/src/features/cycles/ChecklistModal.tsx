import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { CATEGORY_LABELS, CHECKLIST } from '../../../../electron/core/domain/information';
import { notifySaved } from '../../components/feedback';
import type { CycleHandle } from './useCycle';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The usual rows of a DIP by category, to add several at once. Each ticked row gets a
 * bidang (the one chosen at the top unless changed on the row) and the category it usually has.
 */
export function ChecklistModal({ view, bidang, change, onClose }: { view: CycleView; bidang: string[]; change: CycleHandle['change']; onClose(): void }) {
  const existing = new Set(view.items.map((i) => norm(i.fields.judul)));
  const [defaultBidang, setDefaultBidang] = useState(bidang[0] ?? '');
  const [picked, setPicked] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const chosen = Object.entries(picked).filter(([, b]) => b !== null) as [string, string][];

  const toggle = (judul: string, on: boolean) => setPicked((p) => ({ ...p, [judul]: on ? '' : null }));
  const submit = async () => {
    setBusy(true);
    const items = chosen.map(([judul, b]) => {
      const row = CHECKLIST.find((c) => c.judul === judul)!;
      return { judul, bidang: b || defaultBidang, kategori: row.category };
    });
    const r = await change('cycles.addItems', { cycleId: view.id, items }, 'Informasi tidak tersimpan');
    setBusy(false);
    if (r.ok) {
      notifySaved(`${items.length} informasi ditambahkan`);
      onClose();
    }
  };

  const groups = (['berkala', 'setiap_saat'] as const).map((category) => ({ category, rows: CHECKLIST.filter((c) => c.category === category) }));
  return (
    <Modal opened onClose={onClose} title="Pilih dari daftar informasi yang umum" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Centang informasi yang ada di kantor Anda. Klasifikasinya diisi sesuai kebiasaan dan dapat diubah pada langkah 3.
        </Text>
        <Select label="Bidang untuk informasi yang dicentang" data={bidang} value={defaultBidang} onChange={(v) => setDefaultBidang(v ?? '')} w={420} />
        <ScrollArea.Autosize mah="50vh" type="auto" offsetScrollbars>
          <Stack gap="md">
            {groups.map((g) => (
              <div key={g.category}>
                <Title order={3} size="h6" mb={6}>
                  {CATEGORY_LABELS[g.category]}
                </Title>
                <Stack gap={6}>
                  {g.rows.map((row) => {
                    const have = existing.has(norm(row.judul));
                    const on = picked[row.judul] != null;
                    return (
                      <Group key={row.judul} gap="sm" wrap="nowrap" justify="space-between">
                        <Checkbox
                          label={row.judul}
                          description={have ? 'sudah ada dalam daftar' : undefined}
                          disabled={have}
                          checked={on}
                          onChange={(e) => toggle(row.judul, e.currentTarget.checked)}
                          style={{ flex: 1 }}
                        />
                        {on && (
                          <NativeSelect
                            size="xs"
                            w={260}
                            aria-label={`Bidang untuk ${row.judul}`}
                            data={bidang}
                            value={picked[row.judul] || defaultBidang}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setPicked((p) => ({ ...p, [row.judul]: v }));
                            }}
                          />
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {!bidang.length && <Alert color="orange">Belum ada bidang di Pengaturan.</Alert>}
        <Group justify="space-between">
          <Text size="sm">{chosen.length} dipilih</Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button onClick={() => void submit()} disabled={!chosen.length || !defaultBidang} loading={busy}>
              Tambahkan {chosen.length || ''} informasi
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
