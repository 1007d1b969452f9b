import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Core } from '../../electron/core/app-core';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { BackupMade, BackupPreview } from '../../electron/core/domain/backup';
import type { AppliedPackage, PackagePreview, PackageRecordView } from '../../electron/core/domain/sync/preview';
import type { SharedFoldersStatus } from '../../electron/core/domain/sync/shared-folders';
import { readPackage } from '../../electron/core/sync/package-file';
import { zipOf } from '../fixtures/bad-packages';
import { call, failure, login, must, removeTempDirs, snapshotDir, tempDir } from '../fixtures/harness';
import { officeLaptops, type Laptop } from '../fixtures/laptops';
import { completeItem } from './workflow-fixtures';

/**
 * Shared folders between laptops of one office, each a core on its own data folder, with an
 * outbox and an inbox on one temp disk. The watcher is polled by hand (`pollSharedFolders`)
 * and "some seconds later" is a clock the test moves, so nothing here sleeps or times.
 */

let open: Laptop[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.core.close()));
});
afterAll(removeTempDirs);

/** The monotonic clock every laptop's watcher reads: moved by the test. */
let mono = 0;
const DAMAGED_AFTER = 10 * 60_000;

function reopen(l: Laptop, timing: Record<string, unknown> = {}): Promise<Core> {
  return Core.open({
    dataDir: l.dir,
    clock: l.clock,
    holder: 'test',
    resourcesDir: path.resolve('resources'),
    appVersion: '0.0.0-test',
    // Polled by the test; a file is complete once unchanged across two polls.
    sharedFolders: { auto: false, settleMs: 0, retryMs: 0, damagedAfterMs: DAMAGED_AFTER, monotonic: () => mono, ...timing },
  });
}

async function laptops(n: number): Promise<Laptop[]> {
  const list = await officeLaptops(n);
  for (const l of list) {
    await l.core.close();
    l.core = await reopen(l);
  }
  open = list;
  return list;
}

const ALL_ROLES = ['operator', 'ppid_pembantu', 'kepala_opd'];

/** `on` trusts `whom` the way an administrator does in Pengaturan › Perangkat (code compared by phone). */
async function trust(on: Laptop, whom: Laptop, name: string) {
  const admin = await login(on.core, 'ppid');
  const self = await must<{ installationId: string; publicKey: string }>(whom.core, 'devices.self', {}, await login(whom.core, 'ppid'));
  await must(on.core, 'devices.trust', { installationId: self.installationId, name, publicKey: self.publicKey, roles: ALL_ROLES }, admin);
}

async function setFolders(l: Laptop, folders: { outbox?: string | null; inbox?: string | null; autoApply?: boolean }) {
  await must(l.core, 'sharedFolders.set', { outbox: folders.outbox ?? null, inbox: folders.inbox ?? null, autoApply: folders.autoApply ?? true }, await login(l.core, 'ppid'));
}

async function newCycle(l: Laptop, title: string, year: number): Promise<{ id: string; session: string }> {
  const session = await login(l.core, 'operator');
  const { id } = await must<{ id: string }>(l.core, 'cycles.create', { title, year }, session);
  await must(l.core, 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat'), completeItem('Rencana Strategis', 'Sekretariat', 'berkala')] }, session);
  return { id, session };
}

type Exported = { fileName: string; base64: string; packageId: string; outbox?: { file: string | null; error: string | null } | null };

async function send(l: Laptop, session: string, cycleId: string, to: string | null = 'ppid_pembantu'): Promise<Exported> {
  return must<Exported>(l.core, 'sync.export', { cycleIds: [cycleId], to }, session);
}

async function status(l: Laptop): Promise<SharedFoldersStatus> {
  return must<SharedFoldersStatus>(l.core, 'sharedFolders.status', {}, await login(l.core, 'operator'));
}

async function received(l: Laptop): Promise<PackageRecordView[]> {
  return (await must<PackageRecordView[]>(l.core, 'sync.history', {}, await login(l.core, 'operator'))).filter((p) => p.direction === 'terima');
}

/** Names, bytes and mtimes of a folder: "the app moved or changed nothing there" is this unchanged. */
async function folderState(dir: string) {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const st = await fs.stat(path.join(dir, name));
    out[name] = { bytes: (await fs.readFile(path.join(dir, name))).toString('base64'), mtimeMs: st.mtimeMs };
  }
  return out;
}

