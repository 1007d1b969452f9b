import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../electron/core/domain/sync/manifest';
import { readPackage, writePackage } from '../../electron/core/sync/package-file';
import { baseManifest, goodPackage, testSigner } from '../fixtures/bad-packages';

const office = { unitCode: 'Dinkes', pemda: 'Kabupaten Kapuas Hulu', ppid: { name: 'dr. Maria Goretti', phone: '(0567) 21055', email: 'ppid.dinkes@kapuashulukab.go.id' } };
const entries = [{ path: 'perangkat.json', bytes: Buffer.from('[]') }];

describe('the sending OPD in a package manifest (for the PPID Utama register)', () => {
  it('travels signed and reads back as written', async () => {
    const read = await readPackage(await writePackage({ ...baseManifest(), office }, entries, testSigner));
    expect(read.manifest.office).toEqual(office);
  });

  it('is optional: a package made before it existed still reads', async () => {
    expect((await readPackage(await goodPackage())).manifest.office).toBeUndefined();
  });

  it('refuses unknown fields and text that is not one clean line', () => {
    const m = { format: 1, ...baseManifest(), entries: [] };
    expect(manifestSchema.safeParse({ ...m, office: { ...office, kepala: 'x' } }).success).toBe(false);
    const bad = manifestSchema.safeParse({ ...m, office: { ...office, ppid: { ...office.ppid, name: 'baris\nkedua' } } });
    expect(bad.success ? '' : bad.error.issues[0]!.message).toBe('Nama PPID Pembantu memuat karakter yang tidak boleh ada.');
  });
});
