/**
 * The PPID Utama on the relay (issue 14): OPD offices whose acts and laptop cards are on the
 * regency's relay database while none of their laptops' keys is trusted here. Shown on
 * "Menunggu kepercayaan" beside the packages waiting; a person compares a laptop's key code
 * with the OPD's PPID Pembantu and trusts it (utama.trustRelayDevice).
 */

export interface RelayWaitingLaptop {
  installationId: string;
  /** The name the laptop gives itself on its card: a claim, shown to be checked. */
  name: string;
  publicKey: string;
  /** The key's code as Pengaturan › Perangkat shows it on that laptop (20 digits in five groups). */
  fingerprint: string;
  /** When its newest card was made (the laptop's clock). */
  cardAt: string;
  /** Why this key cannot be trusted for this OPD, in words; null when it can. */
  problem: string | null;
}

export interface RelayWaitingOffice {
  officeId: string;
  /** As the newest card of the office says; '' when no card of it has arrived yet. */
  officeName: string;
  unitCode: string;
  /** The register entry the office matches (by office id, else unit code or name), if any. */
  entryId: string | null;
  entryName: string | null;
  laptops: RelayWaitingLaptop[];
  /** Its acts seen on the relay and not applied here. */
  acts: number;
}

/** What utama.trustRelayDevice did. */
export interface RelayDeviceTrusted {
  entryId: string;
  opdName: string;
  laptopName: string;
  fingerprint: string;
  /** The OPD was not in the register yet and was added. */
  added: boolean;
}
