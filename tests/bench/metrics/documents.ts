import { buildDip, buildNotaDinas, packDocx, type DocumentContext } from '../../../electron/core/documents';
import { demoContext, manyItems } from '../../render/fixtures';
import { defineMetrics, type Metric } from '../metric';

/** Building a document and packing it to .docx bytes, as the app does before saving or printing. */
function docxMetric(name: string, runs: number, context: () => DocumentContext, build: (ctx: DocumentContext) => ReturnType<typeof buildDip>): Metric<DocumentContext> {
  return {
    name,
    runs,
    warmup: 2,
    async setup() {
      return context();
    },
    async run(ctx) {
      const bytes = await packDocx(build(ctx));
      if (bytes.length < 1000) throw new Error(`${name}: the .docx is suspiciously small`);
    },
  };
}

export const metrics = defineMetrics(
  // A signed DIP of 1,000 rows (900 published, 100 exempt): the largest list an OPD keeps, with QR and fingerprint.
  docxMetric('docx.dip.1000', 10, () => demoContext('final', { items: manyItems(1000) }), (ctx) => buildDip(ctx)),
  docxMetric('docx.notadinas', 30, () => demoContext('konsep'), (ctx) => buildNotaDinas(ctx)),
);
