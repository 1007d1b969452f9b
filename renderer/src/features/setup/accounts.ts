import type { FormErrors } from '@mantine/form';
import { accountInputSchema, checkAccountCoverage } from '../../../../electron/core/domain/office';
import type { Role } from '../../../../electron/core/domain/roles';
import type { OfficialsValues, PersonValues } from '../../components/forms/types';

/** One person's account in the wizard; `create: false` leaves that person without a log-in. */
export interface AccountRow {
  personId: string;
  create: boolean;
  username: string;
  role: Role;
  isAdmin: boolean;
  password: string;
  confirm: string;
}

export interface PersonSlot {
  person: PersonValues;
  /** "Kepala OPD", "Ketua PPID Pembantu", "Operator 2". */
  title: string;
  defaultRole: Role;
}

export function peopleOf(officials: OfficialsValues): PersonSlot[] {
  return [
    { person: officials.kepala, title: 'Kepala OPD', defaultRole: 'kepala_opd' },
    { person: officials.ketuaPpid, title: 'Ketua PPID Pembantu', defaultRole: 'ppid_pembantu' },
    ...officials.operators.map((person, i) => ({ person, title: `Operator ${i + 1}`, defaultRole: 'operator' as const })),
  ];
}

/**
 * A short log-in name from the person's name: the first word that is not a degree
 * ("Drs. Agustinus Rangkap, M.Si." → "agustinus"). People remember their own name.
 */
export function suggestUsername(name: string, fallback: string, taken: Set<string>): string {
  const word = name
    .split(/\s+/)
    .find((w) => w && !w.includes('.') && !w.endsWith(','))
    ?.toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
  const base = word && word.length >= 3 ? word.slice(0, 24) : fallback;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  return candidate;
}

const ROLE_FALLBACK: Record<Role, string> = { kepala_opd: 'kepala', ppid_pembantu: 'ppid', operator: 'operator', ppid_utama: 'ppidutama' };

/** One row per person, keeping what was typed for people already there. */
export function syncAccountRows(officials: OfficialsValues, rows: AccountRow[]): AccountRow[] {
  const taken = new Set(rows.filter((r) => r.username).map((r) => r.username));
  return peopleOf(officials).map(({ person, defaultRole }) => {
    const existing = rows.find((r) => r.personId === person.id);
    if (existing) {
      if (existing.username) return existing;
      const username = suggestUsername(person.name, ROLE_FALLBACK[existing.role], taken);
      taken.add(username);
      return { ...existing, username };
    }
    const username = suggestUsername(person.name, ROLE_FALLBACK[defaultRole], taken);
    taken.add(username);
    return {
      personId: person.id,
      create: true,
      username,
      role: defaultRole,
      // The ketua PPID usually keeps the office's PPID records: the natural first administrator.
      isAdmin: defaultRole === 'ppid_pembantu',
      password: '',
      confirm: '',
    };
  });
}

/** Field errors per row (same rules as the core) plus the SOP-coverage messages for the whole step. */
export function validateAccounts(rows: AccountRow[], personIds: string[]): { errors: FormErrors; coverage: string[] } {
  const errors: FormErrors = {};
  rows.forEach((row, i) => {
    if (!row.create) return;
    const parsed = accountInputSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = `accounts.${i}.${issue.path.join('.')}`;
        errors[key] ??= issue.message;
      }
    }
    if (row.password && row.password !== row.confirm) errors[`accounts.${i}.confirm`] ??= 'Ulangi kata sandi yang sama persis.';
  });
  const active = rows.filter((r) => r.create).map((r) => ({ ...r, username: r.username.trim().toLowerCase() }));
  const coverage = checkAccountCoverage(active, personIds).map((i) => i.message);
  return { errors, coverage };
}

/** What `setup.complete` receives: only the rows that make an account, and where each came from. */
export function accountsForCore(rows: AccountRow[]) {
  const indexOf: number[] = [];
  const accounts = rows.flatMap((row, i) => {
    if (!row.create) return [];
    indexOf.push(i);
    return [{ personId: row.personId, username: row.username, role: row.role, isAdmin: row.isAdmin, password: row.password }];
  });
  return { accounts, indexOf };
}