/** B's data folder, without the watcher's own record of the files it looked at. */
async function dataSnapshot(l: Laptop) {
  const snap = await snapshotDir(l.dir);
  snap.delete('folder-bersama.json');
  return snap;
}

describe('shared folders: a package sent on one laptop arrives on another with no clicks', () => {
  it('A sends; B applies it from the inbox automatically, once, and says so', async () => {
    const [a, b] = await laptops(2);
    const disk = await tempDir('ppid-shared-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(a!, { outbox: disk });
    await setFolders(b!, { inbox: disk });
    await must(a!.core, 'devices.renameSelf', { name: 'Laptop Operator' }, await login(a!.core, 'ppid'));

    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const sent = await send(a!, session, id);
    // Written under its final name only when whole; no temp file left behind.
    expect(sent.outbox).toEqual({ file: path.join(disk, 'DIP-2027_langkah-1_untuk-PPID-Pembantu_2026-03-02_Laptop-Operator-1.ppid'), error: null });
    expect(await fs.readdir(disk)).toEqual(['DIP-2027_langkah-1_untuk-PPID-Pembantu_2026-03-02_Laptop-Operator-1.ppid']);
    expect(Buffer.compare(await fs.readFile(sent.outbox!.file!), Buffer.from(sent.base64, 'base64'))).toBe(0);

    // First sight: it may still be growing. Unchanged at the next poll: taken.
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    const second = await b!.core.pollSharedFolders();
    expect(second.handled).toEqual([expect.objectContaining({ result: 'diterapkan', message: expect.stringMatching(/^Paket 1 dari Laptop Operator diterapkan otomatis/) })]);

    const view = await must<CycleView>(b!.core, 'cycles.get', { cycleId: id }, await login(b!.core, 'ppid'));
    expect(view.items.map((i) => i.fields.judul)).toEqual(['Profil Dinas', 'Rencana Strategis']);
    expect(await received(b!)).toEqual([expect.objectContaining({ packageId: sent.packageId, seq: 1 })]);
    const st = await status(b!);
    expect(st.appliedToday).toEqual({ count: 1, lastAt: '2026-03-02T08:00:00.000Z' });
    expect(st.waiting).toEqual([]);
    expect(st.recent[0]).toMatchObject({ result: 'diterapkan', sender: 'Laptop Operator' });

    // Polled again and again: nothing more happens.
    const cycles = await snapshotDir(path.join(b!.dir, 'cycles'));
    for (let i = 0; i < 3; i++) expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect(await received(b!)).toHaveLength(1);
    expect(await snapshotDir(path.join(b!.dir, 'cycles'))).toEqual(cycles);
    // The sent package is on A's record of its outbox, for Riwayat paket.
    expect((await status(a!)).sent).toEqual([expect.objectContaining({ packageId: sent.packageId, file: sent.outbox!.file })]);
  });

  it('a package copied in slowly, in chunks, is applied exactly once, only when complete, with no error said meanwhile', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const bytes = Buffer.from((await send(a!, session, id)).base64, 'base64');
    const file = path.join(inbox, 'DIP-2027_langkah-1.ppid');
    const before = await dataSnapshot(b!);

    // Every chunk but the last byte, as a sync tool writing in place would leave the file between two writes.
    const cuts = [0, Math.floor(bytes.length * 0.1), Math.floor(bytes.length * 0.5), bytes.length - 30, bytes.length - 1];
    for (let n = 0; n + 1 < cuts.length; n++) {
      await fs.appendFile(file, bytes.subarray(cuts[n], cuts[n + 1]));
      // Two polls on the same part: it looks complete, but is no whole zip yet.
      expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
      expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
      const st = await status(b!);
      expect(st).toMatchObject({ copying: 1, recent: [], refusedToday: 0, appliedToday: { count: 0 } });
      expect(await dataSnapshot(b!)).toEqual(before);
    }
    await fs.appendFile(file, bytes.subarray(bytes.length - 1));
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterapkan' })]);
    for (let i = 0; i < 3; i++) expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect(await received(b!)).toHaveLength(1);
    expect((await status(b!)).appliedToday.count).toBe(1);
  });

  it('a file that stays cut off is reported damaged once, after a long while — and still taken if its copy is finished later', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const bytes = Buffer.from((await send(a!, session, id)).base64, 'base64');
    const file = path.join(inbox, 'paket-terpotong.ppid');
    await fs.writeFile(file, bytes.subarray(0, bytes.length >> 1));

    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    mono += DAMAGED_AFTER - 1000;
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    mono += 1000;
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'rusak', message: expect.stringContaining('paket-terpotong.ppid') })]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect((await status(b!)).recent).toEqual([expect.objectContaining({ result: 'rusak' })]);

    await fs.appendFile(file, bytes.subarray(bytes.length >> 1));
    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterapkan' })]);
    expect(await received(b!)).toHaveLength(1);
  });

  it('a tampered package dropped in the inbox is refused with the reason, and nothing is written in B’s data folder', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const good = Buffer.from((await send(a!, session, id)).base64, 'base64');
    // Someone edits an act's text in the package after it was signed, and zips it again.
    const read = await readPackage(good);
    const files: [string, Uint8Array][] = [...read.entries].map(([p, content]) => [p, p.startsWith('siklus/') ? Buffer.from(Buffer.from(content).toString('utf8').replace('Profil Dinas', 'Profil Palsu')) : content]);
    const raw = await import('fflate').then((f) => f.unzipSync(good));
    const tampered = zipOf([['manifest.json', raw['manifest.json']!], ['manifest.sig', raw['manifest.sig']!, 0], ...files]);
    const before = await dataSnapshot(b!);
    await fs.writeFile(path.join(inbox, 'DIP-2027_langkah-1.ppid'), tampered);

    await b!.core.pollSharedFolders();
    const r = await b!.core.pollSharedFolders();
    expect(r.handled).toEqual([expect.objectContaining({ result: 'ditolak', message: expect.stringMatching(/ditolak: Isi paket berubah setelah ditandatangani/) })]);
    expect(await dataSnapshot(b!)).toEqual(before);
    const st = await status(b!);
    expect(st).toMatchObject({ refusedToday: 1, appliedToday: { count: 0 }, waiting: [] });
    expect(failure(await call(b!.core, 'cycles.get', { cycleId: id }, await login(b!.core, 'ppid'))).code).toBe('NOT_FOUND');
    // Said once, not at every poll.
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
  });

  it('a package from a laptop not trusted here waits on Beranda for a person, with its preview; applied by hand, it leaves the list', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await setFolders(a!, { outbox: inbox });
    await setFolders(b!, { inbox });
    await must(a!.core, 'devices.renameSelf', { name: 'Laptop Baru' }, await login(a!.core, 'ppid'));
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const sent = await send(a!, session, id);
    const before = await dataSnapshot(b!);

    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'menunggu' })]);
    expect(await dataSnapshot(b!)).toEqual(before);
    const st = await status(b!);
    const name = path.basename(sent.outbox!.file!);
    expect(st.waiting).toEqual([expect.objectContaining({ name, packageId: sent.packageId, sender: 'Laptop Baru', reason: 'perangkat-baru', cycles: ['DIP 2027: Langkah 1'] })]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([]);

    // Beranda's card opens the usual preview; the administrator checks the code and trusts it.
    const admin = await login(b!.core, 'ppid');
    const preview = await must<PackagePreview>(b!.core, 'sharedFolders.preview', { name }, admin);
    expect(preview).toMatchObject({ packageId: sent.packageId, canTrust: true, signers: [expect.objectContaining({ trust: 'baru', sender: true })] });
    await must<AppliedPackage>(b!.core, 'sync.apply', { previewId: preview.previewId, trust: [{ installationId: preview.sender.installationId, roles: ['operator'] }] }, admin);
    expect((await status(b!)).waiting).toEqual([]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterima' })]);
    expect(await received(b!)).toHaveLength(1);
    // Nobody can preview what no longer waits.
    expect(failure(await call(b!.core, 'sharedFolders.preview', { name }, admin)).code).toBe('NOT_FOUND');
  });

  it('a waiting package applies on its own once the administrator trusts its laptop in Pengaturan', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await setFolders(a!, { outbox: inbox });
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    await send(a!, session, id);
    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'menunggu' })]);

    await trust(b!, a!, 'Laptop Operator');
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterapkan' })]);
    expect((await status(b!)).waiting).toEqual([]);
  });

  it('with "terapkan otomatis" off, even a trusted laptop’s package waits; an administrator may set one aside, its file untouched', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(a!, { outbox: inbox });
    await setFolders(b!, { inbox, autoApply: false });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const sent = await send(a!, session, id);
    await b!.core.pollSharedFolders();
    await b!.core.pollSharedFolders();
    const name = path.basename(sent.outbox!.file!);
    expect((await status(b!)).waiting).toEqual([expect.objectContaining({ name, reason: 'otomatis-mati' })]);
    const files = await folderState(inbox);

    const operator = await login(b!.core, 'operator');
    expect(failure(await call(b!.core, 'sharedFolders.dismiss', { name }, operator)).code).toBe('FORBIDDEN');
    const after = await must<SharedFoldersStatus>(b!.core, 'sharedFolders.dismiss', { name }, await login(b!.core, 'ppid'));
    expect(after.waiting).toEqual([]);
    expect(after.recent[0]).toMatchObject({ result: 'diabaikan', message: expect.stringContaining('disisihkan oleh ppid') });
    for (let i = 0; i < 2; i++) expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect(await folderState(inbox)).toEqual(files);
    expect(await received(b!)).toEqual([]);
  });

  it('one folder shared both ways (Syncthing): each laptop writes its packages and takes the others’, skipping its own', async () => {
    const [a, b] = await laptops(2);
    const shared = await tempDir('ppid-syncthing-');
    await trust(b!, a!, 'Laptop Operator');
    await trust(a!, b!, 'Laptop PPID');
    await setFolders(a!, { outbox: shared, inbox: shared });
    await setFolders(b!, { outbox: shared, inbox: shared });

    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    await must(a!.core, 'cycles.act', { cycleId: id, action: 'report' }, session);
    await send(a!, session, id);
    await a!.core.pollSharedFolders();
    await b!.core.pollSharedFolders();
    expect((await a!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'milik-sendiri' })]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterapkan' })]);

    // The PPID Pembantu, on B, issues the Nota Dinas; B's package goes back through the same folder.
    const ppid = await login(b!.core, 'ppid');
    await must(b!.core, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, ppid);
    await send(b!, ppid, id, 'operator');
    await a!.core.pollSharedFolders();
    await b!.core.pollSharedFolders();
    expect((await a!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterapkan' })]);
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'milik-sendiri' })]);
    const onA = await must<CycleView>(a!.core, 'cycles.get', { cycleId: id }, session);
    expect(onA.step).toBe('pengumpulan');
    // Its own packages are nothing to tell anyone about.
    expect((await status(a!)).recent.map((e) => e.result)).toEqual(['diterapkan']);
    expect(await fs.readdir(shared)).toHaveLength(2);
  });

  it('never deletes, moves, renames or changes a file of the inbox, whatever it is', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(a!, { outbox: inbox });
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    await send(a!, session, id);
    await fs.writeFile(path.join(inbox, 'catatan.txt'), 'rapat hari Senin');
    await fs.writeFile(path.join(inbox, 'foto.ppid'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
    await fs.writeFile(path.join(inbox, '.syncthing.DIP-2027.ppid.tmp'), 'PK\x03\x04');
    await fs.writeFile(path.join(inbox, 'kosong.ppid'), '');
    const files = await folderState(inbox);

    for (let i = 0; i < 3; i++) await b!.core.pollSharedFolders();
    mono += DAMAGED_AFTER;
    const late = await b!.core.pollSharedFolders();
    expect(late.handled.map((h) => [h.name, h.result]).sort()).toEqual([
      ['foto.ppid', 'rusak'],
      ['kosong.ppid', 'rusak'],
    ]);
    expect(await folderState(inbox)).toEqual(files);
    expect(await received(b!)).toHaveLength(1);
  });

  it('a file larger than any package is refused without being read into memory', async () => {
    const [b] = await laptops(1);
    const inbox = await tempDir('ppid-inbox-');
    await setFolders(b!, { inbox });
    // Sparse: 601 MB on paper, nothing on the disk.
    const big = path.join(inbox, 'film.ppid');
    await fs.writeFile(big, '');
    await fs.truncate(big, 601 * 1024 * 1024);
    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'ditolak', message: expect.stringMatching(/film\.ppid ditolak: Paket terlalu besar/) })]);
  });

  it('after a restart, nothing received before is applied or reported again', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(a!, { outbox: inbox });
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    await send(a!, session, id);
    await fs.writeFile(path.join(inbox, 'palsu.ppid'), zipOf([['manifest.json', Buffer.from('{}')]]));
    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled.map((h) => h.result).sort()).toEqual(['diterapkan', 'ditolak']);

    await b!.core.close();
    b!.core = await reopen(b!);
    const before = await snapshotDir(b!.dir);
    for (let i = 0; i < 3; i++) expect((await b!.core.pollSharedFolders()).handled).toEqual([]);
    expect(await snapshotDir(b!.dir)).toEqual(before);
    expect(await received(b!)).toHaveLength(1);
    expect((await status(b!)).appliedToday.count).toBe(1);
  });
});

