import { useEffect, useState } from 'react';
import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileText, IconPrinter } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import type { DocumentKind } from '../../../../electron/core/domain/document-views';
import { call } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { printPath } from '../../print/model';
import { availableDocuments, type AvailableDocument } from './available';
import { isDesktop, saveDocx } from './download';

export interface DocumentActionsProps {
  cycleId: string;
  /** Only these documents (default: every one the cycle has at its step). */
  kinds?: DocumentKind[];
  /** The cycle as the page already holds it; without it the component loads it once. */
  view?: CycleView;
  /** 'list': one row per document; 'menu': one "Dokumen" button with a dropdown. */
  variant?: 'list' | 'menu';
}

function badgeColor(d: AvailableDocument): string {
  if (d.state === 'konsep' || d.state === 'draft') return 'orange';
  if (d.state === 'final') return 'teal';
  return 'gray';
}

/** The documents of a cycle: preview and print (the print route), or download the DOCX. */
export function DocumentActions({ cycleId, kinds, view, variant = 'list' }: DocumentActionsProps) {
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<CycleView | null>(null);
  const [busy, setBusy] = useState<DocumentKind | null>(null);

  useEffect(() => {
    if (view) return;
    let live = true;
    void call('cycles.get', { cycleId }).then((r) => {
      if (!live) return;
      if (r.ok) setLoaded(r.data);
      else notifyError(r, 'Dokumen tidak dapat dimuat');
    });
    return () => {
      live = false;
    };
  }, [cycleId, view]);

  const current = view ?? loaded;
  if (!current) return null;
  const docs = availableDocuments(current, kinds);
  if (!docs.length) return null;

  const preview = (kind: DocumentKind) => navigate(printPath(cycleId, kind));
  const download = async (kind: DocumentKind, open = false) => {
    setBusy(kind);
    const r = await saveDocx(cycleId, kind, open);
    setBusy(null);
    if (!r.ok) notifyError(r, 'DOCX tidak dapat dibuat');
    else if (r.message) notifySaved(r.message);
  };
  const desktop = isDesktop();

  if (variant === 'menu') {
    return (
      <Menu position="bottom-end" withinPortal shadow="md" width={300}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileText size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy !== null}>
            Dokumen
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {docs.map((d, i) => (
            <div key={d.kind}>
              {i > 0 && <Menu.Divider />}
              <Menu.Label>
                {d.title} · {d.stateLabel}
              </Menu.Label>
              <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => preview(d.kind)} aria-label={`Pratinjau & cetak ${d.title}`}>
                Pratinjau & cetak
              </Menu.Item>
              <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void download(d.kind)} aria-label={`Unduh DOCX ${d.title}`}>
                {desktop ? 'Simpan DOCX…' : 'Unduh DOCX'}
              </Menu.Item>
              {desktop && (
                <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void download(d.kind, true)} aria-label={`Simpan dan buka DOCX ${d.title}`}>
                  Simpan & buka di pengolah kata…
                </Menu.Item>
              )}
            </div>
          ))}
        </Menu.Dropdown>
      </Menu>
    );
  }

  return (
    <Stack gap="xs" aria-label="Dokumen siklus" role="group">
      {docs.map((d) => (
        // Title and state at the left, the two buttons at the right; in a narrow column the
        // buttons move under the title rather than squeeze it.
        <Group key={d.kind} justify="space-between" wrap="wrap" gap={6} align="center" data-testid={`dokumen-${d.kind}`}>
          <Group gap={8} wrap="nowrap" align="flex-start" style={{ flex: '1 1 220px', minWidth: 0 }}>
            <IconFileText size={18} style={{ flex: 'none', marginTop: 2, color: 'var(--mantine-color-dimmed)' }} aria-hidden />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {d.title}
                </Text>
                {d.state && (
                  <Badge size="sm" variant="light" color={badgeColor(d)}>
                    {d.stateLabel}
                  </Badge>
                )}
              </Group>
              {!d.state && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {d.stateLabel}
                </Text>
              )}
            </Stack>
          </Group>
          <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
            <Button size="xs" variant="light" leftSection={<IconPrinter size={14} />} onClick={() => preview(d.kind)} aria-label={`Pratinjau & cetak ${d.title}`}>
              Pratinjau & cetak
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              onClick={() => void download(d.kind)}
              loading={busy === d.kind}
              aria-label={`Unduh DOCX ${d.title}`}
            >
              {desktop ? 'Simpan DOCX…' : 'Unduh DOCX'}
            </Button>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
