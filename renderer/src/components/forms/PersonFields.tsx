import { useState } from 'react';
import { Fieldset, Grid, Group, Radio, Select, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { checkNip } from '../../../../electron/core/domain/nip';
import { officeNow } from '../../i18n/office-clock';
import { PANGKAT } from '../../../../electron/core/domain/pangkat';
import { ASN_KINDS, ASN_LABELS } from '../../../../electron/core/domain/office';
import type { LooseForm, PersonValues } from './types';

const PANGKAT_OPTIONS = PANGKAT.map((p) => ({ value: p.golongan, label: `${p.nama} (${p.golongan})` }));

/** Fieldset legends name the person's place in the SOP; they should read as headings. */
export const LEGEND_STYLES = { legend: { fontWeight: 600, color: 'var(--mantine-color-dinas-9)', paddingInline: 6 } };

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** What a valid NIP says about its holder, so a typo in the date shows up as a wrong date. */
function describeNip(nip: string): string {
  const day = Number(nip.slice(6, 8));
  const month = MONTHS[Number(nip.slice(4, 6)) - 1] ?? '';
  const year = nip.slice(0, 4);
  const appointed = `${MONTHS[Number(nip.slice(12, 14)) - 1] ?? ''} ${nip.slice(8, 12)}`;
  const sex = nip[14] === '1' ? 'laki-laki' : 'perempuan';
  return `Lahir ${day} ${month} ${year}, diangkat ${appointed}, ${sex}.`;
}

export interface NipFeedback {
  error: string | null;
  warnings: string[];
  info: string | null;
}

/**
 * Live NIP feedback. For PNS a wrong NIP is an error, but only once the number is complete
 * or the field was left: nobody wants "must be 18 digits" after typing the first digit.
 */
export function nipFeedback(raw: string, asn: PersonValues['asn'], left: boolean): NipFeedback {
  const value = raw.trim();
  if (asn === 'NON_ASN' || value === '') return { error: null, warnings: [], info: null };
  const check = checkNip(value, asn, officeNow());
  const complete = check.normalized.length >= 18 || !/^\d*$/.test(check.normalized);
  if (asn === 'PNS') {
    if (check.errors.length && (complete || left)) return { error: check.errors[0]!, warnings: [], info: null };
    return { error: null, warnings: [], info: check.errors.length ? null : describeNip(check.normalized) };
  }
  if (!complete && !left) return { error: null, warnings: [], info: null };
  return { error: null, warnings: check.warnings, info: check.warnings.length ? null : describeNip(check.normalized) };
}

/** An example jabatan that fits the role the block is for (path ends in kepala, ketuaPpid or operators.N). */
export function jabatanExample(path: string): string {
  if (path.endsWith('kepala')) return 'mis. Kepala Dinas Komunikasi dan Informatika';
  if (path.endsWith('ketuaPpid')) return 'mis. Sekretaris Dinas';
  return 'mis. Pranata Komputer Ahli Pertama';
}

/**
 * One official: name with degrees, jabatan, ASN status, pangkat and NIP. A <fieldset> whose
 * legend names the role, so that a screen reader (and a test) can tell the blocks apart.
 */
export function PersonFields({ form, path, legend, hint }: { form: LooseForm; path: string; legend: string; hint?: string }) {
  const [nipLeft, setNipLeft] = useState(false);
  const person = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], form.values) as
    | PersonValues
    | undefined;
  if (!person) return null;
  const asn = person.asn;
  const nipProps = form.getInputProps(`${path}.nip`);
  const live = nipFeedback(person.nip, asn, nipLeft);
  const nipError = (form.errors[`${path}.nip`] as string | undefined) ?? live.error ?? undefined;

  const setAsn = (value: string) => {
    form.setFieldValue(`${path}.asn`, value);
    if (value === 'NON_ASN') {
      // A non-ASN has neither NIP nor pangkat on paper; keeping hidden values would print them.
      form.setFieldValue(`${path}.nip`, '');
      form.setFieldValue(`${path}.pangkat`, '');
    }
    form.clearFieldError(`${path}.nip`);
    form.clearFieldError(`${path}.pangkat`);
  };

  return (
    <Fieldset legend={legend} variant="default" p="sm" pt={4} styles={LEGEND_STYLES}>
      {hint && (
        <Text size="xs" c="dimmed" mb={6}>
          {hint}
        </Text>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Nama lengkap dengan gelar"
            placeholder="mis. Drs. Agustinus Rangkap, M.Si."
            withAsterisk
            {...form.getInputProps(`${path}.name`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Jabatan" placeholder={jabatanExample(path)} withAsterisk {...form.getInputProps(`${path}.jabatan`)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Radio.Group
            label="Status kepegawaian"
            value={asn}
            onChange={setAsn}
            error={form.errors[`${path}.asn`]}
          >
            <Group gap="sm" mt={8}>
              {ASN_KINDS.map((k) => (
                <Radio key={k} value={k} label={ASN_LABELS[k]} size="xs" />
              ))}
            </Group>
          </Radio.Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Pangkat/golongan"
            placeholder={asn === 'NON_ASN' ? 'Tidak berlaku untuk Non-ASN' : 'Pilih pangkat/golongan'}
            data={PANGKAT_OPTIONS}
            searchable
            openOnFocus={false}
            clearable={asn === 'PPPK'}
            disabled={asn === 'NON_ASN'}
            withAsterisk={asn === 'PNS'}
            nothingFoundMessage="Tidak ada pangkat dengan nama itu"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(`${path}.pangkat`)}
            value={person.pangkat || null}
            onChange={(v) => form.setFieldValue(`${path}.pangkat`, v ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput
            label="NIP"
            placeholder={asn === 'NON_ASN' ? 'Tidak berlaku untuk Non-ASN' : 'mis. 19810207 200003 1 001'}
            disabled={asn === 'NON_ASN'}
            withAsterisk={asn !== 'NON_ASN'}
            inputMode="numeric"
            autoComplete="off"
            {...nipProps}
            onBlur={(e) => {
              setNipLeft(true);
              nipProps.onBlur?.(e);
            }}
            error={nipError}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={
              live.info ? (
                <Group gap={4} wrap="nowrap" component="span">
                  <IconCircleCheck size={13} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} />
                  <span>{live.info}</span>
                </Group>
              ) : undefined
            }
          />
          {live.warnings.map((w) => (
            <Group key={w} gap={4} wrap="nowrap" mt={4} align="flex-start" role="status">
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="xs" c="orange.8">
                {w}
              </Text>
            </Group>
          ))}
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}
