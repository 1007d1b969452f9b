import { randomUUID } from 'node:crypto';
import { NOTA_DINAS_BODY_ITEMS_MAX, NOTA_DINAS_LAMPIRAN_COUNT } from '../documents/shared/nota-dinas';
import { AppError } from '../result';
import { itemProblems, storedItemFieldsSchema, type ItemFields } from '../domain/information';
import { DEFAULT_NOTA_DINAS_PATTERN, formatLetterNumber, parseLetterNumber } from '../domain/numbering';
import { yearIn } from '../domain/calendar';
import { LOCKS } from '../keyed-mutex';
import { ROLE_LABELS, type Role } from '../domain/roles';
import { buildTimeline } from '../domain/timeline';
import {
  availableActions,
  canEdit,
  currentReviews,
  decide,
  emptyNotaDinas,
  actionWarnings,
  flaggedForFix,
  isFixed,
  notaDinasProblems,
  sinceLastReview,
  unchangedFlagged,
  unchangedSinceSesuai,
  STEP_INFO,
  stepTiming,
  type Action,
  type Actor,
  type CycleState,
  type EditKind,
  type EventBody,
  type ItemState,
  type NotaDinasDraft,
  type UjiParticipant,
} from '../domain/workflow';
import type { CallContext, Stores } from './context';
import { readAttachment, storeAttachment, attachmentPresent } from './attachments';
import { baseCycleFor, compareWithBase } from '../domain/changes';
import type { CycleSummary, CycleView, ItemView } from '../domain/cycle-views';
import { allPeople } from './users';
import { signingFingerprints } from '../documents';
import { assertUjiRecordable, cleanParticipants, confirmSigner, signingMoment, signingPreview as previewSigning } from './signing';

function actorOf(ctx: CallContext): Actor {
  const u = ctx.actor!;
  const person = allPeople(ctx.stores.settings.get()).find((p) => p.id === u.personId);
  return { userId: u.id, username: u.username, name: person?.name ?? u.username, role: u.role };
}

function holderNames(ctx: CallContext, role: Role | null): string[] {
  if (!role) return [];
  const people = allPeople(ctx.stores.settings.get());
  return ctx.stores.appDb.data.users
    .filter((u) => u.active && u.role === role)
    .map((u) => people.find((p) => p.id === u.personId)?.name ?? u.username);
}

function mustGet(ctx: CallContext, id: string): CycleState {
  const s = ctx.stores.cycles.get(id);
  if (!s) {
    const damaged = ctx.stores.cycles.damagedCycle(id);
    throw new AppError(damaged ? 'STORAGE' : 'NOT_FOUND', damaged ? damaged.message : 'Siklus tidak ditemukan.');
  }
  return s;
}

function summary(ctx: CallContext, s: CycleState): CycleSummary {
  const info = STEP_INFO[s.step];
  return {
    id: s.id,
    title: s.title,
    year: s.year,
    step: s.step,
    stepNo: info.no,
    stepLabel: info.label,
    holderRole: info.holder,
    holderRoleLabel: info.holder ? ROLE_LABELS[info.holder] : '',
    holderNames: holderNames(ctx, info.holder),
    timing: stepTiming(s, ctx.now.toISOString(), ctx.stores.settings.get()?.calendar),
    // Only classified items count as DIP or exempt; the rest are said to be not yet classified.
    itemCount: s.items.filter((i) => i.fields.kategori && i.fields.kategori !== 'dikecualikan').length,
    exemptCount: s.items.filter((i) => i.fields.kategori === 'dikecualikan').length,
    unclassifiedCount: s.items.filter((i) => !i.fields.kategori).length,
    updatedAt: s.updatedAt,
    waitingForMe: info.holder === ctx.actor?.role || s.conflicts.some((c) => c.decider === ctx.actor?.role),
    openConflicts: s.conflicts.length,
    signed: s.signed,
  };
}

export function listCycles(ctx: CallContext) {
  const cycles = ctx.stores.cycles
    .list()
    .map((s) => summary(ctx, s))
    .sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt));
  return { cycles, damaged: ctx.stores.cycles.damaged, notices: ctx.stores.cycles.notices };
}

