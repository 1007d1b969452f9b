import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Backups } from '../../electron/core/store/backups';
import { fakeClock, removeTempDirs, tempDir } from '../fixtures/harness';

afterAll(removeTempDirs);

async function setup() {
  const dir = await tempDir();
  const file = path.join(dir, 'app.json');
  return { dir, file, backups: new Backups(path.join(dir, 'backups')) };
}

describe('Backups', () => {
  it('copies a file on open only when it changed since the last copy', async () => {
    const { file, backups } = await setup();
    const clock = fakeClock();
    expect(await backups.take(file, 'buka', clock.now())).toBeNull(); // no file yet
    await fs.writeFile(file, '{"v":1}');
    expect(await backups.take(file, 'buka', clock.now())).not.toBeNull();
    clock.advance(1000);
    expect(await backups.take(file, 'buka', clock.now())).toBeNull();
    await fs.writeFile(file, '{"v":2}');
    const second = await backups.take(file, 'buka', clock.now());
    expect(await fs.readFile(second!, 'utf8')).toBe('{"v":2}');
    const list = await backups.list(file);
    expect(list.map((b) => [b.reason, b.createdAt])).toEqual([
      ['buka', '2026-03-02T08:00:01.000Z'],
      ['buka', '2026-03-02T08:00:00.000Z'],
    ]);
  });

  it('always copies before a migration, even when unchanged', async () => {
    const { file, backups } = await setup();
    await fs.writeFile(file, '{"v":1}');
    const now = fakeClock().now();
    await backups.take(file, 'buka', now);
    await backups.take(file, 'migrasi', now);
    expect((await backups.list(file)).map((b) => b.reason)).toEqual(['migrasi', 'buka']);
  });

  it('keeps the 15 newest copies', async () => {
    const { file, backups } = await setup();
    const clock = fakeClock();
    for (let v = 1; v <= 20; v++) {
      await fs.writeFile(file, JSON.stringify({ v }));
      await backups.take(file, 'buka', clock.now());
      clock.advance(60_000);
    }
    const list = await backups.list(file);
    expect(list).toHaveLength(15);
    const kept = await Promise.all(list.map(async (b) => (JSON.parse(await fs.readFile(b.file, 'utf8')) as { v: number }).v));
    expect(kept).toEqual(Array.from({ length: 15 }, (_, i) => 20 - i));
  });

  it('orders copies by when they were taken, not by a clock that was wrong and then fixed', async () => {
    const { file, backups } = await setup();
    const clock = fakeClock('2031-01-01T00:00:00.000Z'); // CMOS clock gone wild
    for (let v = 1; v <= 15; v++) {
      await fs.writeFile(file, JSON.stringify({ v }));
      await backups.take(file, 'buka', clock.now());
      clock.advance(60_000);
    }
    clock.set('2026-03-02T08:00:00.000Z'); // someone fixes the clock
    for (let v = 16; v <= 18; v++) {
      await fs.writeFile(file, JSON.stringify({ v }));
      await backups.take(file, 'buka', clock.now());
      clock.advance(60_000);
    }
    const newest = await backups.newestReadable(file);
    expect(JSON.parse(await fs.readFile(newest!.file, 'utf8'))).toEqual({ v: 18 });
    const kept = await Promise.all((await backups.list(file)).map(async (b) => (JSON.parse(await fs.readFile(b.file, 'utf8')) as { v: number }).v));
    expect(kept).toEqual(Array.from({ length: 15 }, (_, i) => 18 - i));
  });

  it('still reads copies named before sequence numbers, as older than any numbered one', async () => {
    const { dir, file, backups } = await setup();
    const legacyDir = path.join(dir, 'backups', 'app');
    await fs.mkdir(legacyDir, { recursive: true });
    await fs.writeFile(path.join(legacyDir, '2026-03-01T07-00-00-000Z__buka.json'), '{"v":"lama"}');
    await fs.writeFile(path.join(legacyDir, '2026-02-01T07-00-00-000Z__migrasi.json'), '{"v":"lebih lama"}');
    let list = await backups.list(file);
    expect(list.map((b) => [b.createdAt, b.reason])).toEqual([
      ['2026-03-01T07:00:00.000Z', 'buka'],
      ['2026-02-01T07:00:00.000Z', 'migrasi'],
    ]);
    await fs.writeFile(file, '{"v":"baru"}');
    await backups.take(file, 'buka', new Date('2025-01-01T00:00:00.000Z'));
    list = await backups.list(file);
    expect(JSON.parse(await fs.readFile(list[0]!.file, 'utf8'))).toEqual({ v: 'baru' });
  });

  it('restores a copy, keeping the broken file byte for byte beside it, and never overwrites an earlier rescue', async () => {
    const { dir, file, backups } = await setup();
    const now = fakeClock().now();
    await fs.writeFile(file, '{"baik":true}');
    await backups.take(file, 'buka', now);
    const good = (await backups.newestReadable(file))!;

    await fs.writeFile(file, Buffer.from([0, 1, 2, 255]));
    const first = await backups.restore(file, good, now);
    await fs.writeFile(file, '{"rusak lagi');
    const second = await backups.restore(file, good, now); // same clock tick

    expect(first).not.toBe(second);
    expect([...(await fs.readFile(first!))]).toEqual([0, 1, 2, 255]);
    expect(await fs.readFile(second!, 'utf8')).toBe('{"rusak lagi');
    expect(await fs.readFile(file, 'utf8')).toBe('{"baik":true}');
    expect((await fs.readdir(dir)).filter((n) => n.includes('.rusak-'))).toHaveLength(2);
  });

  it('restores into place when the broken file is gone altogether', async () => {
    const { file, backups } = await setup();
    await fs.writeFile(file, '{"baik":true}');
    await backups.take(file, 'buka', fakeClock().now());
    await fs.rm(file);
    expect(await backups.restore(file, (await backups.newestReadable(file))!, fakeClock().now())).toBeNull();
    expect(await fs.readFile(file, 'utf8')).toBe('{"baik":true}');
  });
});
