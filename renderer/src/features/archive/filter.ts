import type { ArchiveCycleView, ArchiveRecordView } from '../../../../electron/core/domain/archive';
import type { Category } from '../../../../electron/core/domain/information';

export interface ArchiveFilter {
  year: number | null;
  kategori: Category | null;
  bidang: string | null;
  text: string;
}

export const NO_FILTER: ArchiveFilter = { year: null, kategori: null, bidang: null, text: '' };

export interface ArchiveMatch {
  cycle: ArchiveCycleView;
  /** The records to show: all of them, or those the category, bidang and text pick. */
  records: ArchiveRecordView[];
}

const norm = (s: string) => s.toLocaleLowerCase('id').normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * The Arsip screen's search, on the list the core gave (every signed cycle is at most a few
 * thousand records): the year picks cycles; the category and bidang pick records, and a
 * cycle without such a record is left out; the text matches a cycle (its title, the Nota
 * Dinas number, its papers and scans) or its records (judul, bidang, retensi).
 */
export function filterArchive(list: readonly ArchiveCycleView[], f: ArchiveFilter): ArchiveMatch[] {
  const words = norm(f.text).split(/\s+/).filter(Boolean);
  const has = (haystack: string) => words.every((w) => haystack.includes(w));
  const out: ArchiveMatch[] = [];
  for (const cycle of list) {
    if (f.year !== null && cycle.year !== f.year) continue;
    let records = cycle.records.filter((r) => (!f.kategori || r.kategori === f.kategori) && (!f.bidang || r.bidang === f.bidang));
    if ((f.kategori || f.bidang) && records.length === 0) continue;
    if (words.length) {
      const own = norm(
        [cycle.title, String(cycle.year), cycle.notaDinasNumber ?? '', ...cycle.documents.flatMap((d) => [d.label, ...d.scans.map((s) => s.name)])].join(' '),
      );
      if (!has(own)) {
        records = records.filter((r) => has(norm(`${r.judul} ${r.bidang} ${r.retensi} ${r.kategoriLabel}`)));
        if (!records.length) continue;
      }
    }
    out.push({ cycle, records });
  }
  return out;
}

export function isFiltered(f: ArchiveFilter): boolean {
  return f.year !== null || f.kategori !== null || f.bidang !== null || f.text.trim() !== '';
}
