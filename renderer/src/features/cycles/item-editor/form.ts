import type { UseFormReturnType } from '@mantine/form';
import type { ItemFields } from '../../../../../electron/core/domain/information';

export type ItemForm = UseFormReturnType<ItemFields>;

/** An input's form binding and its `data-field`, the name its problems use to focus it (see focusField). */
export function bind(form: ItemForm, path: Parameters<ItemForm['getInputProps']>[0]) {
  return { 'data-field': path, ...form.getInputProps(path) };
}
