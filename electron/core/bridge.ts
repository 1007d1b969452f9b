import type { Envelope } from './contract';
import type { Result } from './result';

/**
 * What the renderer sees as `window.ppid`: the preload in Electron, and the HTTP client
 * against the loopback host in a browser. Type-only, so both sides can import it.
 */
export interface PpidBridge {
  platform: 'electron' | 'browser';
  invoke(envelope: Envelope): Promise<Result<unknown>>;
}
