import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line in the file where the record ends (what a person finds in a text editor). */
  line: number;
  /** Values by canonical column name. */
  values: Record<string, string>;
}

export type CsvTable = { ok: true; rows: CsvRow[] } | { ok: false; fatal: string };

/**
 * Parses a CSV export (UTF-8, with or without BOM; `,` or `;` separated — Excel in pt-BR writes
 * `;`) and maps header names, in Portuguese or English, to canonical columns. A missing required
 * column or a broken file is fatal: the caller imports nothing.
 */
export function readCsvTable(text: string, columns: Readonly<Record<string, readonly string[]>>, required: readonly string[]): CsvTable {
  const content = text.replace(/^\uFEFF/, '');
  const headerLine = content.split(/\r?\n/, 1)[0] ?? '';
  if (!headerLine.trim()) return { ok: false, fatal: 'line 1: the file is empty (a header line is required)' };
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(content, { delimiter, columns: (h: string[]) => h.map(normalizeHeader), info: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { ok: false, fatal: `${e.lines ? `line ${e.lines}: ` : ''}${e.message.replace(/^Invalid Record Length: /, 'wrong number of fields: ')}` };
  }
  const header = headerLine.split(delimiter).map(normalizeHeader);
  const canonical = new Map<string, string>();
  for (const [name, aliases] of Object.entries(columns)) {
    const found = [name, ...aliases].map(normalizeHeader).find((a) => header.includes(a));
    if (found) canonical.set(found, name);
  }
  const missing = required.filter((r) => ![...canonical.values()].includes(r));
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m}" (${(columns[m] ?? []).join(', ')})`).join('; ');
    return { ok: false, fatal: `line 1: missing column ${names}` };
  }
  const rows = records.map(({ record, info }) => {
    const values: Record<string, string> = {};
    for (const [header, name] of canonical) values[name] = record[header] ?? '';
    return { line: info.lines, values };
  });
  return { ok: true, rows };
}

/** Header names compared without accents, case or spacing: "Preço unitário" = preco_unitario. */
function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** `1.234,56` (pt-BR), `1234.56` or `1234` → cents; null when not a money amount. */
export function parseMoneyToCents(raw: string): number | null {
  const s = raw.replace(/R\$\s?/i, '').trim();
  if (!s) return null;
  let normalized: string;
  if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(s) || /^\d+,\d{1,2}$/.test(s)) normalized = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(\.\d{1,2})?$/.test(s)) normalized = s;
  else return null;
  return Math.round(Number(normalized) * 100);
}

/**
 * `dd/mm/yyyy [hh:mm[:ss]]` in the operation's UTC offset (São Paulo: -03:00), `yyyy-mm-dd`, or an
 * ISO instant → ISO instant in UTC; null for anything else or an impossible date (31/02).
 */
export function parseDateTime(raw: string, offsetMinutes = -180): string | null {
  const s = raw.trim();
  const br = /^(\d{2})\/(\d{2})\/(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (br) {
    const dayFirst = (br[1] as string).length === 2;
    const [d, m, y] = dayFirst ? [Number(br[1]), Number(br[2]), Number(br[3])] : [Number(br[3]), Number(br[2]), Number(br[1])];
    const [hh, mm, ss] = [Number(br[4] ?? 0), Number(br[5] ?? 0), Number(br[6] ?? 0)];
    const local = Date.UTC(y, m - 1, d, hh, mm, ss);
    const check = new Date(local);
    if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1 || hh > 23 || mm > 59 || ss > 59) return null;
    return new Date(local - offsetMinutes * 60_000).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Splits a multi-value cell: `a | b`, `a / b` or `a, b` (for a `;`-separated file). */
export function splitList(raw: string): string[] {
  return raw
    .split(/\s*[|/]\s*|\s*,\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
}
