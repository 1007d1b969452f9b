import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import { CATEGORIES, CATEGORY_DEFINITIONS, CATEGORY_LABELS, type Category } from '../../../../../electron/core/domain/information';

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The four classifications as one radio group: one Tab stop (the chosen card, or the first),
 * the arrow keys move and choose, as a native radio group does. Each card says the SOP's words.
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
  const cards = useRef<(HTMLButtonElement | null)[]>([]);
  const current = CATEGORIES.indexOf(value as Category);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = NEXT[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const from = cards.current.findIndex((c) => c === document.activeElement);
    const to = (((from < 0 ? Math.max(current, 0) : from) + step) % CATEGORIES.length + CATEGORIES.length) % CATEGORIES.length;
    onChange(CATEGORIES[to]!);
    cards.current[to]?.focus();
  };
  return (
    <Radio.Group
      label="Klasifikasi"
      description="Pilih satu dengan tombol panah; definisinya menurut SOP dan UU 14/2008."
      withAsterisk
      value={value}
      onChange={(v) => onChange(v as Category)}
      error={error}
    >
      <SimpleGrid cols={2} spacing="xs" mt={6} data-field="kategori" onKeyDown={onKeyDown}>
        {CATEGORIES.map((c, n) => (
          <Radio.Card
            key={c}
            ref={(el) => {
              cards.current[n] = el;
            }}
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
