import { describe, expect, it } from 'vitest';
import { buildDip, buildNotaDinas, buildUjiKonsekuensi, packDocx } from '../../electron/core/documents';
import { notaDinasLayout } from '../../electron/core/documents/shared/nota-dinas';
import { balancedLines, kopLines } from '../../electron/core/documents/shared/kop';
import { themeOf } from '../../electron/core/documents/shared/texts';
import { demoContext, demoSettings, longItems } from '../render/fixtures';
import { paragraphs, tableRows, unzipDocx, type DocxParts } from '../render/docx-xml';

const built = async (ctx: Parameters<typeof buildNotaDinas>[0]) => unzipDocx(await packDocx(buildNotaDinas(ctx)));
const doc = (p: DocxParts) => p.xml['word/document.xml']!;
const paraXml = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const headValue = (p: DocxParts, label: string) => tableRows(doc(p)).find((r) => r.cells[0] === label && r.cells[1] === ':')?.cells[2];

describe('a Nota Dinas with a long list', () => {
  const items = longItems(40);

  it('sends more than five items to a lampiran page headed with its number and date; the letter says "1 (satu) berkas"', async () => {
    const p = await built(demoContext('konsep', { items, listed: 40 }));
    expect(headValue(p, 'Lampiran')).toBe('1 (satu) berkas');
    const ps = paraXml(doc(p));
    const texts = paragraphs(doc(p));
    const intro = texts.find((t) => t.startsWith('Dalam rangka melaksanakan'))!;
    expect(intro).toMatch(/mendokumentasikan informasi publik sebagaimana tercantum dalam Lampiran Nota Dinas ini\.$/);
    // The page break comes after the letter's signature, before any item.
    const brk = ps.findIndex((x) => x.includes('<w:pageBreakBefore/>'));
    const firstSign = texts.indexOf('Yuliana Sari, S.Sos., M.AP.');
    const firstItem = texts.findIndex((t) => t.includes('(berkas 1)'));
    expect(firstSign).toBeGreaterThan(-1);
    expect(brk).toBeGreaterThan(firstSign);
    expect(firstItem).toBeGreaterThan(brk);
    const lampiranHead = tableRows(doc(p)).filter((r) => r.cells.length === 4 || r.cells.length === 2);
    expect(lampiranHead.map((r) => r.cells.filter(Boolean).join(' '))).toEqual([
      'Lampiran Nota Dinas',
      'Nomor : 500.12.2/007/Diskominfotik/2026',
      'Tanggal : 23 November 2026',
    ]);
    for (let i = 1; i <= 40; i++) expect(texts.filter((t) => t.includes(`(berkas ${i})`)), `item ${i}`).toHaveLength(1);
    // The lampiran is signed too.
    expect(texts.filter((t) => t === 'Yuliana Sari, S.Sos., M.AP.')).toHaveLength(2);
  });

  it('keeps five items in the body, and a lampiran the writer named as written', () => {
    const five = notaDinasLayout({ isi: 'Mohon dihimpun berikut:\n1. A\n2. B\n3. C\n4. D\n5. E\n\nDemikian.', lampiran: '-' });
    expect(five.lampiran).toBeNull();
    expect(five.lampiranLabel).toBe('-');
    const six = notaDinasLayout({ isi: 'Mohon dihimpun sebagai berikut:\n1. A\n2. B\n3. C\n4. D\n5. E\n6. F\n\nDemikian.', lampiran: '2 (dua) berkas' });
    expect(six.lampiran!.map((b) => b.text)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(six.lampiranLabel).toBe('2 (dua) berkas');
    expect(six.body.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['Mohon dihimpun sebagaimana tercantum dalam Lampiran Nota Dinas ini.', 'Demikian.']);
  });

  it('prints the lampiran the issued draft recorded, whatever the cycle holds later', async () => {
    const ctx = demoContext('konsep', { items, listed: 40 });
    const before = paragraphs(doc(await built(ctx)));
    // Items edited after issue (a later return) do not rewrite the issued Nota Dinas.
    ctx.cycle = { ...ctx.cycle, items: ctx.cycle.items.slice(0, 3) };
    expect(paragraphs(doc(await built(ctx)))).toEqual(before);
  });
});

describe('the kop', () => {
  it('spreads a long name over balanced lines, never one word alone', () => {
    expect(balancedLines('DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK', 6000, 16, true)).toEqual(['DINAS KOMUNIKASI,', 'INFORMATIKA DAN STATISTIK']);
    const address = balancedLines('Jalan Lintas Selatan No. 12, Putussibau, Kapuas Hulu, Kalimantan Barat 78711', 5000, 9);
    expect(address.length).toBe(2);
    for (const line of address) expect(line.split(' ').length).toBeGreaterThan(1);
  });

  it('steps a name that would need three lines down in size, and balances what remains', () => {
    const s = demoSettings('A4');
    const long = { ...s, office: { ...s.office, opdName: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana' } };
    const [, opd] = kopLines(long, 6500, themeOf(s));
    expect(opd!.sizePt).toBe(themeOf(s).body + 2);
    expect(opd!.lines).toEqual(['DINAS PEMBERDAYAAN PEREMPUAN,', 'PERLINDUNGAN ANAK, PENGENDALIAN', 'PENDUDUK DAN KELUARGA BERENCANA']);
  });
});

describe('paragraph styles', () => {
  it('defines Title, Heading 1, Body Text, Table Text, Signature and Kop Surat in the office font', async () => {
    const styles = (await built(demoContext('konsep'))).xml['word/styles.xml']!;
    for (const [id, name] of [
      ['Title', 'Title'],
      ['Heading1', 'Heading 1'],
      ['BodyText', 'Body Text'],
      ['TableText', 'Table Text'],
      ['Signature', 'Signature'],
      ['KopSurat', 'Kop Surat'],
    ]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0];
      expect(style, id).toBeDefined();
      expect(style).toContain(`<w:name w:val="${name}"/>`);
      expect(style).toContain('w:ascii="Arial"');
    }
  });

  it('applies them in the Nota Dinas: title, body, signature, kop', async () => {
    const ps = paraXml(doc(await built(demoContext('konsep'))));
    const styleOf = (text: string) => /<w:pStyle w:val="([^"]+)"\/>/.exec(ps.find((x) => x.includes(text))!)?.[1];
    expect(styleOf('>NOTA DINAS<')).toBe('Title');
    expect(styleOf('Dalam rangka melaksanakan')).toBe('BodyText');
    expect(styleOf('Yuliana Sari')).toBe('Signature');
    expect(styleOf('PEMERINTAH KABUPATEN KAPUAS HULU')).toBe('KopSurat');
  });

  it('reaches the other documents through the shared parts', async () => {
    const uji = paraXml(unzipDocx(await packDocx(buildUjiKonsekuensi(demoContext('konsep')))).xml['word/document.xml']!);
    expect(uji.find((x) => x.includes('LEMBAR UJI KONSEKUENSI'))).toContain('<w:pStyle w:val="Title"/>');
    // Every paragraph names a style: what an editor changes in the style reaches it.
    expect(uji.filter((x) => !x.includes('<w:pStyle ')).length).toBeLessThan(uji.length / 4);
  });
});

