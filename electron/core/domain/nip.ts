/**
 * NIP PNS: 18 digits, `YYYYMMDD YYYYMM G NNN` — birth date, month of first appointment,
 * sex (1 male, 2 female), sequence. PPPK numbers follow another layout, so for them a
 * mismatch is only a warning.
 */
export interface NipCheck {
  normalized: string;
  errors: string[];
  warnings: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * `today` comes from the caller's clock (the core's, or the screen's copy of it); null where
 * there is none, as in the settings schema: then only what the number says about itself is
 * checked, not whether the appointment lies in the future.
 */
export function checkNip(raw: string, kind: 'PNS' | 'PPPK', today: Date | null): NipCheck {
  const normalized = raw.replace(/[\s.]/g, '');
  const problems: string[] = [];
  if (!/^\d+$/.test(normalized)) {
    return { normalized, errors: ['NIP hanya boleh berisi angka.'], warnings: [] };
  }
  if (normalized.length !== 18) {
    const msg = `NIP harus 18 digit (sekarang ${normalized.length} digit).`;
    return kind === 'PNS'
      ? { normalized, errors: [msg], warnings: [] }
      : { normalized, errors: [], warnings: [msg] };
  }
  const by = Number(normalized.slice(0, 4));
  const bm = Number(normalized.slice(4, 6));
  const bd = Number(normalized.slice(6, 8));
  const ay = Number(normalized.slice(8, 12));
  const am = Number(normalized.slice(12, 14));
  const sex = normalized[14];
  const seq = Number(normalized.slice(15, 18));
  // A year is coarse enough that the office's zone does not matter here.
  const thisYear = today ? today.getUTCFullYear() : Number.POSITIVE_INFINITY;

  if (!isRealDate(by, bm, bd) || by < 1940 || by > thisYear - 17) {
    problems.push(`Tanggal lahir pada NIP (${normalized.slice(6, 8)}-${normalized.slice(4, 6)}-${normalized.slice(0, 4)}) tidak valid.`);
  }
  if (am < 1 || am > 12 || ay < 1960 || ay > thisYear) {
    problems.push(`Bulan/tahun pengangkatan pada NIP (${normalized.slice(12, 14)}-${normalized.slice(8, 12)}) tidak valid.`);
  } else if (isRealDate(by, bm, bd) && ay * 12 + am < (by + 17) * 12 + bm) {
    problems.push(`Pengangkatan ${pad(am)}-${ay} terjadi sebelum usia 17 tahun menurut tanggal lahir pada NIP.`);
  }
  if (sex !== '1' && sex !== '2') {
    problems.push(`Digit jenis kelamin pada NIP (digit ke-15) harus 1 (laki-laki) atau 2 (perempuan), bukan ${sex}.`);
  }
  if (seq === 0) problems.push('Nomor urut pada NIP (3 digit terakhir) tidak boleh 000.');

  return kind === 'PNS'
    ? { normalized, errors: problems, warnings: [] }
    : { normalized, errors: [], warnings: problems.map((p) => `${p} (Untuk PPPK hanya peringatan.)`) };
}

/** `19810207 200003 1 001` → "19810207 200003 1 001" as printed after "NIP." */
export function formatNip(nip: string): string {
  const n = nip.replace(/\s/g, '');
  if (n.length !== 18) return n;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}
