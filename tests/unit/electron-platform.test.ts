import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const showSaveDialog = vi.fn();
const openPath = vi.fn();
vi.mock('electron', () => ({
  app: { getPath: () => '/home/pegawai/Documents' },
  dialog: { showSaveDialog: (...a: unknown[]) => showSaveDialog(...a) },
  shell: { openPath: (...a: unknown[]) => openPath(...a) },
}));

const { createPlatform } = await import('../../electron/main/platform');

describe('desktop platform services', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-platform-'));
    showSaveDialog.mockReset();
    openPath.mockReset();
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('asks where to save, starting in Documents with the suggested name, and writes the bytes there', async () => {
    const target = path.join(dir, 'DIP-2026-Final-v1.docx');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const platform = createPlatform(() => null);
    const saved = await platform.saveFile!({ suggestedName: '../DIP-2026-Final-v1.docx', bytes: Buffer.from('PK docx'), filter: { name: 'Dokumen Word', extensions: ['docx'] } });
    expect(saved).toBe(target);
    expect(await fs.readFile(target, 'utf8')).toBe('PK docx');
    const options = showSaveDialog.mock.calls[0]![0] as { defaultPath: string; filters: unknown[] };
    // The suggestion never leads the dialog outside Documents.
    expect(options.defaultPath).toBe(path.join('/home/pegawai/Documents', 'DIP-2026-Final-v1.docx'));
    expect(options.filters).toEqual([{ name: 'Dokumen Word', extensions: ['docx'] }]);
  });

  it('writes nothing when the user cancels', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const saved = await createPlatform(() => null).saveFile!({ suggestedName: 'a.docx', bytes: Buffer.from('x'), filter: { name: 'W', extensions: ['docx'] } });
    expect(saved).toBeNull();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reports why a file could not be opened', async () => {
    openPath.mockResolvedValue('');
    expect(await createPlatform(() => null).openPath!('/x.docx')).toBeNull();
    openPath.mockResolvedValue('Tidak ada aplikasi untuk berkas ini');
    expect(await createPlatform(() => null).openPath!('/x.docx')).toBe('Tidak ada aplikasi untuk berkas ini');
  });
});
