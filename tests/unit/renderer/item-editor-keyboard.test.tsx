import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { AppProviders } from '../../../renderer/src/app/App';
import { CategoryChoice } from '../../../renderer/src/features/cycles/item-editor/CategoryChoice';
import { ProblemBox } from '../../../renderer/src/features/cycles/item-editor/ProblemBox';
import type { Category } from '../../../electron/core/domain/information';

function Choice() {
  const [value, setValue] = useState<Category | ''>('');
  return <CategoryChoice value={value} onChange={setValue} />;
}

const tabbable = (els: HTMLElement[]) => els.filter((el) => el.tabIndex >= 0);

describe('item editor keyboard', () => {
  it('the four classifications are one radio group with one Tab stop, which follows the choice', () => {
    render(
      <AppProviders env="test">
        <Choice />
      </AppProviders>,
    );
    expect(screen.getByRole('radiogroup', { name: /Klasifikasi/ })).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual(['Berkala', 'Setiap saat', 'Serta merta', 'Dikecualikan']);
    // Nothing chosen yet: the first card is the way in.
    expect(tabbable(radios).map((r) => r.getAttribute('aria-label'))).toEqual(['Berkala']);
    fireEvent.click(screen.getByRole('radio', { name: 'Serta merta' }));
    expect(tabbable(screen.getAllByRole('radio')).map((r) => r.getAttribute('aria-label'))).toEqual(['Serta merta']);
    expect(screen.getByRole('radio', { name: 'Serta merta' }).getAttribute('aria-checked')).toBe('true');
  });

  it('the missing fields are one Tab stop that takes the keyboard to the first of them', () => {
    const pick = vi.fn();
    render(
      <AppProviders env="test">
        <ProblemBox
          problems={[
            { field: 'kategori', message: 'Klasifikasi belum dipilih.' },
            { field: 'ringkasan', message: 'Ringkasan isi informasi belum diisi.' },
            { field: 'retensi', message: 'Jangka waktu penyimpanan/retensi belum diisi.' },
          ]}
          onPick={pick}
        />
      </AppProviders>,
    );
    const buttons = screen.getAllByRole('button');
    expect(tabbable(buttons).map((b) => b.textContent)).toEqual(['Ke isian pertama yang kurang']);
    fireEvent.click(screen.getByRole('button', { name: 'Ke isian pertama yang kurang' }));
    expect(pick).toHaveBeenCalledWith('kategori');
    // Still one click away with the mouse.
    fireEvent.click(screen.getByRole('button', { name: 'Jangka waktu penyimpanan/retensi belum diisi.' }));
    expect(pick).toHaveBeenLastCalledWith('retensi');
  });
});
