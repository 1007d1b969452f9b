import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { AppliedPackage } from '../../electron/core/domain/sync/preview';
import type { CycleEvent, EventBody } from '../../electron/core/domain/workflow';
import { eventHash, eventLine, parseEventLog } from '../../electron/core/store/event-log';
import { verifySignature, verifySignatureAsync } from '../../electron/core/sync/device-key';
import type { PackageEntry } from '../../electron/core/sync/package-file';
import type { PackageSigner } from '../../electron/core/sync/package-keys';
import { badPackages, otherSigner, testSigner } from '../fixtures/bad-packages';
import { call, failure, fakeClock, must, openCore, PASSWORD, removeTempDirs, setupInput, tempDir } from '../fixtures/harness';
import {
  actorOf,
  desks,
  hashes,
  keyOf,
  preview,
  receive,
  recordDirectly,
  refusedEverywhere,
  resign,
  send,
  tamperedCopy,
  text,
  type Desk,
} from './sync-fixtures';
import { completeItem } from './workflow-fixtures';

/**
 * "Refused, with a clear Indonesian message and the data folder byte-for-byte unchanged"
 * (issue 11), on real set-up laptops: every bad package of the container's corpus, and the
 * cases only the receiving service can judge — whose laptop, whose key, which role, which act
 * the SOP allowed where its author stood. Each goes through sync.preview and sync.apply; every
 * file of the receiver's data folder keeps its SHA-256 (and is not even rewritten).
 */

let open: Desk[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.core.close()));
});
afterAll(removeTempDirs);

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik'] as const;
const SPEC = [
  { name: 'Laptop Operator', roles: ['operator'] },
  { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
  { name: 'Laptop Bidang IKP', roles: ['operator'] },
  { name: 'Laptop Kepala Dinas', roles: ['kepala_opd'] },
] as const;

async function office(n: number) {
  open = await desks(SPEC.slice(0, n).map((s) => ({ name: s.name, roles: [...s.roles] })));
  return open;
}

function as(d: Desk, user: keyof Desk['s']) {
  return <T = CycleView>(name: string, input: unknown) => must<T>(d.core, name, input, d.s[user]);
}

type SharedStep = 'identifikasi' | 'pemeriksaan_ppid' | 'pemeriksaan_kepala';

/** A cycle of two complete items that the operator's and the PPID's laptops both hold whole, at `step`. */
async function sharedCycle(step: SharedStep, n = 2) {
  const ds = await office(n);
  const [op, ppid] = ds as [Desk, Desk];
  const { id } = await as(op, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2027', year: 2027 });
  const v = await as(op, 'operator')('cycles.addItems', {
    cycleId: id,
    items: [completeItem('Profil Dinas', B[0], 'berkala'), completeItem('Rekap pengaduan', B[1], 'setiap_saat')],
  });
  const items = v.items.map((i) => i.id);
  const ship = async (from: Desk, to: Desk) => receive(to, await send(from, [id]), ds);
  if (step !== 'identifikasi') {
    await as(op, 'operator')('cycles.act', { cycleId: id, action: 'report' });
    await ship(op, ppid);
    await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    await ship(ppid, op);
    await as(op, 'operator')('cycles.act', { cycleId: id, action: 'submitKonsep' });
  }
  await ship(op, ppid);
  if (step === 'pemeriksaan_kepala') {
    for (const itemId of items) await as(ppid, 'ppid')('cycles.markReview', { cycleId: id, itemId, verdict: 'sesuai' });
    await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'approve' });
    await ship(ppid, op);
  }
  return { ds, op, ppid, id, items };
}

/** A cycle log re-chained after `edit`: every hash recomputed, changed acts signed by `signer` (what a forger with their own key can do). */
function rechain(log: Uint8Array, signer: PackageSigner, edit: (e: CycleEvent) => CycleEvent): Uint8Array {
  const read = parseEventLog('paket', Buffer.from(log));
  const hashes = new Map<string, string>();
  const lines = read.events.map((orig) => {
    const e = edit(orig);
    const { hash: _h, sig: _s, ...base } = e;
    const hash = eventHash(
      e.parents.map((p) => hashes.get(p)!),
      base,
    );
    hashes.set(e.id, hash);
    const sig = hash === orig.hash ? orig.sig : Buffer.from(signer.sign(Buffer.from(hash, 'hex'))).toString('base64');
    return eventLine({ ...e, hash, sig });
  });
  return Buffer.from(lines.map((l) => `${l}\n`).join(''));
}