describe('shared folders: the watcher on its own, copies, restores', () => {
  it('while the app is open the inbox is watched by itself: a package dropped there is applied with nobody polling', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(b!, { inbox });
    await b!.core.close();
    // The real timers, a few milliseconds apart; the test only waits for the result, never times it.
    b!.core = await reopen(b!, { auto: true, pollMs: 20, hintDelayMs: 10, monotonic: () => performance.now() });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    await fs.writeFile(path.join(inbox, 'paket.ppid'), Buffer.from((await send(a!, session, id)).base64, 'base64'));
    await vi.waitFor(async () => expect((await status(b!)).appliedToday.count).toBe(1), { timeout: 30_000, interval: 50 });
    expect(await received(b!)).toHaveLength(1);
  });

  it('the same package under two names (a sync tool’s conflict copy) is applied once', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(b!, { inbox });
    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    const bytes = Buffer.from((await send(a!, session, id)).base64, 'base64');
    await fs.writeFile(path.join(inbox, 'DIP-2027.ppid'), bytes);
    await fs.writeFile(path.join(inbox, 'DIP-2027.sync-conflict-20260302-081500-ABCDEFG.ppid'), bytes);
    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled.map((h) => h.result).sort()).toEqual(['diterapkan', 'sudah-diterima']);
    expect(await received(b!)).toHaveLength(1);
    expect((await status(b!)).appliedToday.count).toBe(1);
  });

  it('after the data is restored from an older backup, the packages received since are received again from the inbox', async () => {
    const [a, b] = await laptops(2);
    const inbox = await tempDir('ppid-inbox-');
    await trust(b!, a!, 'Laptop Operator');
    await setFolders(a!, { outbox: inbox });
    await setFolders(b!, { inbox });
    let admin = await login(b!.core, 'ppid');
    const backup = await must<BackupMade & { base64: string }>(b!.core, 'backup.create', {}, admin);

    const { id, session } = await newCycle(a!, 'DIP 2027', 2027);
    await send(a!, session, id);
    await b!.core.pollSharedFolders();
    expect((await b!.core.pollSharedFolders()).handled).toEqual([expect.objectContaining({ result: 'diterapkan' })]);

    const preview = await must<BackupPreview>(b!.core, 'backup.preview', { base64: backup.base64, fileName: backup.fileName }, admin);
    await must(b!.core, 'backup.restore', { previewId: preview.previewId }, admin);
    admin = await login(b!.core, 'ppid');
    expect(failure(await call(b!.core, 'cycles.get', { cycleId: id }, admin)).code).toBe('NOT_FOUND');
    // The folders are this laptop's, not the backup's: still set after the restore.
    expect(await must(b!.core, 'sharedFolders.get', {}, admin)).toMatchObject({ inbox });

    // The file was complete before the restore: it may be taken at the first look.
    const after = [...(await b!.core.pollSharedFolders()).handled, ...(await b!.core.pollSharedFolders()).handled];
    expect(after).toEqual([expect.objectContaining({ result: 'diterapkan' })]);
    expect((await must<CycleView>(b!.core, 'cycles.get', { cycleId: id }, admin)).items).toHaveLength(2);
    expect(await received(b!)).toHaveLength(1);
  });
});

