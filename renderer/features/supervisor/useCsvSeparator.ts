import { useState } from 'react';
import type { CsvSeparator } from './csv';

const STORAGE_KEY = 'atende.csvSeparator';

function stored(): CsvSeparator | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === ';' || value === ',' ? value : null;
  } catch {
    return null;
  }
}

/** The CSV separator chosen on this machine; by default `;` for pt-BR (Excel's list separator there), `,` otherwise. */
export function useCsvSeparator(language: string): [CsvSeparator, (value: CsvSeparator) => void] {
  const [value, setValue] = useState<CsvSeparator | null>(stored);
  const set = (next: CsvSeparator) => {
    setValue(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  };
  return [value ?? (language === 'pt-BR' ? ';' : ','), set];
}
