import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  CorruptFileError,
  DurableJsonFile,
  readJsonFile,
  removeStaleTempFiles,
  writeFileDurably,
} from '../../electron/core/store/durable-file';
import { removeTempDirs, tempDir } from '../fixtures/harness';

afterAll(removeTempDirs);

describe('writeFileDurably', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'app.json');
    await writeFileDurably(file, '{"a":1}');
    await writeFileDurably(file, '{"a":2}');
    expect(await fs.readdir(dir)).toEqual(['app.json']);
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":2}');
  });

  it('creates missing folders (backups/<name>, assets)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'backups', 'app', 'x.json');
    await writeFileDurably(file, Buffer.from([1, 2, 3]));
    expect([...(await fs.readFile(file))]).toEqual([1, 2, 3]);
  });

  it('on a failed rename keeps the old target and removes its temp file', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'app.json');
    // A directory in the file's place: rename must fail, whatever the platform says exactly.
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'isi.txt'), 'tetap');
    await expect(writeFileDurably(target, '{"a":1}')).rejects.toThrow();
    expect((await fs.readdir(dir)).sort()).toEqual(['app.json']);
    expect(await fs.readFile(path.join(target, 'isi.txt'), 'utf8')).toBe('tetap');
  });
});

describe('writeFileDurably on file systems without directory fsync', () => {
  const withDirFsyncFailing = async (code: string, body: () => Promise<void>) => {
    const realOpen = fs.open.bind(fs);
    const spy = vi.spyOn(fs, 'open').mockImplementation(async (p, flags, mode) => {
      const handle = await realOpen(p, flags, mode);
      if ((await handle.stat()).isDirectory()) {
        handle.sync = () => Promise.reject(Object.assign(new Error(`${code}: fsync`), { code }));
      }
      return handle;
    });
    try {
      await body();
    } finally {
      spy.mockRestore();
    }
  };

  it('counts the save as done when the folder cannot be fsynced (SMB, FUSE)', async () => {
    const file = path.join(await tempDir(), 'app.json');
    await withDirFsyncFailing('EINVAL', () => writeFileDurably(file, '{"a":1}'));
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}');
  });

  it('still reports a real I/O error from the folder fsync (where folders are fsynced at all)', async () => {
    const file = path.join(await tempDir(), 'app.json');
    await withDirFsyncFailing('EIO', async () => {
      const saving = writeFileDurably(file, '{"a":1}');
      if (process.platform === 'win32') await saving;
      else await expect(saving).rejects.toThrow('EIO');
    });
  });
});

describe('readJsonFile', () => {
  it('says null for a missing file', async () => {
    expect(await readJsonFile(path.join(await tempDir(), 'tidak-ada.json'))).toBeNull();
  });

  it.each([
    ['truncated JSON', '{"schemaVersion":2,"users":[{"id":"a"', /rusak dan tidak dapat dibaca/],
    ['an empty file', '', /berkas kosong/],
    ['only whitespace', '  \n', /berkas kosong/],
    ['NUL bytes left by a power cut', '\0\0\0\0\0\0', /rusak/],
    ['a bare null', 'null', /berkas berisi null/],
  ])('refuses %s with CorruptFileError and leaves the bytes alone', async (_what, content, reason) => {
    const file = path.join(await tempDir(), 'app.json');
    await fs.writeFile(file, content);
    const error = await readJsonFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as CorruptFileError).message).toMatch(/^Berkas data app\.json rusak dan tidak dapat dibaca/);
    expect((error as CorruptFileError).message).toMatch(reason);
    expect(await fs.readFile(file, 'utf8')).toBe(content);
  });
});

