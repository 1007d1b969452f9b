import { packDocx } from '../../../electron/core/documents/docx/pack';
import { buildRegencyDip } from '../../../electron/core/documents/docx/regency-dip';
import { signingFingerprints } from '../../../electron/core/documents/docx/fingerprint';
import type { Settings } from '../../../electron/core/domain/office';
import { regencyInputOf, type RegencyInput } from '../../../electron/core/domain/regency/consolidate';
import type { RegencyRecords, RegisterEntry } from '../../../electron/core/domain/regency/model';
import { fold, type CycleEvent, type CycleState, type EventBody } from '../../../electron/core/domain/workflow';
import { generatedRegency, utamaSettings } from '../../fixtures/regency';
import { fakeEmblem } from '../../render/fixtures';
import { defineMetrics, type Metric } from '../metric';

/**
 * The consolidated DIP alone (issue 13), `utama.dip.40x300`, with its peak memory as `peak_mb`
 * beside `median_ms`: the documents' share of the budget. Issue 13's whole budget (the 40
 * packages received, then this) is `utama.consolidate.40x300` in regency-intake.ts.
 *
 * What is timed is `consolidatedDip(records, …)`: from the regency's records — 40 OPD, each
 * with its cycle of 300 items folded from its acts and signed by its Kepala — through
 * regencyInputOf (register order, signed lists, lateness), the PPID Utama's signing moment,
 * to the packed, sealed DOCX. `consolidatedDip` takes any RegencyRecords: receiving the 40
 * packages into a regency store belongs in this same `run`, handing that store to it.
 *
 * peak_mb: the most the process's resident memory rose above where it stood when a run
 * began, sampled between the stages and every few milliseconds while the packing awaits.
 * cpu_ms: the median run's processor time (warm-up included in the sample).
 */

const NOW = new Date('2026-12-21T01:00:00.000Z');
const MB = 1024 * 1024;

/** The consolidated DIP of the year as the PPID Utama signs and saves it, from the records. */
export async function consolidatedDip(records: Pick<RegencyRecords, 'entries' | 'cyclesOf'>, settings: Settings, year: number, now: Date, sample: () => void = () => {}): Promise<Buffer> {
  const draft = regencyInputOf(records, settings, year, null, { now });
  sample();
  const input: RegencyInput = { ...draft, regency: { ...draft.regency, signed: { at: now.toISOString() } } };
  const doc = buildRegencyDip({ settings, emblem: fakeEmblem(), input, now });
  sample();
  return packDocx(doc, now);
}

/**
 * `count` OPD of `perOpd` items (tests/fixtures/regency.ts generatedRegency), each as its own
 * cycle folded from acts: created, items added, the SOP's steps, the Kepala's signature with
 * the fingerprints the signing act stores. One OPD in eight let its step 4 run two days.
 */
export function foldedRecords(count: number, perOpd: number): Pick<RegencyRecords, 'entries' | 'cyclesOf'> {
  const actor = { userId: 'u', username: 'operator', name: 'Operator', role: 'operator' as const };
  const opds = generatedRegency(count, perOpd).opds.map((opd, k) => {
    const day = `2026-12-${String(1 + (k % 20)).padStart(2, '0')}`;
    const at = (hhmm: string, plusDays = 0) => new Date(Date.parse(`${day}T${hhmm}:00.000Z`) + plusDays * 86_400_000).toISOString();
    const t = (action: 'report' | 'issueNotaDinas' | 'submitKonsep' | 'approve', from: string, to: string): EventBody => ({ type: 'transition', action, from, to, reasons: '', data: {} }) as EventBody;
    const bodies: [string, EventBody][] = [
      [at('01:00'), { type: 'cycle.created', title: `DIP ${opd.opdName} 2026`, year: 2026, carriedFrom: null }],
      ...opd.items.map((i): [string, EventBody] => [at('01:05'), { type: 'item.added', itemId: i.id, fields: i.fields, origin: 'baru', sourceItemId: null }]),
      [at('01:30'), t('report', 'identifikasi', 'nota_dinas')],
      [at('01:40'), t('issueNotaDinas', 'nota_dinas', 'pengumpulan')],
      [at('02:00'), t('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid')],
      [at('02:10', k % 8 === 3 ? 2 : 0), t('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala')],
    ];
    const events = (list: [string, EventBody][]): CycleEvent[] =>
      list.map(([when, body], n) => ({ v: 4, id: `${opd.opdId}-a${n}`, cycleId: `c-${opd.opdId}`, parents: n ? [`${opd.opdId}-a${n - 1}`] : [], installationId: 'i', at: when, actor, body, hash: 'h'.repeat(64), sig: null }));
    const atKepala = fold(events(bodies));
    const signedAt = at('02:20', k % 8 === 3 ? 2 : 0);
    const by = `Kepala ${opd.opdName}`;
    const signing: EventBody = {
      type: 'transition',
      action: 'approve',
      from: 'pemeriksaan_kepala',
      to: 'arsip',
      reasons: '',
      data: { signedBy: by, fingerprints: signingFingerprints({ ...atKepala, signed: { at: signedAt, by } }) },
    };
    const cycle: CycleState = fold(events([...bodies, [signedAt, signing]]));
    const entry: RegisterEntry = {
      entryId: opd.opdId,
      officeId: `office-${opd.opdId}`,
      name: opd.opdName,
      unitCode: opd.unitCode,
      contact: { name: '', phone: '', email: '' },
      keys: [],
      devices: {},
      addedAt: '2026-01-05T02:00:00.000Z',
      addedBy: 'ppid',
      source: 'paket',
    };
    return { entry, cycle };
  });
  const byId = new Map(opds.map((o) => [o.entry.entryId, [o.cycle]]));
  return { entries: () => opds.map((o) => o.entry), cyclesOf: (id) => byId.get(id) ?? [] };
}

interface Ctx {
  records: Pick<RegencyRecords, 'entries' | 'cyclesOf'>;
  settings: Settings;
  peakMb: number;
  cpuMs: number[];
}

const consolidate: Metric<Ctx> = {
  name: 'utama.dip.40x300',
  runs: 5,
  warmup: 1,
  async setup() {
    return { records: foldedRecords(40, 300), settings: utamaSettings(), peakMb: 0, cpuMs: [] };
  },
  async run(ctx) {
    const cpu = process.cpuUsage();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 5);
    try {
      const bytes = await consolidatedDip(ctx.records, ctx.settings, 2026, NOW, sample);
      sample();
      if (bytes.length < 100_000) throw new Error('utama.dip.40x300: the .docx is suspiciously small');
    } finally {
      clearInterval(timer);
    }
    ctx.peakMb = Math.max(ctx.peakMb, (peak - before) / MB);
    const used = process.cpuUsage(cpu);
    ctx.cpuMs.push((used.user + used.system) / 1000);
  },
  // cpu_ms beside the wall time: on a machine shared with other work the two part ways.
  extra: (ctx) => ({ peak_mb: ctx.peakMb, cpu_ms: [...ctx.cpuMs].sort((a, b) => a - b)[Math.floor(ctx.cpuMs.length / 2)] ?? 0 }),
};

export const metrics = defineMetrics(consolidate);
