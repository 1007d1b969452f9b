/**
 * Every role an account can hold. An OPD's accounts hold the first three (the SOP's roles);
 * a PPID Utama office's hold `ppid_utama` and `operator` (OFFICE_ROLES).
 */
export const ROLES = ['operator', 'ppid_pembantu', 'kepala_opd', 'ppid_utama'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  operator: 'Operator OPD',
  ppid_pembantu: 'PPID Pembantu',
  kepala_opd: 'Kepala OPD',
  ppid_utama: 'PPID Utama',
};


/** The roles an office of each kind gives its accounts (domain/regency/model.ts OFFICE_KINDS). */
export const OFFICE_ROLES = {
  opd: ['operator', 'ppid_pembantu', 'kepala_opd'],
  utama: ['ppid_utama', 'operator'],
} as const satisfies Record<'opd' | 'utama', readonly Role[]>;
