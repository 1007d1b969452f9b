import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CLOCK_ENV } from '../../electron/host/test-clock';
import { TEST_RELAY_ENV } from '../../electron/host/test-relay';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One loopback host process on its own data directory, restartable on the same folder. */
export class HostProcess {
  private child: ChildProcess | null = null;
  url = '';
  token = '';
  port = 0;
  output = '';
  /** The test clock's file (electron/host/test-clock.ts), once `setClock` has been called. */
  clockFile: string | null = null;
  private clockAtStart = false;
  /** Variables for the host process besides the shell's, e.g. the relay's timing (electron/host/test-relay.ts); read at `start`. */
  readonly env: Record<string, string> = {};

  constructor(readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'ppid-e2e-'))) {}

  /**
   * Puts the host's clock at `iso`, ticking on from there. Called before `start`, the host starts
   * on that clock; called again while it runs, the next call to the host is already at the new
   * time (the host re-reads the file every time it asks the time). Office days and their working
   * hours still apply: pick a time of day that a few seconds of test cannot carry past midnight.
   */
  async setClock(iso: string): Promise<void> {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) throw new Error(`setClock: not a date: ${iso}`);
    if (this.child && !this.clockAtStart) throw new Error('setClock: this host was started on the system clock; set the clock before start()');
    this.clockFile ??= `${this.dataDir}.clock.json`;
    // Replaced whole, never written in place, so the host never reads half a file.
    const tmp = `${this.clockFile}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ offsetMs: at - Date.now() }));
    await fs.rename(tmp, this.clockFile);
  }

  async start(): Promise<void> {
    this.output = '';
    // A clock or relay variable left in the shell that runs the tests must not move a host that did not ask.
    const { [TEST_CLOCK_ENV]: _clock, [TEST_RELAY_ENV]: _relay, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = { ...inherited, ...this.env };
    if (this.clockFile) env[TEST_CLOCK_ENV] = this.clockFile;
    this.clockAtStart = this.clockFile !== null;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'electron/host/cli.ts'), '--port', String(this.port || 0), '--data-dir', this.dataDir],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start:\n${this.output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          this.url = m[1]!;
          this.port = Number(m[2]);
          this.token = m[3]!;
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`host exited with ${code}:\n${this.output}`));
      });
    });
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.child = null;
  }

  /** Removes the data folder and the clock file; the host must be stopped. */
  async remove(): Promise<void> {
    await fs.rm(this.dataDir, { recursive: true, force: true });
    if (this.clockFile) await fs.rm(this.clockFile, { force: true });
  }

  /** Same data folder, same port: what a user sees after closing and reopening the app. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

/**
 * Two laptops of one office, as joining the office makes them: each host set up on its own
 * data folder (by `setUp`, e.g. the demo office through the API), then the second stopped,
 * given the first one's office id, and started again.
 */
export async function sameOffice(first: HostProcess, second: HostProcess, setUp: (host: HostProcess) => Promise<void>): Promise<void> {
  await Promise.all([first.start(), second.start()]);
  await setUp(first);
  await setUp(second);
  await second.stop();
  const read = async (h: HostProcess) => JSON.parse(await fs.readFile(path.join(h.dataDir, 'settings.json'), 'utf8')) as { settings: { officeId: string } };
  const office = (await read(first)).settings.officeId;
  const data = await read(second);
  data.settings.officeId = office;
  await fs.writeFile(path.join(second.dataDir, 'settings.json'), JSON.stringify(data));
  await second.start();
}
