import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconWorldUpload } from '@tabler/icons-react';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import {
  LIST_NAMES,
  PUBLISH_FORMAT_LABELS,
  PUBLISH_FORMATS,
  PUBLISH_LISTS,
  publishRefusal,
  type PublishFormat,
  type PublishList,
} from '../../../../electron/core/documents/shared/publication';
import { call } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { formatLongDate } from '../../i18n/date';
import { base64ToBlob, isDesktop, saveBlob } from './download';

/** What each format is for, said on its button. */
const FORMAT_HINTS: Record<PublishFormat, string> = {
  xlsx: 'Buku kerja Excel: siap diunggah dan dicetak (kepala kolom berulang di setiap halaman).',
  csv: 'CSV UTF-8 dipisah titik koma, terbaca benar oleh Excel berbahasa Indonesia.',
  html: 'Satu halaman web mandiri, tanpa sumber dari luar: dapat diunggah atau ditempel ke laman PPID.',
};

type View = Pick<CycleView, 'id' | 'signed'>;

/**
 * "Publikasikan": the signed DIP and, separately, the DIK as files for the PPID website. Before
 * the Kepala signs, the buttons stay disabled and say why (the core refuses the same way).
 */
export function PublishActions({ view }: { view: View }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [codes, setCodes] = useState<Record<PublishList, string> | null>(null);
  const signed = view.signed;

  useEffect(() => {
    if (!signed) return;
    let live = true;
    void call('documents.fingerprints', { cycleId: view.id }).then((r) => {
      if (live && r.ok && r.data.dip && r.data.dik) setCodes({ dip: r.data.dip.short, dik: r.data.dik.short });
    });
    return () => {
      live = false;
    };
  }, [view.id, signed]);

  const publish = async (list: PublishList, format: PublishFormat) => {
    setBusy(`${list}-${format}`);
    const desktop = isDesktop();
    const r = await call('documents.publish', { cycleId: view.id, list, format, save: desktop });
    setBusy(null);
    if (!r.ok) return notifyError(r, 'Berkas publikasi tidak dapat dibuat');
    if (r.data.base64) {
      saveBlob(base64ToBlob(r.data.base64, r.data.mime), r.data.fileName);
      notifySaved(`${PUBLISH_FORMAT_LABELS[format]} diunduh: ${r.data.fileName}`);
    } else if (r.data.savedTo) {
      notifySaved(`${PUBLISH_FORMAT_LABELS[format]} disimpan: ${r.data.savedTo}`);
    }
  };

  return (
    <Card p="sm" role="group" aria-label="Publikasikan">
      <Group gap={8} mb={6}>
        <IconWorldUpload size={18} color="var(--mantine-color-dinas-7)" aria-hidden />
        <Title order={2} size="h5">
          Publikasikan ke laman PPID
        </Title>
      </Group>
      {signed ? (
        <Text size="xs" c="dimmed" mb="xs">
          Berkas menyebut versi yang ditandatangani: {signed.by}, {formatLongDate(signed.at)}, dengan sidik dokumennya.
        </Text>
      ) : null}
      <Stack gap={6}>
        {PUBLISH_LISTS.map((list) => {
          const refusal = publishRefusal(list, view);
          return (
            <Group key={list} justify="space-between" wrap="wrap" gap={6} data-testid={`publikasi-${list}`}>
              <Stack gap={0} style={{ flex: '1 1 260px', minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {LIST_NAMES[list]}
                </Text>
                <Text size="xs" c="dimmed">
                  {codes ? `sidik ${codes[list]}` : refusal ? 'belum dapat dipublikasikan' : ''}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                {PUBLISH_FORMATS.map((format) => (
                  <Tooltip key={format} label={refusal ?? FORMAT_HINTS[format]} multiline w={280} withArrow openDelay={300}>
                    {/* A disabled button gets no pointer events: the wrapper keeps the reason reachable. */}
                    <span>
                      <Button
                        size="xs"
                        variant={format === 'xlsx' ? 'light' : 'default'}
                        disabled={refusal !== null}
                        loading={busy === `${list}-${format}`}
                        onClick={() => void publish(list, format)}
                        aria-label={`Publikasikan ${LIST_NAMES[list]} sebagai ${PUBLISH_FORMAT_LABELS[format]}`}
                        aria-describedby={refusal ? `alasan-publikasi-${view.id}` : undefined}
                      >
                        {PUBLISH_FORMAT_LABELS[format]}
                      </Button>
                    </span>
                  </Tooltip>
                ))}
              </Group>
            </Group>
          );
        })}
      </Stack>
      {!signed && (
        <Alert color="gray" variant="light" mt="xs" p="xs" id={`alasan-publikasi-${view.id}`} data-testid="alasan-publikasi">
          {publishRefusal('dip', view)}
        </Alert>
      )}
    </Card>
  );
}
