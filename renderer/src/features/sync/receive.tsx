import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Role } from '../../../../electron/core/domain/roles';
import type { PackagePreview } from '../../../../electron/core/domain/sync/preview';
import type { Result } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { readPackageFile } from './files';
import { PackageDropOverlay } from './PackageDropOverlay';
import { ReceiveModal, type ReceiveState } from './ReceiveModal';
import './sync.css';

interface ReceiveApi {
  /** Opens the file chooser. */
  choose(): void;
  /** Reads a file and shows its preview. */
  receive(file: File): void;
  /** Shows the preview `load` gives: a package waiting in the shared folders' inbox. */
  previewFrom(fileName: string, load: () => Promise<Result<PackagePreview>>): void;
  /** A package was applied without this dialog (on arrival, from the shared inbox): screens reload as after one. */
  notifyReceived(): void;
  /** Goes up by one each time a package is applied: screens showing cycles reload on it. */
  received: number;
}

const ReceiveContext = createContext<ReceiveApi | null>(null);

/** The receive API where there is one (an OPD office's shell), else null (the PPID Utama's). */
export function useReceiveIfAny(): ReceiveApi | null {
  return useContext(ReceiveContext);
}

export function useReceive(): ReceiveApi {
  const ctx = useContext(ReceiveContext);
  if (!ctx) throw new Error('useReceive must be used inside <ReceiveProvider>');
  return ctx;
}

/** The one "Terima paket" of the app: a file chooser, a dropped file, one preview dialog. */
export function ReceiveProvider({ children }: { children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ReceiveState>({ phase: 'closed' });
  const [received, setReceived] = useState(0);
  // A second file chosen while the first is still being read wins; the first answer is dropped.
  const seq = useRef(0);

  const receive = useCallback(async (file: File) => {
    const mine = ++seq.current;
    setState({ phase: 'reading', fileName: file.name });
    const read = await readPackageFile(file);
    if (mine !== seq.current) return;
    if (!read.ok) {
      setState({ phase: 'failed', fileName: file.name, message: read.message });
      return;
    }
    const r = await call('sync.preview', { base64: read.base64, fileName: read.fileName });
    if (mine !== seq.current) return;
    setState(r.ok ? { phase: 'preview', preview: r.data } : { phase: 'failed', fileName: file.name, message: r.message });
  }, []);

  const previewFrom = useCallback(async (fileName: string, load: () => Promise<Result<PackagePreview>>) => {
    const mine = ++seq.current;
    setState({ phase: 'reading', fileName });
    const r = await load();
    if (mine !== seq.current) return;
    setState(r.ok ? { phase: 'preview', preview: r.data } : { phase: 'failed', fileName, message: r.message });
  }, []);

  const apply = useCallback(
    async (trust: { installationId: string; roles: Role[] }[]): Promise<string | null> => {
      if (state.phase !== 'preview') return null;
      const r = await call('sync.apply', { previewId: state.preview.previewId, trust });
      if (!r.ok) return r.message;
      setState({ phase: 'applied', preview: state.preview, result: r.data });
      setReceived((n) => n + 1);
      return null;
    },
    [state],
  );

  const close = useCallback(() => {
    seq.current += 1;
    setState({ phase: 'closed' });
  }, []);

  const api = useMemo<ReceiveApi>(
    () => ({
      choose: () => input.current?.click(),
      receive: (f) => void receive(f),
      previewFrom: (name, load) => void previewFrom(name, load),
      notifyReceived: () => setReceived((n) => n + 1),
      received,
    }),
    [receive, previewFrom, received],
  );

  return (
    <ReceiveContext.Provider value={api}>
      {children}
      <input
        ref={input}
        type="file"
        accept=".ppid"
        aria-label="Berkas paket (.ppid)"
        data-testid="pilih-paket"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again (after Batal) is a change too.
          e.currentTarget.value = '';
          if (file) void receive(file);
        }}
      />
      <ReceiveModal state={state} onClose={close} onApply={apply} />
    </ReceiveContext.Provider>
  );
}

/** A .ppid file dropped anywhere on the window is received (the first .ppid of several). */
export function PackageDropZone() {
  const { receive } = useReceive();
  return (
    <PackageDropOverlay
      testId="zona-paket"
      title="Lepaskan berkas paket (.ppid) untuk menerimanya"
      hint="Isinya ditampilkan dulu; belum ada yang disimpan sebelum Anda menekan Terapkan."
      onFiles={(files) => receive(files.find((f) => f.name.toLowerCase().endsWith('.ppid')) ?? files[0]!)}
    />
  );
}
