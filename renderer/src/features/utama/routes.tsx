import type { ReactNode } from 'react';
import { DocumentsPage } from './DocumentsPage';
import { IntakePage } from './IntakePage';
import { OpdDetailPage } from './OpdDetailPage';
import { RegisterPage } from './RegisterPage';
import { SearchPage } from './SearchPage';
import { WaitingPage } from './WaitingPage';

/** The PPID Utama's pages inside the app shell (App.tsx adds Pengaturan, Kata sandi and Tentang). */
export const UTAMA_ROUTES: { path: string; element: ReactNode }[] = [
  { path: '/beranda', element: <RegisterPage /> },
  { path: '/opd/:entryId', element: <OpdDetailPage /> },
  { path: '/terima', element: <IntakePage /> },
  { path: '/menunggu', element: <WaitingPage /> },
  { path: '/cari', element: <SearchPage /> },
  { path: '/dokumen', element: <DocumentsPage /> },
];
