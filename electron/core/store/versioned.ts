import type { z } from 'zod';
import type { Backups } from './backups';
import type { Clock } from '../clock';
import { DurableJsonFile } from './durable-file';

/** One step forward: data at version `from` becomes data at `from + 1`. */
export interface Migration {
  from: number;
  describe: string;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

export class FutureVersionError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Berkas ${file} ditulis oleh versi PPID Desk yang lebih baru (skema v${found}; aplikasi ini mengenal sampai v${supported}). Perbarui aplikasi; berkas tidak diubah.`,
    );
    this.name = 'FutureVersionError';
  }
}

export class InvalidDataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`Isi berkas ${file} tidak sesuai format yang dikenal (${detail}).`);
    this.name = 'InvalidDataError';
  }
}

export interface VersionedOptions<T> {
  file: string;
  version: number;
  migrations: Migration[];
  schema: z.ZodType<T>;
  backups: Backups;
  clock: Clock;
}

/**
 * Decorates the durable adapter the way lowdb expects an adapter: migrate forward and
 * validate on read (backup first), stamp the version on write. lowdb itself stays dumb.
 */
export class VersionedAdapter<T extends object> {
  private inner: DurableJsonFile<Record<string, unknown>>;

  constructor(private opts: VersionedOptions<T>) {
    this.inner = new DurableJsonFile(opts.file);
  }

  async read(): Promise<T | null> {
    const raw = await this.inner.read();
    if (raw === null) return null;
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidDataError(this.name, 'bukan objek JSON');
    const found = (raw as { schemaVersion?: unknown }).schemaVersion;
    if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
      throw new InvalidDataError(this.name, 'versi skema tidak ada');
    }
    if (found > this.opts.version) throw new FutureVersionError(this.name, found, this.opts.version);

    let data = raw as Record<string, unknown>;
    if (found < this.opts.version) {
      await this.opts.backups.take(this.opts.file, 'migrasi', this.opts.clock.now());
      for (let v = found; v < this.opts.version; v++) {
        const step = this.opts.migrations.find((m) => m.from === v);
        if (!step) throw new InvalidDataError(this.name, `tidak ada migrasi dari v${v}`);
        data = { ...step.up(data), schemaVersion: v + 1 };
      }
    }
    const { schemaVersion: _ignored, ...body } = data;
    const parsed = this.opts.schema.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new InvalidDataError(this.name, `${first?.path.join('.') || '(akar)'}: ${first?.message ?? 'tidak valid'}`);
    }
    if (found < this.opts.version) await this.write(parsed.data);
    return parsed.data;
  }

  write(data: T): Promise<void> {
    return this.inner.write({ schemaVersion: this.opts.version, ...data });
  }

  private get name() {
    return this.opts.file.split(/[\\/]/).pop() ?? this.opts.file;
  }
}
