import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconChecklist, IconFileText, IconHistory, IconListDetails, IconSend, IconSignature } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Step, AvailableAction, UjiParticipant } from '../../../../electron/core/domain/workflow';
import { RECIPIENT_LABELS, type Recipient } from '../../../../electron/core/domain/sync/package-name';
import { useLoad } from '../../api/useCall';
import { DocumentActions } from '../documents';
import { useUser } from '../../app/context';
import { notifySaved } from '../../components/feedback';
import type { ActInput, ActResult } from './ActionPanel';
import { CycleLogNoticesFor } from '../recovery/CycleRecords';
import { ConflictsTab } from '../sync/ConflictsTab';
import { useReceive } from '../sync/receive';
import { remoteRoles } from '../sync/laptops';
import { handOffRecipient, SendDialog } from '../sync/SendDialog';
import { CycleHeader } from './CycleHeader';
import { DipTab } from './DipTab';
import { ItemsTab } from './ItemsTab';
import { NotaDinasTab, useNotaDinasForm } from './NotaDinasTab';
import { ReviewTab } from './ReviewTab';
import { TimelineTab } from './TimelineTab';
import { useCycle, useLiveTiming } from './useCycle';
import './cycles.css';

type Tab = 'informasi' | 'nota' | 'periksa' | 'dip' | 'riwayat' | 'konflik';
const TABS: readonly string[] = ['informasi', 'nota', 'periksa', 'dip', 'riwayat', 'konflik'] satisfies Tab[];

/** Where each step's work happens, so the screen opens on it. */
const TAB_FOR: Record<Step, Tab> = {
  identifikasi: 'informasi',
  nota_dinas: 'nota',
  pengumpulan: 'informasi',
  pemeriksaan_ppid: 'periksa',
  pemeriksaan_kepala: 'dip',
  arsip: 'dip',
  selesai: 'dip',
};

const DONE_MESSAGE: Partial<Record<ActInput['action'], string>> = {
  report: 'Daftar dilaporkan kepada Ketua PPID Pembantu',
  issueNotaDinas: 'Nota Dinas diterbitkan',
  submitKonsep: 'Konsep dikirim untuk diperiksa',
  return: 'Dikembalikan',
  archive: 'Arsip DIK dicatat; siklus selesai',
};