function suggestedNotaDinas(ctx: CallContext, s: CycleState): NotaDinasDraft {
  const settings = ctx.stores.settings.get()!;
  const o = settings.officials;
  const bidang = [...new Set(s.items.map((i) => i.fields.bidang))];
  const list = s.items.map((i, n) => `${n + 1}. ${i.fields.judul} (${i.fields.bidang})`).join('\n');
  return {
    ...emptyNotaDinas(),
    kepada: `Petugas PPID Pembantu ${settings.office.opdName}`,
    dari: o.ketuaPpid.jabatan,
    tembusan: [o.kepala.jabatan],
    hal: `Penghimpunan dan Pendokumentasian Informasi Publik Tahun ${s.year}`,
    // A longer list prints as the lampiran (documents/shared/nota-dinas.ts); the head says so.
    lampiran: s.items.length > NOTA_DINAS_BODY_ITEMS_MAX ? NOTA_DINAS_LAMPIRAN_COUNT : '-',
    batasWaktu: '1 (satu) hari kerja',
    isi:
      `Dalam rangka melaksanakan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik dan SOP Pendokumentasian Informasi Publik, ` +
      `bersama ini kami minta Saudara berkoordinasi dengan ${bidang.length ? bidang.join(', ') : 'seluruh bidang'} untuk menghimpun, mengklasifikasikan ` +
      `(serta merta, berkala, setiap saat, atau dikecualikan) dan mendokumentasikan informasi publik berikut:\n${list}\n\n` +
      `Hasilnya disusun sebagai Konsep Daftar Informasi Publik ${s.year} dan disampaikan kepada kami paling lambat 1 (satu) hari kerja sejak Nota Dinas ini diterima.\n\n` +
      `Demikian untuk dilaksanakan dengan penuh tanggung jawab.`,
  };
}

/** Until the PPID Pembantu saves a draft, the suggestion is what the screen shows and what gets issued. */
export function withSuggestedDraft(ctx: CallContext, s: CycleState): CycleState {
  return s.notaDinas.draft ? s : { ...s, notaDinas: { ...s.notaDinas, draft: suggestedNotaDinas(ctx, s) } };
}

export function cycleView(ctx: CallContext, id: string): CycleView {
  const stored = mustGet(ctx, id);
  const saved = stored.notaDinas.draft !== null;
  const s = withSuggestedDraft(ctx, stored);
  const role = ctx.actor!.role;
  const reviews = currentReviews(s);
  const flagged = flaggedForFix(s);
  const bidang = new Map<string, { total: number; complete: number }>();
  const items: ItemView[] = s.items.map((i) => {
    const problems = itemProblems(i.fields);
    const b = bidang.get(i.fields.bidang) ?? { total: 0, complete: 0 };
    b.total += 1;
    if (!problems.length) b.complete += 1;
    bidang.set(i.fields.bidang, b);
    const since = sinceLastReview(s, i);
    return {
      ...i,
      problems,
      review: reviews[i.id] ?? null,
      sinceReview: since && { version: since.version, verdict: since.verdict, note: since.note, changes: since.changes },
      flaggedNote: i.id in flagged ? flagged[i.id]! : null,
      fixed: i.id in flagged && isFixed(s, i),
      notReceived: i.attachments.filter((a) => !attachmentPresent(ctx.stores.paths.files, a)).map((a) => a.id),
    };
  });
  const draft = s.notaDinas.draft!;
  return {
    ...summary(ctx, s),
    stepInfo: STEP_INFO[s.step],
    carriedFrom: s.carriedFrom,
    createdAt: s.createdAt,
    items,
    removedItems: s.removedItems,
    notaDinas: { draft, saved, number: s.notaDinas.number, date: s.notaDinas.date, problems: notaDinasProblems(draft) },
    version: s.version,
    returns: s.returns,
    archived: s.archived,
    visits: s.visits,
    actions: availableActions(s, role),
    can: {
      items: canEdit(s, role, 'items').ok,
      notaDinas: canEdit(s, role, 'notaDinas').ok,
      review: canEdit(s, role, 'review').ok,
      uji: canEdit(s, role, 'uji').ok,
      archive: canEdit(s, role, 'archive').ok,
    },
    ujiKonsekuensi: s.ujiKonsekuensi,
    conflicts: s.conflicts,
    setAside: s.setAside,
    bidangProgress: [...bidang.entries()].map(([name, v]) => ({ bidang: name, ...v })),
    timeline: buildTimeline(ctx.stores.cycles.events(id)).reverse(),
  };
}

