import { ipcMain } from 'electron';
import { IPC_CHANNEL, isCallName, type Envelope } from '../core/contract';
import { err, type Result } from '../core/result';
import { isTrustedUrl } from './security';

/** The part of the core that IPC needs; a fake in tests. */
export interface Invoker {
  invoke(envelope: Envelope): Promise<Result<unknown>>;
}

/** The part of an invoke event that says who is asking. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

function senderUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // the frame was destroyed while the call was in flight
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * One handler for the one channel. The preload is not trusted to have shaped the
 * envelope: main rebuilds it from the three fields it knows, after checking the sender.
 */
export function makeIpcHandler(
  core: Invoker,
  isTrusted: (url: string) => boolean,
  log?: (message: string, error?: unknown) => void,
) {
  return async (event: SenderEvent, raw: unknown): Promise<Result<unknown>> => {
    const url = senderUrl(event);
    if (url === null || !isTrusted(url)) {
      return err('FORBIDDEN', 'Permintaan ditolak: tidak berasal dari tampilan PPID Desk.');
    }
    if (!isPlainObject(raw) || typeof raw.name !== 'string') {
      return err('INVALID_INPUT', 'Permintaan tidak sah: nama perintah tidak ada.');
    }
    const { name, input, session } = raw;
    if (!isCallName(name)) return err('UNKNOWN_CALL', `Perintah tidak dikenal: ${name.slice(0, 60)}.`);
    if (session !== undefined && session !== null && typeof session !== 'string') {
      return err('INVALID_INPUT', 'Permintaan tidak sah: sesi harus berupa teks.');
    }
    const envelope: Envelope = typeof session === 'string' ? { name, input, session } : { name, input };
    try {
      return await core.invoke(envelope);
    } catch (e) {
      log?.(`Kesalahan tak tertangani pada ${name}`, e);
      // The core turns its own failures into Results; this only guards against a bug there.
      return err('INTERNAL', 'Terjadi kesalahan tak terduga. Coba lagi; bila terulang, hubungi admin TI.');
    }
  };
}

/** Returns the undo, so a closing core stops receiving calls. */
export function registerIpc(core: Invoker, log?: (message: string, error?: unknown) => void): () => void {
  ipcMain.handle(IPC_CHANNEL, makeIpcHandler(core, isTrustedUrl, log));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
