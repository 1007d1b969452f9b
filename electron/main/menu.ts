import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';

export interface MenuActions {
  showAbout(): void;
  openDataFolder(): void;
}

/**
 * The application menu, in Indonesian. Labels are given explicitly: role labels follow
 * the OS language, which on office PCs is often English. Developer tools appear only
 * in development (packaged windows also get `devTools: false`).
 */
export function menuTemplate(o: { packaged: boolean } & MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Muat ulang', role: 'reload' },
    { type: 'separator' },
    { label: 'Perbesar', role: 'zoomIn' },
    // Ctrl+= is where "plus" is on most keyboards; registered but hidden.
    { label: 'Perbesar', role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false, acceleratorWorksWhenHidden: true },
    { label: 'Perkecil', role: 'zoomOut' },
    { label: 'Ukuran asli', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Layar penuh', role: 'togglefullscreen' },
  ];
  if (!o.packaged) view.push({ type: 'separator' }, { label: 'Alat pengembang', role: 'toggleDevTools' });
  return [
    { label: 'Berkas', submenu: [{ label: 'Keluar', role: 'quit', accelerator: 'CommandOrControl+Q' }] },
    {
      label: 'Sunting',
      submenu: [
        { label: 'Urungkan', role: 'undo' },
        { label: 'Ulangi', role: 'redo' },
        { type: 'separator' },
        { label: 'Potong', role: 'cut' },
        { label: 'Salin', role: 'copy' },
        { label: 'Tempel', role: 'paste' },
        { label: 'Pilih semua', role: 'selectAll' },
      ],
    },
    { label: 'Tampilan', submenu: view },
    {
      label: 'Bantuan',
      submenu: [
        { label: 'Tentang PPID Desk', click: () => o.showAbout() },
        { label: 'Buka folder data', click: () => o.openDataFolder() },
      ],
    },
  ];
}

export function installMenu(o: { packaged: boolean } & MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(o)));
}

/**
 * Chromium in Electron has no right-click menu of its own; office users copy and paste
 * with the mouse, so text fields and selections get a small Indonesian one.
 */
export function contextMenuTemplate(
  params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>,
): MenuItemConstructorOptions[] {
  const hasSelection = params.selectionText.trim() !== '';
  if (params.isEditable) {
    return [
      { label: 'Urungkan', role: 'undo', enabled: params.editFlags.canUndo },
      { label: 'Ulangi', role: 'redo', enabled: params.editFlags.canRedo },
      { type: 'separator' },
      { label: 'Potong', role: 'cut', enabled: params.editFlags.canCut },
      { label: 'Salin', role: 'copy', enabled: params.editFlags.canCopy },
      { label: 'Tempel', role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { label: 'Pilih semua', role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ];
  }
  if (hasSelection) return [{ label: 'Salin', role: 'copy' }];
  return [];
}

export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params);
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
