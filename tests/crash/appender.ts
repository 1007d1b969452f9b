/**
 * Child process for the cycle-log crash test: opens the cycles of a data directory through
 * the repository the way the core does (copies of the logs included) and appends acts as
 * fast as it can until it is killed. Batches vary from one act to most of a megabyte, so a
 * SIGKILL can land between the system calls that write one batch and tear it. After each append resolves it
 * prints `ACK <acts in the log> <id of the last act>`: whatever was acknowledged must
 * survive a SIGKILL at any moment.
 *
 * Usage: echo GO | node appender.mjs <dataDir> <seed>   (bundled by cycle-log-crash.test.ts)
 */
import path from 'node:path';
import type { Actor, EventBody } from '../../electron/core/domain/workflow';
import { CycleRepository } from '../../electron/core/store/cycle-repository';

const actor: Actor = { userId: 'u-crash', username: 'operator', name: 'Uji Crash', role: 'operator' };

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

async function main() {
  const [dataDir, seedText] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: appender <dataDir> <seed>');
  const random = prng(Number(seedText ?? 1));
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const repo = await CycleRepository.open(path.join(dataDir, 'cycles'), 'inst-crash', { backupsRoot: path.join(dataDir, 'backups') });
  let cycleId = repo.list()[0]?.id ?? null;
  if (!cycleId) {
    const s = await repo.record(null, actor, new Date(), () => [{ type: 'cycle.created', title: 'Uji crash', year: 2026, carriedFrom: null }]);
    cycleId = s.id;
    process.stdout.write(`ACK ${s.eventCount} ${s.lastEventId}\n`);
  }
  process.stdout.write('READY\n');
  for (let n = 0; ; n++) {
    // Mostly single acts; now and then a batch over Node's 512 KiB write chunk (about 1 KB an
    // act), written in several system calls: a kill between them tears the batch mid-line.
    const size = random() < 0.05 ? 600 + Math.floor(random() * 300) : 1 + Math.floor(random() * 3);
    const ringkasan = 'Ringkasan informasi untuk uji crash. '.repeat(8);
    const bodies: EventBody[] = Array.from({ length: size }, (_, i) => ({
      type: 'item.added',
      itemId: `butir-${n}-${i}-${Math.floor(random() * 1e9)}`,
      fields: {
        bidang: 'Sekretariat',
        judul: `Informasi ${n}.${i}`,
        catatan: '',
        ringkasan,
        pejabatPenguasa: '',
        penanggungJawab: '',
        waktuPembuatan: '',
        tempatPembuatan: '',
        bentuk: [],
        retensi: '',
        kategori: '',
        berkalaBulan: 0,
        exemption: { basis: 'pasal17', huruf: '', angka: 0, undangUndang: '', pasal: '', konsekuensi: '', pertimbangan: '', jangkaWaktu: '' },
      },
      origin: 'baru',
      sourceItemId: null,
    }));
    const s = await repo.record(cycleId, actor, new Date(), () => bodies);
    // stdout to a pipe is synchronous on POSIX: once this returns, the parent will see it.
    process.stdout.write(`ACK ${s.eventCount} ${s.lastEventId}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
