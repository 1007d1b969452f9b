import type { ReactNode } from 'react';
import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import { CATEGORIES, CATEGORY_DEFINITIONS, CATEGORY_LABELS, type Category } from '../../../../../electron/core/domain/information';

/**
 * The four classifications as one radio group: one Tab stop (the chosen card, or the first),
 * the arrow keys move and choose (Mantine's Radio.Card), as a native radio group does. Each
 * card says the SOP's words.
 */
export function CategoryChoice({
  value,
  onChange,
  error,
}: {
  value: Category | '';
  onChange(value: Category): void;
  error?: ReactNode;
}) {
  const current = CATEGORIES.indexOf(value as Category);
  return (
    <Radio.Group
      label="Klasifikasi"
      description="Pilih satu dengan tombol panah; definisinya menurut SOP dan UU 14/2008."
      withAsterisk
      value={value}
      onChange={(v) => onChange(v as Category)}
      error={error}
    >
      <SimpleGrid cols={2} spacing="xs" mt={6} data-field="kategori">
        {CATEGORIES.map((c, n) => (
          <Radio.Card
            key={c}
            value={c}
            p="xs"
            radius="sm"
            aria-label={CATEGORY_LABELS[c]}
            aria-describedby={`kategori-def-${c}`}
            tabIndex={n === (current < 0 ? 0 : current) ? 0 : -1}
          >
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Radio.Indicator mt={2} />
              <div>
                <Text size="sm" fw={600}>
                  {CATEGORY_LABELS[c]}
                </Text>
                <Text size="xs" c="gray.7" id={`kategori-def-${c}`}>
                  {CATEGORY_DEFINITIONS[c]}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
