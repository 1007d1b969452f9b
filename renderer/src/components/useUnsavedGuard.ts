import { useEffect } from 'react';

/**
 * While a form holds unsaved edits, closing the window or reloading asks first. The
 * browser shows its own question; in Electron the main process turns the blocked unload
 * into a "Tutup tanpa menyimpan?" dialog (will-prevent-unload), so a close is never lost
 * silently and never stuck.
 */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and Electron) need returnValue set to block the unload.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
