import { describe, expect, it } from 'vitest';
import { officePackageFileName, packageFileName } from '../../electron/core/domain/sync/package-name';

describe('package file names, as a person reads them on a flash drive or in a chat', () => {
  it('says the year, the step and who it is for, with the day it was made', () => {
    expect(packageFileName([{ year: 2027, step: 'pemeriksaan_ppid' }], 'ppid_pembantu', '2027-01-14', 'Diskominfotik')).toBe('DIP-2027_langkah-4_untuk-PPID-Pembantu_2027-01-14.ppid');
    expect(packageFileName([{ year: 2026, step: 'selesai' }, { year: 2027, step: 'identifikasi' }], null, '2027-01-14')).toBe('DIP-2026-2027_2-siklus_2027-01-14.ppid');
  });

  it('starts with the OPD unit code when it goes up to the PPID Utama, where forty OPD files meet in one folder', () => {
    const disdik = packageFileName([{ year: 2026, step: 'selesai' }], 'ppid_utama', '2026-11-02', 'Disdik');
    const dinkes = packageFileName([{ year: 2026, step: 'selesai' }], 'ppid_utama', '2026-11-02', 'Dinkes');
    expect(disdik).toBe('Disdik_DIP-2026_selesai_untuk-PPID-Utama_2026-11-02.ppid');
    expect(dinkes).not.toBe(disdik);
  });

  it('keeps to letters, digits and dashes', () => {
    expect(officePackageFileName('Dinas/Kominfo 2', '2027-01-14')).toBe('Kantor-Dinas-Kominfo-2_2027-01-14.ppid');
  });
});
