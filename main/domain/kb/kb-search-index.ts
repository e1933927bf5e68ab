import { foldAccents, markdownToPlainText, splitWords, stem, STOP_WORDS } from '../../../shared/kb/text';
import type { KbArticle } from '../../../shared/schemas';

export interface KbSearchOptions {
  limit?: number;
  /** Which articles may be returned (status, visibility, the viewer's role). */
  filter?: (id: string) => boolean;
  /** Typing in a search box: the last word also matches as a prefix. Default true. */
  prefixLastTerm?: boolean;
}

export interface KbHit {
  id: string;
  score: number;
  /** Query words (folded) that matched, for highlighting and explanations. */
  terms: string[];
}

/** Fields, in posting order, and their weight: the title counts most, then tags and category, then the text. */
const FIELDS = 3;
const BOOST = [4, 2, 1] as const;
/** BM25 parameters (the usual ones). */
const K1 = 1.2;
const B = 0.7;
/** Matches through a typo or a prefix count less than exact ones. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** Index size where the body is cut: long manuals still match by their beginning and title. */
const MAX_INDEXED_BODY = 20_000;
/** Below this many articles every term is searched; above, see `selective`. */
const MIN_DOCS_FOR_PRUNING = 200;
const COMMON_TERM_SHARE = 0.25;
/** At most this many index terms a prefix or a typo expands to (the most frequent first). */
const MAX_EXPANSIONS = 30;

/** Typo tolerance by term length: none for short words, one edit from 4 letters, two from 9. */
function fuzziness(term: string): number {
  if (term.length < 4) return 0;
  return term.length >= 9 ? 2 : 1;
}

/** Levenshtein distance if at most `max`, else `max + 1` (stops early). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** A term's postings: per document slot, its frequency in each field (flat: slot, tf×3). */
interface Postings {
  entries: number[];
  /** Live documents containing the term. */
  df: number;
}

/**
 * Full-text index of the knowledge base: pt-BR and English, accent-insensitive, stemmed
 * (shared/kb/text.ts), typo-tolerant (edit distance by word length, for words the index does not
 * know), prefix matching on the word being typed, BM25F ranking (title, then tags and category,
 * then text). A compact inverted index with flat postings and one score accumulator, so a search
 * over 10k articles stays in single-digit milliseconds even for words most articles contain.
 */
