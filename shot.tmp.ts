import { chromium } from 'playwright-core';
import { HostProcess } from './tests/e2e/host';
import { pagePng, scannedPage } from './tests/fixtures/scan-pages';
import { writeFileSync } from 'node:fs';
const host = new HostProcess();
await host.start();
const api = async (name: string, input: unknown = {}, session?: string) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` };
  if (session) headers['X-PPID-Session'] = session;
  const r = await fetch(`${host.origin}/api/${name}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
  return (await r.json()) as any;
};
try {
  console.log((await api('setup.loadDemo', { cycles: true })).ok);
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await b.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill('operator');
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('contoh-ppid-2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Arsip' }).click();
  await page.getByTestId('arsip-siklus').first().waitFor();
  await page.screenshot({ path: '/tmp/h1exp/arsip-1.png' });
  // Attach a DIP scan
  const list = await page.evaluate(() => 0);
  const fp = await (async () => {
    const login = await api('auth.login', { username: 'operator', password: 'contoh-ppid-2026' });
    const l = await api('archive.list', {}, login.data.sessionToken);
    const f = await api('documents.fingerprints', { cycleId: l.data[0].id }, login.data.sessionToken);
    return f.data.dip.qrText as string;
  })();
  writeFileSync('/tmp/h1exp/dip-scan.png', pagePng(scannedPage(fp)));
  await page.getByRole('button', { name: 'Lampirkan pindaian Daftar Informasi Publik' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Pilih berkas pindaian' }).click();
  await (await chooser).setFiles('/tmp/h1exp/dip-scan.png');
  await page.getByTestId('hasil-pindaian').waitFor();
  await page.screenshot({ path: '/tmp/h1exp/arsip-2.png' });
  await page.getByRole('button', { name: 'Arsipkan' }).click();
  await page.getByText('dip-scan.png').waitFor();
  await page.getByRole('button', { name: 'Tampilkan' }).first().click();
  await page.screenshot({ path: '/tmp/h1exp/arsip-3.png' });
  await page.getByRole('heading', { name: /Informasi dan jangka waktu/ }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 300);
  await page.screenshot({ path: '/tmp/h1exp/arsip-4.png' });
  const { readdirSync, writeFileSync: w } = await import('node:fs');
  const path = await import('node:path');
  const sub = readdirSync(path.join(host.dataDir, 'files'));
  for (const d of sub) for (const f of readdirSync(path.join(host.dataDir, 'files', d))) w(path.join(host.dataDir, 'files', d, f), 'rusak');
  await page.mouse.wheel(0, -2000);
  await page.getByRole('button', { name: 'dip-scan.png' }).click();
  await page.getByTestId('hasil-buka').waitFor();
  await page.screenshot({ path: '/tmp/h1exp/arsip-5.png' });
  await b.close();
} finally {
  await host.stop();
}