/**
 * A person's choice on a conflict that concurrent work left (domain/workflow/conflicts.ts):
 * recorded as an act naming exactly the acts it settles, so work arriving later is never
 * settled by it. Only the role that decides that conflict may choose.
 */
export async function resolveConflict(ctx: CallContext, input: { cycleId: string; conflictId: string; choice: string }) {
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    const c = s!.conflicts.find((x) => x.id === input.conflictId);
    if (!c) throw new AppError('CONFLICT', 'Konflik ini sudah diselesaikan atau tidak ada lagi. Muat ulang siklus.');
    if (c.decider !== ctx.actor!.role) throw new AppError('FORBIDDEN', `Konflik ini diputuskan oleh ${ROLE_LABELS[c.decider]}.`);
    const option = c.options.find((o) => o.choice === input.choice);
    if (!option) throw new AppError('INVALID_INPUT', 'Pilihan tidak dikenal untuk konflik ini.');
    if (!option.allowed) throw new AppError('CONFLICT', option.reason ?? 'Pilihan ini tidak dapat diambil sekarang.');
    return [{ type: 'conflict.resolved', conflictId: c.id, choice: input.choice, acts: c.acts }];
  });
  return cycleView(ctx, input.cycleId);
}

function assertEdit(s: CycleState, role: Role, kind: EditKind) {
  const r = canEdit(s, role, kind);
  if (!r.ok) throw new AppError(r.code, r.message);
}

function assertBidang(ctx: CallContext, fields: Pick<ItemFields, 'bidang'>) {
  const known = ctx.stores.settings.get()!.office.bidang;
  if (!known.includes(fields.bidang)) {
    throw new AppError('INVALID_INPUT', `Bidang "${fields.bidang}" tidak terdaftar di Pengaturan.`, [{ path: 'bidang', message: 'Bidang tidak terdaftar.' }]);
  }
}

export async function createCycle(ctx: CallContext, input: { title: string; year: number; carryFrom: string | null }) {
  // One open cycle per year: the check and the creation run as one, per year.
  return ctx.stores.locks.run(LOCKS.cycleCreation(input.year), () => createCycleLocked(ctx, input));
}

async function createCycleLocked(ctx: CallContext, input: { title: string; year: number; carryFrom: string | null }) {
  const open = ctx.stores.cycles.list().find((c) => c.year === input.year && c.step !== 'selesai');
  if (open) throw new AppError('CONFLICT', `Masih ada siklus "${open.title}" untuk tahun ${input.year} yang belum selesai.`);
  let carried: ItemState[] = [];
  if (input.carryFrom) {
    const from = mustGet(ctx, input.carryFrom);
    if (!from.signed) throw new AppError('CONFLICT', 'Hanya DIP yang sudah ditandatangani yang dapat menjadi dasar siklus baru.');
    carried = from.items;
  }
  const state = await ctx.stores.cycles.record(null, actorOf(ctx), ctx.now, () => [
    { type: 'cycle.created', title: input.title, year: input.year, carriedFrom: input.carryFrom },
    ...carried.map(
      (i): EventBody => ({ type: 'item.added', itemId: randomUUID(), fields: i.fields, origin: 'tetap', sourceItemId: i.id }),
    ),
  ]);
  return { id: state.id };
}

export async function addItems(ctx: CallContext, input: { cycleId: string; items: ItemFields[] }) {
  for (const f of input.items) assertBidang(ctx, f);
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'items');
    return input.items.map((fields) => ({ type: 'item.added', itemId: randomUUID(), fields, origin: 'baru', sourceItemId: null }));
  });
  return cycleView(ctx, input.cycleId);
}

