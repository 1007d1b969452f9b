import type { FormErrors } from '@mantine/form';
import { accountInputSchema, checkAccountCoverage } from '../../../../electron/core/domain/office';
import type { OfficeKind } from '../../../../electron/core/domain/regency/model';
import { OFFICE_ROLES, ROLE_LABELS, type Role } from '../../../../electron/core/domain/roles';
import { OFFICIAL_LABELS } from '../../components/forms/officials-labels';
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

export function peopleOf(officials: OfficialsValues, kind: OfficeKind = 'opd'): PersonSlot[] {
  const l = OFFICIAL_LABELS[kind];
  return [
    { person: officials.kepala, title: l.kepala.title, defaultRole: l.kepala.role },
    { person: officials.ketuaPpid, title: l.ketuaPpid.title, defaultRole: l.ketuaPpid.role },
    ...officials.operators.map((person, i) => ({ person, title: `${l.operator.title} ${i + 1}`, defaultRole: l.operator.role })),
  ];
}

/** The roles an account can take in an office of this kind, as the Peran choice offers them. */
export function roleOptions(kind: OfficeKind): { value: Role; label: string }[] {
  return OFFICE_ROLES[kind].map((r) => ({ value: r, label: ROLE_LABELS[r] }));
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

/**
 * One row per person, keeping what was typed for people already there. A role the office's
 * kind does not have (the kind was changed after the accounts step) goes back to the default.
 */
export function syncAccountRows(officials: OfficialsValues, rows: AccountRow[], kind: OfficeKind = 'opd'): AccountRow[] {
  const taken = new Set(rows.filter((r) => r.username).map((r) => r.username));
  const allowed: readonly Role[] = OFFICE_ROLES[kind];
  return peopleOf(officials, kind).map(({ person, defaultRole }) => {
    const found = rows.find((r) => r.personId === person.id);
    const existing = found && !allowed.includes(found.role) ? { ...found, role: defaultRole } : found;
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
      // The ketua PPID (at the PPID Utama: its secretary) usually keeps the office's records: the natural first administrator.
      isAdmin: person.id === officials.ketuaPpid.id,
      password: '',
      confirm: '',
    };
  });
}

/**
 * The whole-step messages (a role no active account holds, no administrator, a name used twice)
 * for an office of this kind, as the core's checkAccountCoverage says them.
 */
export function accountCoverage(
  kind: OfficeKind,
  accounts: { username: string; role: Role; isAdmin: boolean; personId: string; active?: boolean }[],
  personIds: string[],
): string[] {
  return checkAccountCoverage(accounts, personIds, kind).map((i) => i.message);
}

/** Field errors per row (same rules as the core) plus the SOP-coverage messages for the whole step. */
export function validateAccounts(rows: AccountRow[], personIds: string[], kind: OfficeKind = 'opd'): { errors: FormErrors; coverage: string[] } {
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
  const allowed: readonly Role[] = OFFICE_ROLES[kind];
  rows.forEach((row, i) => {
    if (row.create && !allowed.includes(row.role)) errors[`accounts.${i}.role`] ??= `Peran ${ROLE_LABELS[row.role]} tidak ada di kantor ini.`;
  });
  const active = rows.filter((r) => r.create).map((r) => ({ ...r, username: r.username.trim().toLowerCase() }));
  const coverage = accountCoverage(kind, active, personIds);
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
