import Conf from 'conf';
import { PREFS_DEFAULTS, PREFS_NAME, prefsSchema, readPrefs, type Prefs, type PrefsStore } from '../core/prefs';

/**
 * The same per-machine preferences as the Electron window, kept by conf (electron-store's
 * engine, without Electron) in the user's config folder. In a browser tab the browser owns
 * size, position, zoom and the downloads folder, so none of them is applied today; the
 * store keeps the keys in the same shape for whatever the host learns to honour.
 */
export function openHostPrefs(cwd?: string): PrefsStore {
  const conf = new Conf<Prefs>({
    projectName: 'ppid-desk',
    projectSuffix: '',
    configName: PREFS_NAME,
    ...(cwd ? { cwd } : {}),
    defaults: PREFS_DEFAULTS,
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
  });
  return {
    read: () => readPrefs(conf.store),
    update(patch) {
      conf.set({ ...readPrefs(conf.store), ...prefsSchema.partial().parse(patch) });
    },
  };
}
