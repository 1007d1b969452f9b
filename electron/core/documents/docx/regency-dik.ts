import { type Document } from 'docx';
import { LIST_STATE_LABELS } from '../../domain/document-views';
import { makeDocument } from './parts/frame';
import { kopSurat } from './parts/kop';
import { headRows, listSection } from './parts/list';
import { pageLayout, splitWidth } from './parts/page';
import { noteRow, opdHeadingRow, ppidUtamaSignatureRow, rawListRows, registryRow, regencyTitleBlock, type RegencyContext } from './parts/regency';
import { RawRows, type PlainRow } from './parts/raw-rows';
import { fixedTable } from './parts/table';
import { regencyFingerprint } from './regency-fingerprint';
import { DIK_COLUMNS, keepRowWhole } from '../shared/columns';
import { regencyDikSections, regencyListState, regencySealCaption, regencySummary, regencyTitleLines, type RegencyDikSection } from '../shared/regency';
import { DIK_EMPTY, themeOf, type Theme } from '../shared/texts';

const widths = (w: number) => splitWidth(w, DIK_COLUMNS.map((c) => c.weight));

/** Per OPD: its heading, then its DIK rows with its own numbers, or the note that it has none. */
function sectionRows(sections: RegencyDikSection[], widths: readonly number[], theme: Theme): PlainRow[] {
  const span = DIK_COLUMNS.length;
  const rows: PlainRow[] = [];
  for (const s of sections) {
    rows.push(opdHeadingRow(s.heading, span));
    if (!s.rows) continue;
    if (!s.rows.length) {
      rows.push(noteRow(DIK_EMPTY, span));
      continue;
    }
    for (const r of s.rows) {
      const lines = DIK_COLUMNS.map((c) => c.cell(r));
      rows.push(registryRow(lines, keepRowWhole(lines, widths, theme.table)));
    }
  }
  return rows;
}

/**
 * The regency's consolidated Daftar Informasi yang Dikecualikan, as regency-dip.ts: every
 * OPD's signed DIK under its heading, the PPID Utama's signature, its own fingerprint.
 */
export function buildRegencyDik(ctx: RegencyContext): Document {
  const { settings, input } = ctx;
  const tz = settings.calendar.timeZone;
  const theme = themeOf(settings);
  const state = regencyListState(input);
  const fp = state === 'final' ? regencyFingerprint('dik', input) : null;
  const seal = fp ? { short: fp.short, qrText: fp.qrText, caption: regencySealCaption('dik', input, tz) } : null;
  const w = pageLayout(settings.documents.paper, 'landscape').contentWidth;
  const raw = rawListRows(sectionRows(regencyDikSections(input, tz), widths(w), theme), widths(w), theme);
  const doc = makeDocument(
    settings,
    {
      title: `Daftar Informasi yang Dikecualikan ${input.regency.pemda} Tahun ${input.year} (${LIST_STATE_LABELS[state]})`,
      description: `${input.regency.name} — gabungan ${input.opds.length} perangkat daerah`,
      created: input.regency.signed ? new Date(input.regency.signed.at) : ctx.now,
    },
    [
      listSection(settings, state, seal, theme, () => [
        ...kopSurat(settings, ctx.emblem, w, theme),
        ...regencyTitleBlock(regencyTitleLines('dik', input), regencySummary(input), theme),
        fixedTable(widths(w), [
          ...headRows(DIK_COLUMNS.map((c) => c.head), theme),
          raw.row(DIK_COLUMNS.length),
          ppidUtamaSignatureRow(ctx, w, DIK_COLUMNS.length, theme),
        ]),
      ]),
    ],
  );
  return RawRows.attach(doc, [raw]);
}