export async function updateItem(ctx: CallContext, input: { cycleId: string; itemId: string; fields: Partial<ItemFields> }) {
  if (input.fields.bidang !== undefined) assertBidang(ctx, { bidang: input.fields.bidang });
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'items');
    const item = s!.items.find((i) => i.id === input.itemId);
    if (!item) throw new AppError('NOT_FOUND', 'Informasi tidak ditemukan dalam siklus ini.');
    // The patch was checked against today's rules (contract); a stored value they forbid, not
    // touched by this patch, stays as it is, flagged on screen (itemProblems).
    const merged = storedItemFieldsSchema.parse({ ...item.fields, ...input.fields });
    const changed = Object.fromEntries(
      Object.entries(merged).filter(([k, v]) => JSON.stringify(item.fields[k as keyof ItemFields]) !== JSON.stringify(v)),
    ) as Partial<ItemFields>;
    return Object.keys(changed).length ? [{ type: 'item.updated', itemId: item.id, fields: changed }] : [];
  });
  return cycleView(ctx, input.cycleId);
}

export async function removeItem(ctx: CallContext, input: { cycleId: string; itemId: string }) {
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'items');
    if (!s!.items.some((i) => i.id === input.itemId)) throw new AppError('NOT_FOUND', 'Informasi tidak ditemukan dalam siklus ini.');
    return [{ type: 'item.removed', itemId: input.itemId }];
  });
  return cycleView(ctx, input.cycleId);
}

export async function saveNotaDinas(ctx: CallContext, input: { cycleId: string; draft: NotaDinasDraft }) {
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'notaDinas');
    return JSON.stringify(s!.notaDinas.draft) === JSON.stringify(input.draft) ? [] : [{ type: 'notaDinas.saved', draft: input.draft }];
  });
  return cycleView(ctx, input.cycleId);
}

export async function markReview(
  ctx: CallContext,
  input: { cycleId: string; itemId: string; verdict: 'sesuai' | 'perlu_perbaikan'; note: string },
) {
  if (input.verdict === 'perlu_perbaikan' && input.note.trim().length < 3) {
    throw new AppError('INVALID_INPUT', 'Tuliskan catatan perbaikan untuk petugas.', [{ path: 'note', message: 'Catatan wajib diisi.' }]);
  }
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'review');
    const item = s!.items.find((i) => i.id === input.itemId);
    if (!item) throw new AppError('NOT_FOUND', 'Informasi tidak ditemukan dalam siklus ini.');
    return [{ type: 'review.marked', itemId: item.id, version: s!.version, verdict: input.verdict, note: input.note.trim(), judged: item.fields }];
  });
  return cycleView(ctx, input.cycleId);
}

/**
 * "Tandai semua yang tidak berubah sesuai": every item judged sesuai in an earlier round and
 * unchanged since gets its mark for this round, one act per item, appended together.
 */
export async function markUnchanged(ctx: CallContext, input: { cycleId: string }) {
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'review');
    const items = unchangedSinceSesuai(s!);
    if (!items.length) throw new AppError('CONFLICT', 'Tidak ada informasi yang tidak berubah sejak dinyatakan sesuai.');
    return items.map((i): EventBody => ({ type: 'review.marked', itemId: i.id, version: s!.version, verdict: 'sesuai', note: '', judged: i.fields }));
  });
  return cycleView(ctx, input.cycleId);
}

/** The office's calendar year of a moment: the year a Nota Dinas number belongs to. */
export function officeYear(ctx: CallContext, at: Date | string): number {
  return yearIn(at, ctx.stores.settings.get()!.calendar.timeZone);
}

/**
 * The highest Nota Dinas running number issued in `year`, read from every cycle's log (the
 * logs are the record: an app.json restored from an old backup cannot make a number come
 * round again). Acts before `urut` was kept are read back from the formatted number.
 */
function lastIssuedUrut(ctx: CallContext, year: number): number {
  const settings = ctx.stores.settings.get()!;
  const patterns = [settings.documents.notaDinasPattern, DEFAULT_NOTA_DINAS_PATTERN];
  const known = { kode: settings.documents.kodeKlasifikasi, unit: settings.office.unitCode };
  let max = 0;
  for (const cycle of ctx.stores.cycles.list()) {
    for (const e of ctx.stores.cycles.events(cycle.id)) {
      const b = e.body;
      if (b.type !== 'transition' || b.action !== 'issueNotaDinas' || !b.data.notaDinasNumber) continue;
      if (officeYear(ctx, b.data.notaDinasDate ?? e.at) !== year) continue;
      const urut = b.data.urut ?? parseLetterNumber(b.data.notaDinasNumber, patterns, known);
      if (urut !== null && urut > max) max = urut;
    }
  }
  return max;
}

