import { useState } from 'react';
import { Box, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPhoto, IconPhotoOff, IconUpload } from '@tabler/icons-react';
import { formatBytes } from '../../i18n/date';

export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

export interface EmblemFile {
  /** Base64 without the `data:` prefix: the form the core accepts. */
  base64: string;
  dataUrl: string;
  name: string;
  bytes: number;
  width: number;
  height: number;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function imageSize(dataUrl: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve(null);
    img.src = dataUrl;
  });
}

/**
 * Reads a PNG/JPG for the kop surat. Checked here for a quick answer; the core checks the
 * bytes again, since a name and a claimed type can lie.
 */
export async function readEmblemFile(file: File): Promise<{ ok: true; emblem: EmblemFile } | { ok: false; message: string }> {
  const typeOk = file.type === 'image/png' || file.type === 'image/jpeg' || /\.(png|jpe?g)$/i.test(file.name);
  if (!typeOk) return { ok: false, message: `"${file.name}" bukan gambar PNG atau JPG.` };
  if (file.size > EMBLEM_MAX_BYTES) {
    return { ok: false, message: `Berkas lambang terlalu besar (${formatBytes(file.size)}). Maksimal 2 MB.` };
  }
  if (file.size === 0) return { ok: false, message: 'Berkas lambang kosong.' };
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    return { ok: false, message: `Berkas "${file.name}" tidak dapat dibaca.` };
  }
  const comma = dataUrl.indexOf(',');
  const base64 = comma >= 0 ? dataUrl.slice(comma + 1) : '';
  const size = await imageSize(dataUrl);
  if (size && (size.width < 64 || size.height < 64)) {
    return { ok: false, message: `Gambar lambang terlalu kecil (${size.width}×${size.height} piksel). Minimal 64×64 piksel agar tajam saat dicetak.` };
  }
  return {
    ok: true,
    emblem: { base64, dataUrl, name: file.name, bytes: file.size, width: size?.width ?? 0, height: size?.height ?? 0 },
  };
}

export function EmblemPreview({ src, size = 96, alt = 'Lambang daerah' }: { src: string | null; size?: number; alt?: string }) {
  return (
    <Box
      w={size}
      h={size}
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
        display: 'grid',
        placeItems: 'center',
        background: 'white',
        flexShrink: 0,
      }}
    >
      {src ? (
        <img src={src} alt={alt} className="emblem-preview" style={{ maxWidth: size - 8, maxHeight: size - 8 }} />
      ) : (
        <IconPhotoOff size={size / 3} color="var(--mantine-color-gray-5)" aria-label="Belum ada lambang" />
      )}
    </Box>
  );
}

/** File picker with preview. `value` null = no emblem (the kop prints without a picture). */
export function EmblemPicker({
  value,
  currentSrc,
  onChange,
  label = 'Lambang daerah',
  hint = 'PNG atau JPG, maksimal 2 MB, minimal 64×64 piksel. Tampil di kiri kop surat. Boleh diisi nanti di Pengaturan.',
  disabled,
}: {
  value: EmblemFile | null;
  /** Shown when nothing new was picked (Pengaturan: the stored emblem). */
  currentSrc?: string | null;
  onChange(value: EmblemFile | null): void;
  label?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    const r = await readEmblemFile(file);
    setBusy(false);
    if (r.ok) {
      setError(null);
      onChange(r.emblem);
    } else {
      setError(r.message);
    }
  };

  const src = value?.dataUrl ?? currentSrc ?? null;
  return (
    <Group align="flex-start" gap="md" wrap="nowrap">
      <EmblemPreview src={src} />
      <Stack gap={6} style={{ flex: 1 }}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
        {value && (
          <Text size="xs">
            {value.name} — {formatBytes(value.bytes)}
            {value.width ? `, ${value.width}×${value.height} piksel` : ''}
          </Text>
        )}
        <Group gap="xs">
          <FileButton
            onChange={(f) => void pick(f)}
            accept="image/png,image/jpeg"
            disabled={disabled}
            inputProps={{ 'aria-label': `Berkas ${label.toLowerCase()}` }}
          >
            {(props) => (
              <Button {...props} size="xs" variant="default" loading={busy} leftSection={src ? <IconPhoto size={14} /> : <IconUpload size={14} />}>
                {src ? 'Ganti gambar…' : 'Pilih gambar…'}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button size="xs" variant="subtle" color="gray" onClick={() => onChange(null)} disabled={disabled}>
              Batalkan pilihan
            </Button>
          )}
        </Group>
        {error && (
          <Text size="xs" c="red.7" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
