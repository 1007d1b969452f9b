import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { Low } from 'lowdb';
import { z } from 'zod';
import { settingsSchema, type Settings } from './domain/office';
import { VersionedAdapter, type Migration } from './store/versioned';
import type { Backups } from './store/backups';
import type { Clock } from './clock';

/**
 * The office's settings (kop, officials, document options) in settings.json, behind the
 * same versioned, durable adapter as app.json: numbered migrations with a backup first,
 * a newer file refused, a corrupt one never overwritten. These settings will travel in
 * packages to other offices, so they need the data versioning app.json has, not conf's
 * app-semver migrations.
 */
export const SETTINGS_VERSION = 3;
/** Forward only: entry `from: n` turns a v`n` file into v`n+1`. Append; never edit a shipped step. */
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
  {
    from: 2,
    describe: 'Pengenal kantor, agar paket dari laptop lain dikenali sebagai kantor yang sama',
    up: (data) => {
      const settings = data.settings as Record<string, unknown> | null | undefined;
      if (!settings || settings.officeId) return data;
      return { ...data, settings: { officeId: randomUUID(), ...settings } };
    },
  },
];

const settingsFileSchema = z.object({ settings: settingsSchema.nullable() });
type SettingsFile = z.infer<typeof settingsFileSchema>;

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export class SettingsStore {
  private constructor(
    readonly file: string,
    private readonly db: Low<SettingsFile>,
  ) {}

  /**
   * Throws CorruptFileError, InvalidDataError or FutureVersionError without writing, so
   * the core can offer recovery. A missing file is created at once (as "not set up yet"),
   * owner-readable only like every durable write.
   */
  static async open(file: string, backups: Backups, clock: Clock): Promise<SettingsStore> {
    const adapter = new VersionedAdapter<SettingsFile>({
      file,
      version: SETTINGS_VERSION,
      migrations: settingsMigrations,
      schema: settingsFileSchema,
      backups,
      clock,
    });
    const fresh = !(await exists(file));
    const db = new Low<SettingsFile>(adapter, { settings: null });
    await db.read();
    if (fresh) await db.write();
    return new SettingsStore(file, db);
  }

  get(): Settings | null {
    return this.db.data.settings;
  }

  /** Resolves once the file is on disk; on failure the old settings stay in effect. */
  async set(next: Settings): Promise<void> {
    const parsed = settingsSchema.parse(next);
    const before = this.db.data;
    this.db.data = { settings: parsed };
    try {
      await this.db.write();
    } catch (e) {
      this.db.data = before;
      throw e;
    }
  }
}
