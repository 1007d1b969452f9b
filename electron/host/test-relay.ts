import { z } from 'zod';
import type { RelayOptions } from '../core/relay/relay';

/**
 * The relay's timing for end-to-end tests of the loopback host: with
 * `PPID_DESK_TEST_RELAY_TIMING='{"intervalMs":600000,"firstRetryMs":1000,"maxRetryMs":2000}'`
 * a test decides when rounds happen (a long interval: only on start, on a settings change and
 * on "Sinkronkan sekarang") and how soon a laptop catches up once the server is back (short
 * retries), instead of waiting minutes on RELAY_DEFAULTS. Only `electron/host/cli.ts` reads the
 * variable; the Electron shell never does.
 */
export const TEST_RELAY_ENV = 'PPID_DESK_TEST_RELAY_TIMING';

const ms = z.number().int().min(100).max(24 * 60 * 60_000);
const timingSchema = z.object({ intervalMs: ms.optional(), firstRetryMs: ms.optional(), maxRetryMs: ms.optional() }).strict();

/** The relay options the variable asks for; a malformed value throws with what it should hold (the host then refuses to start). */
export function relayTimingFromEnv(text: string | undefined): Partial<RelayOptions> {
  if (text === undefined) return {};
  try {
    return timingSchema.parse(JSON.parse(text));
  } catch {
    throw new Error(`${TEST_RELAY_ENV} harus berisi JSON { "intervalMs"?, "firstRetryMs"?, "maxRetryMs"? } dalam milidetik (100 ms sampai 24 jam), bukan: ${text.slice(0, 80)}`);
  }
}