/**
 * Per counter key (`notaDinas:<year>`), the highest Nota Dinas number this data knows: app.json's
 * floors and every log. A restore carries these over (backup/auto-state.ts), so numbers issued
 * after the backup was made are not issued again.
 */
export function notaDinasHighWater(stores: Stores): Record<string, number> {
  const ctx = { stores } as CallContext;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(stores.appDb.data.counters)) if (k.startsWith('notaDinas:')) out[k] = v;
  const years = new Set<number>();
  for (const cycle of stores.cycles.list()) {
    for (const e of stores.cycles.events(cycle.id)) {
      const b = e.body;
      if (b.type === 'transition' && b.action === 'issueNotaDinas' && b.data.notaDinasNumber) years.add(officeYear(ctx, b.data.notaDinasDate ?? e.at));
    }
  }
  for (const y of years) out[`notaDinas:${y}`] = Math.max(out[`notaDinas:${y}`] ?? 0, lastIssuedUrut(ctx, y));
  return out;
}

type ActInput = { cycleId: string; action: Action; reasons: string; note: string; password?: string; signedAt?: string };

/** Whether this call is the Kepala's signature: the approve at step 5. */
function isSigning(s: CycleState, action: Action): boolean {
  return action === 'approve' && s.step === 'pemeriksaan_kepala';
}

export async function act(ctx: CallContext, input: ActInput) {
  const before = mustGet(ctx, input.cycleId);
  if (isSigning(before, input.action)) {
    // Refused acts do not spend a password try; the slow check runs outside the cycle's lock.
    const d = decide(before, ctx.actor!.role, input.action, input.reasons);
    if (!d.ok) throw new AppError(d.code, d.message);
    await confirmSigner(ctx, input.password);
  }
  // Issuing takes the next number: one issue at a time across all cycles, until its act is in the log.
  if (input.action === 'issueNotaDinas') return ctx.stores.locks.run(LOCKS.notaDinas, () => actNow(ctx, input));
  return actNow(ctx, input, isSigning(before, input.action));
}

async function actNow(ctx: CallContext, input: ActInput, passwordChecked = false) {
  const actor = actorOf(ctx);
  await ctx.stores.cycles.record(input.cycleId, actor, ctx.now, async (s) => {
    const d = decide(withSuggestedDraft(ctx, s!), ctx.actor!.role, input.action, input.reasons);
    if (!d.ok) throw new AppError(d.code, d.message);
    const t = d.transition;
    const data: Extract<EventBody, { type: 'transition' }>['data'] = {};
    if (t.action === 'issueNotaDinas') {
      const settings = ctx.stores.settings.get()!;
      const year = officeYear(ctx, ctx.now);
      const db = ctx.stores.appDb;
      const key = `notaDinas:${year}`;
      // app.json's counter is only a floor (numbers issued from a cycle since lost or damaged).
      const urut = Math.max(db.data.counters[key] ?? 0, lastIssuedUrut(ctx, year)) + 1;
      await ctx.stores.locks.run(LOCKS.app, async () => {
        // Saved before the act: a failure after it skips a number, never repeats one.
        db.data.counters[key] = Math.max(db.data.counters[key] ?? 0, urut);
        await db.write();
      });
      data.notaDinasNumber = formatLetterNumber(settings.documents.notaDinasPattern, {
        kode: settings.documents.kodeKlasifikasi,
        urut,
        unit: settings.office.unitCode,
        date: ctx.now,
        timeZone: settings.calendar.timeZone,
      });
      data.notaDinasDate = ctx.now.toISOString();
      data.urut = urut;
    }
    if (t.action === 'submitKonsep') {
      data.version = s!.version + 1;
      // Sending despite the warning is allowed; the act says what was sent unchanged.
      if (actionWarnings(s!, 'submitKonsep').length) data.unchangedFlagged = unchangedFlagged(s!).map((i) => i.id);
    }
    if (t.action === 'approve' && t.step === 'pemeriksaan_kepala') {
      // The cycle reached step 5 between the check and the lock: its signature was not confirmed.
      if (!passwordChecked) throw new AppError('CONFLICT', 'Siklus ini baru saja berpindah tahap. Muat ulang lalu coba lagi.');
      data.signedBy = actor.name;
      // The moment the Kepala saw in the preview: the fingerprint shown is the one stored.
      const at = signingMoment(s!, ctx.now, input.signedAt);
      if (at !== ctx.now.toISOString()) data.signedAt = at;
      // What was signed is fixed in the act: verification compares with this, never with a recomputation.
      data.fingerprints = signingFingerprints({ ...s!, signed: { at, by: actor.name } });
    }
    if (t.action === 'archive' && input.note.trim()) data.note = input.note.trim();
    const bodies: EventBody[] = [];
    // A Nota Dinas issued from the suggestion freezes exactly what was shown.
    if (t.action === 'issueNotaDinas' && !s!.notaDinas.draft) bodies.push({ type: 'notaDinas.saved', draft: suggestedNotaDinas(ctx, s!) });
    bodies.push({ type: 'transition', action: t.action, from: t.step, to: t.next, reasons: input.reasons.trim(), data });
    return bodies;
  });
  return cycleView(ctx, input.cycleId);
}

