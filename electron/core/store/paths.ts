import path from 'node:path';

/** Where everything lives inside one data directory. */
export function dataPaths(dataDir: string) {
  const root = path.resolve(dataDir);
  return {
    root,
    appDb: path.join(root, 'app.json'),
    /** The app's history (setup, settings, accounts), appended. */
    audit: path.join(root, 'audit.jsonl'),
    /** Wrong log-in tries per user name, so a restart does not lift a lock. */
    loginThrottle: path.join(root, 'login-throttle.json'),
    settings: path.join(root, 'settings.json'),
    /** This installation's Ed25519 private key (PKCS#8 PEM, owner-only): signs its acts and packages. */
    deviceKey: path.join(root, 'device-key.pem'),
    /** This laptop's name for others, and the installations it trusts, with their roles. */
    trust: path.join(root, 'trust.json'),
    backups: path.join(root, 'backups'),
    assets: path.join(root, 'assets'),
    cycles: path.join(root, 'cycles'),
    files: path.join(root, 'files'),
    lock: path.join(root, 'ppid-desk.lock'),
    /** Packages sent and received, sequence numbers (Riwayat paket). */
    syncState: path.join(root, 'sync.json'),
    /** A package being applied, kept until every cycle of it is written: finished on the next start if cut short. */
    incoming: path.join(root, 'sync', 'masuk'),
    /** PPID Utama mode: the register of OPD (register.json), each OPD's acts apart (opd/<entryId>/), packages waiting for trust. */
    regency: path.join(root, 'utama'),
    /** The register's own file, named for recovery when it does not read. */
    regencyRegister: path.join(root, 'utama', 'register.json'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
