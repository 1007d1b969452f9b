import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../../electron/core/app-core';
import type { AppStatus, AuditView } from '../../electron/core/contract';
import { APP_DB_VERSION } from '../../electron/core/store/app-db';
import { Backups } from '../../electron/core/store/backups';
import { FutureVersionError, InvalidDataError, VersionedAdapter, type Migration } from '../../electron/core/store/versioned';
import { fakeClock, login, must, openCore, removeTempDirs, tempDir, USERS } from '../fixtures/harness';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
afterAll(removeTempDirs);

const FIXTURES = path.resolve('tests/fixtures');
/** The password of every account in app-v1.json (see tests/fixtures/README.md). */
const V1_PASSWORD = 'sandi-lama-2025';

async function v1DataDir(): Promise<string> {
  const dir = await tempDir();
  await fs.copyFile(path.join(FIXTURES, 'app-v1.json'), path.join(dir, 'app.json'));
  await fs.copyFile(path.join(FIXTURES, 'settings-v1.json'), path.join(dir, 'settings.json'));
  return dir;
}

describe('app.json v1 → v3', () => {
  it('backs up the original bytes first, then migrates, and the office keeps working', async () => {
    expect(APP_DB_VERSION).toBe(3);
    const dir = await v1DataDir();
    const original = await fs.readFile(path.join(dir, 'app.json'));
    const core = await openCore(dir, fakeClock());
    opened.push(core);

    expect((await must<AppStatus>(core, 'app.status')).state).toBe('ready');
    const migrated = JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8'));
    expect(migrated).toMatchObject({ schemaVersion: 3, counters: {}, demo: false });
    // The history left app.json for its own log.
    expect(migrated.audit).toBeUndefined();
    const v1 = JSON.parse(original.toString('utf8'));
    expect(migrated.users).toEqual(v1.users);
    expect(migrated.installationId).toBe(v1.installationId);

    const backups = await fs.readdir(path.join(dir, 'backups', 'app'));
    const migrasi = backups.filter((n) => n.endsWith('__migrasi.json'));
    expect(migrasi).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, 'backups', 'app', migrasi[0]!))).toEqual(original);

    const admin = await login(core, USERS.admin, V1_PASSWORD);
    const audit = await must<AuditView[]>(core, 'audit.listApp', {}, admin);
    expect(audit.map((a) => a.action)).toContain('setup.selesai');
  });

  it('migrates once: a second open takes no second migration backup', async () => {
    const dir = await v1DataDir();
    const clock = fakeClock();
    await (await openCore(dir, clock)).close();
    const afterFirst = await fs.readFile(path.join(dir, 'app.json'));
    clock.advance(60_000);
    await (await openCore(dir, clock)).close();
    expect(await fs.readFile(path.join(dir, 'app.json'))).toEqual(afterFirst);
    const names = await fs.readdir(path.join(dir, 'backups', 'app'));
    expect(names.filter((n) => n.endsWith('__migrasi.json'))).toHaveLength(1);
  });
});

describe('VersionedAdapter', () => {
  const schema = z.object({ name: z.string(), tags: z.array(z.string()), size: z.number() });
  type Doc = z.infer<typeof schema>;
  const migrations: Migration[] = [
    { from: 1, describe: 'tags', up: (d) => ({ ...d, tags: [] }) },
    { from: 2, describe: 'size', up: (d) => ({ ...d, size: (d.tags as string[]).length }) },
  ];

  async function setup(content: unknown, version = 3, steps = migrations) {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    if (content !== undefined) await fs.writeFile(file, JSON.stringify(content));
    const backups = new Backups(path.join(dir, 'backups'));
    const adapter = new VersionedAdapter<Doc>({ file, version, migrations: steps, schema, backups, clock: fakeClock() });
    return { dir, file, adapter, backups };
  }

  it('runs every step in order from the version found, and stamps the new version', async () => {
    const { file, adapter } = await setup({ schemaVersion: 1, name: 'x' });
    expect(await adapter.read()).toEqual({ name: 'x', tags: [], size: 0 });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ schemaVersion: 3, name: 'x', tags: [], size: 0 });
  });

  it('starts from the middle when the file is already at v2', async () => {
    const { adapter } = await setup({ schemaVersion: 2, name: 'x', tags: ['a', 'b'] });
    expect(await adapter.read()).toEqual({ name: 'x', tags: ['a', 'b'], size: 2 });
  });

  it('reads a current file without writing or backing it up', async () => {
    const { file, adapter, backups } = await setup({ schemaVersion: 3, name: 'x', tags: [], size: 1 });
    const before = await fs.stat(file);
    await adapter.read();
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect(await backups.list(file)).toEqual([]);
  });

  it('refuses a file from the future without touching it', async () => {
    const { file, adapter, backups } = await setup({ schemaVersion: 4, name: 'x' });
    const before = await fs.readFile(file);
    const e = await adapter.read().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FutureVersionError);
    expect((e as FutureVersionError).found).toBe(4);
    expect(await fs.readFile(file)).toEqual(before);
    expect(await backups.list(file)).toEqual([]);
  });

  it('refuses a gap in the migrations, leaving the file as it was (with its backup)', async () => {
    const { file, adapter, backups } = await setup({ schemaVersion: 1, name: 'x' }, 3, [migrations[1]!]);
    const before = await fs.readFile(file);
    await expect(adapter.read()).rejects.toBeInstanceOf(InvalidDataError);
    expect(await fs.readFile(file)).toEqual(before);
    expect((await backups.list(file)).map((b) => b.reason)).toEqual(['migrasi']);
  });

  it('refuses data that still does not fit after migrating, and does not write it', async () => {
    const { file, adapter } = await setup({ schemaVersion: 1, name: 42 });
    const before = await fs.readFile(file);
    await expect(adapter.read()).rejects.toThrow(/tidak sesuai format yang dikenal \(name:/);
    expect(await fs.readFile(file)).toEqual(before);
  });

  it.each([0, -1, 1.5, '2', null])('refuses schemaVersion %j as invalid', async (schemaVersion) => {
    const { adapter } = await setup({ schemaVersion, name: 'x', tags: [], size: 0 });
    await expect(adapter.read()).rejects.toBeInstanceOf(InvalidDataError);
  });

  it('says null for a missing file, so lowdb uses its defaults', async () => {
    const { adapter } = await setup(undefined);
    expect(await adapter.read()).toBeNull();
  });
});
