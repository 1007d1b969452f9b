import { formatLetterNumber } from '../../../../electron/core/domain/numbering';
import { officeNow, officeTimeZone } from '../../i18n/office-clock';

/**
 * An example Nota Dinas number from the pattern, for the settings screens. It is formatted
 * by the core's own `formatLetterNumber`, so the example looks exactly like the numbers the
 * core later issues (running number padded to three digits, month in Roman numerals); only
 * the running number itself is the core's to keep.
 */
export function exampleNumber(pattern: string, values: { kode: string; unit: string; urut?: number; date?: Date }): string {
  return formatLetterNumber(pattern, {
    kode: values.kode || '500.12.2',
    urut: values.urut ?? 1,
    unit: values.unit || 'UNIT',
    date: values.date ?? officeNow(),
    timeZone: officeTimeZone(),
  });
}
