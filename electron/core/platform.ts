/**
 * What differs per host and needs the desktop: a save dialog, opening a file in its
 * default program, printing the current page to PDF. Electron's main process provides
 * them; the loopback host has none (the browser downloads and prints by itself), so every
 * member is optional and the services say so plainly when one is missing.
 */
export interface SaveRequest {
  suggestedName: string;
  bytes: Buffer;
  filter: { name: string; extensions: string[] };
}

export interface Platform {
  /** Asks where to save, writes the bytes; the chosen path, or null when cancelled. */
  saveFile?(req: SaveRequest): Promise<string | null>;
  /** Opens a saved file in its default program; an error text, or null. */
  openPath?(path: string): Promise<string | null>;
  /** The page now shown in the app's window, as PDF, paper size from its print CSS. */
  printToPdf?(): Promise<Buffer>;
  /** Asks for a folder (the automatic backup's); its path, or null when cancelled. */
  chooseFolder?(title: string): Promise<string | null>;
  /**
   * Where this installation keeps what must not travel: the relay password. Electron's main
   * encrypts with the operating system's keyring (safeStorage); without one the core falls
   * back to a file only this OS account may read (relay/secret-file.ts).
   */
  secrets?: SecretStore;
}

export interface SecretStore {
  /** How the secrets are protected here, for the screen: by the operating system, or by the file's owner-only permission. */
  readonly protection: 'sistem' | 'berkas';
  read(name: string): Promise<string | null>;
  /** null removes it. */
  write(name: string, value: string | null): Promise<void>;
}