/** One documentation cycle as a step-by-step wizard over the SOP's six steps. */
export function CyclePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const cycle = useCycle(id);
  const settings = useLoad('settings.get');
  const view = cycle.view;
  const timing = useLiveTiming(view);
  const nd = useNotaDinasForm(view, cycle.change);
  // A link from a reminder names the tab, and the list and item it is about (?tab=dip&bagian=dik&butir=…).
  const [params] = useSearchParams();
  const askedTab = TABS.includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : null;
  const askedPart = params.get('bagian') === 'dik' ? 'dik' : params.get('bagian') === 'dip' ? 'dip' : undefined;
  const askedItem = params.get('butir') ?? undefined;
  const [tab, setTab] = useState<Tab>(askedTab ?? 'informasi');
  const [pending, setPending] = useState<AvailableAction | null>(null);
  // "Kirim paket": open with this recipient (null: the cycle's next holder).
  const [sending, setSending] = useState<{ to: Recipient | null } | null>(null);
  // After a hand-off to a role held on another laptop: "Kirim ke … sekarang?".
  const [offer, setOffer] = useState<Recipient | null>(null);
  // With a relay on, the acts travel by themselves to laptops that use it: the file is then the fallback.
  const relay = useLoad('relay.status');
  const relayOn = !!relay.data && relay.data.state !== 'mati';
  const { received } = useReceive();
  const { reload } = cycle;
  useEffect(() => {
    // A package applied elsewhere in the app may have brought this cycle's new acts.
    if (received) void reload();
  }, [received, reload]);
  useEffect(() => setOffer(null), [id]);

  // A new step opens on that step's work (unless a link asked for a tab); within a step the user's choice of tab stays.
  const step = view?.step;
  const viewId = view?.id;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (!step || !viewId) return;
    // Another cycle on the same route (a link from one cycle to another) starts over.
    const first = seen.current !== viewId;
    seen.current = viewId;
    setTab(first && askedTab ? askedTab : TAB_FOR[step]);
  }, [step, viewId]);
  useEffect(() => {
    if (askedTab) setTab(askedTab);
  }, [askedTab, askedItem]);

  useEffect(() => {
    if (view) performance.mark('ppid:cycle-rendered');
  }, [view]);

  const onAct = useCallback(
    async (input: ActInput): Promise<ActResult> => {
      if (!view) return false;
      // The Nota Dinas is issued exactly as shown: unsaved edits are saved first.
      if (input.action === 'issueNotaDinas' && !(await nd.saveIfDirty())) return false;
      const r = await cycle.change('cycles.act', { cycleId: view.id, ...input }, 'Tidak dapat dilanjutkan');
      if (r.ok) {
        const msg = input.action === 'approve' ? (view.step === 'pemeriksaan_kepala' ? 'Daftar Informasi Publik ditandatangani' : 'Diteruskan kepada Kepala OPD') : DONE_MESSAGE[input.action];
        // Asked afresh: a laptop trusted or a package sent since the page opened counts too.
        const offerTo = handOffRecipient(view, r.data, await remoteRoles(user.isAdmin));
        notifySaved(msg);
        window.scrollTo({ top: 0 });
        setOffer(offerTo);
      }
      return r.ok ? true : r;
    },
    [view, nd, cycle, user.isAdmin],
  );

  const onRecordUji = useCallback(
    async (participants: UjiParticipant[]): Promise<ActResult> => {
      if (!view) return false;
      const r = await cycle.change('cycles.recordUji', { cycleId: view.id, participants }, 'Uji konsekuensi tidak tercatat');
      if (r.ok) notifySaved('Uji konsekuensi dicatat');
      return r.ok ? true : r;
    },
    [view, cycle],
  );

  const onResolve = useCallback(
    async (conflictId: string, choice: string) => {
      if (!view) return false;
      const r = await cycle.change('cycles.resolveConflict', { cycleId: view.id, conflictId, choice }, 'Pilihan tidak tercatat');
      if (r.ok) notifySaved('Pilihan dicatat');
      return r.ok;
    },
    [view, cycle],
  );

  if (cycle.error && !view) {
    return (
      <Stack gap="sm" maw={720}>
        <Anchor component={Link} to="/beranda" size="sm">
          <IconArrowLeft size={14} style={{ verticalAlign: -2 }} /> Beranda
        </Anchor>
        <Title order={1} size="h3">
          Siklus tidak dapat dibuka
        </Title>
        <Alert color="red" variant="light" role="alert">
          {cycle.error.message}
        </Alert>
        <Group>
          <Button variant="default" onClick={() => void cycle.reload()}>
            Coba lagi
          </Button>
        </Group>
      </Stack>
    );
  }
  if (!view || !timing) {
    return (
      <Stack gap="sm" maw={1280} aria-busy>
        <Title order={1} size="h3">
          Memuat siklus…
        </Title>
        <Skeleton h={90} />
        <Skeleton h={240} />
      </Stack>
    );
  }

  const bidang = settings.data?.office.bidang ?? [...new Set(view.items.map((i) => i.fields.bidang))];
  const issueAction = view.actions.find((a) => a.action === 'issueNotaDinas');
  const reviewCount = view.items.filter((i) => i.review).length;
  const hasConflictTab = view.conflicts.length > 0 || view.setAside.length > 0;
  // The Konflik tab goes once its last conflict is settled and nothing was set aside.
  const shownTab = tab === 'konflik' && !hasConflictTab ? TAB_FOR[view.step] : tab;

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/beranda" size="xs">
            <IconArrowLeft size={12} style={{ verticalAlign: -2 }} /> Beranda
          </Anchor>
          <Group gap="xs">
            <Title order={1} size="h3">
              {view.title}
            </Title>
            <Badge variant="light" color="gray">
              Tahun {view.year}
            </Badge>
            {view.step === 'selesai' && (
              <Badge color="teal" leftSection={<IconSignature size={12} />}>
                Selesai
              </Badge>
            )}
            {view.carriedFrom && (
              <Badge variant="outline" color="gray">
                dilanjutkan dari DIP sebelumnya
              </Badge>
            )}
            {view.conflicts.length > 0 && (
              <Badge
                component="button"
                type="button"
                color="red"
                variant="filled"
                leftSection={<IconAlertTriangle size={12} />}
                onClick={() => setTab('konflik')}
                style={{ cursor: 'pointer' }}
                data-testid="konflik-menunggu"
              >
                {view.conflicts.length} konflik menunggu
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconSend size={16} />} onClick={() => setSending({ to: null })}>
            Kirim paket
          </Button>
          <DocumentActions cycleId={view.id} view={view} variant="menu" />
        </Group>
      </Group>

      <CycleLogNoticesFor cycleId={view.id} />
      <CycleHeader view={view} user={user} timing={timing} onAct={onAct} onRecordUji={onRecordUji} pending={pending} setPending={setPending} />
      {offer && (
        <Alert color="dinas" variant="light" icon={<IconSend />} title={`Kirim ke ${RECIPIENT_LABELS[offer]} sekarang?`} data-testid="tawaran-kirim" withCloseButton closeButtonLabel="Nanti saja" onClose={() => setOffer(null)}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {offer === 'ppid_utama'
                ? relayOn
                  ? 'Siklus selesai. Server relay membawanya kepada PPID Utama bila PPID Utama memakai server yang sama; bila tidak, kirim sebagai berkas paket.'
                  : 'Siklus selesai. Daftar yang ditandatangani dikirim kepada PPID Utama sebagai berkas paket.'
                : relayOn
                  ? `Langkah berikutnya dikerjakan ${RECIPIENT_LABELS[offer]} di laptop lain. Server relay membawanya bila laptop itu juga memakainya; bila tidak, kirim sebagai berkas paket.`
                  : `Langkah berikutnya dikerjakan ${RECIPIENT_LABELS[offer]} di laptop lain: siklus ini sampai kepadanya sebagai berkas paket.`}
            </Text>
            <Button leftSection={<IconSend size={16} />} onClick={() => setSending({ to: offer })}>
              Kirim ke {RECIPIENT_LABELS[offer]}
            </Button>
          </Group>
        </Alert>
      )}
      <SendDialog
        view={view}
        to={sending?.to ?? null}
        opened={sending !== null}
        onClose={() => setSending(null)}
        onSent={(to) => to === offer && setOffer(null)}
      />

      <Tabs value={shownTab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="informasi" leftSection={<IconListDetails size={16} />}>
            Daftar informasi ({view.items.length})
          </Tabs.Tab>
          <Tabs.Tab value="nota" leftSection={<IconFileText size={16} />}>
            Nota Dinas{view.notaDinas.number ? '' : view.stepNo > 2 ? '' : ' (konsep)'}
          </Tabs.Tab>
          <Tabs.Tab value="periksa" leftSection={<IconChecklist size={16} />}>
            Pemeriksaan{view.version > 0 && view.step === 'pemeriksaan_ppid' ? ` (${reviewCount}/${view.items.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="dip" leftSection={<IconSignature size={16} />}>
            DIP dan DIK
          </Tabs.Tab>
          <Tabs.Tab value="riwayat" leftSection={<IconHistory size={16} />}>
            Riwayat
          </Tabs.Tab>
          {hasConflictTab && (
            <Tabs.Tab value="konflik" leftSection={<IconAlertTriangle size={16} />} color="red">
              Konflik{view.conflicts.length ? ` (${view.conflicts.length})` : ''}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="informasi" pt="sm">
          <ItemsTab view={view} change={cycle.change} bidang={bidang} openItemId={askedTab === 'informasi' ? askedItem : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="nota" pt="sm">
          <NotaDinasTab view={view} nd={nd} settings={settings.data} onIssue={issueAction ? () => setPending(issueAction) : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="periksa" pt="sm">
          <ReviewTab view={view} change={cycle.change} />
        </Tabs.Panel>
        <Tabs.Panel value="dip" pt="sm">
          <DipTab key={`${view.step}-${askedPart ?? ''}-${askedItem ?? ''}`} view={view} focus={askedTab === 'dip' ? { part: askedPart, itemId: askedItem } : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="sm">
          <TimelineTab view={view} />
        </Tabs.Panel>
        {hasConflictTab && (
          <Tabs.Panel value="konflik" pt="sm">
            <ConflictsTab view={view} user={user} onResolve={onResolve} />
          </Tabs.Panel>
        )}
      </Tabs>
      <Text size="xs" c="dimmed">
        Setiap perubahan langsung tersimpan di komputer ini dan tercatat dalam Riwayat.
      </Text>
    </Stack>
  );
}
