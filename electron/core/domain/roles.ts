export const ROLES = ['operator', 'ppid_pembantu', 'kepala_opd'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  operator: 'Operator OPD',
  ppid_pembantu: 'PPID Pembantu',
  kepala_opd: 'Kepala OPD',
};
