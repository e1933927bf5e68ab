/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel in pt-BR reads accents), CRLF
 * line ends, fields quoted when needed. With `;` numbers use the pt-BR decimal comma (what Excel
 * set to Portuguese expects); with `,` a decimal point.
 */
export type CsvSeparator = ';' | ',';
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';

/** A number as the spreadsheet on the other side reads it: no grouping, decimal mark by separator. */
export function csvNumber(value: number, separator: CsvSeparator, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  const text = String(rounded);
  return separator === ';' ? text.replace('.', ',') : text;
}

function field(cell: CsvCell, separator: CsvSeparator): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? csvNumber(cell, separator) : cell;
  return /["\r\n]/.test(text) || text.includes(separator) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], separator: CsvSeparator): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => field(cell, separator)).join(separator));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Saves `text` as a file through the browser's download (works in Electron too). */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "atende-tma-2026-11-01_2026-11-30.csv": ASCII only, no spaces. */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `atende-${slug}.csv`;
}
