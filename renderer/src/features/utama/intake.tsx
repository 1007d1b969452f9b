import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { IntakeApplied, IntakeCheck, IntakeResult } from '../../../../electron/core/domain/regency/model';
import { call } from '../../api/client';
import { readPackageFile } from '../sync/files';
import { PackageDropOverlay } from '../sync/PackageDropOverlay';
import '../sync/sync.css';

/**
 * "Terima paket OPD": many .ppid files at once, from the chooser or dropped anywhere on the
 * window. Each file is read and checked by the core one after another (`utama.check`), then
 * on "Terapkan" applied one after another (`utama.apply`): one call at a time, awaited, so the
 * window keeps answering and a bar can say how far it is. The batch lives above the pages, so
 * the work goes on while the user looks at the register.
 */

export type FilePhase = 'antre' | 'memeriksa' | 'diperiksa' | 'menerapkan' | 'selesai';
export type Stage = 'kosong' | 'memeriksa' | 'diperiksa' | 'menerapkan' | 'selesai';

export interface IntakeFile {
  key: number;
  fileName: string;
  /** Name, size and time of the file chosen: the same file chosen twice is taken once. */
  same: string;
  phase: FilePhase;
  check: IntakeCheck | null;
  applied: IntakeApplied | null;
}

/** Where a file ended: its apply result, or what its check already said (nothing to apply). */
export function outcomeOf(f: IntakeFile): { result: IntakeResult; message: string | null } | null {
  if (f.applied) return { result: f.applied.result, message: f.applied.message };
  if (!f.check) return null;
  if (f.check.status === 'sama') return { result: 'sama', message: f.check.message };
  if (f.check.status === 'ditolak') return { result: 'ditolak', message: f.check.message };
  return null;
}

/** Files a "Terapkan" sends: ready ones, and those whose sender waits for trust (kept durably by the core). */
export const toApply = (files: readonly IntakeFile[]) => files.filter((f) => f.check && (f.check.status === 'siap' || f.check.status === 'menunggu_kepercayaan'));

interface IntakeApi {
  files: IntakeFile[];
  stage: Stage;
  /** The file being worked on now (1-based) and how many there are in this pass. */
  progress: { at: number; of: number } | null;
  add(files: File[]): void;
  choose(): void;
  apply(): void;
  clear(): void;
  /** Packages waiting for a sender's key to be trusted, for the navigation's count. */
  waitingCount: number;
  refreshWaiting(): void;
  /** Goes up each time packages were applied or trusted: screens showing the register reload on it. */
  version: number;
  bump(): void;
}

const IntakeContext = createContext<IntakeApi | null>(null);

export function useIntake(): IntakeApi {
  const ctx = useContext(IntakeContext);
  if (!ctx) throw new Error('useIntake must be used inside <IntakeProvider>');
  return ctx;
}

const refused = (fileName: string, message: string): IntakeCheck => ({ checkId: '', fileName, status: 'ditolak', message, opd: null, sender: null, cycles: [] });