describe('DurableJsonFile', () => {
  it('lands concurrent writes in call order: the last call wins', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'app.json');
    const adapter = new DurableJsonFile<{ n: number; pad: string }>(file);
    const settled: number[] = [];
    // Big enough that the writes overlap on disk if they are not queued.
    const pad = 'x'.repeat(200_000);
    await Promise.all(Array.from({ length: 25 }, (_, n) => adapter.write({ n, pad }).then(() => settled.push(n))));
    expect(settled).toEqual(Array.from({ length: 25 }, (_, n) => n));
    expect(((await adapter.read()) as { n: number }).n).toBe(24);
    expect(await fs.readdir(dir)).toEqual(['app.json']);
  });

  it('saves the data as it was when write() was called, not as it is later', async () => {
    const file = path.join(await tempDir(), 'app.json');
    const adapter = new DurableJsonFile<{ users: string[] }>(file);
    const data = { users: ['a'] };
    const pending = adapter.write(data);
    data.users.push('b');
    await pending;
    expect(await adapter.read()).toEqual({ users: ['a'] });
  });

  it('keeps writing after one write failed', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'app.json');
    const adapter = new DurableJsonFile<{ n: number }>(file);
    await fs.mkdir(file);
    await expect(adapter.write({ n: 1 })).rejects.toThrow();
    await fs.rmdir(file);
    await adapter.write({ n: 2 });
    expect(await adapter.read()).toEqual({ n: 2 });
  });

  it('under lowdb, un-awaited writes of a changing object end with the last state', async () => {
    const file = path.join(await tempDir(), 'app.json');
    const db = new Low<{ n: number }>(new DurableJsonFile<{ n: number }>(file), { n: 0 });
    const writes: Promise<void>[] = [];
    for (let i = 1; i <= 30; i++) {
      db.data.n = i;
      writes.push(db.write());
    }
    await Promise.all(writes);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 30 });
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files of killed writers (ours and conf’s), in subfolders too, and nothing else', async () => {
    const dir = await tempDir();
    const keep = ['app.json', 'settings.json', 'catatan.tmp', '.gitkeep', 'backups/app/000001__2026-03-02T08-00-00-000Z__buka.json', 'assets/emblem-0123456789abcdef.png'];
    const stale = [
      '.app.json.4242.a1b2c3d4e5f6.tmp',
      'settings.json.tmp-1767225600a1b2c3',
      'backups/app/.000002__2026-03-02T08-00-00-000Z__buka.json.4242.0123456789ab.tmp',
      'assets/.emblem-0123456789abcdef.png.99.ffffffffffff.tmp',
    ];
    for (const f of [...keep, ...stale]) {
      await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await fs.writeFile(path.join(dir, f), 'x');
    }
    await removeStaleTempFiles(dir);
    const left: string[] = [];
    for (const d of ['.', 'backups/app', 'assets']) {
      for (const e of await fs.readdir(path.join(dir, d), { withFileTypes: true })) if (e.isFile()) left.push(path.join(d, e.name));
    }
    expect(left.map((f) => path.normalize(f)).sort()).toEqual(keep.map((f) => path.normalize(f)).sort());
  });

  it('recognises the temp files writeFileDurably itself leaves when it dies before the rename', async () => {
    // If the temp naming changes, cleaning must change with it. Simulate the death: the
    // rename never happens and the clean-up after it never runs.
    const dir = await tempDir();
    const file = path.join(dir, 'app.json');
    await writeFileDurably(file, '{"lama":true}');
    const rename = vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('killed'), { code: 'EXDEV' }));
    const rm = vi.spyOn(fs, 'rm').mockResolvedValueOnce(undefined);
    try {
      await expect(writeFileDurably(file, '{"baru":true}')).rejects.toThrow('killed');
    } finally {
      rename.mockRestore();
      rm.mockRestore();
    }
    const names = await fs.readdir(dir);
    expect(names.length).toBe(2);
    await removeStaleTempFiles(dir);
    expect(await fs.readdir(dir)).toEqual(['app.json']);
    expect(await fs.readFile(file, 'utf8')).toBe('{"lama":true}');
  });
});
