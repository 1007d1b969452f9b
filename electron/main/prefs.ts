import Store from 'electron-store';
import { PREFS_DEFAULTS, PREFS_NAME, prefsSchema, readPrefs, type Prefs, type PrefsStore } from '../core/prefs';

/**
 * The window's preferences in userData, through electron-store. A file that does not
 * parse is replaced by the defaults: losing a window size is better than not starting.
 */
export function openMachinePrefs(): PrefsStore {
  const store = new Store<Prefs>({
    name: PREFS_NAME,
    defaults: PREFS_DEFAULTS,
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
  });
  return {
    read: () => readPrefs(store.store),
    update(patch) {
      const next = prefsSchema.partial().parse(patch);
      store.set({ ...readPrefs(store.store), ...next });
    },
  };
}
