import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { Core } from '../core/app-core';
import { systemClock } from '../core/clock';
import type { PrefsStore } from '../core/prefs';
import { DataDirLockedError } from '../core/store/lock';
import { registerIpc } from './ipc';
import { createLog } from './log';
import { attachContextMenu, installMenu } from './menu';
import { appLocations, dataDirFromSwitch, defaultDataDir, profileDirFor } from './paths';
import { createPlatform, openDataFolder } from './platform';
import { safeStorageSecrets } from './secrets';
import { openMachinePrefs } from './prefs';
import { hardenSession, hardenWebContents, registerAppScheme, serveRenderer } from './security';
import { createMainWindow } from './window';

/**
 * The thin shell: lifecycle, one window, one IPC channel. Everything the app does lives
 * in electron/core; everything it shows lives in the renderer.
 */

const HOLDER = 'PPID Desk (aplikasi desktop)';

// Everything up to requestSingleInstanceLock must happen before `ready`.
const switchDataDir = dataDirFromSwitch(app.commandLine.getSwitchValue('data-dir'), process.cwd());
if (switchDataDir) app.setPath('userData', profileDirFor(switchDataDir));
const dataDir = switchDataDir ?? defaultDataDir(app.getPath('userData'));

// Chromium's own strings (form validation, date pickers) and navigator.language in Indonesian.
app.commandLine.appendSwitch('lang', 'id');
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // The first instance gets 'second-instance' and brings its window forward.
  app.quit();
} else {
  run();
}

function run(): void {
  const logFile = path.join(app.getPath('userData'), 'logs', 'main.log');
  const log = createLog(logFile);
  const where = appLocations({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    mainDir: path.dirname(fileURLToPath(import.meta.url)),
  });

  let core: Core | null = null;
  let unregisterIpc: (() => void) | null = null;
  let mainWindow: BrowserWindow | null = null;

  const showBox = (options: MessageBoxOptions) =>
    mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    attachContextMenu(contents);
  });

  app.on('window-all-closed', () => app.quit());

  // Closing the core releases the data-dir lock; quitting waits for it.
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    unregisterIpc?.();
    // The automatic backup (at most once a day, to the administrator's folder) before the folder is let go.
    closing
      .autoBackup('tutup')
      .then((r) => r.made && log(`Cadangan otomatis dibuat: ${r.file}`))
      .catch((e: unknown) => log('Cadangan otomatis gagal', e))
      .then(() => closing.close())
      .catch((e: unknown) => log('Gagal menutup folder data', e))
      .finally(() => app.quit());
  });

  process.on('unhandledRejection', (reason) => log('Promise ditolak tanpa penanganan', reason));

  const showAbout = () =>
    void showBox({
      type: 'info',
      title: 'Tentang PPID Desk',
      message: `PPID Desk ${app.getVersion()}`,
      detail: [
        'Pendokumentasian informasi publik untuk PPID Pembantu perangkat daerah',
        '(Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik).',
        'Bekerja sepenuhnya luring: data tersimpan di komputer ini.',
        '',
        `Folder data: ${dataDir}`,
        `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`,
      ].join('\n'),
      buttons: ['Tutup'],
      noLink: true,
    });

  const showDataFolder = async () => {
    const error = await openDataFolder(dataDir);
    if (error) {
      await showBox({
        type: 'warning',
        title: 'PPID Desk',
        message: 'Folder data tidak dapat dibuka.',
        detail: `${dataDir}\n\n${error}`,
        buttons: ['Tutup'],
        noLink: true,
      });
    }
  };

  async function start(): Promise<void> {
    hardenSession(session.defaultSession);
    serveRenderer(session.defaultSession, where.rendererDir, log);

    if (!fs.existsSync(path.join(where.rendererDir, 'index.html'))) {
      dialog.showErrorBox(
        'PPID Desk tidak dapat dibuka',
        `Berkas tampilan aplikasi tidak ditemukan di:\n${where.rendererDir}\n\nPasang ulang aplikasi (pengembang: jalankan "npm run build").`,
      );
      app.exit(1);
      return;
    }

    // Read before the window exists, so it opens where it was left. Unreadable preferences
    // (a locked profile folder) cost the window its last size, not the start.
    let prefs: PrefsStore | undefined;
    try {
      prefs = openMachinePrefs();
    } catch (e) {
      log('Preferensi jendela tidak dapat dibuka', e);
    }
    try {
      core = await Core.open({
        dataDir,
        clock: systemClock,
        holder: HOLDER,
        resourcesDir: where.resourcesDir,
        appVersion: app.getVersion(),
        platform: { ...createPlatform(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null), prefs), secrets: safeStorageSecrets() },
        log,
      });
    } catch (e) {
      if (e instanceof DataDirLockedError) {
        log(e.message);
        await dialog.showMessageBox({
          type: 'warning',
          title: 'PPID Desk',
          message: 'Folder data sedang dipakai.',
          detail: `${e.message}\n\nPPID Desk akan ditutup.`,
          buttons: ['Tutup'],
          noLink: true,
        });
        app.quit();
        return;
      }
      throw e;
    }

    unregisterIpc = registerIpc(core, log);
    // A laptop switched off at the wall never closes the app: on start too, when the last one is over a day old.
    void core
      .autoBackup('mulai')
      .then((r) => r.made && log(`Cadangan otomatis dibuat: ${r.file}`))
      .catch((e: unknown) => log('Cadangan otomatis gagal', e));
    installMenu({ packaged: app.isPackaged, showAbout, openDataFolder: () => void showDataFolder() });
    mainWindow = createMainWindow({
      preloadPath: where.preloadPath,
      iconPath: where.iconPath,
      devTools: !app.isPackaged,
      log,
      prefs,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  }

  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      log('PPID Desk gagal dimulai', e);
      dialog.showErrorBox(
        'PPID Desk tidak dapat dibuka',
        `Folder data: ${dataDir}\n\n${e instanceof Error ? e.message : String(e)}\n\nRincian dicatat di:\n${logFile}`,
      );
      app.exit(1);
    });
}
