import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));

const { menuTemplate, contextMenuTemplate } = await import('../../electron/main/menu');
const { appLocations, dataDirFromSwitch, defaultDataDir, profileDirFor } = await import('../../electron/main/paths');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  const actions = () => ({ showAbout: vi.fn(), openDataFolder: vi.fn() });

  it('has the Indonesian menus and items users look for', () => {
    const template = menuTemplate({ packaged: true, ...actions() });
    expect(template.map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);
    const labels = flatten(template).map((i) => i.label);
    for (const label of ['Keluar', 'Muat ulang', 'Perbesar', 'Perkecil', 'Ukuran asli', 'Tentang PPID Desk', 'Buka folder data', 'Salin', 'Tempel']) {
      expect(labels).toContain(label);
    }
    // Every visible item has an explicit label: role defaults follow the OS language.
    expect(flatten(template).filter((i) => i.type !== 'separator' && !i.label)).toEqual([]);
  });

  it('offers developer tools only in development', () => {
    const roleOf = (packaged: boolean) => flatten(menuTemplate({ packaged, ...actions() })).map((i) => String(i.role ?? '').toLowerCase());
    expect(roleOf(true).some((r) => r.includes('devtools'))).toBe(false);
    expect(roleOf(false)).toContain('toggledevtools');
  });

  it('wires Bantuan to the actions', () => {
    const a = actions();
    const items = flatten(menuTemplate({ packaged: true, ...a }));
    const click = (label: string) => (items.find((i) => i.label === label)!.click as () => void)();
    click('Buka folder data');
    expect(a.openDataFolder).toHaveBeenCalledOnce();
    click('Tentang PPID Desk');
    expect(a.showAbout).toHaveBeenCalledOnce();
  });

  it('gives text fields a right-click menu that follows what can be done', () => {
    const flags = { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: false, canSelectAll: true, canDelete: true, canEditRichly: false };
    const field = contextMenuTemplate({ isEditable: true, selectionText: 'abc', editFlags: flags });
    expect(field.find((i) => i.label === 'Tempel')?.enabled).toBe(false);
    expect(field.find((i) => i.label === 'Salin')?.enabled).toBe(true);
    expect(contextMenuTemplate({ isEditable: false, selectionText: 'Nota Dinas', editFlags: flags }).map((i) => i.label)).toEqual(['Salin']);
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([]);
  });
});

describe('where the shell finds things', () => {
  it('uses the repo in development and resources/ beside the asar when packaged', () => {
    const dev = appLocations({ isPackaged: false, appPath: '/repo', resourcesPath: '/opt/electron/resources', mainDir: '/repo/dist/electron' });
    expect(dev).toEqual({
      rendererDir: path.join('/repo', 'dist', 'renderer'),
      preloadPath: path.join('/repo', 'dist', 'electron', 'preload.cjs'),
      resourcesDir: path.join('/repo', 'resources'),
      iconPath: path.join('/repo', 'resources', 'icon.png'),
    });
    const app = '/opt/PPID Desk/resources/app.asar';
    const packaged = appLocations({ isPackaged: true, appPath: app, resourcesPath: '/opt/PPID Desk/resources', mainDir: `${app}/dist/electron` });
    expect(packaged.rendererDir).toBe(path.join(app, 'dist', 'renderer'));
    expect(packaged.resourcesDir).toBe(path.join('/opt/PPID Desk/resources', 'resources'));
    expect(packaged.preloadPath).toBe(path.join(app, 'dist', 'electron', 'preload.cjs'));
  });

  it('keeps the records in their own folder, or exactly where --data-dir says', () => {
    expect(defaultDataDir('/home/u/.config/PPID Desk')).toBe(path.join('/home/u/.config/PPID Desk', 'data'));
    expect(dataDirFromSwitch('', '/cwd')).toBeNull();
    expect(dataDirFromSwitch('  ', '/cwd')).toBeNull();
    expect(dataDirFromSwitch('uji/data', '/cwd')).toBe(path.resolve('/cwd', 'uji/data'));
    expect(dataDirFromSwitch('/tmp/ppid', '/cwd')).toBe(path.resolve('/tmp/ppid'));
    expect(profileDirFor('/tmp/ppid')).toBe(path.join('/tmp/ppid', 'electron-profile'));
  });
});
