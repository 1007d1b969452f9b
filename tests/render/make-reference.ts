/**
 * Regenerates the reference renders in docs/documents/ (`npx tsx tests/render/make-reference.ts`):
 * the demo office's Nota Dinas and a 40-item cycle's Nota Dinas with its lampiran page; for a
 * realistic 40-item year a signed DIP (pages 1 and 2), the signed DIK and the first and third
 * Lembar Uji Konsekuensi, converted by LibreOffice and rendered at 70 dpi. Look at them after
 * any change to the documents' layout. Names given on the command line
 * (`… make-reference.ts nota-dinas`) limit it to those documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDik, buildDip, buildNotaDinas, buildUjiKonsekuensi, packDocx } from '../../electron/core/documents';
import { cycle40Items } from './cycle-40';
import { demoContext, longItems } from './fixtures';
import { convertToPdf, requireTools } from './libreoffice';

requireTools();
const outDir = path.resolve('docs/documents');
mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ppid-reference-'));
// The references show the app's own placeholder emblem, as a newcomer's demo office prints it.
const emblem = readFileSync(path.resolve('resources/emblem-default.png'));
const ctx = (stage: Parameters<typeof demoContext>[0], opts: Parameters<typeof demoContext>[1] = {}) => ({ ...demoContext(stage, opts), emblem });
// The lists and sheets show a realistic year (40 items, long descriptions, three exempt).
const year = (stage: Parameters<typeof demoContext>[0]) => ctx(stage, { items: cycle40Items() });
const build = {
  'nota-dinas': () => buildNotaDinas(ctx('konsep')),
  'nota-dinas-40': () => buildNotaDinas(ctx('konsep', { paper: 'A4', items: longItems(40), listed: 40 })),
  dip: () => buildDip(year('final')),
  dik: () => buildDik(year('final')),
  'uji-konsekuensi': () => buildUjiKonsekuensi(year('konsep')),
};
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));
const docs = Object.fromEntries(Object.entries(build).filter(([name]) => wanted(name)).map(([name, make]) => [name, make()]));
const files: string[] = [];
for (const [name, doc] of Object.entries(docs)) {
  const file = path.join(tmp, `${name}.docx`);
  writeFileSync(file, await packDocx(doc));
  files.push(file);
}
convertToPdf(files, tmp);

const pages: [string, number, string][] = [
  ['nota-dinas', 1, 'nota-dinas.png'],
  ['nota-dinas-40', 1, 'nota-dinas-40-page1.png'],
  ['nota-dinas-40', 2, 'nota-dinas-40-lampiran.png'],
  ['dip', 1, 'dip-page1.png'],
  ['dip', 2, 'dip-page2.png'],
  ['dik', 1, 'dik.png'],
  ['uji-konsekuensi', 1, 'uji-konsekuensi.png'],
  ['uji-konsekuensi', 3, 'uji-konsekuensi-3.png'],
];
for (const [name, page, png] of pages.filter(([name]) => name in docs)) {
  const prefix = path.join(tmp, `${name}-${page}`);
  const r = spawnSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', path.join(tmp, `${name}.pdf`), prefix]);
  if (r.status !== 0) throw new Error(`pdftoppm ${name} p.${page}: ${r.stderr}`);
  renameSync(`${prefix}.png`, path.join(outDir, png));
  console.log(`docs/documents/${png}`);
}
rmSync(tmp, { recursive: true, force: true });