export class KbSearchIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly slotOf = new Map<string, number>();
  private ids: (string | null)[] = [];
  private lengths: number[][] = [[], [], []];
  private readonly totalLength = [0, 0, 0];
  private docTerms: (string[] | null)[] = [];
  private live = 0;
  private scores = new Float64Array(0);
  private matched = new Uint32Array(0);
  /** Terms sorted (prefix lookup) and by first letter (typo lookup); rebuilt after changes. */
  private sortedTerms: string[] | null = null;
  private byInitial: Map<string, string[]> | null = null;
  /** Token → term, memoized: a KB repeats a few thousand words millions of times. */
  private readonly terms = new Map<string, string | null>();

  get size(): number {
    return this.live;
  }

  private term(token: string): string | null {
    let term = this.terms.get(token);
    if (term === undefined) {
      const folded = foldAccents(token);
      term = folded.length === 0 || STOP_WORDS.has(folded) ? null : stem(folded);
      if (this.terms.size < 500_000) this.terms.set(token, term);
    }
    return term;
  }

  /** Adds or replaces an article. */
  upsert(article: KbArticle): void {
    this.remove(article.id);
    this.add(article);
  }

  addAll(articles: Iterable<KbArticle>): void {
    for (const a of articles) this.upsert(a);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    for (const t of this.docTerms[slot] ?? []) {
      const p = this.postings.get(t);
      if (p && --p.df <= 0) this.postings.delete(t);
    }
    for (let f = 0; f < FIELDS; f++) this.totalLength[f] = (this.totalLength[f] as number) - ((this.lengths[f] as number[])[slot] ?? 0);
    this.ids[slot] = null;
    this.docTerms[slot] = null;
    this.live--;
    this.sortedTerms = null;
    this.byInitial = null;
    // Postings keep dead slots until there are as many dead as live ones: then compact.
    if (this.ids.length > 64 && this.ids.length > 2 * this.live) this.compact();
  }

  private add(a: KbArticle): void {
    const slot = this.ids.length;
    const fields = [a.title, `${a.tags.join(' ').replace(/[-_]/g, ' ')} ${a.category ?? ''}`, markdownToPlainText(a.body.length > MAX_INDEXED_BODY ? a.body.slice(0, MAX_INDEXED_BODY) : a.body)];
    const counts = new Map<string, [number, number, number]>();
    fields.forEach((text, f) => {
      let length = 0;
      for (const token of splitWords(text)) {
        const t = this.term(token);
        if (!t) continue;
        length++;
        let c = counts.get(t);
        if (!c) counts.set(t, (c = [0, 0, 0]));
        c[f] = (c[f] as number) + 1;
      }
      (this.lengths[f] as number[])[slot] = length;
      this.totalLength[f] = (this.totalLength[f] as number) + length;
    });
    for (const [t, c] of counts) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { entries: [], df: 0 }));
      p.entries.push(slot, c[0], c[1], c[2]);
      p.df++;
    }
    this.ids.push(a.id);
    this.docTerms.push([...counts.keys()]);
    this.slotOf.set(a.id, slot);
    this.live++;
    this.sortedTerms = null;
    this.byInitial = null;
  }

  /** Renumbers the live documents and drops dead postings. */
  private compact(): void {
    const remap = new Map<number, number>();
    const ids: (string | null)[] = [];
    const lengths: number[][] = [[], [], []];
    const docTerms: (string[] | null)[] = [];
    this.ids.forEach((id, slot) => {
      if (id === null) return;
      remap.set(slot, ids.length);
      for (let f = 0; f < FIELDS; f++) (lengths[f] as number[]).push((this.lengths[f] as number[])[slot] ?? 0);
      ids.push(id);
      docTerms.push(this.docTerms[slot] ?? []);
    });
    for (const p of this.postings.values()) {
      const next: number[] = [];
      for (let i = 0; i < p.entries.length; i += 4) {
        const to = remap.get(p.entries[i] as number);
        if (to !== undefined) next.push(to, p.entries[i + 1] as number, p.entries[i + 2] as number, p.entries[i + 3] as number);
      }
      p.entries = next;
    }
    this.ids = ids;
    this.lengths = lengths;
    this.docTerms = docTerms;
    this.slotOf.clear();
    ids.forEach((id, slot) => this.slotOf.set(id as string, slot));
  }

  private vocabulary(): { sorted: string[]; byInitial: Map<string, string[]> } {
    if (!this.sortedTerms || !this.byInitial) {
      this.sortedTerms = [...this.postings.keys()].sort();
      this.byInitial = new Map();
      for (const t of this.sortedTerms) {
        const list = this.byInitial.get(t[0] as string);
        if (list) list.push(t);
        else this.byInitial.set(t[0] as string, [t]);
      }
    }
    return { sorted: this.sortedTerms, byInitial: this.byInitial };
  }

  /** Index terms starting with `prefix`, most frequent first. */
  private withPrefix(prefix: string): string[] {
    const { sorted } = this.vocabulary();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) out.push(sorted[i] as string);
    return this.mostFrequent(out);
  }

  /** Index terms within the word's typo distance (same first letter: typos rarely hit it). */
  private near(term: string): string[] {
    const max = fuzziness(term);
    if (max === 0) return [];
    const candidates = this.vocabulary().byInitial.get(term[0] as string) ?? [];
    return this.mostFrequent(candidates.filter((t) => t !== term && editDistance(term, t, max) <= max));
  }

  private mostFrequent(terms: string[]): string[] {
    if (terms.length <= MAX_EXPANSIONS) return terms;
    return terms.sort((a, b) => (this.postings.get(b)?.df ?? 0) - (this.postings.get(a)?.df ?? 0)).slice(0, MAX_EXPANSIONS);
  }

  /** The longest indexed stem that the word being typed starts with ("cancelamen" → "cancel"). */
  private stemPrefixOf(word: string): string | null {
    for (let k = word.length; k >= 3; k--) {
      const candidate = word.slice(0, k);
      if (this.postings.has(candidate)) return candidate;
    }
    return null;
  }

  /**
   * Terms worth searching: a term found in more than a quarter of the articles ("cliente",
   * "prazo") adds almost nothing to BM25 but costs a pass over most of the index, so it is left
   * out while rarer terms (or unknown words, searched by typo or prefix) remain; when all are that
   * common, the rarest one is kept.
   */
  private selective(terms: readonly string[], othersSearched: boolean): Set<string> {
    if (this.live < MIN_DOCS_FOR_PRUNING) return new Set(terms);
    const df = (t: string) => this.postings.get(t)?.df ?? 0;
    const rare = terms.filter((t) => df(t) <= COMMON_TERM_SHARE * this.live);
    if (rare.length > 0 || othersSearched) return new Set(rare);
    const rarest = [...terms].sort((a, b) => df(a) - df(b))[0];
    return new Set(rarest ? [rarest] : []);
  }

  /** Adds one term's BM25F contribution (× `weight`) for query word `word` to the accumulator. */
  private accumulate(term: string, weight: number, word: number, touched: number[]): void {
    const p = this.postings.get(term);
    if (!p || p.df === 0) return;
    const idf = Math.log(1 + (this.live - p.df + 0.5) / (p.df + 0.5));
    const avg = this.totalLength.map((total) => Math.max(1, total / Math.max(1, this.live)));
    const e = p.entries;
    for (let i = 0; i < e.length; i += 4) {
      const slot = e[i] as number;
      if (this.ids[slot] === null) continue;
      let s = 0;
      for (let f = 0; f < FIELDS; f++) {
        const tf = e[i + 1 + f] as number;
        if (tf === 0) continue;
        const norm = 1 - B + (B * ((this.lengths[f] as number[])[slot] as number)) / (avg[f] as number);
        s += ((BOOST[f] as number) * tf * (K1 + 1)) / (tf + K1 * norm);
      }
      if (this.scores[slot] === 0) touched.push(slot);
      this.scores[slot] = (this.scores[slot] as number) + weight * idf * s;
      this.matched[slot] = (this.matched[slot] as number) | (1 << Math.min(word, 31));
    }
  }

  /** Ranked matches for a query (best first). */
  search(query: string, opts: KbSearchOptions = {}): KbHit[] {
    const words = splitWords(query)
      .map(foldAccents)
      .filter((w) => !STOP_WORDS.has(w))
      .slice(0, 64);
    if (words.length === 0 || this.live === 0) return [];
    const prefix = opts.prefixLastTerm ?? true;
    const known = (w: string) => this.postings.has(stem(w));
    const keep = this.selective(words.filter(known).map(stem), words.some((w) => !known(w)));
    if (this.scores.length < this.ids.length) {
      this.scores = new Float64Array(this.ids.length * 2);
      this.matched = new Uint32Array(this.ids.length * 2);
    }
    const run = (typoInLastWord: boolean): number[] => {
      const touched: number[] = [];
      words.forEach((word, i) => {
        const term = stem(word);
        if (this.postings.has(term)) {
          if (keep.has(term)) this.accumulate(term, 1, i, touched);
          return;
        }
        const last = prefix && i === words.length - 1 && word.length >= 3;
        if (!last || typoInLastWord) for (const t of this.near(term)) this.accumulate(t, FUZZY_WEIGHT, i, touched);
        if (last) {
          const typed = this.stemPrefixOf(word);
          if (typed) this.accumulate(typed, 1, i, touched);
          for (const t of this.withPrefix(word)) if (t !== typed) this.accumulate(t, PREFIX_WEIGHT, i, touched);
        }
      });
      return touched;
    };
    let touched = run(false);
    if (touched.length === 0 && prefix) touched = run(true);
    const ranked = touched.map((slot) => ({ slot, score: this.scores[slot] as number, mask: this.matched[slot] as number }));
    for (const slot of touched) {
      this.scores[slot] = 0;
      this.matched[slot] = 0;
    }
    ranked.sort((a, b) => b.score - a.score || a.slot - b.slot);
    // The filter (status, role) runs on the best candidates only, until the page is full.
    const limit = opts.limit ?? 20;
    const hits: KbHit[] = [];
    for (const r of ranked) {
      const id = this.ids[r.slot] as string;
      if (opts.filter && !opts.filter(id)) continue;
      hits.push({ id, score: r.score, terms: words.filter((_, i) => (r.mask & (1 << Math.min(i, 31))) !== 0) });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
