import Conf from 'conf';
import { z } from 'zod';
import { settingsSchema, type Settings } from './domain/office';
import { readJsonFile } from './store/durable-file';
import { FutureVersionError, InvalidDataError, type Migration } from './store/versioned';
import type { Backups } from './store/backups';
import type { Clock } from './clock';
import path from 'node:path';

/**
 * The office's settings (kop, officials, document options) in settings.json through conf,
 * electron-store's engine, so that core, host and Electron share one file. We version it
 * ourselves: conf's migrations are keyed by app semver, which says nothing about the data.
 */
export const SETTINGS_VERSION = 2;
export const settingsMigrations: Migration[] = [
  {
    from: 1,
    describe: 'Kalender kerja: zona waktu WIB, jam kerja Senin–Jumat 07.30–16.00, tanpa hari libur tambahan',
    up: (data) => {
      const settings = data.settings as Record<string, unknown> | null | undefined;
      if (!settings || settings.calendar) return data;
      return { ...data, settings: { ...settings, calendar: { timeZone: 'Asia/Jakarta', officeStart: '07.30', officeEnd: '16.00', workingDays: [1, 2, 3, 4, 5], extraHolidays: [], removedHolidays: [] } } };
    },
  },
];

const fileSchema = z.object({ settings: settingsSchema.nullable() });

type Stored = { schemaVersion: number; settings: Settings | null };

export class SettingsStore {
  private conf: Conf<Stored>;
  private cached: Settings | null = null;

  private constructor(
    readonly file: string,
    conf: Conf<Stored>,
  ) {
    this.conf = conf;
  }

  /** Reads, migrates and validates before conf touches the file: conf would throw on bad JSON too, but less clearly. */
  static async open(file: string, backups: Backups, clock: Clock): Promise<SettingsStore> {
    const raw = (await readJsonFile(file)) as Record<string, unknown> | null;
    let current: Settings | null = null;
    let needsWrite = false;
    if (raw !== null) {
      const found = raw.schemaVersion;
      if (typeof found !== 'number') throw new InvalidDataError(path.basename(file), 'versi skema tidak ada');
      if (found > SETTINGS_VERSION) throw new FutureVersionError(path.basename(file), found, SETTINGS_VERSION);
      let data = raw;
      if (found < SETTINGS_VERSION) {
        await backups.take(file, 'migrasi', clock.now());
        for (let v = found; v < SETTINGS_VERSION; v++) {
          const step = settingsMigrations.find((m) => m.from === v);
          if (!step) throw new InvalidDataError(path.basename(file), `tidak ada migrasi dari v${v}`);
          data = { ...step.up(data), schemaVersion: v + 1 };
        }
        needsWrite = true;
      }
      const parsed = fileSchema.safeParse({ settings: data.settings ?? null });
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new InvalidDataError(path.basename(file), `${first?.path.join('.')}: ${first?.message}`);
      }
      current = parsed.data.settings;
    }
    const conf = new Conf<Stored>({
      cwd: path.dirname(file),
      configName: path.basename(file, '.json'),
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      serialize: (v) => JSON.stringify(v, null, 2),
    });
    const store = new SettingsStore(file, conf);
    store.cached = current;
    if (needsWrite || raw === null) store.conf.store = { schemaVersion: SETTINGS_VERSION, settings: current };
    return store;
  }

  get(): Settings | null {
    return this.cached;
  }

  set(next: Settings): void {
    const parsed = settingsSchema.parse(next);
    this.conf.store = { schemaVersion: SETTINGS_VERSION, settings: parsed };
    this.cached = parsed;
  }
}