describe('signature space', () => {
  it('leaves 3 cm between the jabatan and the name for the wet signature and the stamp', async () => {
    const ps = paraXml(doc(await built(demoContext('konsep'))));
    const name = ps.find((x) => x.includes('Yuliana Sari'))!;
    expect(Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(name)![1])).toBeGreaterThanOrEqual(1701); // 3 cm in twips
  });
});

describe('core properties', () => {
  const core = (p: DocxParts) => p.xml['docProps/core.xml']!;
  const tag = (xml: string, t: string) => new RegExp(`<${t}[^>]*>([^<]*)</${t}>`).exec(xml)?.[1];

  it('name the office as author, the letter as title, and its issue date as created', async () => {
    const xml = core(await built(demoContext('konsep')));
    expect(tag(xml, 'dc:creator')).toBe('Dinas Komunikasi, Informatika dan Statistik');
    expect(tag(xml, 'dc:title')).toBe('Nota Dinas Nomor 500.12.2/007/Diskominfotik/2026: Penghimpunan dan Pendokumentasian Informasi Publik Tahun 2026');
    expect(tag(xml, 'dcterms:created')).toBe('2026-11-23T02:15:00Z');
    expect(tag(xml, 'dcterms:modified')).toBe('2026-11-23T02:15:00Z');
  });

  it('date a Konsep by the time it is printed, as the app gives it, not the machine clock', async () => {
    const xml = core(await built(demoContext('nota_dinas')));
    expect(tag(xml, 'dc:title')).toMatch(/^Nota Dinas \(Konsep\)/);
    expect(tag(xml, 'dcterms:created')).toBe('2026-11-25T03:00:00Z');
  });

  it('date a signed list by its signing when the service packs it', async () => {
    const ctx = demoContext('final');
    const xml = core(unzipDocx(await packDocx(buildDip(ctx), new Date(ctx.cycle.signed!.at))));
    expect(tag(xml, 'dcterms:created')).toBe('2026-11-25T03:30:00Z');
    expect(tag(xml, 'dc:creator')).toBe('Dinas Komunikasi, Informatika dan Statistik');
  });
});
