import { useEffect } from 'react';
import { AppShell, Avatar, Badge, Box, Group, Menu, NavLink, Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconChevronDown, IconHome, IconInfoCircle, IconKey, IconLogout, IconPackages, IconSettings, IconShieldCheck, type Icon } from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../../electron/core/domain/roles';
import { useApp, useUser } from '../../app/context';
import { Brand } from '../../components/Brand';
import { PackageDropZone, ReceiveProvider } from '../sync/receive';
import { IntakeDropZone, IntakeProvider, useIntake } from '../utama/intake';
import { UTAMA_NAV } from '../utama/nav';
import { SharedFoldersIndicator, SharedFoldersProvider } from '../sync/shared-folders';
import { RelayStatusLine } from './RelayStatusLine';

function initials(name: string): string {
  // Degrees come after the first comma ("Rizky Pratama, S.Kom.") or carry a dot ("Drs.").
  const words = (name.split(',')[0] ?? '')
    .split(/\s+/)
    .filter((w) => w && !w.includes('.'));
  return (words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?').slice(0, 2);
}

export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  admin: boolean;
  /** Other pages that belong under this item (a cycle under Beranda). */
  also?: string[];
  /** A count shown beside the label (packages waiting), by key of `AppFrame`'s `counts`. */
  count?: string;
}

const NAV: NavItem[] = [
  { to: '/beranda', label: 'Beranda', icon: IconHome, admin: false, also: ['/siklus/'] },
  { to: '/paket', label: 'Paket', icon: IconPackages, admin: false },
  { to: '/arsip', label: 'Arsip', icon: IconArchive, admin: false },
  { to: '/verifikasi', label: 'Verifikasi dokumen', icon: IconShieldCheck, admin: false },
  { to: '/pengaturan', label: 'Pengaturan', icon: IconSettings, admin: true },
  { to: '/tentang', label: 'Tentang', icon: IconInfoCircle, admin: false },
];

/**
 * The shell, with "Terima paket" available everywhere in it: a chosen or dropped .ppid file.
 * A PPID Utama office has its own navigation, and its packages (many at once, from the OPD)
 * go to "Terima paket OPD".
 */
export function AppLayout() {
  const { status } = useApp();
  if (status.office?.kind === 'utama') {
    return (
      <IntakeProvider>
        <IntakeDropZone />
        <UtamaFrame />
      </IntakeProvider>
    );
  }
  return (
    <ReceiveProvider>
      <SharedFoldersProvider>
        <PackageDropZone />
        <AppFrame nav={NAV} />
      </SharedFoldersProvider>
    </ReceiveProvider>
  );
}

function UtamaFrame() {
  const { waitingCount, bump } = useIntake();
  // Acts pulled from the relay change the register, and may end an office's wait for trust.
  return <AppFrame nav={UTAMA_NAV} counts={{ waiting: waitingCount }} onRelaySynced={bump} />;
}

function AppFrame({ nav, counts = {}, onRelaySynced }: { nav: NavItem[]; counts?: Record<string, number>; onRelaySynced?: () => void }) {
  const { status, signOut } = useApp();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();

  // After a page change the keyboard (and a screen reader) starts at the page's heading,
  // not on a button that no longer exists.
  useEffect(() => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (!h1) return;
    h1.tabIndex = -1;
    h1.style.outline = 'none';
    h1.focus({ preventScroll: true });
  }, [location.pathname]);

  const logout = async () => {
    await signOut();
    navigate('/masuk', { replace: true });
  };

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 216, breakpoint: 0 }} padding="md">
      <AppShell.Header bg="dinas.9" c="white" style={{ borderBottom: 0 }}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" style={{ minWidth: 0 }}>
            <Brand inverted />
            <Box style={{ minWidth: 0, borderLeft: '1px solid var(--mantine-color-dinas-6)', paddingLeft: 16 }}>
              <Text size="sm" fw={600} c="white" truncate="end">
                {status.office?.opdName}
              </Text>
              <Text size="xs" c="dinas.1" truncate="end">
                {status.office?.pemda}
              </Text>
            </Box>
            {status.demo && (
              <Tooltip label="Aplikasi berisi data contoh untuk mencoba. Orang dan akunnya fiktif.">
                <Badge color="orange" variant="filled" size="sm">
                  Data contoh
                </Badge>
              </Tooltip>
            )}
            <SharedFoldersIndicator />
          </Group>
          <RelayStatusLine admin={user.isAdmin} onSynced={onRelaySynced} />
          <Menu position="bottom-end" width={220} shadow="md" withinPortal>
            <Menu.Target>
              {/* Named by what it shows (so a spoken command finds it), after a hidden "Menu pengguna". */}
              <UnstyledButton px={8} py={4} style={{ borderRadius: 4 }} className="user-menu-button">
                <VisuallyHidden>Menu pengguna </VisuallyHidden>
                <Group gap={10} wrap="nowrap">
                  <Avatar size={30} radius="xl" color="dinas" variant="white" aria-hidden>
                    {initials(user.name)}
                  </Avatar>
                  <Stack gap={0} visibleFrom="sm" style={{ maxWidth: 260 }}>
                    <Text size="sm" fw={600} c="white" truncate="end">
                      {user.name}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Badge size="xs" variant="white" color="dinas" radius="sm">
                        {ROLE_LABELS[user.role]}
                      </Badge>
                      {user.isAdmin && (
                        <Badge size="xs" variant="outline" color="gray.0" radius="sm" c="white">
                          Admin
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <IconChevronDown size={16} aria-hidden />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>
                Masuk sebagai <b>{user.username}</b>
              </Menu.Label>
              <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate('/kata-sandi')}>
                Ganti kata sandi
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void logout()}>
                Keluar
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Navigasi utama">
        <AppShell.Section grow>
          {nav.filter((n) => !n.admin || user.isAdmin).map((n) => (
            <NavLink
              key={n.to}
              component={RouterNavLink}
              to={n.to}
              label={n.label}
              leftSection={<n.icon size={18} stroke={1.6} />}
              rightSection={
                n.count && counts[n.count] ? (
                  <Badge size="sm" color="orange" variant="filled" circle aria-label={`${counts[n.count]} menunggu`}>
                    {counts[n.count]}
                  </Badge>
                ) : undefined
              }
              active={location.pathname === n.to || location.pathname.startsWith(`${n.to}/`) || (n.also ?? []).some((p) => location.pathname.startsWith(p))}
              fw={500}
              style={{ borderRadius: 4 }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs" pb={4}>
            PPID Desk {status.appVersion}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
