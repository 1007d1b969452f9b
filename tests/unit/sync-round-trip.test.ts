import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { PackageRecordView } from '../../electron/core/domain/sync/preview';
import { call, failure, login, makePng, must, openCore, PASSWORD, removeTempDirs, snapshotDir } from '../fixtures/harness';
import { actsOn, desks, hashes, preview, receive, send, storesOf, type Desk, type Sent } from './sync-fixtures';
import { completeItem, signAsKepala } from './workflow-fixtures';

/**
 * Issue 11's round trip: the operator, the PPID Pembantu, the Kepala OPD and three bidang
 * officers, each on their own laptop, run one documentation cycle by passing .ppid files —
 * sync.export on one side, sync.preview then sync.apply on the other, nothing else — through
 * both rejection loops and parallel work at step 3, and end with the same acts and the same
 * cycle everywhere.
 */

let open: Desk[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.core.close()));
});
afterAll(removeTempDirs);

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik Sektoral', 'Bidang Aplikasi Informatika'] as const;

async function office() {
  open = await desks([
    { name: 'Laptop Operator', roles: ['operator'] },
    { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
    { name: 'Laptop Kepala Dinas', roles: ['kepala_opd'] },
    { name: 'Laptop Bidang IKP', roles: ['operator'] },
    { name: 'Laptop Bidang Statistik', roles: ['operator'] },
    { name: 'Laptop Bidang Aplikasi', roles: ['operator'] },
  ]);
  return open as [Desk, Desk, Desk, Desk, Desk, Desk];
}

/** A call as one of the laptop's people, through the contract like the screens. */
function as(d: Desk, user: keyof Desk['s']) {
  return <T = CycleView>(name: string, input: unknown) => must<T>(d.core, name, input, d.s[user]);
}

/** What everyone must agree on: the folded cycle, as the screens show it and as the store holds it. */
async function stateOn(d: Desk, cycleId: string) {
  const v = await as(d, 'ppid')('cycles.get', { cycleId });
  const st = storesOf(d.core).cycles.get(cycleId)!;
  return {
    view: {
      step: v.step,
      version: v.version,
      items: v.items.map((i) => ({ id: i.id, fields: i.fields, attachments: i.attachments, review: i.review, problems: i.problems })),
      signed: v.signed,
      returns: v.returns,
      archived: v.archived,
      ujiKonsekuensi: v.ujiKonsekuensi,
      conflicts: v.conflicts,
      notaDinas: v.notaDinas,
    },
    // The whole fold: signed fingerprints, every review mark, heads, counts.
    state: st,
  };
}

describe('one cycle among six laptops, only by packages', () => {
  it('runs from identification to archive with both returns and parallel officers, and every laptop ends with the same acts and the same cycle', async () => {
    const [op, ppid, kep, ikp, stat, apt] = await office();
    const all = [op, ppid, kep, ikp, stat, apt];
    // The statistics officer's laptop clock is a year behind: order must come from the acts' links.
    stat.clock.set('2025-03-02T08:00:00.000Z');
    const sent: Sent[] = [];
    const ship = async (from: Desk, cycleId: string, to: Desk[], opts: { to?: string } = {}) => {
      const pkg = await send(from, [cycleId], opts);
      sent.push(pkg);
      for (const d of to) await receive(d, pkg, all);
      return pkg;
    };
    const tick = (min: number) => all.forEach((d) => d.clock.advance(min * 60_000));

    // Step 1 on the operator's laptop: three titles, reported.
    const { id } = await as(op, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2027', year: 2027 });
    let v = await as(op, 'operator')('cycles.addItems', {
      cycleId: id,
      items: [
        { bidang: B[0], judul: 'Profil Dinas' },
        { bidang: B[1], judul: 'Rekap pengaduan' },
        { bidang: B[2], judul: 'Data statistik sektoral' },
      ],
    });
    const [profil, rekap, statistik] = v.items.map((i) => i.id) as [string, string, string];
    await as(op, 'operator')('cycles.act', { cycleId: id, action: 'report' });
    const first = await ship(op, id, [ppid], { to: 'ppid_pembantu' });
    expect(first.fileName).toBe('DIP-2027_langkah-2_untuk-PPID-Pembantu_2026-03-02.ppid');

    // Step 2 on the PPID laptop; the Nota Dinas goes to the operator and both officers.
    tick(30);
    v = await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    expect(v.step).toBe('pengumpulan');
    await ship(ppid, id, [op, ikp, stat, apt], { to: 'operator' });

    // Step 3: the operator and three officers fill their own items at the same time, from the same point.
    tick(60);
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: profil, fields: completeItem('Profil Dinas', B[0], 'berkala') });
    await as(op, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Data kesehatan pegawai', B[0], 'dikecualikan')] });
    await as(ikp, 'operator2')('cycles.updateItem', { cycleId: id, itemId: rekap, fields: completeItem('Rekap pengaduan', B[1], 'setiap_saat') });
    await as(ikp, 'operator2')('cycles.addItems', { cycleId: id, items: [completeItem('Jadwal layanan informasi', B[1], 'berkala')] });
    const scan = makePng(8, 8);
    await as(ikp, 'operator2')('cycles.attach', { cycleId: id, itemId: rekap, name: 'rekap-pengaduan.png', base64: scan.toString('base64') });
    await as(stat, 'operator')('cycles.updateItem', { cycleId: id, itemId: statistik, fields: completeItem('Data statistik sektoral', B[2], 'berkala') });
    await as(stat, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Publikasi statistik daerah', B[2], 'setiap_saat')] });
    await as(apt, 'operator2')('cycles.addItems', {
      cycleId: id,
      items: [completeItem('Daftar aplikasi layanan publik', B[3], 'setiap_saat'), completeItem('Statistik kunjungan situs', B[3], 'berkala')],
    });
    const own = (await as(apt, 'operator2')('cycles.get', { cycleId: id })).items.find((i) => i.fields.judul === 'Statistik kunjungan situs')!;
    await as(apt, 'operator2')('cycles.updateItem', { cycleId: id, itemId: own.id, fields: { ringkasan: 'Jumlah kunjungan situs dinas per bulan' } });
    await ship(ikp, id, [op], { to: 'operator' });
    await ship(stat, id, [op], { to: 'operator' });
    await ship(apt, id, [op], { to: 'operator' });
    v = await as(op, 'operator')('cycles.get', { cycleId: id });
    // Different items from the same point join without asking: every item, none twice, no conflict.
    expect(v.items.map((i) => i.fields.judul).sort()).toEqual(
      [
        'Daftar aplikasi layanan publik',
        'Data kesehatan pegawai',
        'Data statistik sektoral',
        'Jadwal layanan informasi',
        'Profil Dinas',
        'Publikasi statistik daerah',
        'Rekap pengaduan',
        'Statistik kunjungan situs',
      ].sort(),
    );
    expect(v.conflicts).toEqual([]);
    expect(v.items.every((i) => i.problems.length === 0)).toBe(true);
    expect(v.items.find((i) => i.id === rekap)!.attachments.map((a) => a.name)).toEqual(['rekap-pengaduan.png']);
    expect(v.items.find((i) => i.id === own.id)!.fields.ringkasan).toBe('Jumlah kunjungan situs dinas per bulan');

    // The Konsep goes up; the PPID Pembantu returns it for one officer's item (first loop).
    tick(30);
    v = await as(op, 'operator')('cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(1);
    await ship(op, id, [ppid], { to: 'ppid_pembantu' });
    tick(15);
    for (const item of (await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items) {
      await as(ppid, 'ppid')('cycles.markReview', {
        cycleId: id,
        itemId: item.id,
        verdict: item.id === rekap ? 'perlu_perbaikan' : 'sesuai',
        note: item.id === rekap ? 'Retensi harus 10 tahun' : '',
      });
    }
    v = await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'return', reasons: 'Perbaiki retensi rekap pengaduan' });
    expect(v.step).toBe('pengumpulan');
    await ship(ppid, id, [op, ikp], { to: 'operator' });
    v = await as(ikp, 'operator2')('cycles.get', { cycleId: id });
    expect(v.items.find((i) => i.id === rekap)!.flaggedNote).toBe('Retensi harus 10 tahun');
    tick(30);
    await as(ikp, 'operator2')('cycles.updateItem', { cycleId: id, itemId: rekap, fields: { retensi: '10 tahun' } });
    await ship(ikp, id, [op], { to: 'operator' });
    v = await as(op, 'operator')('cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(2);
    await ship(op, id, [ppid], { to: 'ppid_pembantu' });

    // Step 4 again: all fine, up to the Kepala, who returns it (second loop).
    tick(15);
    for (const item of (await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items) {
      await as(ppid, 'ppid')('cycles.markReview', { cycleId: id, itemId: item.id, verdict: 'sesuai' });
    }
    v = await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'approve' });
    expect(v.step).toBe('pemeriksaan_kepala');
    await ship(ppid, id, [kep], { to: 'kepala_opd' });
    tick(15);
    v = await as(kep, 'kepala')('cycles.act', { cycleId: id, action: 'return', reasons: 'Judul profil kurang jelas' });
    expect(v.step).toBe('pemeriksaan_ppid');
    await ship(kep, id, [ppid], { to: 'ppid_pembantu' });
    tick(15);
    await as(ppid, 'ppid')('cycles.markUnchanged', { cycleId: id });
    v = await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'approve' });
    await ship(ppid, id, [kep], { to: 'kepala_opd' });

    // Step 5: uji konsekuensi, signing with the Kepala's password, then the archive.
    tick(15);
    const kepCall = <T>(who: string, name: string, input?: unknown) => must<T>(kep.core, name, input, kep.s[who as keyof Desk['s']]);
    v = await signAsKepala<CycleView>(kepCall, id, PASSWORD);
    expect(v.step).toBe('arsip');
    expect(v.ujiKonsekuensi).not.toBeNull();
    v = await as(kep, 'kepala')('cycles.act', { cycleId: id, action: 'archive', note: 'Lemari arsip PPID, map 2027' });
    expect(v.step).toBe('selesai');
    const last = await ship(kep, id, [op, ppid, ikp, stat, apt]);
    expect(last.fileName).toMatch(/^DIP-2027_selesai/);

    // Everyone: the same acts (ids and hashes from the logs on disk) and the same cycle.
    const acts = await Promise.all(all.map((d) => actsOn(d, id)));
    for (const a of acts.slice(1)) expect([...a].sort()).toEqual([...acts[0]!].sort());
    const kinds = storesOf(kep.core).cycles.events(id).map((e) => e.body.type);
    expect(kinds.filter((k) => k === 'merge').length).toBeGreaterThan(0);
    const states = await Promise.all(all.map((d) => stateOn(d, id)));
    for (const s of states.slice(1)) expect(s).toEqual(states[0]);
    expect(states[0]!.view.step).toBe('selesai');
    expect(states[0]!.view.version).toBe(2);
    expect(states[0]!.view.returns.map((r) => r.reasons)).toEqual(['Perbaiki retensi rekap pengaduan', 'Judul profil kurang jelas']);
    expect(states[0]!.state.signed?.fingerprints?.dip.count).toBe(7);
    expect(states[0]!.state.signed?.fingerprints?.dik.count).toBe(1);
    // The officer's scan travelled with the packages, and opens on the Kepala's laptop.
    const att = states[0]!.view.items.find((i) => i.id === rekap)!.attachments[0]!;
    const content = await must<{ base64: string }>(kep.core, 'cycles.attachmentContent', { cycleId: id, itemId: rekap, attachmentId: att.id }, kep.s.kepala);
    expect(Buffer.from(content.base64, 'base64').equals(scan)).toBe(true);

    // No password hash, session or log-in lock ever leaves in a package.
    for (const d of all) expect((await call(d.core, 'auth.login', { username: 'tamu-penyusup', password: 'salah-sekali' })).ok).toBe(false);
    const secrets: string[] = [];
    for (const d of all) {
      const app = JSON.parse(await fs.readFile(path.join(d.dir, 'app.json'), 'utf8')) as { users: { passwordHash: string }[] };
      for (const u of app.users) secrets.push(u.passwordHash, u.passwordHash.split('$').at(-1)!, u.passwordHash.split('$').at(-2)!);
      secrets.push(...Object.values(d.s));
      expect(await fs.readFile(path.join(d.dir, 'login-throttle.json'), 'utf8')).toContain('tamu-penyusup');
    }
    secrets.push('tamu-penyusup', 'passwordHash', 'scrypt$');
    const everything = [...sent, await send(op, [id]), await send(ppid, [id])];
    for (const pkg of everything) {
      const files = unzipSync(pkg.bytes);
      for (const name of Object.keys(files)) expect(name).toMatch(/^(manifest\.json|manifest\.sig|perangkat\.json|siklus\/[A-Za-z0-9-]+\.jsonl|berkas\/[a-f0-9]{64})$/);
      const inflated = Buffer.concat([pkg.bytes, ...Object.values(files)]).toString('latin1');
      for (const s of secrets) expect(inflated.includes(s), `${pkg.fileName} holds ${s.slice(0, 12)}…`).toBe(false);
    }
  });
});

