import { contextBridge, ipcRenderer } from 'electron';
import type { PpidBridge } from '../core/bridge';
import type { Envelope, IPC_CHANNEL } from '../core/contract';

/**
 * window.ppid in Electron: the one channel and nothing else. ipcRenderer itself is never
 * exposed, and only the three envelope fields cross, so a page cannot smuggle extra data
 * or reach another channel.
 *
 * The channel is written out rather than imported: importing contract.ts would bundle zod
 * and every schema into the preload. The type annotation makes the compiler check that
 * it still equals the contract's IPC_CHANNEL.
 */
const channel: typeof IPC_CHANNEL = 'ppid:invoke';

const bridge = {
  platform: 'electron',
  invoke: (envelope: Envelope) => {
    const e = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Partial<Envelope>;
    return ipcRenderer.invoke(channel, { name: e.name, input: e.input, session: e.session });
  },
} satisfies PpidBridge;

contextBridge.exposeInMainWorld('ppid', bridge);
