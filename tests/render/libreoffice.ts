import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Document } from 'docx';
import { packDocx } from '../../electron/core/documents/docx/pack';
import os from 'node:os';
import path from 'node:path';

/**
 * LibreOffice and poppler, as the render checks use them. Missing tools are a failure with
 * the Debian packages named, never a skip: a skipped render check would pass a document
 * nobody has seen laid out.
 */
const TOOLS = [
  { bin: 'soffice', pkg: 'libreoffice-writer-nogui' },
  { bin: 'pdfinfo', pkg: 'poppler-utils' },
  { bin: 'pdftotext', pkg: 'poppler-utils' },
  { bin: 'pdftoppm', pkg: 'poppler-utils' },
  { bin: 'zbarimg', pkg: 'zbar-tools' },
];

export function requireTools(): void {
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t.bin}`]).status !== 0);
  if (missing.length) {
    const pkgs = [...new Set(missing.map((t) => t.pkg))];
    throw new Error(
      `Render checks need ${missing.map((t) => t.bin).join(', ')}, not installed on this machine. ` +
        `Install the Debian packages: sudo apt-get install -y ${pkgs.join(' ')} fonts-urw-base35`,
    );
  }
}

/** Converts the files to PDF in one LibreOffice run (its start-up is most of the cost). */
export function convertToPdf(files: string[], outDir: string): void {
  convertWith('pdf', files, outDir);
}

/**
 * Converts the files with LibreOffice's filter `target` ("pdf", or
 * "csv:Text - txt - csv (StarCalc):44,34,76,1" for comma-separated UTF-8), in one run.
 */
export function convertWith(target: string, files: string[], outDir: string): void {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ppid-lo-profile-'));
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface PdfInfo {
  pages: number;
  widthPt: number;
  heightPt: number;
}

export function pdfInfo(file: string): PdfInfo {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo ${file}: ${r.stderr}`);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(r.stdout);
  if (!size || !pages) throw new Error(`pdfinfo ${file}: unexpected output\n${r.stdout}`);
  return { pages, widthPt: Number(size[1]), heightPt: Number(size[2]) };
}

/**
 * Packs each document as the app saves it and converts them all to PDF in one LibreOffice run,
 * in a fresh folder: returns the folder and each document's PDF path by name.
 */
export async function renderDocuments(prefix: string, docs: Record<string, () => Document>): Promise<{ dir: string; pdf: Record<string, string> }> {
  requireTools();
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const files: string[] = [];
  for (const [name, build] of Object.entries(docs)) {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, await packDocx(build()));
    files.push(file);
  }
  convertToPdf(files, dir);
  return { dir, pdf: Object.fromEntries(Object.keys(docs).map((name) => [name, path.join(dir, `${name}.pdf`)])) };
}

/** Each page's text in reading order of its cells (pdftotext -raw), a trailing empty page dropped. */
export function pdfRawPages(file: string): string[] {
  const r = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext -raw ${file}: ${r.stderr}`);
  return r.stdout.split('\f').filter((t, i, all) => i < all.length - 1 || t.trim());
}

/** The text of each page, in order (pdftotext separates pages with a form feed). */
export function pdfPages(file: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext ${file}: ${r.stderr}`);
  const pages = r.stdout.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/**
 * The QR codes zbarimg reads on each page of a PDF rendered at `dpi` in grey, as a
 * flatbed scan or an office copier's "scan to PDF" at its lowest setting gives it.
 */
export function qrCodesPerPage(file: string, dpi: number): string[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-scan-'));
  try {
    const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, path.join(dir, 'p')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftoppm ${file}: ${r.stderr}`);
    const pngs = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]));
    return pngs.map((png) => {
      // zbarimg exits 4 when a page holds no code: that is an answer here, not a failure.
      const z = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(dir, png)], { encoding: 'utf8' });
      if (z.status !== 0 && z.status !== 4) throw new Error(`zbarimg ${png}: ${z.stderr}`);
      return z.stdout.split('\n').filter(Boolean);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
