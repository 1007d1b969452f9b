import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DemoAccount } from '../contract';
import type { SetupInput } from '../domain/office';
import type { CallContext } from './context';
import { completeSetup } from './setup';
import { addWorkingMinutes, workingMinutesBetween, yearIn, type CalendarSettings } from '../domain/calendar';
import { itemFieldsSchema } from '../domain/information';
import { AppError } from '../result';
import { act, addItems, createCycle, cycleView, markReview, recordUji, updateItem } from './cycles';
import { participants } from '../documents/shared/texts';
import { nextYearNewItems, reviewNewItems, signedItems, type DemoItem } from './demo-content';

/** Fictional people; the office is real so that the documents look like the real thing. */
export const DEMO_PASSWORD = 'contoh-ppid-2026';

export function demoSetup(emblemBase64: string | null): { input: SetupInput; accounts: DemoAccount[] } {
  const people = {
    kepala: {
      id: 'demo-kepala',
      name: 'Drs. Agustinus Rangkap, M.Si.',
      jabatan: 'Kepala Dinas Komunikasi, Informatika dan Statistik',
      asn: 'PNS' as const,
      pangkat: 'IV/b' as const,
      nip: '197008171995031004',
    },
    ketuaPpid: {
      id: 'demo-ketua',
      name: 'Yuliana Sari, S.Sos., M.AP.',
      jabatan: 'Sekretaris Dinas selaku Ketua PPID Pembantu',
      asn: 'PNS' as const,
      pangkat: 'IV/a' as const,
      nip: '197805122003122006',
    },
    operators: [
      {
        id: 'demo-operator-1',
        name: 'Rizky Pratama, S.Kom.',
        jabatan: 'Pranata Komputer Ahli Pertama',
        asn: 'PNS' as const,
        pangkat: 'III/b' as const,
        nip: '199303212019031002',
      },
      {
        id: 'demo-operator-2',
        name: 'Dewi Lestari, A.Md.',
        jabatan: 'Pengelola Layanan Informasi',
        asn: 'PNS' as const,
        pangkat: 'II/c' as const,
        nip: '199507042020122008',
      },
    ],
  };
  const accounts: DemoAccount[] = [
    { username: 'operator', password: DEMO_PASSWORD, role: 'operator', name: people.operators[0]!.name },
    { username: 'operator2', password: DEMO_PASSWORD, role: 'operator', name: people.operators[1]!.name },
    { username: 'ppid', password: DEMO_PASSWORD, role: 'ppid_pembantu', name: people.ketuaPpid.name },
    { username: 'kepala', password: DEMO_PASSWORD, role: 'kepala_opd', name: people.kepala.name },
  ];
  const personOf: Record<string, string> = {
    operator: 'demo-operator-1',
    operator2: 'demo-operator-2',
    ppid: 'demo-ketua',
    kepala: 'demo-kepala',
  };
  return {
    accounts,
    input: {
      office: {
        pemda: 'Kabupaten Kapuas Hulu',
        opdName: 'Dinas Komunikasi, Informatika dan Statistik',
        unitCode: 'Diskominfotik',
        address: 'Jalan Lintas Selatan No. 12, Putussibau, Kapuas Hulu, Kalimantan Barat 78711',
        phone: '(0567) 21012',
        email: 'diskominfotik@kapuashulukab.go.id',
        website: 'diskominfotik.kapuashulukab.go.id',
        placeName: 'Putussibau',
        bidang: [
          'Sekretariat',
          'Bidang Informasi dan Komunikasi Publik',
          'Bidang Aplikasi Informatika',
          'Bidang Persandian dan Keamanan Informasi',
          'Bidang Statistik Sektoral',
        ],
      },
      officials: people,
      documents: {
        paper: 'F4',
        font: 'Arial',
        fontSize: 12,
        kodeKlasifikasi: '500.12.2',
        notaDinasPattern: '{kode}/{urut}/{unit}/{tahun}',
      },
      emblem: emblemBase64,
      accounts: accounts.map((a) => ({
        personId: personOf[a.username]!,
        username: a.username,
        role: a.role,
        isAdmin: a.username === 'ppid',
        password: a.password,
      })),
    },
  };
}

