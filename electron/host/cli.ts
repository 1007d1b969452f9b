import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Core } from '../core/app-core';
import { systemClock } from '../core/clock';
import { DataDirLockedError } from '../core/store/lock';
import { defaultDataDir } from './data-dir';
import { createHostServer, listenLoopback } from './server';
import { fileClock, TEST_CLOCK_ENV } from './test-clock';
import { relayTimingFromEnv, TEST_RELAY_ENV } from './test-relay';

/**
 * `npm run preview`: the real core and the real renderer, served to a browser on
 * 127.0.0.1 — for machines where Electron's binary cannot be had.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Port tidak valid: ${values.port}`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(repoRoot, 'dist', 'renderer'));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    fail(`Tampilan aplikasi belum dibangun (${rendererDir} tidak berisi index.html). Jalankan: npm run build:renderer`);
  }
  if (!values['data-dir']) process.stdout.write(`Folder data: ${dataDir}\n`);

  // End-to-end tests only (test-clock.ts): a bad clock file stops the host before it opens the data folder.
  const testClockFile = process.env[TEST_CLOCK_ENV];
  const clock = testClockFile ? fileClock(path.resolve(testClockFile)) : systemClock;
  if (testClockFile) {
    try {
      process.stderr.write(`Jam uji aktif (${TEST_CLOCK_ENV}): sekarang ${clock.now().toISOString()}\n`);
    } catch (e) {
      fail((e as Error).message);
    }
  }

  // End-to-end tests only (test-relay.ts): when the relay's rounds and retries come.
  const relay = (() => {
    try {
      return relayTimingFromEnv(process.env[TEST_RELAY_ENV]);
    } catch (e) {
      fail((e as Error).message);
    }
  })();

  const appVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  let core: Core;
  try {
    core = await Core.open({
      dataDir,
      clock,
      holder: 'PPID Desk (pratinjau peramban)',
      resourcesDir: path.join(repoRoot, 'resources'),
      appVersion,
      relay,
      log: (m, e) => process.stderr.write(`${m}${e ? `: ${(e as Error).stack ?? e}` : ''}\n`),
    });
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    throw e;
  }

  const token = randomBytes(24).toString('base64url');
  const server = createHostServer({ core, token, rendererDir });
  let actualPort: number;
  try {
    actualPort = await listenLoopback(server, port);
  } catch (e) {
    await core.close();
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `Port ${port} sudah dipakai program lain. Pilih port lain dengan --port.` : `Tidak dapat membuka port: ${(e as Error).message}`);
  }
  process.stdout.write(`PPID Desk siap di http://127.0.0.1:${actualPort}/?token=${token}\n`);
  // A browser tab has no "close" the host could hear: the automatic backup runs on start (when the
  // last is over a day old) and when the host is stopped (Ctrl+C, or the system shutting it down).
  const logAuto = (r: { made: boolean; file?: string; message?: string }) =>
    r.made ? process.stdout.write(`Cadangan otomatis dibuat: ${r.file}\n`) : r.message && process.stderr.write(`${r.message}\n`);
  void core.autoBackup('mulai').then(logAuto);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    await core.autoBackup('tutup').then(logAuto);
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => fail(`PPID Desk gagal dimulai: ${(e as Error).stack ?? e}`));
