import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { BackupMade, BackupPreview, BackupRestored } from '../../electron/core/domain/backup';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { DeviceSelfView, TrustedDeviceView } from '../../electron/core/domain/sync/trust';
import { readPackage, type PackageEntry } from '../../electron/core/sync/package-file';
import { call, failure, login, must, openCore, removeTempDirs, tempDir } from '../fixtures/harness';
import { actsOn, desks, keyOf, preview, receive, refusedEverywhere, resign, send, text, type Desk } from './sync-fixtures';
import { completeItem } from './workflow-fixtures';

/**
 * A laptop restored from an older backup has forgotten acts it already sent to others. Under
 * its old installation id its next act would take a counter one of those acts has, and every
 * other laptop would refuse it as a fork of one installation. So a restore makes it a new
 * installation (new id, new key), as a messenger treats a restored phone: the others trust it
 * once like any new laptop, its old identity stays trusted on it as its own past, and its
 * package numbers go on from where they were.
 *
 * Checked against the code before this change: the step "B accepts A's first act after the
 * restore" failed there, B refusing the package with "satu perangkat mencatat dua tindakan
 * yang tidak saling mengikuti" — what the hand-copied folder below still gets.
 */

const open: Core[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
afterAll(removeTempDirs);

const BIDANG = 'Sekretariat';

function as(d: Desk, user: keyof Desk['s']) {
  return <T = CycleView>(name: string, input: unknown) => must<T>(d.core, name, input, d.s[user]);
}

async function sessions(core: Core): Promise<Desk['s']> {
  return { operator: await login(core, 'operator'), operator2: await login(core, 'operator2'), ppid: await login(core, 'ppid'), kepala: await login(core, 'kepala') };
}

/** The same laptop after an event that changed its identity or its sessions: what the others now see of it. */
async function reseen(d: Desk, core = d.core): Promise<Desk> {
  const s = await sessions(core);
  const self = await must<DeviceSelfView>(core, 'devices.self', {}, s.ppid);
  return { ...d, core, s, installationId: self.installationId, publicKey: self.publicKey };
}

/**
 * Laptop A (the operator's) and laptop B (the PPID Pembantu's). A starts a cycle and sends it;
 * A's backup is made; after it A makes two more acts and sends them too. B then holds acts of
 * A that no backup of A holds.
 */
async function officeWithActsAfterBackup() {
  const [a, b] = await desks([
    { name: 'Laptop Operator', roles: ['operator'] },
    { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
  ]);
  open.push(a!.core, b!.core);
  const { id } = await as(a!, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2027', year: 2027 });
  const v = await as(a!, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', BIDANG, 'setiap_saat')] });
  const profil = v.items[0]!.id;
  const first = await send(a!, [id], { to: 'ppid_pembantu' });
  await receive(b!, first, [a!, b!]);

  const made = await must<BackupMade>(a!.core, 'backup.create', {}, a!.s.ppid);
  const atBackup = await actsOn(a!, id);

  a!.clock.advance(3_600_000);
  b!.clock.advance(3_600_000);
  await as(a!, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Rekap pengaduan', BIDANG, 'berkala')] });
  await as(a!, 'operator')('cycles.updateItem', { cycleId: id, itemId: profil, fields: { retensi: '10 tahun' } });
  const second = await send(a!, [id], { to: 'ppid_pembantu' });
  expect((await readPackage(second.bytes)).manifest).toMatchObject({ seq: 2, to: { seq: 2 } });
  await receive(b!, second, [a!, b!]);
  const afterBackup = [...(await actsOn(b!, id)).keys()].filter((act) => !atBackup.has(act));
  expect(afterBackup).toHaveLength(2);
  return { a: a!, b: b!, id, made, afterBackup };
}

async function restoreOn(d: Desk, made: BackupMade): Promise<BackupRestored> {
  const p = await must<BackupPreview>(d.core, 'backup.preview', { base64: made.base64, fileName: made.fileName }, d.s.ppid);
  return must<BackupRestored>(d.core, 'backup.restore', { previewId: p.previewId }, d.s.ppid);
}

const titles = async (d: Desk, cycleId: string) => (await as(d, 'ppid')('cycles.get', { cycleId })).items.map((i) => i.fields.judul).sort();

describe('a laptop restored from a backup older than acts it already sent', () => {
  it('comes back as a new laptop: trusted once, its new act accepted, its old acts still its own, its package numbers going on', async () => {
    const { a: before, b, id, made, afterBackup } = await officeWithActsAfterBackup();

    // Pengaturan › Cadangan › Pulihkan on A.
    const restored = await restoreOn(before, made);
    const a = await reseen(before);
    expect(a.installationId).not.toBe(before.installationId);
    expect(a.publicKey).not.toBe(before.publicKey);
    const self = await must<DeviceSelfView>(a.core, 'devices.self', {}, a.s.ppid);
    expect(self.name).toBe('Laptop Operator');
    expect(restored.newDevice).toEqual({ name: 'Laptop Operator', fingerprint: self.fingerprint });
    const past = (await must<TrustedDeviceView[]>(a.core, 'devices.list', {}, a.s.ppid)).find((t) => t.installationId === before.installationId);
    expect(past).toMatchObject({ publicKey: before.publicKey, source: 'pulih', revokedAt: null });
    expect(past!.roles).toContain('operator');
    // The cycle is as the backup had it.
    expect(await titles(a, id)).toEqual(['Profil Dinas']);

    // A works on, without receiving anything first, and sends.
    a.clock.advance(3_600_000);
    b.clock.advance(3_600_000);
    await as(a, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Data statistik sektoral', BIDANG, 'berkala')] });
    const third = await send(a, [id], { to: 'ppid_pembantu' });
    // Numbered after the packages B already has from A: not a number B saw, not a gap.
    expect((await readPackage(third.bytes)).manifest).toMatchObject({ seq: 3, to: { role: 'ppid_pembantu', seq: 3 } });

    // On B: a new laptop, named as before, with its new key's code, said to replace the old one.
    const p = await preview(b, third);
    expect(p.sender).toEqual({ installationId: a.installationId, name: 'Laptop Operator', fingerprint: self.fingerprint });
    expect(p.signers).toEqual([
      expect.objectContaining({ installationId: a.installationId, trust: 'baru', sender: true, rolesUsed: ['operator'], replaces: ['Laptop Operator'] }),
    ]);
    expect(p.gaps).toEqual([]);
    expect(p.alreadyReceived).toBe(false);
    expect(p.cycles).toEqual([expect.objectContaining({ id, status: 'diperbarui', newActs: 1, itemsAdded: ['Data statistik sektoral'] })]);
    // Trusted by an administrator, once, like any new laptop.
    const untrusted = failure(await call(b.core, 'sync.apply', { previewId: p.previewId, trust: [] }, b.s.ppid));
    expect(untrusted.message).toMatch(/Percayai dulu perangkat "Laptop Operator"/);
    const heldBefore = await actsOn(b, id);
    await must(b.core, 'sync.apply', { previewId: p.previewId, trust: [{ installationId: a.installationId, roles: ['operator'] }] }, b.s.ppid);
    // Nothing B had is lost; A's new act joins A's acts from after the backup.
    const held = await actsOn(b, id);
    for (const [act, hash] of heldBefore) expect(held.get(act)).toBe(hash);
    expect(await titles(b, id)).toEqual(['Data statistik sektoral', 'Profil Dinas', 'Rekap pengaduan']);
    const onB = await as(b, 'ppid')('cycles.get', { cycleId: id });
    expect(onB.conflicts).toEqual([]);
    expect(onB.items.find((i) => i.fields.judul === 'Profil Dinas')!.fields.retensi).toBe('10 tahun');

    // B sends the cycle back: A's acts from before the restore come home, verified under A's old key.
    const back = await send(b, [id], { to: 'operator' });
    // Their signatures are really checked: one of them with a signature changed is refused on A.
    const forged = await resign(back.bytes, await keyOf(b), (entries: PackageEntry[]) =>
      entries.map((e) => {
        if (e.path !== `siklus/${id}.jsonl`) return e;
        const lines = text(e.bytes).split('\n');
        const n = lines.findIndex((l) => l.includes(`"id":"${afterBackup[0]}"`));
        lines[n] = lines[n]!.replace(/"sig":"(.)/, (_m, c: string) => `"sig":"${c === 'A' ? 'B' : 'A'}`);
        return { ...e, bytes: Buffer.from(lines.join('\n')) };
      }),
    );
    expect((await refusedEverywhere(a, forged)).preview).toMatch(/^Paket ditolak: tanda tangan tindakan dari perangkat "Laptop Operator" tidak sah/);

    const pb = await preview(a, back);
    // The old identity is this laptop's own past: trusted already, nothing to decide about it.
    expect(pb.signers.find((s) => s.installationId === before.installationId)).toMatchObject({ trust: 'dipercaya', rolesUsed: ['operator'] });
    expect(pb.signers.filter((s) => s.trust === 'baru').map((s) => s.installationId)).toEqual([b.installationId]);
    await receive(a, back, [a, b]);
    expect(await actsOn(a, id)).toEqual(await actsOn(b, id));
    for (const act of afterBackup) expect((await actsOn(a, id)).has(act)).toBe(true);
    expect(await titles(a, id)).toEqual(['Data statistik sektoral', 'Profil Dinas', 'Rekap pengaduan']);

    // And the next package from A follows on B with no gap, under A's new identity.
    await as(a, 'operator')('cycles.updateItem', {
      cycleId: id,
      itemId: (await as(a, 'operator')('cycles.get', { cycleId: id })).items.find((i) => i.fields.judul === 'Rekap pengaduan')!.id,
      fields: { retensi: '3 tahun' },
    });
    const fourth = await send(a, [id], { to: 'ppid_pembantu' });
    expect((await readPackage(fourth.bytes)).manifest).toMatchObject({ seq: 4, to: { seq: 4 } });
    const p4 = await preview(b, fourth);
    expect(p4).toMatchObject({ gaps: [], alreadyReceived: false });
    expect(p4.signers).toEqual([expect.objectContaining({ installationId: a.installationId, trust: 'dipercaya' })]);
    await receive(b, fourth, [a, b]);
    expect(await actsOn(b, id)).toEqual(await actsOn(a, id));
  });

  it('data copied back by hand (not through Pulihkan) keeps the old identity, and its next act is refused as a fork', async () => {
    const { a, b, id, made } = await officeWithActsAfterBackup();
    // The backup's files put into a folder as they are, and the app opened on it: the old id and key.
    const { openBackup } = await import('../../electron/core/backup/backup-file');
    const backup = await openBackup(Buffer.from(made.base64!, 'base64'));
    const dir = await tempDir('ppid-copied-');
    for (const f of backup.manifest.files) {
      await fs.mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
      await fs.writeFile(path.join(dir, f.path), await backup.read(f.path));
    }
    const core = await openCore(dir, a.clock);
    open.push(core);
    const copy = await reseen({ ...a, dir }, core);
    expect(copy.installationId).toBe(a.installationId);
    await as(copy, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Data statistik sektoral', BIDANG, 'berkala')] });
    const r = await refusedEverywhere(b, (await send(copy, [id], { to: 'ppid_pembantu' })).bytes);
    expect(r.preview).toMatch(/satu perangkat mencatat dua tindakan yang tidak saling mengikuti/);
  });

  it('a new laptop that restores the old one\'s backup on its first run is accepted the same way', async () => {
    const { a: old, b, id, made, afterBackup } = await officeWithActsAfterBackup();
    const dir = await tempDir();
    const core = await openCore(dir, old.clock);
    open.push(core);
    const p = await must<BackupPreview>(core, 'setup.previewBackup', { base64: made.base64, fileName: made.fileName });
    expect(p.warnings.join(' ')).toMatch(/kunci perangkat baru/);
    await must(core, 'setup.restoreBackup', { previewId: p.previewId });
    const next = await reseen({ ...old, dir, core }, core);
    expect(next.installationId).not.toBe(old.installationId);

    await as(next, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Data statistik sektoral', BIDANG, 'berkala')] });
    const pkg = await send(next, [id], { to: 'ppid_pembantu' });
    const pv = await preview(b, pkg);
    expect(pv.signers).toEqual([expect.objectContaining({ installationId: next.installationId, trust: 'baru', replaces: ['Laptop Operator'] })]);
    expect(pv.gaps).toEqual([]);
    await receive(b, pkg, [next, b]);
    expect(await titles(b, id)).toEqual(['Data statistik sektoral', 'Profil Dinas', 'Rekap pengaduan']);

    // The old laptop's acts after the backup come to the new one from B, as its own past.
    const back = await send(b, [id], { to: 'operator' });
    const pb = await preview(next, back);
    expect(pb.signers.find((s) => s.installationId === old.installationId)).toMatchObject({ trust: 'dipercaya' });
    await receive(next, back, [next, b]);
    for (const act of afterBackup) expect((await actsOn(next, id)).has(act)).toBe(true);
  });
});
