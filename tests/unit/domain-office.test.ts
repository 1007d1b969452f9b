import { describe, expect, it } from 'vitest';
import '../../electron/core/domain/zod-locale';
import {
  checkAccountCoverage,
  documentSettingsSchema,
  numberPatternSchema,
  officeSchema,
  setupInputSchema,
} from '../../electron/core/domain/office';
import { setupInput } from '../fixtures/harness';

function messagesAt(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, at: string) {
  expect(r.success).toBe(false);
  return r.error!.issues.filter((i) => i.path.join('.') === at).map((i) => i.message);
}

describe('office schema', () => {
  const office = setupInput().office;

  it('accepts the demo office and trims what the user typed', () => {
    const parsed = officeSchema.parse({ ...office, opdName: '  Dinas Kominfo  ', email: '', website: '' });
    expect(parsed.opdName).toBe('Dinas Kominfo');
  });

  it.each(['DIS/KOM', 'Dis Kom', 'kode#1'])('refuses unit code %j: it ends up inside letter numbers', (unitCode) => {
    expect(messagesAt(officeSchema.safeParse({ ...office, unitCode }), 'unitCode')).toContain(
      'Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung (tanpa spasi atau garis miring).',
    );
  });

  it.each(['bukan-email', 'a@', 'diskominfo@kab'])('refuses e-mail %j', (email) => {
    expect(messagesAt(officeSchema.safeParse({ ...office, email }), 'email')).toContain('Alamat e-mail tidak valid.');
  });

  it.each(['http//diskominfo', 'diskominfo', 'https://kab .go.id'])('refuses website %j', (website) => {
    expect(messagesAt(officeSchema.safeParse({ ...office, website }), 'website')).toContain(
      'Alamat website tidak valid (contoh: diskominfo.kapuashulukab.go.id).',
    );
  });

  it('accepts websites with and without a scheme', () => {
    for (const website of ['diskominfo.kapuashulukab.go.id', 'https://kapuashulukab.go.id/ppid']) {
      expect(officeSchema.safeParse({ ...office, website }).success).toBe(true);
    }
  });

  it('refuses duplicate bidang names regardless of case', () => {
    const r = officeSchema.safeParse({ ...office, bidang: ['Sekretariat', 'sekretariat'] });
    expect(messagesAt(r, 'bidang')).toContain('Nama bidang tidak boleh ganda.');
  });

  it('words a missing required field in Indonesian, even when the type is wrong', () => {
    expect(messagesAt(officeSchema.safeParse({ ...office, pemda: undefined }), 'pemda')).toEqual(['Nama pemerintah daerah wajib diisi.']);
    expect(messagesAt(officeSchema.safeParse({ ...office, address: '   ' }), 'address')).toEqual(['Alamat wajib diisi.']);
  });
});

describe('letter number pattern', () => {
  it('accepts the default pattern', () => {
    expect(documentSettingsSchema.parse({}).notaDinasPattern).toBe('{kode}/{urut}/{unit}/{tahun}');
  });

  const bad: [string, string][] = [
    ['{kode}/{unit}/{tahun}', 'Pola nomor harus memuat {urut} (nomor urut).'],
    ['{kode}/{urut}/{unit}', 'Pola nomor harus memuat {tahun}, karena nomor urut dimulai lagi setiap tahun.'],
    [
      '{kode}/{urut}/{seksi}/{tahun}',
      'Pola nomor memuat penanda yang tidak dikenal: {seksi}. Yang boleh: {kode}, {urut}, {unit}, {tahun}, {bulan}.',
    ],
    ['{urut}/{tahun}}', 'Kurung kurawal dalam pola nomor tidak berpasangan.'],
    ['   ', 'Pola nomor wajib diisi.'],
  ];
  it.each(bad)('refuses %j', (pattern, message) => {
    expect(messagesAt(numberPatternSchema.safeParse(pattern), '')).toContain(message);
  });

  it('reports the problem at documents.notaDinasPattern inside the setup input', () => {
    const input = setupInput();
    input.documents.notaDinasPattern = '{urut}';
    expect(messagesAt(setupInputSchema.safeParse(input), 'documents.notaDinasPattern')).toContain(
      'Pola nomor harus memuat {tahun}, karena nomor urut dimulai lagi setiap tahun.',
    );
  });
});

describe('account coverage', () => {
  it('accepts the demo accounts', () => {
    expect(setupInputSchema.safeParse(setupInput()).success).toBe(true);
  });

  it('requires an active account for every role', () => {
    const input = setupInput();
    input.accounts = input.accounts.filter((a) => a.role !== 'kepala_opd');
    expect(messagesAt(setupInputSchema.safeParse(input), 'accounts')).toContain('Belum ada akun aktif dengan peran Kepala OPD.');

    const accounts = input.accounts.map((a) => ({ ...a, isAdmin: a.isAdmin ?? false }));
    const inactive = [...accounts, { username: 'kepala', role: 'kepala_opd', isAdmin: false, personId: 'demo-kepala', active: false }];
    expect(checkAccountCoverage(inactive, ['demo-kepala', 'demo-ketua', 'demo-operator-1', 'demo-operator-2']).map((i) => i.message)).toContain(
      'Belum ada akun aktif dengan peran Kepala OPD.',
    );
  });

  it('requires an administrator', () => {
    const input = setupInput();
    input.accounts = input.accounts.map((a) => ({ ...a, isAdmin: false }));
    expect(messagesAt(setupInputSchema.safeParse(input), 'accounts')).toContain('Minimal satu akun harus menjadi administrator.');
  });

  it('refuses duplicate user names, also when they differ only in case', () => {
    const input = setupInput();
    input.accounts[1]!.username = 'Operator';
    expect(messagesAt(setupInputSchema.safeParse(input), 'accounts')).toContain('Nama pengguna "operator" dipakai lebih dari sekali.');
  });

  it('refuses two accounts for one person and an account for nobody', () => {
    const input = setupInput();
    input.accounts[1]!.personId = input.accounts[0]!.personId;
    expect(messagesAt(setupInputSchema.safeParse(input), 'accounts')).toContain('Satu orang hanya boleh punya satu akun.');
    const stranger = setupInput();
    stranger.accounts[1]!.personId = 'orang-lain';
    expect(messagesAt(setupInputSchema.safeParse(stranger), 'accounts')).toContain('Akun "operator2" tidak terhubung ke pejabat yang terdaftar.');
  });
});
