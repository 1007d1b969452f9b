import { describe, expect, it } from 'vitest';
import type { SettingsView, UserView } from '../../electron/core/contract';
import { call, coreOpener, failure, fakeClock, login, must, setupInput, snapshotDir, tempDir } from '../fixtures/harness';
import { opdOffice, utamaOffice, utamaSetupInput } from '../fixtures/regency-offices';

const open = coreOpener();

describe('a PPID Utama office is set up with its own roles', () => {
  it('takes a PPID Utama and an operator, no bidang, and keeps the office kind', async () => {
    const u = await utamaOffice(open);
    const s = await must<SettingsView>(u.core, 'settings.get', {}, u.s.utama);
    expect(s.officeKind).toBe('utama');
    expect(s.officials.kepala.jabatan).toBe('Kepala Dinas Komunikasi, Informatika dan Statistik selaku PPID Utama');
    // Nothing to classify at the PPID Utama, so no bidang was asked for; the office still has one.
    expect(s.office.bidang.length).toBeGreaterThan(0);
    const users = await must<UserView[]>(u.core, 'users.list', {}, u.s.utama);
    expect(users.map((x) => [x.username, x.role])).toEqual([
      ['utama', 'ppid_utama'],
      ['operator', 'operator'],
    ]);
  });

  it('refuses OPD roles at setup and asks for the PPID Utama, writing nothing', async () => {
    const dir = await tempDir();
    const core = await open(dir, fakeClock());
    const before = await snapshotDir(dir);

    const withKepala = utamaSetupInput();
    withKepala.accounts.push({ personId: withKepala.officials.ketuaPpid.id, username: 'kepala', role: 'kepala_opd', isAdmin: false, password: withKepala.accounts[0]!.password });
    const r1 = failure(await call(core, 'setup.complete', withKepala));
    expect(r1.message).toContain('Peran Kepala OPD tidak dipakai di kantor PPID Utama (Diskominfo)');

    const noUtama = utamaSetupInput();
    noUtama.accounts[0]!.role = 'operator';
    expect(failure(await call(core, 'setup.complete', noUtama)).message).toContain('Belum ada akun aktif dengan peran PPID Utama.');

    const noBidang = setupInput() as unknown as { office: { bidang?: string[] } };
    delete noBidang.office.bidang;
    expect(failure(await call(core, 'setup.complete', noBidang)).message).toContain('Isi minimal satu bidang.');
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('gives accounts only the roles of its kind, in either office', async () => {
    const u = await utamaOffice(open);
    const kepala = failure(await call(u.core, 'users.create', { personId: 'demo-ketua', username: 'sekretaris', role: 'kepala_opd', password: 'sandi-baru-2026' }, u.s.utama));
    expect(kepala).toMatchObject({ code: 'INVALID_INPUT', message: 'Peran Kepala OPD tidak dipakai di kantor PPID Utama (Diskominfo); pilih salah satu: PPID Utama, Operator OPD.' });
    const made = await must<UserView>(u.core, 'users.create', { personId: 'demo-ketua', username: 'sekretaris', role: 'operator', password: 'sandi-baru-2026' }, u.s.utama);
    const demote = failure(await call(u.core, 'users.update', { id: made.id, role: 'ppid_pembantu', isAdmin: false, active: true }, u.s.utama));
    expect(demote.message).toContain('Peran PPID Pembantu tidak dipakai di kantor PPID Utama');

    const o = await opdOffice({ name: 'Dinas Sosial', unitCode: 'Dinsos' }, open);
    const r = failure(await call(o.core, 'users.create', { personId: 'demo-operator-2', username: 'utama', role: 'ppid_utama', password: 'sandi-baru-2026' }, o.s.ppid));
    expect(r.message).toBe('Peran PPID Utama tidak dipakai di kantor Perangkat Daerah (OPD); pilih salah satu: Operator OPD, PPID Pembantu, Kepala OPD.');
  });
});

describe('each kind of office answers only its own calls', () => {
  it('an account of the PPID Utama cannot start a documentation cycle', async () => {
    const u = await utamaOffice(open);
    const r = failure(await call(u.core, 'cycles.create', { title: 'DIP 2026', year: 2026 }, u.s.operator));
    expect(r).toMatchObject({ code: 'FORBIDDEN', message: 'Perintah ini hanya untuk kantor OPD, bukan PPID Utama.' });
    expect(failure(await call(u.core, 'sync.export', { cycleIds: ['siklus-satu'] }, u.s.utama)).code).toBe('FORBIDDEN');
    expect(failure(await call(u.core, 'cycles.list', {}, u.s.utama)).code).toBe('FORBIDDEN');
  });

  it('an account of an OPD cannot open the regency register or receive for the PPID Utama', async () => {
    const o = await opdOffice({ name: 'Dinas Sosial', unitCode: 'Dinsos' }, open);
    const r = failure(await call(o.core, 'utama.register', {}, o.s.ppid));
    expect(r).toMatchObject({ code: 'FORBIDDEN', message: 'Perintah ini hanya untuk kantor PPID Utama.' });
    expect(failure(await call(o.core, 'utama.check', { base64: 'AA==', fileName: 'x.ppid' }, o.s.operator)).message).toBe('Perintah ini hanya untuk kantor PPID Utama.');
    // Its own work goes on.
    expect((await call(o.core, 'cycles.list', {}, await login(o.core, 'operator'))).ok).toBe(true);
  });
});
