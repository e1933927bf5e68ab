/**
 * Text processing shared by the knowledge-base search, the reply suggestions and the exported
 * site's index: accent folding (NFD), tokenizing, stop words and a light Portuguese/English suffix
 * stemmer. The same function runs on documents and queries, so what matters is that it is
 * consistent and conservative, not that it finds linguistic roots.
 */

/** Lower case without diacritics: "Cobrança Não" → "cobranca nao". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words (letters and digits) of a text, folded. */
export function tokenize(text: string): string[] {
  return foldAccents(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Frequent pt-BR and en words that say nothing about a topic (already folded). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a o as os um uma uns umas de do da dos das no na nos nas em por para pra pro com sem sob sobre ao aos e ou mas que se ' +
    'eu tu ele ela nos vos eles elas me te lhe meu minha meus minhas seu sua seus suas teu tua esse essa isso este esta isto ' +
    'aquele aquela aquilo ja ainda tambem muito muita mais menos bem so como quando onde qual quais quem porque pois entao ' +
    'foi ser sao era estou esta estao tem ter tenho ha vou vai fica ficou fazer faz fiz pode posso consigo ola oi bom boa dia tarde noite obrigado obrigada favor ' +
    'the an and or of to in on at for with from by is are was were be been it its this that these those i you he she we they my your our ' +
    'me do does did have has had not no yes can could would should will please hi hello thanks thank'
  ).split(' '),
);

// Longest first: the first suffix that leaves a stem of at least 3 letters is removed.
const SUFFIXES = [
  'amentos', 'imentos', 'amento', 'imento', 'mente', 'acoes', 'icoes', 'acao', 'icao', 'adoras', 'adores', 'adora', 'ador',
  'aveis', 'iveis', 'avel', 'ivel', 'ancia', 'encia', 'idade', 'ismos', 'ismo', 'istas', 'ista',
  'ados', 'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida', 'ando', 'endo', 'indo', 'aram', 'eram', 'iram', 'avam', 'ava',
  'ar', 'er', 'ir', 'ou', 'eu', 'iu', 'am', 'em',
  // English
  'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ness', 'ies', 'ied', 'ed', 'ly',
  'a', 'o', 'e', 'y',
];

/**
 * A light suffix stemmer for folded pt-BR and English words: plural to singular (ões/ães → ao,
 * ais → al, eis → el, ns → m, -s), then one derivational or verbal suffix (cancelamento,
 * cancelado, cancelar → cancel; entregas, entrega, entregar → entreg; refunded → refund).
 * Words of four letters or fewer and numbers stay as they are.
 */
export function stem(word: string): string {
  if (word.length <= 4 || /^\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('oes') || w.endsWith('aes')) w = `${w.slice(0, -3)}ao`;
  else if (w.endsWith('ais')) w = `${w.slice(0, -3)}al`;
  else if (w.endsWith('eis')) w = `${w.slice(0, -3)}el`;
  else if (w.endsWith('ns')) w = `${w.slice(0, -2)}m`;
  else if (w.endsWith('res') || w.endsWith('zes')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

/** Tokens → search terms: folded, stop words dropped, stemmed. */
export function searchTerms(text: string): string[] {
  return tokenize(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

/** MiniSearch `processTerm`: one token to its term (folded stem), or null for a stop word. */
export function processSearchTerm(term: string): string | null {
  const folded = foldAccents(term);
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  return stem(folded);
}

/** MiniSearch `tokenize`: splits on anything that is not a letter or a digit. */
export function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * Markdown to plain text for snippets, suggestions and inserting an article into a reply: drops
 * markup (headings, emphasis, code fences, images) and keeps link texts with their URL.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first `max` characters of an article's text, cut at a word. */
export function snippet(markdown: string, max = 180): string {
  const text = markdownToPlainText(markdown).replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}
