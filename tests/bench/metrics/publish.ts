import { publishList } from '../../../electron/core/documents/publish';
import type { DocumentContext } from '../../../electron/core/documents';
import { demoContext, manyItems } from '../../render/fixtures';
import { defineMetrics } from '../metric';

/**
 * A signed DIP of 1,000 rows (900 published, 100 exempt) to the website workbook (budget 1 s):
 * the fingerprint, the rows, exceljs building and zipping the sheet. The first run also loads
 * exceljs; the warm-up takes that, as an office exporting twice pays it once.
 */
export const metrics = defineMetrics({
  name: 'publish.xlsx.1000',
  runs: 10,
  warmup: 2,
  async setup(): Promise<DocumentContext> {
    return demoContext('final', { items: manyItems(1000) });
  },
  async run(ctx: DocumentContext) {
    const f = await publishList('dip', 'xlsx', ctx.settings, ctx.cycle);
    if (f.publication.rowCount !== 900 || f.bytes.length < 10_000) throw new Error('publish.xlsx.1000: the workbook is not the 900-row DIP');
  },
});