export async function loadDemo(ctx: CallContext, opts: { cycles: boolean } = { cycles: false }) {
  let emblem: string | null = null;
  try {
    emblem = (await fs.readFile(path.join(ctx.stores.resourcesDir, 'emblem-default.png'))).toString('base64');
  } catch {
    emblem = null; // the demo works without a picture
  }
  const { input, accounts } = demoSetup(emblem);
  await completeSetup(ctx, input, { demo: true });
  if (opts.cycles) await demoCycles(ctx);
  return { accounts };
}

// ---------------------------------------------------------------- the demo's cycles

/**
 * The office's history, made through the same services as real work (every act checked by
 * the SOP and written to the chained logs), on a clock that moves in office minutes: a
 * newcomer finds a list signed last year, one waiting for the PPID Pembantu's review after a
 * return, and one at step 3 — each step taken within its time standard.
 */
async function demoCycles(base: CallContext) {
  const cal = base.stores.settings.get()!.calendar;
  const users = base.stores.appDb.data.users;
  const year = yearIn(base.now, cal.timeZone);

  /** A schedule in office minutes from `start`; `as(user, at)` is a call made by that user then. */
  const schedule = (start: string) => ({
    at: (minutes: number) => new Date(addWorkingMinutes(start, minutes, cal) ?? start),
    as(username: string, minutes: number): CallContext {
      const actor = users.find((u) => u.username === username);
      if (!actor) throw new AppError('INTERNAL', `Akun contoh ${username} tidak ada.`);
      return { stores: base.stores, actor, session: undefined, now: this.at(minutes) };
    },
  });

  // 1. Last year's list, signed and its DIK archived.
  const past = schedule(new Date(Date.UTC(year - 1, 0, 12, 0, 30)).toISOString()); // 07.30 WIB, mid-January
  const signed = await runCycle(past, {
    title: `Daftar Informasi Publik Tahun ${year - 1}`,
    year: year - 1,
    carryFrom: null,
    operator: 'operator',
    items: signedItems(year - 1),
    fillAll: true,
  });
  let t = signed.t;
  await reviewAll(past, signed.cycleId, (t += 3));
  await act(past.as('ppid', (t += 10)), { cycleId: signed.cycleId, action: 'approve', reasons: '', note: '' });
  await signAsKepala(past.as('kepala', (t += 12)), signed.cycleId);
  await act(past.as('kepala', (t += 90)), {
    cycleId: signed.cycleId,
    action: 'archive',
    reasons: '',
    note: 'Asli DIK disimpan di lemari arsip Subbagian Umum dan Kepegawaian.',
  });

  // 2. This year's list, returned once and sent again a moment ago: the PPID Pembantu's turn.
  const reviewLength = 480;
  const now = base.now.toISOString();
  const review = schedule(beforeInOfficeMinutes(new Date(base.now.getTime() - 2 * 60_000), reviewLength, cal));
  const r = await runCycle(review, {
    title: `Daftar Informasi Publik Tahun ${year}`,
    year,
    carryFrom: signed.cycleId,
    operator: 'operator',
    items: reviewNewItems(year),
    fillAll: true,
  });
  t = r.t;
  const view = await reviewAll(review, r.cycleId, (t += 3), {
    key: 'Rekapitulasi pengaduan',
    note: 'Ringkasan belum menyebut bahwa identitas pelapor tidak dimuat; tambahkan agar jelas data yang dibuka.',
  });
  await act(review.as('ppid', (t += 9)), {
    cycleId: r.cycleId,
    action: 'return',
    reasons: 'Satu informasi perlu dilengkapi ringkasannya, lihat catatan pada Rekapitulasi pengaduan masyarakat.',
    note: '',
  });
  const flagged = view.items.find((i) => i.fields.judul.startsWith('Rekapitulasi pengaduan'))!;
  await updateItem(review.as('operator', reviewLength - 15), {
    cycleId: r.cycleId,
    itemId: flagged.id,
    fields: {
      ringkasan: `${flagged.fields.ringkasan} Identitas pelapor tidak dimuat (dirahasiakan sesuai ketentuan SP4N-LAPOR!).`,
    },
  });
  await act(review.as('operator', reviewLength), { cycleId: r.cycleId, action: 'submitKonsep', reasons: '', note: '' });

  // 3. Next year's list at step 3: carried items complete, new ones half filled.
  const nextLength = 150;
  const next = schedule(beforeInOfficeMinutes(new Date(now), nextLength, cal));
  await runCycle(next, {
    title: `Daftar Informasi Publik Tahun ${year + 1}`,
    year: year + 1,
    carryFrom: signed.cycleId,
    operator: 'operator2',
    items: nextYearNewItems(year + 1),
    fillAll: false,
  });
}