export function IntakeProvider({ children }: { children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<IntakeFile[]>([]);
  const [stage, setStage] = useState<Stage>('kosong');
  const [progress, setProgress] = useState<{ at: number; of: number } | null>(null);
  const [waitingCount, setWaitingCount] = useState(0);
  const [version, setVersion] = useState(0);
  // The files themselves are read one by one when their turn comes, not all held as base64.
  const pending = useRef(new Map<number, File>());
  const nextKey = useRef(1);
  const checking = useRef(false);
  const stageRef = useRef<Stage>('kosong');
  const filesRef = useRef<IntakeFile[]>([]);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const commit = useCallback((next: IntakeFile[]) => {
    filesRef.current = next;
    setFiles(next);
  }, []);
  const update = useCallback(
    (key: number, patch: Partial<IntakeFile>) => commit(filesRef.current.map((f) => (f.key === key ? { ...f, ...patch } : f))),
    [commit],
  );
  const moveTo = useCallback((s: Stage) => {
    stageRef.current = s;
    setStage(s);
  }, []);

  const refreshWaiting = useCallback(() => {
    // Packages waiting for their sender's key, and OPD offices on the relay waiting for one of their laptops' keys.
    void Promise.all([call('utama.waiting'), call('utama.relayWaiting')]).then(([packages, relay]) => {
      if (alive.current && packages.ok) setWaitingCount(packages.data.length + (relay.ok ? relay.data.length : 0));
    });
  }, []);
  useEffect(() => refreshWaiting(), [refreshWaiting]);

  const bump = useCallback(() => {
    setVersion((v) => v + 1);
    refreshWaiting();
  }, [refreshWaiting]);

  /** Checks every queued file, one call at a time; files added meanwhile join the same pass. */
  const runChecks = useCallback(async () => {
    if (checking.current) return;
    checking.current = true;
    moveTo('memeriksa');
    for (;;) {
      const next = filesRef.current.find((f) => f.phase === 'antre');
      if (!next || !alive.current) break;
      const all = filesRef.current;
      setProgress({ at: all.filter((f) => f.phase !== 'antre').length + 1, of: all.length });
      update(next.key, { phase: 'memeriksa' });
      const file = pending.current.get(next.key);
      pending.current.delete(next.key);
      let check: IntakeCheck;
      if (!file) check = refused(next.fileName, 'Berkas tidak lagi tersedia. Pilih berkasnya lagi.');
      else if (!file.name.toLowerCase().endsWith('.ppid')) check = refused(next.fileName, 'Bukan berkas paket PPID Desk (.ppid).');
      else {
        const read = await readPackageFile(file);
        if (!read.ok) check = refused(next.fileName, read.message);
        else {
          const r = await call('utama.check', { base64: read.base64, fileName: read.fileName });
          check = r.ok ? { ...r.data, fileName: r.data.fileName || next.fileName } : refused(next.fileName, r.message);
        }
      }
      if (!alive.current) break;
      update(next.key, { phase: 'diperiksa', check });
    }
    checking.current = false;
    setProgress(null);
    if (alive.current) moveTo(filesRef.current.length ? 'diperiksa' : 'kosong');
  }, [moveTo, update]);

  const add = useCallback(
    (chosen: File[]) => {
      if (!chosen.length) return;
      if (stageRef.current === 'menerapkan') {
        notifications.show({ color: 'orange', title: 'Tunggu sebentar', message: 'Paket sebelumnya sedang diterapkan. Tambahkan berkas lagi setelah selesai.' });
        return;
      }
      // A new batch after the last one finished; otherwise the files join the current list.
      let base = stageRef.current === 'selesai' ? [] : filesRef.current;
      if (stageRef.current === 'selesai') pending.current.clear();
      const seen = new Set(base.map((f) => f.same));
      const fresh: IntakeFile[] = [];
      let twice = 0;
      for (const file of chosen) {
        const same = `${file.name}|${file.size}|${file.lastModified}`;
        if (seen.has(same)) {
          twice += 1;
          continue;
        }
        seen.add(same);
        const key = nextKey.current++;
        pending.current.set(key, file);
        fresh.push({ key, fileName: file.name, same, phase: 'antre', check: null, applied: null });
      }
      if (twice) notifications.show({ color: 'gray', message: `${twice} berkas sudah ada dalam daftar dan dilewati.` });
      base = [...base, ...fresh];
      commit(base);
      if (fresh.length) void runChecks();
      else if (stageRef.current === 'selesai') moveTo('kosong');
    },
    [commit, moveTo, runChecks],
  );

  const apply = useCallback(async () => {
    if (stageRef.current !== 'diperiksa') return;
    const targets = toApply(filesRef.current);
    if (!targets.length) return;
    moveTo('menerapkan');
    for (const [i, f] of targets.entries()) {
      if (!alive.current) return;
      setProgress({ at: i + 1, of: targets.length });
      update(f.key, { phase: 'menerapkan' });
      const r = await call('utama.apply', { checkId: f.check!.checkId });
      const applied: IntakeApplied = r.ok
        ? r.data
        : { checkId: f.check!.checkId, fileName: f.fileName, result: 'ditolak', message: r.message, opdName: f.check!.opd?.name ?? null, newActs: 0 };
      update(f.key, { phase: 'selesai', applied });
    }
    setProgress(null);
    commit(filesRef.current.map((f) => ({ ...f, phase: 'selesai' })));
    moveTo('selesai');
    bump();
  }, [bump, commit, moveTo, update]);

  const clear = useCallback(() => {
    if (stageRef.current === 'memeriksa' || stageRef.current === 'menerapkan') return;
    pending.current.clear();
    commit([]);
    moveTo('kosong');
  }, [commit, moveTo]);

  const api = useMemo<IntakeApi>(
    () => ({ files, stage, progress, add, choose: () => input.current?.click(), apply: () => void apply(), clear, waitingCount, refreshWaiting, version, bump }),
    [files, stage, progress, add, apply, clear, waitingCount, refreshWaiting, version, bump],
  );

  return (
    <IntakeContext.Provider value={api}>
      {children}
      <input
        ref={input}
        type="file"
        accept=".ppid"
        multiple
        aria-label="Berkas paket OPD (.ppid)"
        data-testid="pilih-paket-opd"
        style={{ display: 'none' }}
        onChange={(e) => {
          const chosen = Array.from(e.currentTarget.files ?? []);
          // Cleared so that choosing the same files again is a change too.
          e.currentTarget.value = '';
          add(chosen);
        }}
      />
    </IntakeContext.Provider>
  );
}

/** .ppid files dropped anywhere on the window join the intake, and the intake screen opens. */
export function IntakeDropZone() {
  const { add } = useIntake();
  const navigate = useNavigate();
  return (
    <PackageDropOverlay
      testId="zona-paket-opd"
      title="Lepaskan berkas paket OPD (.ppid) untuk memeriksanya"
      hint="Boleh banyak sekaligus. Setiap paket diperiksa dulu; belum ada yang disimpan sebelum Anda menekan Terapkan."
      onFiles={(files) => {
        add(files);
        navigate('/terima');
      }}
    />
  );
}
