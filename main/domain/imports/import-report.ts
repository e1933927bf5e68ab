/** One rejected row: where it is in the file and what is wrong. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** What an import did. `fatal`: nothing was imported (missing column, unreadable file). */
export type ImportReport =
  | { ok: true; created: number; updated: number; errors: RowError[] }
  | { ok: false; fatal: string; created: 0; updated: 0; errors: RowError[] };
