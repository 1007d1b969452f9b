import { IconFileText, IconInfoCircle, IconListDetails, IconPackageImport, IconSearch, IconSettings, IconShieldCheck, IconShieldQuestion } from '@tabler/icons-react';
import type { NavItem } from '../shell/AppLayout';

/** The PPID Utama's navigation: the register is home; no cycles, no sending packages, no archive of its own. */
export const UTAMA_NAV: NavItem[] = [
  { to: '/beranda', label: 'Register OPD', icon: IconListDetails, admin: false, also: ['/opd/'] },
  { to: '/terima', label: 'Terima paket OPD', icon: IconPackageImport, admin: false },
  { to: '/menunggu', label: 'Menunggu kepercayaan', icon: IconShieldQuestion, admin: false, count: 'waiting' },
  { to: '/cari', label: 'Cari informasi', icon: IconSearch, admin: false },
  { to: '/dokumen', label: 'Dokumen kabupaten', icon: IconFileText, admin: false },
  // The regency's signed lists carry a QR code and short fingerprint, checked here as an OPD checks its own.
  { to: '/verifikasi', label: 'Verifikasi dokumen', icon: IconShieldCheck, admin: false },
  { to: '/pengaturan', label: 'Pengaturan', icon: IconSettings, admin: true },
  { to: '/tentang', label: 'Tentang', icon: IconInfoCircle, admin: false },
];
