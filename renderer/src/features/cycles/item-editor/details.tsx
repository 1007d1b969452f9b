import { Checkbox, Grid, Group, Radio, Select, TextInput, Textarea } from '@mantine/core';
import type { ItemView } from '../../../../../electron/core/domain/cycle-views';
import {
  BENTUK,
  BENTUK_LABELS,
  CATEGORY_LABELS,
  angkaText,
  BERKALA_BULAN,
  BERKALA_MESSAGE,
  isBerkalaChoice,
  jangkaWaktuShort,
  legalBasisText,
} from '../../../../../electron/core/domain/information';
import { bind, type ItemForm } from './form';
import { CategoryChoice } from './CategoryChoice';

/** Read-only: the same columns as the editor, for everyone who may not change them now. */
export function ItemDetails({ item }: { item: ItemView }) {
  const f = item.fields;
  const rows: [string, string][] = [
    ['Bidang', f.bidang],
    ['Klasifikasi', f.kategori ? CATEGORY_LABELS[f.kategori] + (f.kategori === 'berkala' && f.berkalaBulan ? `, diperbarui setiap ${f.berkalaBulan} bulan${isBerkalaChoice(f.berkalaBulan) ? '' : ' (tidak diizinkan: pilih 1, 3 atau 6 bulan)'}` : '') : '—'],
    [f.kategori === 'dikecualikan' ? 'Uraian informasi yang dikecualikan' : 'Ringkasan isi informasi', f.ringkasan],
    ['Pejabat/unit yang menguasai informasi', f.pejabatPenguasa],
  ];
  if (f.kategori === 'dikecualikan') {
    const e = f.exemption;
    rows.push(
      ['Dasar hukum', legalBasisText(e) + (e.basis === 'pasal17' && angkaText(e.huruf, e.angka) ? ` — ${angkaText(e.huruf, e.angka)}` : '')],
      ['Konsekuensi bila dibuka', e.konsekuensi],
      ['Pertimbangan bila ditutup', e.pertimbangan],
      ['Jangka waktu pengecualian', jangkaWaktuShort(e)],
    );
  } else {
    rows.push(
      ['Penanggung jawab pembuatan/penerbitan', f.penanggungJawab],
      ['Waktu dan tempat pembuatan', [f.waktuPembuatan, f.tempatPembuatan].filter(Boolean).join(', ')],
      ['Bentuk informasi', f.bentuk.map((b) => BENTUK_LABELS[b]).join(', ')],
      ['Jangka waktu penyimpanan/retensi', f.retensi],
    );
  }
  rows.push(['Catatan', f.catatan]);
  return (
    <table className="ct">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <td style={{ width: 230 }} className="dim">
              {k}
            </td>
            <td className="pre">{v || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Judul, bidang and the classification, with the SOP's definitions beside the choice. */
export function ClassificationFields({ form, bidang }: { form: ItemForm; bidang: string[] }) {
  const v = form.values;
  return (
    <>
      <Grid gap="sm">
        <Grid.Col span={7}>
          <TextInput label="Judul informasi" withAsterisk {...bind(form, 'judul')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <Select label="Bidang" data={bidang.includes(v.bidang) ? bidang : [...bidang, v.bidang]} withAsterisk {...form.getInputProps('bidang')} />
        </Grid.Col>
      </Grid>

      <CategoryChoice value={v.kategori} onChange={(c) => form.setFieldValue('kategori', c)} error={form.errors.kategori} />

      {v.kategori === 'berkala' && (
        <Radio.Group
          label="Diperbarui setiap"
          description="Informasi berkala wajib diperbarui paling lama setiap 6 bulan (Pasal 9)."
          withAsterisk
          value={v.berkalaBulan ? String(v.berkalaBulan) : ''}
          onChange={(x) => form.setFieldValue('berkalaBulan', Number(x))}
          // A value stored under older rules is shown and flagged, never hidden (see itemProblems).
          error={form.errors.berkalaBulan ?? (v.berkalaBulan && !isBerkalaChoice(v.berkalaBulan) ? `Tersimpan "setiap ${v.berkalaBulan} bulan", yang tidak diizinkan. ${BERKALA_MESSAGE}` : undefined)}
        >
          <Group gap="lg" mt={6} data-field="berkalaBulan">
            {BERKALA_BULAN.map((n) => (
              <Radio key={n} value={String(n)} label={`${n} bulan`} />
            ))}
            {v.berkalaBulan > 0 && !isBerkalaChoice(v.berkalaBulan) && (
              <Radio value={String(v.berkalaBulan)} label={`${v.berkalaBulan} bulan (tersimpan, tidak diizinkan)`} color="red" disabled />
            )}
          </Group>
        </Radio.Group>
      )}
    </>
  );
}

/** The inputs of the DIP columns (PerKI 1/2021); an exempt item keeps only its description and holder. */
export function DipColumnFields({ form }: { form: ItemForm }) {
  const exempt = form.values.kategori === 'dikecualikan';
  return (
    <>
      <Textarea
        label={exempt ? 'Uraian informasi yang dikecualikan' : 'Ringkasan isi informasi'}
        description={exempt ? 'Sebutkan setepat mungkin bagian informasi yang dikecualikan; biasanya hanya sebagian dokumen.' : undefined}
        withAsterisk
        autosize
        minRows={2}
        {...bind(form, 'ringkasan')}
      />
      <TextInput label="Pejabat atau unit/satuan kerja yang menguasai informasi" withAsterisk {...bind(form, 'pejabatPenguasa')} />
      {!exempt && (
        <>
          <TextInput label="Penanggung jawab pembuatan atau penerbitan informasi" withAsterisk {...bind(form, 'penanggungJawab')} />
          <Grid gap="sm">
            <Grid.Col span={6}>
              <TextInput label="Waktu pembuatan" placeholder="mis. 2026" withAsterisk {...bind(form, 'waktuPembuatan')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label="Tempat pembuatan" placeholder="mis. Putussibau" withAsterisk {...bind(form, 'tempatPembuatan')} />
            </Grid.Col>
          </Grid>
          <Grid gap="sm">
            <Grid.Col span={6}>
              <Checkbox.Group label="Bentuk informasi yang tersedia" withAsterisk {...form.getInputProps('bentuk')}>
                <Group gap="lg" mt={6} data-field="bentuk">
                  {BENTUK.map((b) => (
                    <Checkbox key={b} value={b} label={BENTUK_LABELS[b]} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label="Jangka waktu penyimpanan/retensi" placeholder="mis. 5 tahun" withAsterisk {...bind(form, 'retensi')} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </>
  );
}
