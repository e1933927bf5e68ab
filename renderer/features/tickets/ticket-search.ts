/** Small pure helpers of the ticket screen's pickers (tested in tests/unit/renderer). */

/** "#1042", "1042" or " # 1042 " → 1042; anything else → null. */
export function parseTicketNumber(text: string): number | null {
  const m = /^\s*#?\s*(\d{1,9})\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Macros whose name (or body) has every typed word, accent- and case-insensitive; name matches first. */
export function filterMacros<M extends { name: string; body: string }>(macros: readonly M[], query: string): M[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...macros];
  const inName = (m: M) => words.every((w) => fold(m.name).includes(w));
  const inBody = (m: M) => words.every((w) => fold(`${m.name} ${m.body}`).includes(w));
  return [...macros.filter(inName), ...macros.filter((m) => !inName(m) && inBody(m))];
}
