import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import { cleanStrings, cleanText } from '../../electron/core/domain/clean-text';
import { allText } from '../render/docx-xml';
import { coreOpener, login, must, setUpDataDir, USERS } from '../fixtures/harness';
import { completeItem } from './workflow-fixtures';

/** jsdom's strict XML parser (saxes): a document that is not well-formed comes back as a <parsererror>. */
interface XmlParser {
  parseFromString(text: string, type: 'application/xml'): { getElementsByTagName(name: string): ArrayLike<unknown> };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { DOMParser: new () => XmlParser } } };

/** Characters XML 1.0 cannot carry, as they arrive from a paste. */
const BAD = '\u0000\u0001\u0008\u000B\u000C\u001B\u001F\uFFFE\uFFFF\uDFFF\uD800';

describe('cleanText', () => {
  it('drops what XML cannot carry and keeps every character a reader can see', () => {
    expect(cleanText(`Profil${BAD} Dinas`)).toBe('Profil Dinas');
    expect(cleanText('Kolom\tsatu\nbaris dua')).toBe('Kolom\tsatu\nbaris dua');
    expect(cleanText('Windows\r\nbaris\rlama')).toBe('Windows\nbaris\nlama');
    // A whole surrogate pair is one real character (an emoji), never cut in half.
    expect(cleanText('Laporan 📄 “tahunan” — Rp 1.000 – ½')).toBe('Laporan 📄 “tahunan” — Rp 1.000 – ½');
    // Lone halves are dropped wherever they stand.
    expect(cleanText('a\uDC00b\uD83Dc\uD83D')).toBe('abc');
  });

  it('cleans every string inside a call’s input and leaves clean input as it is', () => {
    const clean = { a: 'teks', list: ['satu', { b: 2, c: null }], flag: true };
    expect(cleanStrings(clean)).toBe(clean);
    expect(cleanStrings({ items: [{ judul: `Judul${BAD}`, n: 3 }], note: `x\u0002` })).toEqual({ items: [{ judul: 'Judul', n: 3 }], note: 'x' });
  });
});

describe('text entering through any call', () => {
  const open = coreOpener();

  it('a DIP built from an item typed with such characters is well-formed XML and reads as the clean text', async () => {
    const core = await open(await setUpDataDir());
    const operator = await login(core, USERS.operator);
    const ppid = await login(core, USERS.admin);
    const kepala = await login(core, USERS.kepala);
    const { id } = await must<{ id: string }>(core, 'cycles.create', { title: 'DIP 2026', year: 2026 }, operator);
    const fields = completeItem(`Profil${BAD} Dinas`, 'Sekretariat', 'berkala', { ringkasan: `Ringkasan\u0007 profil${BAD}\nbaris kedua` });
    let v = await must<CycleView>(core, 'cycles.addItems', { cycleId: id, items: [fields] }, operator);
    expect(v.items[0]!.fields.judul).toBe('Profil Dinas');
    expect(v.items[0]!.fields.ringkasan).toBe('Ringkasan profil\nbaris kedua');

    await must(core, 'cycles.act', { cycleId: id, action: 'report' }, operator);
    await must(core, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, ppid);
    v = await must<CycleView>(core, 'cycles.act', { cycleId: id, action: 'submitKonsep' }, operator);
    for (const i of v.items) await must(core, 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' }, ppid);
    await must(core, 'cycles.act', { cycleId: id, action: 'approve' }, ppid);
    const dip = await must<{ base64: string }>(core, 'documents.build', { cycleId: id, kind: 'dip' }, kepala);

    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(dip.base64, 'base64')))['word/document.xml']!);
    const parsed = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(allText(xml)).toContain('Profil Dinas');
    expect(xml).not.toContain('\uFFFD');
  });
});