describe('shared folders: settings', () => {
  it('takes absolute, existing folders outside the data folder; one folder may be both; a refusal changes nothing', async () => {
    const [l] = await laptops(1);
    const admin = await login(l!.core, 'ppid');
    const shared = await tempDir('ppid-shared-');
    expect(await must(l!.core, 'sharedFolders.get', {}, admin)).toEqual({ outbox: null, inbox: null, autoApply: true });
    await must(l!.core, 'sharedFolders.set', { outbox: shared, inbox: shared, autoApply: true }, admin);
    const stateFile = await fs.readFile(path.join(l!.dir, 'folder-bersama.json'));

    const refused = async (input: object, field: string, message: RegExp) => {
      const f = failure(await call(l!.core, 'sharedFolders.set', { outbox: null, inbox: null, autoApply: true, ...input }, admin));
      expect(f.code).toBe('INVALID_INPUT');
      expect(f.issues).toEqual([{ path: field, message: expect.stringMatching(message) }]);
    };
    await refused({ inbox: 'Sync/paket' }, 'inbox', /tulis alamat folder lengkap/);
    await refused({ outbox: path.join(shared, 'tidak-ada') }, 'outbox', /tidak ditemukan/);
    await refused({ inbox: path.join(l!.dir, 'cycles') }, 'inbox', /tidak boleh berada di dalam folder data/);
    await refused({ outbox: l!.dir }, 'outbox', /tidak boleh berada di dalam folder data/);
    expect(await must(l!.core, 'sharedFolders.get', {}, admin)).toEqual({ outbox: shared, inbox: shared, autoApply: true });
    expect(Buffer.compare(await fs.readFile(path.join(l!.dir, 'folder-bersama.json')), stateFile)).toBe(0);

    // Only administrators set them; anyone sees the status.
    const operator = await login(l!.core, 'operator');
    expect(failure(await call(l!.core, 'sharedFolders.set', { outbox: null, inbox: null }, operator)).code).toBe('FORBIDDEN');
    expect(await must(l!.core, 'sharedFolders.status', {}, operator)).toMatchObject({ configured: true, inbox: shared, outbox: shared, waiting: [] });
  });

  it('the status the screens ask every few seconds does not keep an idle session alive', async () => {
    const [l] = await laptops(1);
    const operator = await login(l!.core, 'operator');
    l!.clock.advance(5 * 3600_000);
    await must(l!.core, 'sharedFolders.status', {}, operator);
    l!.clock.advance(4 * 3600_000);
    // Nine hours since the operator last did anything: logged out, however often the top bar asked.
    expect(failure(await call(l!.core, 'sharedFolders.status', {}, operator)).code).toBe('UNAUTHENTICATED');
  });

  it('an outbox that is gone does not stop the send: the package is made, and the failure is said until a later one gets through', async () => {
    const [l] = await laptops(1);
    const outbox = await tempDir('ppid-outbox-');
    await setFolders(l!, { outbox });
    await must(l!.core, 'devices.renameSelf', { name: 'Laptop Operator' }, await login(l!.core, 'ppid'));
    await fs.rm(outbox, { recursive: true });
    const { id, session } = await newCycle(l!, 'DIP 2027', 2027);
    const first = await send(l!, session, id);
    expect(first.base64.length).toBeGreaterThan(0);
    expect(first.outbox).toEqual({ file: null, error: expect.stringMatching(/^Folder keluar tidak ditemukan/) });
    expect((await status(l!)).outboxError).toMatchObject({ message: first.outbox!.error });

    await fs.mkdir(outbox);
    const second = await send(l!, session, id);
    expect(second.outbox).toEqual({ file: expect.stringContaining(outbox), error: null });
    expect((await status(l!)).outboxError).toBeNull();
    // Someone else's file already has the name the next package would take: it is left as it is.
    const taken = 'DIP-2027_langkah-1_untuk-PPID-Pembantu_2026-03-02_Laptop-Operator-3.ppid';
    await fs.writeFile(path.join(outbox, taken), 'bukan milik laptop ini');
    const third = await send(l!, session, id);
    expect(third.outbox).toEqual({ file: path.join(outbox, 'DIP-2027_langkah-1_untuk-PPID-Pembantu_2026-03-02_Laptop-Operator-3-2.ppid'), error: null });
    expect(await fs.readFile(path.join(outbox, taken), 'utf8')).toBe('bukan milik laptop ini');
    expect((await fs.readdir(outbox)).sort()).toEqual([path.basename(second.outbox!.file!), taken, path.basename(third.outbox!.file!)].sort());
  });
});
