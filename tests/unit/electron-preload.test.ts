import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../electron/core/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: null })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

await import('../../electron/preload/index');

type Exposed = { platform: string; invoke: (envelope: unknown) => Promise<unknown> };
const [[key, exposed]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [[string, Exposed]];

describe('preload', () => {
  it('exposes window.ppid with only platform and invoke', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(key).toBe('ppid');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'platform']);
    expect(exposed.platform).toBe('electron');
    // Nothing on it leads back to ipcRenderer.
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer);
  });

  it('forwards only name, input and session on the contract channel', async () => {
    const result = await exposed.invoke({
      name: 'settings.update',
      input: { office: { pemda: 'Kabupaten Kapuas Hulu' } },
      session: 'tok',
      channel: 'other:channel',
      __proto__: { polluted: true },
    });
    expect(result).toEqual({ ok: true, data: null });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, {
      name: 'settings.update',
      input: { office: { pemda: 'Kabupaten Kapuas Hulu' } },
      session: 'tok',
    });
    const sent = electron.ipcRenderer.invoke.mock.lastCall as unknown as [string, object];
    expect(Object.keys(sent[1]).sort()).toEqual(['input', 'name', 'session']);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('passes junk through as an empty envelope for main to refuse, without throwing in the page', async () => {
    await exposed.invoke(null);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, { name: undefined, input: undefined, session: undefined });
    await exposed.invoke('app.status');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, { name: undefined, input: undefined, session: undefined });
  });
});
