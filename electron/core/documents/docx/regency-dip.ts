import { type Document } from 'docx';
import { LIST_STATE_LABELS } from '../../domain/document-views';
import { makeDocument } from './parts/frame';
import { kopSurat } from './parts/kop';
import { listSection } from './parts/list';
import { pageLayout, splitWidth } from './parts/page';
import { groupHeadingRow, noteRow, opdTables, ppidUtamaSignatureRow, registryRow, regencyTitleBlock, type OpdBlock, type RegencyContext } from './parts/regency';
import { RawRows, type PlainRow } from './parts/raw-rows';
import { regencyFingerprint } from './regency-fingerprint';
import { DIP_COLUMNS, keepRowWhole } from '../shared/columns';
import { regencyDipSections, regencyListState, regencySealCaption, regencySummary, regencyTitleLines, type RegencyDipSection } from '../shared/regency';
import { DIP_EMPTY_GROUP, themeOf, type Theme } from '../shared/texts';

export type { RegencyContext } from './parts/regency';

const widths = (w: number) => splitWidth(w, DIP_COLUMNS.map((c) => c.weight));

/** Per OPD: its heading, then its DIP groups in the law's order with its own numbers. */
function blocks(sections: RegencyDipSection[], widths: readonly number[], theme: Theme): OpdBlock[] {
  const span = DIP_COLUMNS.length;
  return sections.map((s) => {
    if (!s.groups) return { heading: s.heading, rows: null };
    const rows: PlainRow[] = [];
    for (const g of s.groups) {
      rows.push(groupHeadingRow(`${g.letter}. ${g.heading}`, span));
      if (!g.rows.length) {
        rows.push(noteRow(DIP_EMPTY_GROUP, span));
        continue;
      }
      for (const r of g.rows) {
        const lines = DIP_COLUMNS.map((c) => c.cell(r));
        rows.push(registryRow(lines, keepRowWhole(lines, widths, theme.table)));
      }
    }
    return { heading: s.heading, rows };
  });
}

/**
 * The regency's consolidated Daftar Informasi Publik: the kop of the PPID Utama's office,
 * every OPD's signed DIP under its own heading (who signed it, when, its fingerprint), in the
 * statutory columns of the OPD's lists, and the PPID Utama's signature. Signed, it carries its
 * own fingerprint and QR on every page; unsigned, the Draft mark.
 */
export function buildRegencyDip(ctx: RegencyContext): Document {
  const { settings, input } = ctx;
  const tz = settings.calendar.timeZone;
  const theme = themeOf(settings);
  const state = regencyListState(input);
  const fp = state === 'final' ? regencyFingerprint('dip', input) : null;
  const seal = fp ? { short: fp.short, qrText: fp.qrText, caption: regencySealCaption('dip', input, tz) } : null;
  const w = pageLayout(settings.documents.paper, 'landscape').contentWidth;
  const list = opdTables(
    blocks(regencyDipSections(input, tz), widths(w), theme),
    DIP_COLUMNS.map((c) => c.head),
    widths(w),
    theme,
    ppidUtamaSignatureRow(ctx, w, DIP_COLUMNS.length, theme),
  );
  const doc = makeDocument(
    settings,
    {
      title: `Daftar Informasi Publik ${input.regency.pemda} Tahun ${input.year} (${LIST_STATE_LABELS[state]})`,
      description: `${input.regency.name} — gabungan ${input.opds.length} perangkat daerah`,
      created: input.regency.signed ? new Date(input.regency.signed.at) : ctx.now,
    },
    [
      listSection(settings, state, seal, theme, () => [
        ...kopSurat(settings, ctx.emblem, w, theme),
        ...regencyTitleBlock(regencyTitleLines('dip', input), regencySummary(input), theme),
        ...list.children,
      ]),
    ],
  );
  return RawRows.attach(doc, list.raws);
}
