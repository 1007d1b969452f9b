import { z } from 'zod';
import { idSchema, settingsSchema, type Office, type Officials } from '../office';
import type { Role } from '../roles';
import { trustInputSchema } from './trust';

/**
 * The office package (kind `kantor`): what a second laptop needs to join an office without
 * retyping it. The container is the same signed .ppid as a cycle package
 * (sync/package-file.ts); its files are
 *   kantor.json       the office's settings: officeId, office, officials, documents, calendar, emblem meta
 *   lambang/<file>    the emblem image, when the office has one
 *   perangkat.json    the sending installation and every installation it trusts, with their roles
 * and never an account, a password hash, a session, the log-in history, app.json or the app's
 * history: those stay on the laptop they belong to, and the joining laptop makes its own accounts.
 */

export const OFFICE_FILE = 'kantor.json';
export const OFFICE_DEVICES_FILE = 'perangkat.json';
export const EMBLEM_FOLDER = 'lambang/';

/** kantor.json: the settings a joining laptop takes over, with the office's id required. */
export const officePackageSettingsSchema = settingsSchema.extend({ officeId: idSchema });
export type OfficePackageSettings = z.infer<typeof officePackageSettingsSchema>;

/** perangkat.json: the installations the joining laptop will trust, one entry per id and per key. */
export const officeDevicesSchema = z
  .array(trustInputSchema.strict(), { error: 'Daftar perangkat harus berupa daftar.' })
  .min(1, 'Daftar perangkat kosong.')
  .max(200, 'Daftar perangkat terlalu panjang.')
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const keys = new Set<string>();
    list.forEach((d, i) => {
      if (ids.has(d.installationId)) ctx.addIssue({ code: 'custom', path: [i, 'installationId'], message: `Perangkat "${d.name}" tercantum dua kali.` });
      if (keys.has(d.publicKey)) ctx.addIssue({ code: 'custom', path: [i, 'publicKey'], message: `Kunci perangkat "${d.name}" juga tercantum untuk perangkat lain.` });
      ids.add(d.installationId);
      keys.add(d.publicKey);
    });
  });
export type OfficeDevice = z.infer<typeof officeDevicesSchema>[number];

/** The people who may get an account on a joining laptop: the officials of the package. */
export function officialIds(officials: Officials): string[] {
  return [officials.kepala.id, officials.ketuaPpid.id, ...officials.operators.map((p) => p.id)];
}

// ---- what the wizard shows before anything is written ----

export interface JoinDeviceView {
  installationId: string;
  name: string;
  /** 20 digits in 5 groups of 4, compared over the phone with the administrator. */
  fingerprint: string;
  roles: Role[];
  /** The laptop that made the package. */
  sender: boolean;
}

export interface JoinPreview {
  /** Pass to `setup.join` so the file need not be sent again. */
  previewId: string;
  fileName: string;
  createdAt: string;
  appVersion: string;
  office: Office;
  officials: Officials;
  /** The emblem as a data: URL for the summary, or null when the office has none. */
  emblemDataUrl: string | null;
  sender: { installationId: string; name: string; fingerprint: string };
  /** Every installation this laptop will trust, the sender first. */
  devices: JoinDeviceView[];
}