describe('receiving, package by package', () => {
  async function two() {
    const [op, ppid] = (open = await desks([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
    ]));
    const { id } = await as(op!, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2027', year: 2027 });
    const v = await as(op!, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', B[0], 'berkala')] });
    return { op: op!, ppid: ppid!, id, itemId: v.items[0]!.id };
  }

  it('the same package twice changes nothing, and an older package after a newer one changes nothing either', async () => {
    const { op, ppid, id, itemId } = await two();
    const older = await send(op, [id]);
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId, fields: { ringkasan: 'Ringkasan yang diperbaiki' } });
    const newer = await send(op, [id]);
    await receive(ppid, newer, open);

    const before = await hashes(ppid.dir);
    const again = await preview(ppid, newer);
    expect(again).toMatchObject({ alreadyReceived: true, nothingNew: true, cycles: [expect.objectContaining({ status: 'sama', newActs: 0 })] });
    await must(ppid.core, 'sync.apply', { previewId: again.previewId }, ppid.s.ppid);
    expect(await hashes(ppid.dir)).toEqual(before);

    const cyclesBefore = await snapshotDir(path.join(ppid.dir, 'cycles'));
    const stale = await preview(ppid, older);
    expect(stale).toMatchObject({ alreadyReceived: false, nothingNew: true, cycles: [expect.objectContaining({ status: 'sama', newActs: 0, itemsChanged: [] })] });
    await must(ppid.core, 'sync.apply', { previewId: stale.previewId }, ppid.s.ppid);
    // The edit the older package lacks is not undone: a package never deletes what it lacks.
    expect(await snapshotDir(path.join(ppid.dir, 'cycles'))).toEqual(cyclesBefore);
    const view = await as(ppid, 'ppid')('cycles.get', { cycleId: id });
    expect(view.items[0]!.fields.ringkasan).toBe('Ringkasan yang diperbaiki');
    // It is on record as received, so the gap it filled is no longer named.
    const history = await must<PackageRecordView[]>(ppid.core, 'sync.history', {}, ppid.s.ppid);
    expect(history.filter((p) => p.direction === 'terima').map((p) => p.seq)).toEqual([1, 2]);
  });

  it('names a gap in the sender\'s numbers, and the receiver\'s next package tells the sender what arrived', async () => {
    const { op, ppid, id, itemId } = await two();
    // The first package reaches the PPID laptop; numbers before a first contact are nobody's gap.
    const first = await send(op, [id]);
    expect((await preview(ppid, first)).gaps).toEqual([]);
    await receive(ppid, first, open);
    await send(op, [id]); // package 2: lost on the way
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId, fields: { retensi: '10 tahun' } });
    await send(op, [id]); // package 3: lost too
    const fourth = await send(op, [id]);
    const p = await preview(ppid, fourth);
    expect(p.seq).toBe(4);
    expect(p.gaps).toEqual(['Paket 2–3 dari Laptop Operator belum diterima.']);
    await receive(ppid, fourth, open);
    // Nothing was lost with them: every package carries the whole history.
    expect((await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items[0]!.fields.retensi).toBe('10 tahun');

    let mine = await must<PackageRecordView[]>(op.core, 'sync.history', {}, op.s.operator);
    expect(mine.find((r) => r.seq === 4)!.acknowledgedBy).toEqual([]);
    const reply = await send(ppid, [id]);
    await receive(op, reply, open);
    mine = await must<PackageRecordView[]>(op.core, 'sync.history', {}, op.s.operator);
    expect(mine.filter((r) => r.direction === 'kirim').map((r) => [r.seq, r.acknowledgedBy])).toEqual([
      [4, ['Laptop PPID Pembantu']],
      [3, ['Laptop PPID Pembantu']],
      [2, ['Laptop PPID Pembantu']],
      [1, ['Laptop PPID Pembantu']],
    ]);
  });

  it('a laptop that lost a cycle gets its own acts back from another laptop, without being asked to trust itself', async () => {
    const { op, ppid, id } = await two();
    await receive(ppid, await send(op, [id]), open);
    // The operator's data folder loses the cycle (a restore from a copy made before it existed).
    await op.core.close();
    await fs.rm(path.join(op.dir, 'cycles', id), { recursive: true });
    op.core = await openCore(op.dir, op.clock);
    op.s = { operator: await login(op.core, 'operator'), operator2: await login(op.core, 'operator2'), ppid: await login(op.core, 'ppid'), kepala: await login(op.core, 'kepala') };
    const back = await send(ppid, [id]);
    const p = await preview(op, back);
    expect(p.signers.map((s) => [s.name, s.trust])).toEqual(
      expect.arrayContaining([
        ['Laptop Operator', 'sendiri'],
        ['Laptop PPID Pembantu', 'baru'],
      ]),
    );
    expect(p.cycles).toEqual([expect.objectContaining({ status: 'baru', itemsAdded: ['Profil Dinas'] })]);
    await must(op.core, 'sync.apply', { previewId: p.previewId, trust: [{ installationId: ppid.installationId, roles: ['ppid_pembantu'] }] }, op.s.ppid);
    expect([...(await actsOn(op, id))].sort()).toEqual([...(await actsOn(ppid, id))].sort());
  });

  it('a package without attachments leaves them "belum diterima", and a later package with them fills them in', async () => {
    const { op, ppid, id, itemId } = await two();
    const png = makePng(12, 4);
    await as(op, 'operator')('cycles.attach', { cycleId: id, itemId, name: 'sk-ppid.png', base64: png.toString('base64') });
    const light = await send(op, [id], { withFiles: false });
    const { preview: p } = await receive(ppid, light, open);
    expect(p.attachments).toEqual({ inPackage: 0, new: 0, missing: 1 });
    const item = (await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items[0]!;
    const att = item.attachments[0]!;
    expect(att.name).toBe('sk-ppid.png');
    // The item lists it, marked as not yet here, and opening it says so.
    expect(item.notReceived).toEqual([att.id]);
    const missing = failure(await call(ppid.core, 'cycles.attachmentContent', { cycleId: id, itemId, attachmentId: att.id }, ppid.s.ppid));
    expect(missing.message).toMatch(/"sk-ppid\.png" belum diterima di laptop ini/);

    const full = await send(op, [id]);
    const { preview: q, applied } = await receive(ppid, full, open);
    expect(q.attachments).toEqual({ inPackage: 1, new: 1, missing: 0 });
    expect(q.nothingNew).toBe(false);
    expect(applied.attachmentsStored).toBe(1);
    const content = await must<{ base64: string; name: string }>(ppid.core, 'cycles.attachmentContent', { cycleId: id, itemId, attachmentId: att.id }, ppid.s.ppid);
    expect(Buffer.from(content.base64, 'base64').equals(png)).toBe(true);
    expect((await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items[0]!.notReceived).toEqual([]);
  });
});
