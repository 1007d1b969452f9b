import type { UseFormReturnType } from '@mantine/form';
import type { DocumentSettings, Office, Officials, Person } from '../../../../electron/core/domain/office';

export type OfficeValues = Office;
export type PersonValues = Person;
export type OfficialsValues = Officials;
export type DocumentValues = DocumentSettings;

/**
 * The shared field groups address the form by dotted path (`officials.operators.2.nip`),
 * which Mantine's path types cannot follow through a runtime index. They see the form
 * through this loosely-typed view; each group still declares the slice of values it needs.
 */
export type LooseForm = UseFormReturnType<Record<string, unknown>>;

export function loose(form: { getInputProps: unknown; values: object }): LooseForm {
  return form as unknown as LooseForm;
}

/** A stable id for a person, kept across edits (accounts point to it). */
export function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyPerson(): PersonValues {
  return { id: newId(), name: '', jabatan: '', asn: 'PNS', pangkat: '', nip: '' };
}

export function emptyOffice(): OfficeValues {
  return {
    pemda: '',
    opdName: '',
    unitCode: '',
    address: '',
    phone: '',
    email: '',
    website: '',
    placeName: '',
    bidang: ['Sekretariat'],
  };
}
