import { createRequire } from 'node:module';

/**
 * The general Portuguese lexicon of nlp.js (@nlpjs/lang-pt: AFINN translated to Portuguese, keyed
 * by the stems of its own stemmer). Loaded once, lazily; a word is looked up by its stem.
 */
interface StemmerPt {
  stem(word: string): string;
}

let cache: { afinn: Record<string, number>; stemmer: StemmerPt } | null = null;

function load(): { afinn: Record<string, number>; stemmer: StemmerPt } {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const lang = require('@nlpjs/lang-pt') as { SentimentPt: { afinn: Record<string, number> }; StemmerPt: new () => StemmerPt };
  cache = { afinn: lang.SentimentPt.afinn, stemmer: new lang.StemmerPt() };
  return cache;
}

/** AFINN-pt valence of a folded Portuguese word, 0 when the lexicon does not know it. */
export function ptLexicon(word: string): number {
  if (word === 'nao' || word.length < 3) return 0;
  const { afinn, stemmer } = load();
  return afinn[stemmer.stem(word)] ?? 0;
}
