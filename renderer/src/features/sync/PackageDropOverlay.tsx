import { useEffect, useRef, useState } from 'react';
import { Box, Stack, Text } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { dragHasFiles } from './files';
import './sync.css';

/**
 * Files dragged anywhere over the window: an overlay saying what dropping them does, and the
 * dropped files handed on. Only drags that carry files are taken (text or a link dragged
 * inside the page is left alone), and a file dropped outside a drop target never makes the
 * window navigate away to it. The OPD's receive and the PPID Utama's intake both use it.
 */
export function PackageDropOverlay({ onFiles, title, hint, testId }: { onFiles: (files: File[]) => void; title: string; hint: string; testId: string }) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  // The latest handler, without re-adding the window listeners each render.
  const handler = useRef(onFiles);
  handler.current = onFiles;

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) handler.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <Box className="package-drop-zone" data-testid={testId} aria-hidden>
      <Stack align="center" gap="xs">
        <IconPackageImport size={56} stroke={1.4} />
        <Text fw={600} size="lg">
          {title}
        </Text>
        <Text size="sm">{hint}</Text>
      </Stack>
    </Box>
  );
}
