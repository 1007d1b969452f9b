import { z } from 'zod';

/**
 * Per-machine preferences of the app's window, not the office's data: they stay on this
 * PC (Electron's userData, or the host's config folder), never in the data folder that is
 * backed up and moved between PCs. Electron keeps them with electron-store, the loopback
 * host with conf (electron-store's engine): one set of keys, so both read the same shape.
 */
export const PREFS_NAME = 'preferensi';

export const windowPrefsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowPrefs = z.infer<typeof windowPrefsSchema>;

export const prefsSchema = z.object({
  /** Normal (not maximised) bounds and whether it was maximised; null until first closed. */
  window: windowPrefsSchema.nullable(),
  /** Chromium's range for a page zoom. */
  zoomFactor: z.number().min(0.25).max(5),
  /** Where the last document was saved; the browser has its own downloads folder. */
  lastSaveDir: z.string().min(1).nullable(),
});
export type Prefs = z.infer<typeof prefsSchema>;

export const PREFS_DEFAULTS: Prefs = { window: null, zoomFactor: 1, lastSaveDir: null };

/** Key by key: one bad value (hand-edited, older app) costs that preference only. */
export function readPrefs(raw: unknown): Prefs {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(PREFS_DEFAULTS) as (keyof Prefs)[]) {
    const parsed = prefsSchema.shape[key].safeParse(obj[key]);
    out[key] = parsed.success ? parsed.data : PREFS_DEFAULTS[key];
  }
  return out as Prefs;
}

/** What both stores offer: read everything at once, change some keys. */
export interface PrefsStore {
  read(): Prefs;
  update(patch: Partial<Prefs>): void;
}
