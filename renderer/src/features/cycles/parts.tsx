import { Button } from '@mantine/core';
import { CATEGORY_LABELS, type ItemFields } from '../../../../electron/core/domain/information';
import type { ItemView } from '../../../../electron/core/domain/cycle-views';

/** Small, cheap pieces shared by the cycle's lists (hundreds of rows: plain elements). */
export function CategoryPill({ kategori }: { kategori: ItemFields['kategori'] }) {
  if (!kategori) return <span className="pill">belum dipilih</span>;
  return <span className={`pill pill-${kategori}`}>{CATEGORY_LABELS[kategori]}</span>;
}

export function CompletenessPill({ item }: { item: Pick<ItemView, 'problems'> }) {
  const n = item.problems.length;
  return n === 0 ? <span className="pill pill-ok">Lengkap</span> : <span className="pill pill-warn">{n} belum lengkap</span>;
}

export function VerdictPill({ item }: { item: Pick<ItemView, 'review'> }) {
  if (!item.review) return <span className="pill">belum diperiksa</span>;
  return item.review.verdict === 'sesuai' ? <span className="pill pill-ok">Sesuai</span> : <span className="pill pill-warn">Perlu perbaikan</span>;
}

/** Rows shown at first in a long list; the rest on request, so a 500-item cycle opens fast. */
export const PAGE = 25;

/**
 * A row of toggle buttons for choosing one view. Used instead of SegmentedControl, whose
 * floating indicator measures the page while long lists are laid out (slower first paint).
 */
export function Choice<T extends string>({ value, onChange, data, label, size = 'xs' }: { value: T; onChange(v: T): void; data: { value: T; label: string }[]; label: string; size?: 'xs' | 'sm' }) {
  return (
    <Button.Group aria-label={label}>
      {data.map((d) => (
        <Button key={d.value} size={size} variant={value === d.value ? 'filled' : 'default'} aria-pressed={value === d.value} onClick={() => onChange(d.value)}>
          {d.label}
        </Button>
      ))}
    </Button.Group>
  );
}
