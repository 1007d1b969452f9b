import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { OfficeKind } from '../../../../electron/core/domain/regency/model';
import { OFFICIAL_LABELS } from './officials-labels';
import { PersonFields } from './PersonFields';
import { emptyPerson, loose, type OfficialsValues } from './types';

/**
 * Kepala OPD, Ketua PPID Pembantu and the operators: the people who act in the SOP and
 * whose names, pangkat and NIP print under signatures.
 */
export function OfficialsFields<T extends { officials: OfficialsValues }>({
  form,
  lockedPersonIds = [],
  kind = 'opd',
}: {
  form: UseFormReturnType<T>;
  /** An OPD's officials or a PPID Utama office's: the same fields, named for what they do there. */
  kind?: OfficeKind;
  /** Operators who already have an account cannot be removed here (their account points to them). */
  lockedPersonIds?: string[];
}) {
  const f = loose(form);
  const labels = OFFICIAL_LABELS[kind];
  const operators = form.values.officials.operators;
  const listError = form.errors['officials.operators'];

  const addOperator = () => {
    f.insertListItem('officials.operators', emptyPerson());
    // Move the keyboard to the new block rather than leaving it on the button.
    const n = operators.length + 1;
    window.setTimeout(() => {
      document.querySelector<HTMLInputElement>(`[data-operator="${n}"] input`)?.focus();
    }, 50);
  };

  return (
    <Stack gap="sm">
      <PersonFields
        form={f}
        path="officials.kepala"
        legend={labels.kepala.title}
        hint={labels.kepala.hint}
      />
      <PersonFields
        form={f}
        path="officials.ketuaPpid"
        legend={labels.ketuaPpid.title}
        hint={labels.ketuaPpid.hint}
      />
      {operators.map((p, index) => (
        <div key={p.id} data-operator={index + 1}>
          <PersonFields
            form={f}
            path={`officials.operators.${index}`}
            legend={`Operator ${index + 1}`}
            hint={index === 0 ? labels.operator.hint : undefined}
          />
          {operators.length > 1 && (
            <Group justify="flex-end" mt={4}>
              <Button
                variant="subtle"
                color="red"
                size="compact-xs"
                leftSection={<IconTrash size={13} />}
                disabled={lockedPersonIds.includes(p.id)}
                title={lockedPersonIds.includes(p.id) ? 'Operator ini punya akun. Nonaktifkan akunnya dulu di tab Akun pengguna.' : undefined}
                onClick={() => f.removeListItem('officials.operators', index)}
              >
                Hapus operator {index + 1}
              </Button>
            </Group>
          )}
        </div>
      ))}
      {listError && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{listError}</Text>
        </Alert>
      )}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addOperator} disabled={operators.length >= 20}>
          Tambah operator
        </Button>
      </Group>
    </Stack>
  );
}
