#!/usr/bin/env node
// `npm test`: every check, in order, ending with one plain line `N passed, N failed`
// that sums vitest and Playwright (CI reads that line). Lint and type-check failures
// count as failed too, so the line never looks green when something is red.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// System packages the tests need, named plainly with the command that installs them.
const systemNeeds = [
  { what: 'Chromium (uji end-to-end)', file: '/usr/bin/chromium', pkg: 'chromium' },
  { what: 'LibreOffice (uji tampilan dokumen)', file: '/usr/bin/soffice', pkg: 'libreoffice-writer-nogui' },
  { what: 'pdfinfo/pdftotext (uji tampilan dokumen)', file: '/usr/bin/pdfinfo', pkg: 'poppler-utils' },
  { what: 'zbarimg (uji kode QR terbaca dari pindaian 150 dpi)', file: '/usr/bin/zbarimg', pkg: 'zbar-tools' },
  { what: 'Huruf URW (Bookman Old Style pada dokumen)', file: '/usr/share/fonts/opentype/urw-base35', pkg: 'fonts-urw-base35' },
];
const missing = systemNeeds.filter((n) => !existsSync(n.file));
if (missing.length) {
  console.error('Paket sistem yang dibutuhkan pengujian belum terpasang:');
  for (const m of missing) console.error(`  - ${m.what}: ${m.file} tidak ada (paket Debian "${m.pkg}")`);
  console.error(`Pasang dengan: sudo apt-get update && sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(path.join(root, 'node_modules'))) {
  console.error('Dependensi belum terpasang. Jalankan dulu: npm ci');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const run = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};

let passed = 0;
let failed = 0;
const problems = [];

for (const [label, cmd, args] of [
  ['Lint (aturan lapisan)', bin('eslint'), ['.']],
  ['Type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
]) {
  if (!run(label, cmd, args)) {
    failed += 1;
    problems.push(label);
  }
}

const vitestJson = path.join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
run('Unit (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  if (v.numFailedTests) problems.push(`vitest: ${v.numFailedTests} gagal`);
  if (v.numTotalTests === 0 || (v.testResults ?? []).some((f) => f.status === 'failed' && !(f.assertionResults ?? []).length)) {
    failed += 1;
    problems.push('vitest: berkas uji gagal dimuat');
  }
} else {
  failed += 1;
  problems.push('vitest tidak menghasilkan laporan');
}

if (!run('Bangun tampilan (vite)', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) {
  failed += 1;
  problems.push('build renderer');
} else {
  const pwJson = path.join(tmp, 'playwright.json');
  rmSync(pwJson, { force: true });
  run('End-to-end (Playwright + Chromium)', bin('playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  if (existsSync(pwJson)) {
    const p = JSON.parse(readFileSync(pwJson, 'utf8'));
    passed += p.stats.expected;
    failed += p.stats.unexpected;
    if (p.stats.unexpected) problems.push(`playwright: ${p.stats.unexpected} gagal`);
    if ((p.errors ?? []).length) {
      failed += 1;
      problems.push('playwright: kesalahan di luar uji');
    }
  } else {
    failed += 1;
    problems.push('playwright tidak menghasilkan laporan');
  }
}

console.log('');
if (problems.length) console.log(`Masalah: ${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