/**
 * Steps 1–3 of one cycle: identification, the Nota Dinas from its suggestion, and the items
 * filled. With `fillAll` the Konsep is sent; otherwise half the new items are filled and the
 * cycle stays at step 3. Returns the office minute reached.
 */
async function runCycle(
  sch: { as(username: string, minutes: number): CallContext },
  c: { title: string; year: number; carryFrom: string | null; operator: string; items: DemoItem[]; fillAll: boolean },
) {
  let t = 0;
  const { id: cycleId } = await createCycle(sch.as(c.operator, t), { title: c.title, year: c.year, carryFrom: c.carryFrom });
  const added = await addItems(sch.as(c.operator, (t += 25)), {
    cycleId,
    // The item schema's defaults fill what step 1 does not know yet, as for any new item.
    items: c.items.map((i) => itemFieldsSchema.parse(i.identified)),
  });
  await act(sch.as(c.operator, (t += 30)), { cycleId, action: 'report', reasons: '', note: '' });
  await act(sch.as('ppid', (t += 9)), { cycleId, action: 'issueNotaDinas', reasons: '', note: '' });
  const fill = c.fillAll ? c.items : c.items.slice(0, Math.ceil(c.items.length / 2));
  const gap = Math.floor((c.fillAll ? 300 : 60) / Math.max(1, fill.length));
  for (const item of fill) {
    const stored = added.items.find((i) => i.fields.judul === item.identified.judul)!;
    await updateItem(sch.as(c.operator, (t += gap)), { cycleId, itemId: stored.id, fields: item.complete });
  }
  if (!c.fillAll) {
    // The rest has a classification only: what an officer does first.
    for (const item of c.items.slice(fill.length)) {
      const stored = added.items.find((i) => i.fields.judul === item.identified.judul)!;
      await updateItem(sch.as(c.operator, (t += 5)), { cycleId, itemId: stored.id, fields: { kategori: item.complete.kategori } });
    }
    return { cycleId, t };
  }
  await act(sch.as(c.operator, (t += 20)), { cycleId, action: 'submitKonsep', reasons: '', note: '' });
  return { cycleId, t };
}

/** The PPID Pembantu marks every item; `fix` names one (by title start) that needs work. */
async function reviewAll(
  sch: { as(username: string, minutes: number): CallContext },
  cycleId: string,
  t: number,
  fix?: { key: string; note: string },
) {
  const ctx = sch.as('ppid', t);
  let view = cycleView(ctx, cycleId);
  for (const [n, item] of view.items.entries()) {
    const bad = fix && item.fields.judul.startsWith(fix.key);
    view = await markReview(sch.as('ppid', t + n * 0.4), {
      cycleId,
      itemId: item.id,
      verdict: bad ? 'perlu_perbaikan' : 'sesuai',
      note: bad ? fix.note : '',
    });
  }
  return view;
}

/**
 * Step 5: the Kepala OPD signs. Kept apart so that what signing asks for (a signing
 * password, the uji konsekuensi act) is added here and nowhere else.
 */
/**
 * The Kepala's step 5 as real work does it: the uji konsekuensi recorded with everyone who
 * tested (the list has exempt items), then the signature with the Kepala's own password.
 */
async function signAsKepala(ctx: CallContext, cycleId: string) {
  const settings = ctx.stores.settings.get()!;
  await recordUji(ctx, {
    cycleId,
    participants: participants(settings).map((p) => ({ name: p.person.name, nip: p.person.nip, jabatan: p.person.jabatan, role: p.role })),
  });
  await act(ctx, { cycleId, action: 'approve', reasons: '', note: '', password: DEMO_PASSWORD });
}

/** The instant `minutes` office minutes before `end` (the inverse of addWorkingMinutes), to the second. */
export function beforeInOfficeMinutes(end: Date, minutes: number, cal: CalendarSettings): string {
  let lo = end.getTime() - 120 * 86_400_000;
  let hi = end.getTime();
  if (workingMinutesBetween(new Date(lo), end, cal) < minutes) return new Date(lo).toISOString();
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingMinutesBetween(new Date(mid), end, cal) >= minutes) lo = mid;
    else hi = mid;
  }
  return new Date(lo).toISOString();
}

export function demoAccounts(ctx: CallContext): DemoAccount[] {
  return ctx.stores.appDb.data.demo ? demoSetup(null).accounts : [];
}
