import { z } from 'zod';
import { GOLONGAN } from './pangkat';
import { OFFICE_KIND_LABELS, OFFICE_KINDS, type OfficeKind } from './regency/model';
import { checkNip } from './nip';
import { OFFICE_ROLES, ROLE_LABELS, ROLES } from './roles';
import { DEFAULT_CALENDAR, HARI_ISO, OFFICE_TIME_ZONES, isRealDay, parseTimeOfDay } from './calendar';

/** Messages are Indonesian: they reach the user as they are. */
const required = (label: string, max = 200) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    // An empty field says it is required, not what a later rule (length, characters) would.
    .min(1, { error: `${label} wajib diisi.`, abort: true })
    .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`);

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'Pengenal tidak valid.');

export const OFFICE_PATTERN_TOKENS = ['kode', 'urut', 'unit', 'tahun', 'bulan'] as const;

export const officeSchema = z.object({
  pemda: required('Nama pemerintah daerah', 120),
  opdName: required('Nama OPD', 200),
  unitCode: z
    .string({ error: 'Kode unit wajib diisi.' })
    .trim()
    .min(1, { error: 'Kode unit wajib diisi.', abort: true })
    .max(30, 'Kode unit maksimal 30 karakter.')
    .regex(/^[A-Za-z0-9.-]+$/, 'Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung (tanpa spasi atau garis miring).'),
  address: required('Alamat', 300),
  phone: z
    .string()
    .trim()
    .max(40, 'Nomor telepon terlalu panjang.')
    .regex(/^[0-9()+\-\s.]*$/, 'Nomor telepon hanya boleh berisi angka, spasi, tanda kurung, + dan -.')
    .default(''),
  email: z
    .union([z.literal(''), z.email('Alamat e-mail tidak valid.')])
    .default(''),
  website: z
    .string()
    .trim()
    .max(200, 'Alamat website terlalu panjang.')
    .regex(/^$|^(https?:\/\/)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(\/\S*)?$/, 'Alamat website tidak valid (contoh: diskominfo.kapuashulukab.go.id).')
    .default(''),
  placeName: required('Nama tempat untuk tanggal surat', 80),
  bidang: z
    .array(required('Nama bidang', 120))
    .min(1, 'Isi minimal satu bidang.')
    .max(30, 'Maksimal 30 bidang.')
    .refine((list) => new Set(list.map((b) => b.toLowerCase())).size === list.length, 'Nama bidang tidak boleh ganda.'),
});
export type Office = z.infer<typeof officeSchema>;

export const ASN_KINDS = ['PNS', 'PPPK', 'NON_ASN'] as const;
export const ASN_LABELS: Record<(typeof ASN_KINDS)[number], string> = {
  PNS: 'PNS',
  PPPK: 'PPPK',
  NON_ASN: 'Non-ASN',
};

export const personSchema = z
  .object({
    id: idSchema,
    name: required('Nama lengkap', 150),
    jabatan: required('Jabatan', 200),
    asn: z.enum(ASN_KINDS, { error: 'Status kepegawaian tidak dikenal.' }).default('PNS'),
    pangkat: z.union([z.literal(''), z.enum(GOLONGAN, { error: 'Pangkat/golongan tidak dikenal.' })]).default(''),
    nip: z.string().trim().max(30, 'NIP terlalu panjang.').default(''),
  })
  .superRefine((p, ctx) => {
    if (p.asn === 'NON_ASN') return;
    if (!p.nip) {
      ctx.addIssue({ code: 'custom', path: ['nip'], message: 'NIP wajib diisi untuk ASN.' });
      return;
    }
    const check = checkNip(p.nip, p.asn, null);
    for (const message of check.errors) ctx.addIssue({ code: 'custom', path: ['nip'], message });
    if (p.asn === 'PNS' && !p.pangkat) {
      ctx.addIssue({ code: 'custom', path: ['pangkat'], message: 'Pangkat/golongan wajib dipilih untuk PNS.' });
    }
  })
  .transform((p) => ({ ...p, nip: p.nip.replace(/[\s.]/g, '') }));
export type Person = z.infer<typeof personSchema>;

export const officialsSchema = z
  .object({
    kepala: personSchema,
    ketuaPpid: personSchema,
    operators: z.array(personSchema).min(1, 'Isi minimal satu operator.').max(20, 'Maksimal 20 operator.'),
  })
  .superRefine((o, ctx) => {
    if (o.kepala.asn === 'NON_ASN') {
      ctx.addIssue({ code: 'custom', path: ['kepala', 'asn'], message: 'Kepala OPD harus ASN dengan NIP.' });
    }
    const ids = [o.kepala.id, o.ketuaPpid.id, ...o.operators.map((p) => p.id)];
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['operators'], message: 'Setiap pejabat harus orang yang berbeda.' });
    }
  });
export type Officials = z.infer<typeof officialsSchema>;

export const PAPER_SIZES = ['F4', 'A4'] as const;
export const FONTS = ['Arial', 'Bookman Old Style', 'Times New Roman', 'Tahoma'] as const;

export const numberPatternSchema = z
  .string()
  .trim()
  .min(1, { error: 'Pola nomor wajib diisi.', abort: true })
  .max(80, 'Pola nomor terlalu panjang.')
  .superRefine((pattern, ctx) => {
    const tokens = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
    const unknown = tokens.filter((t) => !(OFFICE_PATTERN_TOKENS as readonly string[]).includes(t));
    if (unknown.length) {
      ctx.addIssue({
        code: 'custom',
        message: `Pola nomor memuat penanda yang tidak dikenal: ${unknown.map((t) => `{${t}}`).join(', ')}. Yang boleh: ${OFFICE_PATTERN_TOKENS.map((t) => `{${t}}`).join(', ')}.`,
      });
    }
    if (!tokens.includes('urut')) ctx.addIssue({ code: 'custom', message: 'Pola nomor harus memuat {urut} (nomor urut).' });
    if (!tokens.includes('tahun')) ctx.addIssue({ code: 'custom', message: 'Pola nomor harus memuat {tahun}, karena nomor urut dimulai lagi setiap tahun.' });
    if (/[{}]/.test(pattern.replace(/\{[^}]*\}/g, ''))) ctx.addIssue({ code: 'custom', message: 'Kurung kurawal dalam pola nomor tidak berpasangan.' });
  });

/**
 * The Keputusan that sets the DIP and the DIK, for the offices whose regency wants one (off
 * by default). The lists then print as its lampiran: LAMPIRAN / KEPUTUSAN … / NOMOR /
 * TANGGAL / TENTANG at the top right. The running number comes from the office's register
 * of decrees, which the app does not keep: it prints as dots, to be written in by hand.
 */
export const listDecreeSchema = z.object({
  enabled: z.boolean().default(false),
  /** Who decrees: the Kepala OPD (as atasan PPID) or the PPID Pembantu. */
  issuer: z.enum(['kepala', 'ppid'], { error: 'Pejabat yang menetapkan harus Kepala OPD atau PPID Pembantu.' }).default('kepala'),
  pattern: numberPatternSchema.default('100.3.3/{urut}/{unit}/{tahun}'),
});
export type ListDecreeSettings = z.infer<typeof listDecreeSchema>;

export const documentSettingsSchema = z.object({
  paper: z.enum(PAPER_SIZES, { error: 'Ukuran kertas harus F4 atau A4.' }).default('F4'),
  font: z.enum(FONTS, { error: 'Jenis huruf tidak dikenal.' }).default('Arial'),
  fontSize: z.number().int().min(10, 'Ukuran huruf minimal 10.').max(14, 'Ukuran huruf maksimal 14.').default(12),
  kodeKlasifikasi: z
    .string()
    .trim()
    .min(1, { error: 'Kode klasifikasi arsip wajib diisi.', abort: true })
    .max(30, 'Kode klasifikasi terlalu panjang.')
    .regex(/^[0-9A-Za-z.]+$/, 'Kode klasifikasi hanya angka, huruf dan titik (contoh: 500.12.2).')
    .default('500.12.2'),
  notaDinasPattern: numberPatternSchema.default('{kode}/{urut}/{unit}/{tahun}'),
  listDecree: listDecreeSchema.default(() => listDecreeSchema.parse({})),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

export const emblemMetaSchema = z.object({
  file: z.string().regex(/^emblem-[a-f0-9]{16}\.(png|jpg)$/),
  mime: z.enum(['image/png', 'image/jpeg']),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
});
export type EmblemMeta = z.infer<typeof emblemMetaSchema>;

const timeOfDay = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .refine((t) => parseTimeOfDay(t) !== null, `${label} harus berupa jam dan menit, misalnya 07.30.`)
    .transform((t) => t.replace(':', '.'));

const dayText = z
  .string({ error: 'Tanggal wajib diisi.' })
  .trim()
  .min(1, 'Tanggal wajib diisi.')
  .refine((t) => t === '' || isRealDay(t), 'Tanggal tidak valid (pilih tanggal pada kalender).');

export const holidaySchema = z.object({
  date: dayText,
  name: required('Nama hari libur', 120),
});

/** The office's calendar (see domain/calendar.ts): zone, office hours, holidays. */
export const calendarSettingsSchema = z
  .object({
    timeZone: z.enum(OFFICE_TIME_ZONES, { error: 'Zona waktu harus WIB, WITA atau WIT.' }).default(DEFAULT_CALENDAR.timeZone),
    officeStart: timeOfDay('Jam mulai kerja').default(DEFAULT_CALENDAR.officeStart),
    officeEnd: timeOfDay('Jam selesai kerja').default(DEFAULT_CALENDAR.officeEnd),
    workingDays: z
      .array(z.number().int().min(1, 'Hari kerja tidak dikenal.').max(7, 'Hari kerja tidak dikenal.'))
      .min(1, 'Pilih minimal satu hari kerja.')
      .refine((d) => new Set(d).size === d.length, 'Hari kerja tidak boleh ganda.')
      .transform((d) => [...d].sort((a, b) => a - b))
      .default(() => [...DEFAULT_CALENDAR.workingDays]),
    extraHolidays: z.array(holidaySchema).max(200, 'Maksimal 200 hari libur tambahan.').default(() => []),
    removedHolidays: z.array(dayText).max(200).default(() => []),
  })
  .superRefine((c, ctx) => {
    const start = parseTimeOfDay(c.officeStart);
    const end = parseTimeOfDay(c.officeEnd);
    if (start !== null && end !== null && end <= start) {
      ctx.addIssue({ code: 'custom', path: ['officeEnd'], message: `Jam selesai kerja (${c.officeEnd}) harus sesudah jam mulai (${c.officeStart}).` });
    }
    const seen = new Set<string>();
    c.extraHolidays.forEach((h, i) => {
      if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: ['extraHolidays', i, 'date'], message: `Tanggal ${h.date} sudah ada dalam daftar hari libur tambahan.` });
      seen.add(h.date);
    });
  });
export type CalendarSettingsInput = z.input<typeof calendarSettingsSchema>;
/** Labels for the working-day checkboxes, Senin first. */
export const WORKING_DAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: HARI_ISO[d]! }));

/** Everything the Pengaturan page edits, kept in settings.json. */
export const settingsSchema = z.object({
  /**
   * The office's identity across laptops: made at setup, carried by the office package to
   * every laptop that joins, checked on every package received. Optional only for settings
   * built in code (tests); files get it from setup or migration 2→3.
   */
  officeId: idSchema.optional(),
  /** An OPD (the SOP's cycles) or the regency's PPID Utama (the register of every OPD): chosen at setup. */
  officeKind: z.enum(OFFICE_KINDS, { error: 'Jenis kantor tidak dikenal.' }).default('opd'),
  office: officeSchema,
  officials: officialsSchema,
  documents: documentSettingsSchema,
  emblem: emblemMetaSchema.nullable().default(null),
  calendar: calendarSettingsSchema.default(() => calendarSettingsSchema.parse({})),
});
export type Settings = z.infer<typeof settingsSchema>;

export const PASSWORD_MIN = 8;
export const passwordSchema = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(1, { error: 'Kata sandi wajib diisi.', abort: true })
  .min(PASSWORD_MIN, `Kata sandi minimal ${PASSWORD_MIN} karakter.`)
  .max(128, 'Kata sandi maksimal 128 karakter.');

export const usernameSchema = z
  .string({ error: 'Nama pengguna wajib diisi.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Nama pengguna wajib diisi.', abort: true })
  .min(3, 'Nama pengguna minimal 3 karakter.')
  .max(32, 'Nama pengguna maksimal 32 karakter.')
  .regex(/^[a-z0-9._-]+$/, 'Nama pengguna hanya huruf kecil, angka, titik, garis bawah dan tanda hubung.');

export const accountInputSchema = z.object({
  personId: idSchema,
  username: usernameSchema,
  role: z.enum(ROLES, { error: 'Peran tidak dikenal.' }),
  isAdmin: z.boolean().default(false),
  password: passwordSchema,
});
export type AccountInput = z.infer<typeof accountInputSchema>;

/** A role an office of this kind does not give (a Kepala OPD at the PPID Utama, a PPID Utama at an OPD): the message, or null. */
export function roleOutsideOffice(role: string, kind: OfficeKind): string | null {
  if ((OFFICE_ROLES[kind] as readonly string[]).includes(role)) return null;
  const label = (ROLE_LABELS as Record<string, string>)[role] ?? role;
  const allowed = OFFICE_ROLES[kind].map((r) => ROLE_LABELS[r]).join(', ');
  return `Peran ${label} tidak dipakai di kantor ${OFFICE_KIND_LABELS[kind]}; pilih salah satu: ${allowed}.`;
}

/**
 * Accounts must cover the office's work: someone for every role of its kind (an OPD: the SOP's
 * three; the PPID Utama: ppid_utama and operator), no role of the other kind, and someone who administers.
 */
export function checkAccountCoverage(
  accounts: { username: string; role: string; isAdmin: boolean; personId: string; active?: boolean }[],
  personIds: string[],
  kind: OfficeKind = 'opd',
): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const active = accounts.filter((a) => a.active !== false);
  for (const role of OFFICE_ROLES[kind]) {
    if (!active.some((a) => a.role === role)) {
      issues.push({ path: ['accounts'], message: `Belum ada akun aktif dengan peran ${ROLE_LABELS[role]}.` });
    }
  }
  const foreign = new Set(accounts.map((a) => roleOutsideOffice(a.role, kind)).filter((m): m is string => m !== null));
  for (const message of foreign) issues.push({ path: ['accounts'], message });
  if (!active.some((a) => a.isAdmin)) issues.push({ path: ['accounts'], message: 'Minimal satu akun harus menjadi administrator.' });
  const names = accounts.map((a) => a.username);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) issues.push({ path: ['accounts'], message: `Nama pengguna "${dup}" dipakai lebih dari sekali.` });
  const persons = accounts.map((a) => a.personId);
  const dupPerson = persons.find((p, i) => persons.indexOf(p) !== i);
  if (dupPerson) issues.push({ path: ['accounts'], message: 'Satu orang hanya boleh punya satu akun.' });
  for (const a of accounts) {
    if (!personIds.includes(a.personId)) {
      issues.push({ path: ['accounts'], message: `Akun "${a.username}" tidak terhubung ke pejabat yang terdaftar.` });
    }
  }
  return issues;
}

/** The accounts of a first run, by setup or by joining an office: every role and an administrator (checkAccountCoverage). */
export const setupAccountsSchema = z.array(accountInputSchema).min(3, 'Buat minimal tiga akun: Operator OPD, PPID Pembantu dan Kepala OPD.').max(30);

/**
 * The PPID Utama documents no items of its own, so its bidang are never chosen from: setup
 * gives it this one when none is typed (Pengaturan can change it). An OPD must name its own.
 */
export const UTAMA_DEFAULT_BIDANG = ['Bidang Informasi dan Komunikasi Publik'];

/**
 * The first run. `officeKind` (default OPD) decides the accounts' roles; the PPID Utama's
 * officials are its own: `kepala` the PPID Utama who signs the regency's lists (e.g. "Kepala
 * Dinas Komunikasi dan Informatika selaku PPID Utama"), `ketuaPpid` its secretary or pengelola,
 * `operators` its operators.
 */
export const setupInputSchema = z
  .object({
    officeKind: z.enum(OFFICE_KINDS, { error: 'Jenis kantor tidak dikenal.' }).default('opd'),
    office: officeSchema.extend({ bidang: officeSchema.shape.bidang.optional() }),
    officials: officialsSchema,
    documents: documentSettingsSchema,
    /** PNG/JPG as base64; size and type are checked by the core. */
    emblem: z.string().max(3_000_000, 'Berkas lambang terlalu besar (maksimal 2 MB).').nullable().default(null),
    accounts: z.array(accountInputSchema).max(30),
  })
  .superRefine((s, ctx) => {
    if (s.officeKind === 'opd' && !s.office.bidang) ctx.addIssue({ code: 'custom', path: ['office', 'bidang'], message: 'Isi minimal satu bidang.' });
    const min = s.officeKind === 'opd' ? 3 : 2;
    if (s.accounts.length < min) {
      const message = s.officeKind === 'opd' ? 'Buat minimal tiga akun: Operator OPD, PPID Pembantu dan Kepala OPD.' : 'Buat minimal dua akun: PPID Utama dan Operator.';
      ctx.addIssue({ code: 'custom', path: ['accounts'], message });
      return;
    }
    const personIds = [s.officials.kepala.id, s.officials.ketuaPpid.id, ...s.officials.operators.map((p) => p.id)];
    for (const issue of checkAccountCoverage(s.accounts, personIds, s.officeKind)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .transform((s) => ({ ...s, office: { ...s.office, bidang: s.office.bidang ?? [...UTAMA_DEFAULT_BIDANG] } }));
/** What the setup screen sends: it always names the bidang (the schema lets a PPID Utama leave them out). */
export type SetupInput = z.input<typeof setupInputSchema> & { office: { bidang: string[] } };
