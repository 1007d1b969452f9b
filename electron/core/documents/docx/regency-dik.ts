import { type Document } from 'docx';
import { LIST_STATE_LABELS } from '../../domain/document-views';
import { makeDocument } from './parts/frame';
import { kopSurat } from './parts/kop';
import { listSection } from './parts/list';
import { pageLayout, splitWidth } from './parts/page';
import { noteRow, opdTables, ppidUtamaSignatureRow, registryRow, regencyTitleBlock, type OpdBlock, type RegencyContext } from './parts/regency';
import { RawRows } from './parts/raw-rows';
import { regencyFingerprint } from './regency-fingerprint';
import { DIK_COLUMNS, keepRowWhole } from '../shared/columns';
import { regencyDikSections, regencyListState, regencySealCaption, regencySummary, regencyTitleLines, type RegencyDikSection } from '../shared/regency';
import { DIK_EMPTY, themeOf, type Theme } from '../shared/texts';

const widths = (w: number) => splitWidth(w, DIK_COLUMNS.map((c) => c.weight));

/** Per OPD: its heading, then its DIK rows with its own numbers, or the note that it has none. */
function blocks(sections: RegencyDikSection[], widths: readonly number[], theme: Theme): OpdBlock[] {
  const span = DIK_COLUMNS.length;
  return sections.map((s) => {
    if (!s.rows) return { heading: s.heading, rows: null };
    if (!s.rows.length) return { heading: s.heading, rows: [noteRow(DIK_EMPTY, span)] };
    return {
      heading: s.heading,
      rows: s.rows.map((r) => {
        const lines = DIK_COLUMNS.map((c) => c.cell(r));
        return registryRow(lines, keepRowWhole(lines, widths, theme.table));
      }),
    };
  });
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
  const list = opdTables(
    blocks(regencyDikSections(input, tz), widths(w), theme),
    DIK_COLUMNS.map((c) => c.head),
    widths(w),
    theme,
    ppidUtamaSignatureRow(ctx, w, DIK_COLUMNS.length, theme),
  );
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
        ...list.children,
      ]),
    ],
  );
  return RawRows.attach(doc, list.raws);
}