const onLog = (id: string, f: (bytes: Uint8Array) => Uint8Array) => (entries: PackageEntry[]) =>
  entries.map((e) => (e.path === `siklus/${id}.jsonl` ? { ...e, bytes: f(e.bytes) } : e));

const corpus = await badPackages();

describe('the corpus of bad package files, on a laptop that holds a cycle', () => {
  let receiver: Desk;
  let own: Desk[] = [];
  beforeAll(async () => {
    own = await desks([...SPEC].slice(0, 2).map((s) => ({ name: s.name, roles: [...s.roles] })));
    const [op, ppid] = own as [Desk, Desk];
    const { id } = await as(op, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2027', year: 2027 });
    await as(op, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', B[0], 'berkala')] });
    await receive(ppid, await send(op, [id]), own);
    receiver = ppid;
  });
  afterAll(async () => {
    await Promise.all(own.map((d) => d.core.close()));
  });

  it('holds every kind of damage the container refuses', () => {
    expect(new Set(corpus.map((c) => c.expectCode)).size).toBeGreaterThan(25);
  });
  for (const bad of corpus) {
    it(`refuses ${bad.name} (${bad.expectCode})`, async () => {
      const r = await refusedEverywhere(receiver, bad.bytes);
      // An empty file never reaches the package reader: the call itself refuses it.
      const mentions = bad.bytes.length ? bad.mentions : ['Berkas kosong.'];
      for (const m of mentions) expect(r.preview).toContain(m);
      expect(r.apply).toMatch(/Pratinjau paket sudah tidak berlaku/);
    });
  }
});

describe('packages the container accepts but the office must not', () => {
  it('a package of another office', async () => {
    const [, ppid] = await office(2);
    // A laptop set up for another office, with its own office id.
    const dir = await tempDir();
    const core = await openCore(dir, fakeClock());
    try {
      const input = setupInput();
      input.office.opdName = 'Dinas Pendidikan Kabupaten Sintang';
      const setUp = await core.invoke({ name: 'setup.complete', input });
      if (!setUp.ok) throw new Error(setUp.message);
      const session = (await must<{ sessionToken: string }>(core, 'auth.login', { username: 'operator', password: PASSWORD })).sessionToken;
      const { id } = await must<{ id: string }>(core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, session);
      const pkg = await must<{ base64: string }>(core, 'sync.export', { cycleIds: [id] }, session);
      const r = await refusedEverywhere(ppid!, Buffer.from(pkg.base64, 'base64'));
      expect(r.preview).toBe(
        'Paket ini dari kantor lain ("Dinas Pendidikan Kabupaten Sintang"), bukan untuk Dinas Komunikasi, Informatika dan Statistik. Tidak ada yang diubah.',
      );
    } finally {
      await core.close();
    }
  });

  it("a cycle log edited after signing and re-signed with the forger's own key under the sender's installation", async () => {
    const { op, ppid, id, items } = await sharedCycle('identifikasi');
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: items[0], fields: { retensi: '10 tahun' } });
    const honest = await send(op, [id]);
    const forged = await resign(
      honest.bytes,
      otherSigner,
      onLog(id, (log) =>
        rechain(log, otherSigner, (e) =>
          e.body.type === 'item.updated' ? { ...e, body: { ...e.body, fields: { ...e.body.fields, retensi: 'Musnah setelah dibaca' } } } : e,
        ),
      ),
    );
    const r = await refusedEverywhere(ppid, forged);
    expect(r.preview).toContain('Kunci pengirim "Laptop Operator" berbeda dengan kunci yang dipercaya untuk perangkat itu');
    expect(r.preview).toContain('Tidak ada yang diubah.');
  });

  it("the classic forgery: the operator's laptop signs the Kepala's approval", async () => {
    const { ds, op, ppid, id } = await sharedCycle('pemeriksaan_kepala', 4);
    const kep = ds[3]!;
    // The operator's laptop has a Kepala account too; locally it may sign.
    await as(op, 'kepala')('cycles.act', { cycleId: id, action: 'approve', password: PASSWORD });
    const pkg = await send(op, [id]);
    const r = await refusedEverywhere(ppid, pkg.bytes);
    expect(r.preview).toContain('perangkat "Laptop Operator" tidak dipercaya membawa peran Kepala OPD');
    expect(r.preview).toMatch(/\("Setujui dan tandatangani" pada tahap "Pemeriksaan Kepala OPD" oleh .+, Kepala OPD\)\. Tidak ada yang diubah\.$/);

    // A laptop that knows neither sees the Kepala's role asked for, and trusting the operator's laptop only as operator refuses it.
    const before = await hashes(kep.dir);
    const p = await preview(kep, pkg);
    expect(p.signers.find((s) => s.installationId === op.installationId)).toMatchObject({ trust: 'baru', rolesUsed: ['operator', 'kepala_opd'] });
    const trust = [
      { installationId: op.installationId, roles: ['operator'] },
      { installationId: ppid.installationId, roles: ['ppid_pembantu'] },
    ];
    const refused = failure(await call(kep.core, 'sync.apply', { previewId: p.previewId, trust }, kep.s.ppid));
    expect(refused.message).toContain('tindakan sebagai Kepala OPD dari perangkat "Laptop Operator" yang belum dipercaya membawa peran itu');
    expect(await hashes(kep.dir)).toEqual(before);
  });

  it('a known signer with a bad act signature, in a package properly signed by that laptop', async () => {
    const { op, ppid, id, items } = await sharedCycle('identifikasi');
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: items[1], fields: { retensi: '10 tahun' } });
    const honest = await send(op, [id]);
    const bad = await resign(
      honest.bytes,
      await keyOf(op),
      onLog(id, (log) => {
        const all = text(log).split('\n');
        // The newest act (the one the PPID lacks): one character of its signature changed, nothing re-hashed.
        const n = all.length - 2;
        all[n] = all[n]!.replace(/"sig":"(.)/, (_m, c: string) => `"sig":"${c === 'A' ? 'B' : 'A'}`);
        return Buffer.from(all.join('\n'));
      }),
    );
    const r = await refusedEverywhere(ppid, bad);
    expect(r.preview).toContain('tanda tangan tindakan dari perangkat "Laptop Operator" tidak sah');
  });

  describe('acts the SOP would not allow, made by a laptop whose app skips its own checks', () => {
    it('"Kirim Konsep" at step 1', async () => {
      const { op, ppid, id } = await sharedCycle('identifikasi');
      const t = await tamperedCopy(op, op.clock);
      try {
        const body: EventBody = { type: 'transition', action: 'submitKonsep', from: 'identifikasi', to: 'pemeriksaan_ppid', reasons: '', data: { version: 1 } };
        await recordDirectly(t.stores, id, actorOf(t.stores, 'operator'), op.clock.now(), [body]);
        const r = await refusedEverywhere(ppid, (await send(t.desk, [id])).bytes);
        expect(r.preview).toBe(
          'Paket ditolak: Tindakan ini tidak tersedia pada tahap "Identifikasi informasi" ("Kirim Konsep" pada tahap "Identifikasi informasi" oleh Akun operator, Operator OPD). Tidak ada yang diubah.',
        );
      } finally {
        await t.close();
      }
    });

    it("a review mark by the operator", async () => {
      const { op, ppid, id, items } = await sharedCycle('pemeriksaan_ppid');
      const t = await tamperedCopy(op, op.clock);
      try {
        const body: EventBody = { type: 'review.marked', itemId: items[0]!, version: 1, verdict: 'sesuai', note: '' };
        await recordDirectly(t.stores, id, actorOf(t.stores, 'operator'), op.clock.now(), [body]);
        const r = await refusedEverywhere(ppid, (await send(t.desk, [id])).bytes);
        expect(r.preview).toBe('Paket ditolak: Hanya PPID Pembantu yang dapat memeriksa Konsep (tanda pemeriksaan oleh Akun operator, Operator OPD). Tidak ada yang diubah.');
      } finally {
        await t.close();
      }
    });

    it('an approval whose guard is not met (no item checked)', async () => {
      const { op, ppid, id } = await sharedCycle('pemeriksaan_ppid');
      const t = await tamperedCopy(ppid, ppid.clock);
      try {
        const body: EventBody = { type: 'transition', action: 'approve', from: 'pemeriksaan_ppid', to: 'pemeriksaan_kepala', reasons: '', data: {} };
        await recordDirectly(t.stores, id, actorOf(t.stores, 'ppid'), ppid.clock.now(), [body]);
        const r = await refusedEverywhere(op, (await send(t.desk, [id])).bytes, 'operator');
        expect(r.preview).toMatch(/^Paket ditolak: .*2 informasi belum diperiksa.* \("Setujui, teruskan ke Kepala OPD" pada tahap "Pemeriksaan PPID Pembantu" oleh Akun ppid, PPID Pembantu\)\. Tidak ada yang diubah\.$/);
      } finally {
        await t.close();
      }
    });
  });

  it('a revoked sender, and a sender revoked between the preview and "Terapkan"', async () => {
    const { op, ppid, id, items } = await sharedCycle('identifikasi');
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: items[0], fields: { retensi: '10 tahun' } });
    const pkg = await send(op, [id]);
    const p = await preview(ppid, pkg);
    await must(ppid.core, 'devices.revoke', { installationId: op.installationId }, ppid.s.ppid);
    const before = await hashes(ppid.dir);
    const late = failure(await call(ppid.core, 'sync.apply', { previewId: p.previewId }, ppid.s.ppid));
    expect(late.message).toBe('Kepercayaan pada "Laptop Operator" sudah dicabut: paketnya tidak diterima. Tidak ada yang diubah.');
    expect(await hashes(ppid.dir)).toEqual(before);
    const r = await refusedEverywhere(ppid, pkg.bytes);
    expect(r.preview).toBe('Kepercayaan pada "Laptop Operator" sudah dicabut: paketnya tidak diterima. Tidak ada yang diubah.');
  });

  it("an unknown laptop's acts forwarded in a trusted sender's package: refused until trusted, and only with the roles they carry", async () => {
    const { ds, op, ppid, id } = await sharedCycle('identifikasi', 3);
    const ikp = ds[2]!;
    await receive(ikp, await send(op, [id]), ds);
    await as(ikp, 'operator2')('cycles.addItems', { cycleId: id, items: [completeItem('Jadwal layanan', B[1], 'berkala')] });
    await receive(op, await send(ikp, [id]), ds);
    const pkg = await send(op, [id]);

    const before = await hashes(ppid.dir);
    const p = await preview(ppid, pkg);
    expect(p.signers.map((s) => [s.name, s.trust, s.rolesUsed])).toEqual(
      expect.arrayContaining([
        // The operator's laptop only joined the officer's work (a merge act): it asks for no role.
        ['Laptop Operator', 'dipercaya', []],
        ['Laptop Bidang IKP', 'baru', ['operator']],
      ]),
    );
    const untrusted = failure(await call(ppid.core, 'sync.apply', { previewId: p.previewId }, ppid.s.ppid));
    expect(untrusted.message).toBe('Percayai dulu perangkat "Laptop Bidang IKP" (periksa kode kuncinya) sebelum menerapkan paket. Tidak ada yang diubah.');
    const wrongRole = failure(
      await call(ppid.core, 'sync.apply', { previewId: p.previewId, trust: [{ installationId: ikp.installationId, roles: ['ppid_pembantu'] }] }, ppid.s.ppid),
    );
    expect(wrongRole.message).toContain('tindakan sebagai Operator OPD dari perangkat "Laptop Bidang IKP" yang belum dipercaya membawa peran itu');
    // Someone who is not an administrator cannot trust it at all.
    const notAdmin = failure(
      await call(ppid.core, 'sync.apply', { previewId: p.previewId, trust: [{ installationId: ikp.installationId, roles: ['operator'] }] }, ppid.s.kepala),
    );
    expect(notAdmin.message).toBe('Hanya administrator yang dapat mempercayai perangkat baru.');
    expect(await hashes(ppid.dir)).toEqual(before);

    const applied = await must<AppliedPackage>(ppid.core, 'sync.apply', { previewId: p.previewId, trust: [{ installationId: ikp.installationId, roles: ['operator'] }] }, ppid.s.ppid);
    expect(applied.trusted).toEqual(['Laptop Bidang IKP']);
    expect((await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items.map((i) => i.fields.judul)).toContain('Jadwal layanan');
  });

  describe('perangkat.json that lies about a key', () => {
    async function forwarded(n = 3) {
      const { ds, op, ppid, id } = await sharedCycle('identifikasi', n);
      const ikp = ds[2]!;
      await receive(ikp, await send(op, [id]), ds);
      await as(ikp, 'operator2')('cycles.addItems', { cycleId: id, items: [completeItem('Jadwal layanan', B[1], 'berkala')] });
      await receive(op, await send(ikp, [id]), ds);
      return { ds, op, ppid, ikp, id };
    }
    const lie = (installationId: string, publicKey: string) => (entries: PackageEntry[]) =>
      entries.map((e) => {
        if (e.path !== 'perangkat.json') return e;
        const list = JSON.parse(text(e.bytes)) as { installationId: string; publicKey: string }[];
        return { ...e, bytes: Buffer.from(JSON.stringify(list.map((d) => (d.installationId === installationId ? { ...d, publicKey } : d)))) };
      });

    it("about a laptop this one does not know: its acts do not verify with the key claimed", async () => {
      const { op, ppid, ikp, id } = await forwarded();
      const bad = await resign((await send(op, [id])).bytes, await keyOf(op), lie(ikp.installationId, otherSigner.publicKey));
      const r = await refusedEverywhere(ppid, bad);
      expect(r.preview).toContain('tanda tangan tindakan dari perangkat "Laptop Bidang IKP" tidak sah');
    });

    it('about a laptop this one already trusts with another key', async () => {
      const { op, ppid, ikp, id } = await forwarded();
      await must(ppid.core, 'devices.trust', { installationId: ikp.installationId, name: 'Laptop Bidang IKP', publicKey: ikp.publicKey, roles: ['operator'] }, ppid.s.ppid);
      const bad = await resign((await send(op, [id])).bytes, await keyOf(op), lie(ikp.installationId, otherSigner.publicKey));
      const r = await refusedEverywhere(ppid, bad);
      expect(r.preview).toBe(
        'Paket menyebut kunci lain untuk perangkat "Laptop Bidang IKP" daripada kunci yang dikenal laptop ini: paket ini mungkin palsu, atau salah satu laptop mempercayai perangkat yang keliru. Tanyakan langsung kepada pengirim. Tidak ada yang diubah.',
      );
    });

    it('about the sender itself, against the key this laptop trusts or, on a laptop that does not know it, the key its manifest names', async () => {
      const { ds, op, ppid, id } = await forwarded(4);
      const bad = await resign((await send(op, [id])).bytes, await keyOf(op), lie(op.installationId, otherSigner.publicKey));
      for (const receiver of [ppid, ds[3]!]) {
        const r = await refusedEverywhere(receiver, bad);
        expect(r.preview).toContain('Paket menyebut kunci lain untuk perangkat "Laptop Operator"');
      }
    });
  });

  it("a cycle entry whose acts belong to another cycle", async () => {
    const { op, ppid, id } = await sharedCycle('identifikasi');
    const { id: other } = await as(op, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2028', year: 2028 });
    await receive(ppid, await send(op, [other]), open);
    const bad = await resign((await send(op, [id])).bytes, await keyOf(op), (entries) =>
      entries.map((e) => (e.path === `siklus/${id}.jsonl` ? { ...e, path: `siklus/${other}.jsonl` } : e)),
    );
    const r = await refusedEverywhere(ppid, bad);
    expect(r.preview).toBe('Riwayat siklus dalam paket memuat tindakan siklus lain.');
  });

  it('a cycle log cut short, or edited without its hashes, inside a validly signed package', async () => {
    const { op, ppid, id, items } = await sharedCycle('identifikasi');
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: items[0], fields: { retensi: '10 tahun' } });
    const honest = (await send(op, [id])).bytes;
    const key = await keyOf(op);
    const cut = await resign(honest, key, onLog(id, (log) => log.subarray(0, log.length - 40)));
    expect((await refusedEverywhere(ppid, cut)).preview).toBe('Riwayat siklus dalam paket terpotong.');
    const edited = await resign(honest, key, onLog(id, (log) => Buffer.from(text(log).replace('10 tahun', '99 tahun'))));
    expect((await refusedEverywhere(ppid, edited)).preview).toMatch(/^Riwayat siklus dalam paket rusak atau diubah: .*rantai riwayat putus pada baris 4/);
  });

  it('acts the receiver already holds are checked like the new ones: a changed text, or a signature that is no signature, is refused', async () => {
    const { op, ppid, id, items } = await sharedCycle('identifikasi');
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: items[0], fields: { retensi: '10 tahun' } });
    const honest = (await send(op, [id])).bytes;
    const key = await keyOf(op);
    // Line 2 adds the items: the PPID's laptop holds that act already.
    const onLine2 = (f: (line: string) => string) => onLog(id, (log) => Buffer.from(text(log).split('\n').map((l, n) => (n === 1 ? f(l) : l)).join('\n')));
    const edited = await resign(honest, key, onLine2((l) => l.replace('Profil Dinas', 'Profil Palsu')));
    expect((await refusedEverywhere(ppid, edited)).preview).toMatch(/^Riwayat siklus dalam paket rusak atau diubah: .*rantai riwayat putus pada baris 2/);
    const unsigned = await resign(honest, key, onLine2((l) => l.replace(/"sig":"[^"]*"/, '"sig":"bukan tanda tangan"')));
    expect((await refusedEverywhere(ppid, unsigned)).preview).toMatch(/^Riwayat siklus dalam paket rusak atau diubah: .*baris 2: isi tindakan tidak sah \(sig: tanda tangan tidak sah\)/);
  });

  it('a signed act whose line repeats its body after the signature: hash and signature still match the text signed, the act read would not', async () => {
    const { op, ppid, id, items } = await sharedCycle('identifikasi');
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: items[0], fields: { retensi: '10 tahun' } });
    const honest = (await send(op, [id])).bytes;
    const forged = await resign(
      honest,
      await keyOf(op),
      onLog(id, (log) =>
        Buffer.from(
          text(log)
            .split('\n')
            .map((l) => (l.includes('"10 tahun"') ? `${l.slice(0, -1)},"body":${JSON.stringify({ type: 'item.updated', itemId: items[0], fields: { retensi: 'Musnah setelah dibaca' } })}}` : l))
            .join('\n'),
        ),
      ),
    );
    const r = await refusedEverywhere(ppid, forged);
    expect(r.preview).toMatch(/^Riwayat siklus dalam paket rusak atau diubah: .*rantai riwayat putus pada baris 4/);
  });
});

describe('a forged package left in the receive journal', () => {
  it('is not applied when the app starts, and the cycles stay as they were', async () => {
    const { ds, op, ppid, id } = await sharedCycle('pemeriksaan_kepala');
    await as(op, 'kepala')('cycles.act', { cycleId: id, action: 'approve', password: PASSWORD });
    const pkg = await send(op, [id]);
    const dir = ppid.dir;
    await ppid.core.close();
    open = ds.filter((d) => d !== ppid);
    const cyclesBefore = await hashes(path.join(dir, 'cycles'));
    await fs.mkdir(path.join(dir, 'sync', 'masuk'), { recursive: true });
    await fs.writeFile(path.join(dir, 'sync', 'masuk', 'paket-palsu.ppid'), pkg.bytes);
    const logged: string[] = [];
    const { Core } = await import('../../electron/core/app-core');
    const core = await Core.open({ dataDir: dir, clock: ppid.clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', log: (m) => logged.push(m) });
    try {
      expect(await hashes(path.join(dir, 'cycles'))).toEqual(cyclesBefore);
      expect(logged.some((m) => m.includes('paket-palsu.ppid'))).toBe(true);
    } finally {
      await core.close();
    }
  });
});

describe('act signatures checked on the thread pool (how a preview verifies every act at once)', () => {
  it('agree with the check on the main thread, for good and bad signatures and keys', async () => {
    const data = Buffer.from('a'.repeat(64), 'hex');
    const good = Buffer.from(testSigner.sign(data));
    const flipped = Buffer.from(good);
    flipped[10]! ^= 1;
    const cases: [string, Uint8Array, Uint8Array][] = [
      [testSigner.publicKey, data, good],
      [testSigner.publicKey, data, flipped],
      [otherSigner.publicKey, data, good],
      [testSigner.publicKey, Buffer.from('b'.repeat(64), 'hex'), good],
      [testSigner.publicKey, data, good.subarray(0, 63)],
      ['bukan-kunci', data, good],
      [Buffer.alloc(31, 1).toString('base64'), data, good],
    ];
    const onPool = await Promise.all(cases.map(([k, d, s]) => verifySignatureAsync(k, d, s)));
    expect(onPool).toEqual(cases.map(([k, d, s]) => verifySignature(k, d, s)));
    expect(onPool).toEqual([true, false, false, false, false, false, false]);
  });
});
