import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { stamp } from './backups';
import { readJsonFile } from './durable-file';

/**
 * Reads one of this machine's small state files (cadangan-otomatis.json, folder-bersama.json):
 * settings of the laptop, not office data worth a recovery screen. A file that does not read
 * or does not fit the schema is set aside as `<name>.rusak-<stamp>.json` (never deleted), said
 * in the log, and the defaults are used; a missing file is simply the defaults.
 */
export async function readMachineState<S extends z.ZodType>(file: string, schema: S, what: string, now: Date, log?: (m: string) => void): Promise<z.output<S>> {
  let raw: unknown = null;
  try {
    raw = await readJsonFile(file);
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw ?? {});
  if (raw !== undefined && parsed.success) return parsed.data;
  const aside = path.join(path.dirname(file), `${path.basename(file, '.json')}.rusak-${stamp(now)}.json`);
  await fs.rename(file, aside).catch(() => undefined);
  log?.(`${what} tidak terbaca; disisihkan ke ${path.basename(aside)} dan dimulai baru.`);
  return schema.parse({});
}