/** What "Setujui dan tandatangani" would sign now: each list, its rows and its fingerprint code. */
export function signingPreview(ctx: CallContext, input: { cycleId: string }) {
  return previewSigning(ctx, mustGet(ctx, input.cycleId), actorOf(ctx).name);
}

/** The uji konsekuensi held: who took part; the act's time is the date its sheet prints. */
export async function recordUji(ctx: CallContext, input: { cycleId: string; participants: UjiParticipant[] }) {
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertUjiRecordable(s!, ctx);
    return [{ type: 'uji.recorded', version: s!.version, participants: cleanParticipants(input.participants) }];
  });
  return cycleView(ctx, input.cycleId);
}

export function timeline(ctx: CallContext, input: { cycleId: string; role: Role | null; type: string | null; itemId: string | null }) {
  mustGet(ctx, input.cycleId);
  return buildTimeline(ctx.stores.cycles.events(input.cycleId))
    .filter((e) => (!input.role || e.actor.role === input.role) && (!input.type || e.type === input.type) && (!input.itemId || e.itemId === input.itemId))
    .reverse();
}

export async function attach(ctx: CallContext, input: { cycleId: string; itemId: string; name: string; base64: string }) {
  const s = mustGet(ctx, input.cycleId);
  assertEdit(s, ctx.actor!.role, 'items');
  if (!s.items.some((i) => i.id === input.itemId)) throw new AppError('NOT_FOUND', 'Informasi tidak ditemukan dalam siklus ini.');
  const attachment = await storeAttachment(ctx.stores.paths.files, input.name, input.base64);
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (cur) => {
    assertEdit(cur!, ctx.actor!.role, 'items');
    return [{ type: 'item.attached', itemId: input.itemId, attachment }];
  });
  return cycleView(ctx, input.cycleId);
}

export async function detach(ctx: CallContext, input: { cycleId: string; itemId: string; attachmentId: string }) {
  await ctx.stores.cycles.record(input.cycleId, actorOf(ctx), ctx.now, (s) => {
    assertEdit(s!, ctx.actor!.role, 'items');
    const item = s!.items.find((i) => i.id === input.itemId);
    if (!item?.attachments.some((a) => a.id === input.attachmentId)) throw new AppError('NOT_FOUND', 'Lampiran tidak ditemukan.');
    return [{ type: 'item.detached', itemId: input.itemId, attachmentId: input.attachmentId }];
  });
  return cycleView(ctx, input.cycleId);
}

export async function attachmentContent(ctx: CallContext, input: { cycleId: string; itemId: string; attachmentId: string }) {
  const s = mustGet(ctx, input.cycleId);
  const a = s.items.find((i) => i.id === input.itemId)?.attachments.find((x) => x.id === input.attachmentId);
  if (!a) throw new AppError('NOT_FOUND', 'Lampiran tidak ditemukan.');
  const bytes = await readAttachment(ctx.stores.paths.files, a);
  return { name: a.name, mime: a.mime, base64: bytes.toString('base64') };
}

export function changes(ctx: CallContext, input: { cycleId: string }) {
  const s = mustGet(ctx, input.cycleId);
  return compareWithBase(s, baseCycleFor(s, ctx.stores.cycles.list()));
}
