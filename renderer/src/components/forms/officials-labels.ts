import type { OfficeKind } from '../../../../electron/core/domain/regency/model';
import type { Role } from '../../../../electron/core/domain/roles';

/**
 * What the three kinds of people in settings.officials are called in each kind of office, and
 * the role their account gets by default. An OPD: its Kepala signs the lists, the Ketua PPID
 * Pembantu issues the Nota Dinas. A PPID Utama office (Diskominfo): its Kepala is the PPID Utama
 * who signs the regency's lists; the secretary/pengelola runs the register day to day.
 */
export interface OfficialLabel {
  title: string;
  hint: string;
  role: Role;
}

export const OFFICIAL_LABELS: Record<OfficeKind, { kepala: OfficialLabel; ketuaPpid: OfficialLabel; operator: OfficialLabel }> = {
  opd: {
    kepala: { title: 'Kepala OPD', hint: 'Atasan PPID di OPD ini: memeriksa dan menandatangani Daftar Informasi Publik.', role: 'kepala_opd' },
    ketuaPpid: {
      title: 'Ketua PPID Pembantu',
      hint: 'Biasanya Sekretaris OPD: menerbitkan Nota Dinas dan memeriksa Konsep Daftar Informasi Publik.',
      role: 'ppid_pembantu',
    },
    operator: { title: 'Operator', hint: 'Petugas PPID yang mengumpulkan dan mengklasifikasikan informasi dari setiap bidang.', role: 'operator' },
  },
  utama: {
    kepala: {
      title: 'PPID Utama',
      hint: 'Biasanya Kepala Dinas Komunikasi dan Informatika selaku PPID Utama: menandatangani daftar informasi kabupaten.',
      role: 'ppid_utama',
    },
    ketuaPpid: {
      title: 'Sekretaris/Pengelola PPID Utama',
      hint: 'Mengelola register OPD sehari-hari: menerima paket OPD dan mencocokkan kunci laptop pengirimnya.',
      role: 'ppid_utama',
    },
    operator: { title: 'Operator', hint: 'Petugas yang menerima paket OPD dan melengkapi data register.', role: 'operator' },
  },
};
