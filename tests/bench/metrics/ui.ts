import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { HostProcess } from '../../e2e/host';
import { completeItem } from '../../unit/workflow-fixtures';
import { defineMetrics } from '../metric';

/**
 * The cycle screen of a 500-item cycle in Chromium (budget: 200 ms): from the click that
 * opens it on Beranda to the first painted frame that shows the list, fetch included.
 * The real host and the renderer built from the tree as it is (built here, so a fresh clone
 * needs no step first and a stale dist/renderer is never measured), Debian's Chromium at
 * 1366×768, the operator at step 3 (the heaviest screen: header, add form, list per bidang).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIDANG = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Aplikasi Informatika', 'Bidang Persandian dan Keamanan Informasi', 'Bidang Statistik Sektoral'];
const KINDS = ['berkala', 'setiap_saat', 'setiap_saat', 'serta_merta', 'dikecualikan'] as const;

interface Ctx {
  host: HostProcess;
  browser: Browser;
  page: Page;
  cycleId: string;
}

async function api<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` };
  if (session) headers['X-PPID-Session'] = session;
  const res = await fetch(`${host.origin}/api/${name}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
  const body = (await res.json()) as { ok: boolean; data?: T; message?: string };
  if (!body.ok) throw new Error(`${name}: ${body.message}`);
  return body.data as T;
}

function item(n: number) {
  const bidang = BIDANG[n % BIDANG.length]!;
  const judul = `Informasi nomor ${n + 1} tentang kegiatan dan anggaran ${bidang}`;
  return completeItem(judul, bidang, KINDS[(n * 7) % KINDS.length]!, { ringkasan: `Ringkasan isi informasi nomor ${n + 1}.` });
}

const login = async (host: HostProcess, username: string) =>
  (await api<{ sessionToken: string }>(host, 'auth.login', { username, password: 'contoh-ppid-2026' })).sessionToken;

/** Runs in the page: open the cycle through the router and resolve once the list is painted. */
const OPEN_AND_WAIT = `(cycleId) => new Promise((resolve) => {
  const mo = new MutationObserver(() => {
    if (!document.querySelector('[data-item]')) return;
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
  mo.observe(document.body, { childList: true, subtree: true });
  location.hash = '#/siklus/' + cycleId;
})`;

/** `npm run build:renderer`, its output on stderr beside the bench's progress lines. */
function buildRenderer(): void {
  process.stderr.write('  building the renderer (vite) …\n');
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`ui.cycle.500: building the renderer failed (${r.error?.message ?? `exit ${r.status}`})`);
}

export const metrics = defineMetrics({
  name: 'ui.cycle.500',
  runs: 15,
  warmup: 3,
  async setup(): Promise<Ctx> {
    buildRenderer();
    const host = new HostProcess();
    await host.start();
    await api(host, 'setup.loadDemo', {});
    const operator = await login(host, 'operator');
    const ppid = await login(host, 'ppid');
    const { id: cycleId } = await api<{ id: string }>(host, 'cycles.create', { title: 'DIP 2027', year: 2027 }, operator);
    await api(host, 'cycles.addItems', { cycleId, items: Array.from({ length: 500 }, (_, n) => item(n)) }, operator);
    await api(host, 'cycles.act', { cycleId, action: 'report' }, operator);
    await api(host, 'cycles.act', { cycleId, action: 'issueNotaDinas' }, ppid);

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    await page.goto(host.url);
    await page.evaluate((s) => sessionStorage.setItem('ppid.session', s), operator);
    // A full load (not a hash change) so the app boots with the session.
    await page.goto('about:blank');
    await page.goto(`${host.origin}/#/beranda`);
    await page.getByRole('table', { name: 'Daftar siklus' }).waitFor();
    return { host, browser, page, cycleId };
  },
  async beforeEach({ page }) {
    await page.evaluate(() => {
      location.hash = '#/beranda';
    });
    await page.getByRole('table', { name: 'Daftar siklus' }).waitFor();
  },
  async run({ page, cycleId }) {
    await page.evaluate(`(${OPEN_AND_WAIT})(${JSON.stringify(cycleId)})`);
  },
  async teardown({ host, browser }) {
    await browser.close();
    await host.stop();
    await fs.rm(host.dataDir, { recursive: true, force: true });
  },
});
