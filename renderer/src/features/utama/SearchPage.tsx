import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../electron/core/domain/information';
import type { RegencySearchResult } from '../../../../electron/core/domain/regency/model';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';
import { useLoad } from '../../api/useCall';

/**
 * Cari informasi: every OPD's items at once (judul, ringkasan, bidang, kategori, OPD), with
 * whether the item is in a list its Kepala signed or still a draft at the OPD.
 */

interface Query {
  query: string;
  year: number | null;
  category: Category | null;
  entryId: string | null;
}

const LIMIT = 200;

export function SearchPage() {
  const entries = useLoad('utama.entries');
  const register = useLoad('utama.register');
  const [text, setText] = useState('');
  const [q, setQ] = useState<Query>({ query: '', year: null, category: null, entryId: null });
  const [result, setResult] = useState<{ data: RegencySearchResult | null; error: Err | null; loading: boolean }>({ data: null, error: null, loading: true });

  useEffect(() => {
    let live = true;
    setResult((r) => ({ ...r, loading: true }));
    void call('utama.search', { ...q, limit: LIMIT }).then((r) => {
      if (!live) return;
      setResult(r.ok ? { data: r.data, error: null, loading: false } : { data: null, error: r, loading: false });
    });
    return () => {
      live = false;
    };
  }, [q]);

  const years = register.data?.years ?? [];
  const hits = result.data?.hits ?? [];

  return (
    <Stack gap="md" maw={1280}>
      <div>
        <Title order={1} size="h3">
          Cari informasi
        </Title>
        <Text size="sm" c="dimmed">
          Informasi publik dari semua OPD yang paketnya sudah diterima: cari menurut judul, ringkasan, bidang, kategori atau OPD.
        </Text>
      </div>
      <Card p="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQ({ ...q, query: text.trim() });
          }}
        >
          <Group gap="sm" align="flex-end">
            <TextInput
              label="Kata kunci"
              placeholder="misalnya: anggaran, puskesmas, beasiswa"
              leftSection={<IconSearch size={14} />}
              w={340}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" leftSection={<IconSearch size={16} />}>
              Cari
            </Button>
            <NativeSelect
              label="Tahun"
              w={120}
              data={[{ value: '', label: 'Semua' }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
              value={q.year === null ? '' : String(q.year)}
              onChange={(e) => setQ({ ...q, year: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
            />
            <NativeSelect
              label="Kategori"
              w={170}
              data={[{ value: '', label: 'Semua kategori' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
              value={q.category ?? ''}
              onChange={(e) => setQ({ ...q, category: (e.currentTarget.value || null) as Category | null })}
            />
            <NativeSelect
              label="OPD"
              w={280}
              data={[{ value: '', label: 'Semua OPD' }, ...(entries.data ?? []).map((e) => ({ value: e.entryId, label: e.name }))]}
              value={q.entryId ?? ''}
              onChange={(e) => setQ({ ...q, entryId: e.currentTarget.value || null })}
            />
          </Group>
        </form>
      </Card>

      {result.error ? (
        <Alert color="red" variant="light" title="Pencarian gagal" role="alert">
          {result.error.message}
        </Alert>
      ) : (
        <Card p={0}>
          <Group justify="space-between" px="md" py="xs">
            <Text size="sm" fw={600} data-testid="jumlah-hasil">
              {result.data
                ? result.data.total > hits.length
                  ? `${hits.length} dari ${result.data.total} informasi ditampilkan — persempit pencarian untuk melihat sisanya`
                  : `${result.data.total} informasi`
                : 'Mencari…'}
            </Text>
          </Group>
          {result.data && hits.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              Tidak ada informasi yang cocok.
            </Text>
          ) : (
            <Table striped highlightOnHover fz="sm" verticalSpacing={6} aria-label="Hasil pencarian">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w={210}>OPD</Table.Th>
                  <Table.Th>Judul</Table.Th>
                  <Table.Th w={130}>Kategori</Table.Th>
                  <Table.Th w={200}>Bidang</Table.Th>
                  <Table.Th w={60}>Tahun</Table.Th>
                  <Table.Th w={130}>Daftar</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {hits.map((h) => (
                  <Table.Tr key={`${h.entryId}/${h.cycleId}/${h.itemId}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/opd/${encodeURIComponent(h.entryId)}?tahun=${h.year}`} size="sm">
                        {h.opdName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {h.judul}
                      </Text>
                      {h.ringkasan && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {h.ringkasan}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{CATEGORY_LABELS[h.category]}</Table.Td>
                    <Table.Td>{h.bidang}</Table.Td>
                    <Table.Td>{h.year}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={h.signed ? 'teal' : 'orange'}>
                        {h.signed ? 'Ditandatangani' : 'Masih draf'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
