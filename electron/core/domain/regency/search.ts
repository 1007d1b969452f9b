import type { z } from 'zod';
import { CATEGORY_LABELS } from '../information';
import type { RegencyRecords, RegencySearchHit, RegencySearchResult, regencySearchSchema } from './model';
import { cycleOfYear, registerOrder } from './register-view';

/**
 * Search across every OPD's items (issue 13): title, summary, bidang, category and the OPD's
 * name. Case and diacritics do not matter ("Pendidikan" finds "pendidikan", "kesehatan" finds
 * "Kesèhatan"), every word must occur (a word may be the start or middle of a longer one), and
 * items whose title holds the words come first. Each OPD counts with its cycle of each year
 * (register-view.ts cycleOfYear), as the register shows it; items not yet classified are in no
 * list and are not found. Pure.
 */

export type RegencySearchQuery = z.output<typeof regencySearchSchema>;

/** Lower case, diacritics dropped (NFD, marks removed), spaces collapsed: the form both sides are compared in. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function searchWords(query: string): string[] {
  return [...new Set(foldText(query).split(' ').filter(Boolean))];
}

interface Candidate {
  hit: RegencySearchHit;
  /** 0: every word in the title; 1: some; 2: none (found in the other fields). */
  tier: number;
  titleWords: number;
  opdRank: number;
  itemRank: number;
}

export function regencySearch(records: Pick<RegencyRecords, 'entries' | 'cyclesOf'>, query: RegencySearchQuery): RegencySearchResult {
  const words = searchWords(query.query);
  const found: Candidate[] = [];
  registerOrder(records.entries()).forEach((entry, opdRank) => {
    if (query.entryId !== null && entry.entryId !== query.entryId) return;
    const cycles = records.cyclesOf(entry.entryId);
    const years = query.year !== null ? [query.year] : [...new Set(cycles.map((c) => c.year))];
    const opdName = foldText(entry.name);
    for (const year of years) {
      const cycle = cycleOfYear(cycles, year);
      if (!cycle) continue;
      cycle.items.forEach((item, itemRank) => {
        const f = item.fields;
        if (!f.kategori || (query.category !== null && f.kategori !== query.category)) return;
        const title = foldText(f.judul);
        const rest = `${foldText(f.ringkasan)}\n${foldText(f.bidang)}\n${foldText(CATEGORY_LABELS[f.kategori])}\n${opdName}`;
        let titleWords = 0;
        for (const w of words) {
          if (title.includes(w)) titleWords++;
          else if (!rest.includes(w)) return;
        }
        found.push({
          hit: {
            entryId: entry.entryId,
            opdName: entry.name,
            cycleId: cycle.id,
            year: cycle.year,
            itemId: item.id,
            judul: f.judul,
            ringkasan: f.ringkasan,
            bidang: f.bidang,
            category: f.kategori,
            signed: cycle.signed !== null,
          },
          tier: titleWords === words.length ? 0 : titleWords > 0 ? 1 : 2,
          titleWords,
          opdRank,
          itemRank,
        });
      });
    }
  });
  found.sort((a, b) => a.tier - b.tier || b.titleWords - a.titleWords || b.hit.year - a.hit.year || a.opdRank - b.opdRank || a.itemRank - b.itemRank);
  return { hits: found.slice(0, query.limit).map((c) => c.hit), total: found.length };
}
