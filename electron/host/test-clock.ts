import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../core/clock';

/**
 * A clock for end-to-end tests of the loopback host, which otherwise runs on the machine's
 * time: with `PPID_DESK_TEST_CLOCK_FILE=<path>` set, the host's "now" is the system time plus
 * the `offsetMs` written in that JSON file (`{ "offsetMs": -23587200000 }`), so a test can move
 * a running host months ahead between steps without restarting it. Only `electron/host/cli.ts`
 * reads the variable; the Electron shell never does.
 */
export const TEST_CLOCK_ENV = 'PPID_DESK_TEST_CLOCK_FILE';

const clockFileSchema = z.object({ offsetMs: z.number().int().refine(Number.isSafeInteger) }).strict();

/**
 * Re-reads the file on every `now()`: it is a few bytes and the core asks once per call, and
 * unlike an mtime check this cannot miss a rewrite that keeps the size within one timestamp
 * tick of a coarse file system. Writers replace the file whole (write elsewhere, rename), so a
 * reader never meets half of it.
 *
 * A missing or malformed file throws rather than falling back to the system clock: the test
 * asked for a moved clock, and a host quietly on today's date would let its date assertions
 * pass or fail for the wrong reason. The error names the file and what it should hold.
 */
export function fileClock(file: string, systemNow: () => number = Date.now): Clock {
  return {
    now() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new Error(`Berkas jam uji ${file} (${TEST_CLOCK_ENV}) tidak dapat dibaca: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      let parsed: z.infer<typeof clockFileSchema>;
      try {
        parsed = clockFileSchema.parse(JSON.parse(text));
      } catch {
        throw new Error(`Berkas jam uji ${file} (${TEST_CLOCK_ENV}) harus berisi JSON { "offsetMs": <bilangan bulat milidetik> }, bukan: ${text.slice(0, 80)}`);
      }
      const now = new Date(systemNow() + parsed.offsetMs);
      if (Number.isNaN(now.getTime())) throw new Error(`Berkas jam uji ${file} (${TEST_CLOCK_ENV}): offsetMs ${parsed.offsetMs} membawa jam keluar dari rentang tanggal.`);
      return now;
    },
  };
}
