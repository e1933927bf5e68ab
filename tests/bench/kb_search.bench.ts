/**
 * Knowledge-base search at 10k articles: KbService.search (what `kb.search` calls) over articles
 * generated from a contact-center vocabulary, with queries as agents type them — key phrases with
 * and without accents, a typo, a word half typed. Bound: p99 ≤ 10 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KbArticle } from '../../shared/schemas';
import { AuditService } from '../../main/domain/audit/audit.service';
import { Prng } from '../../main/domain/demo/prng';
import { KbService } from '../../main/domain/kb/kb.service';
import { ManualClock } from '../../main/domain/shared/clock';
import { openStore } from '../../main/store/index';
import { percentile, round, sample, type BenchResult } from './harness';

const ARTICLES = 10_000;
const QUERIES = 2_000;
const NOW = '2026-11-22T12:00:00.000Z';

const TOPICS = [
  ['cobrança', 'fatura', 'boleto', 'estorno', 'duplicidade', 'cartão', 'vencimento', 'juros', 'parcelamento', 'pix', 'débito', 'reembolso'],
  ['entrega', 'pedido', 'rastreio', 'transportadora', 'atraso', 'endereço', 'coleta', 'frete', 'prazo', 'avaria', 'embalagem', 'correios'],
  ['cancelamento', 'assinatura', 'plano', 'multa', 'fidelidade', 'retenção', 'desconto', 'contrato', 'portabilidade', 'renovação'],
  ['troca', 'devolução', 'tamanho', 'defeito', 'garantia', 'nota', 'fiscal', 'arrependimento', 'produto', 'voucher'],
  ['aplicativo', 'senha', 'login', 'internet', 'roteador', 'modem', 'sinal', 'instalação', 'técnico', 'atualização', 'conexão', 'wi-fi'],
  ['cadastro', 'titularidade', 'dados', 'lgpd', 'e-mail', 'telefone', 'documento', 'cpf', 'dependente', 'endereço'],
];
const FILLER = ['cliente', 'atendimento', 'solicitação', 'procedimento', 'verificar', 'sistema', 'confirmar', 'informar', 'orientar', 'registrar', 'protocolo', 'prazo', 'dias', 'úteis', 'valor', 'conta', 'canal', 'central', 'status', 'retorno'];
const CATEGORIES = ['Cobrança', 'Entrega', 'Cancelamento', 'Troca e devolução', 'Suporte técnico', 'Cadastro'];

export function generate(rng: Prng, i: number): KbArticle {
  const topic = i % TOPICS.length;
  const words = TOPICS[topic] as string[];
  const title = Array.from({ length: rng.int(3, 6) }, () => rng.pick(words)).join(' ');
  const paragraphs = Array.from({ length: rng.int(3, 6) }, () =>
    Array.from({ length: rng.int(25, 60) }, () => (rng.chance(0.4) ? rng.pick(words) : rng.pick(FILLER))).join(' '),
  );
  const body = `## ${title}\n\n${paragraphs.join('\n\n')}`;
  return {
    id: `kb_bench_${i}`,
    createdAt: NOW,
    updatedAt: NOW,
    version: 0,
    title: `${title} ${i}`,
    body,
    category: CATEGORIES[topic] as string,
    tags: [rng.pick(words).replace(/[^a-zç-]/g, ''), rng.pick(words).replace(/[^a-zç-]/g, '')].filter((t) => t.length > 0),
    status: rng.chance(0.9) ? 'published' : 'draft',
    visibility: rng.chance(0.5) ? 'public' : 'internal',
    language: 'pt-BR',
    authorId: 'usr_bench',
    history: [{ version: 1, authorId: 'usr_bench', at: NOW, title, body }],
    usedOnTickets: 0,
    attachments: [],
    proposedBy: null,
    proposalFor: null,
    sourceTicketId: null,
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

export function query(rng: Prng): string {
  const words = rng.pick(TOPICS);
  const phrase = [rng.pick(words), rng.pick(words)];
  const kind = rng.int(0, 3);
  if (kind === 0) return phrase.join(' ');
  if (kind === 1) return fold(phrase.join(' '));
  if (kind === 2) {
    const w = phrase[0] as string;
    const at = Math.min(w.length - 1, 2);
    return `${w.slice(0, at)}${w.slice(at + 1)} ${phrase[1]}`;
  }
  return `${phrase[0]} ${(phrase[1] as string).slice(0, Math.max(3, (phrase[1] as string).length - 3))}`;
}

export default async function kbSearchBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-kb-'));
  const store = await openStore({ dir, fsync: false });
  try {
    const rng = new Prng(11);
    await store.write((tx) => {
      for (let i = 0; i < ARTICLES; i++) tx.put('kbArticles', generate(rng, i));
    });
    const clock = new ManualClock(NOW);
    const t0 = performance.now();
    const kb = new KbService(store, clock, new AuditService(clock));
    const indexMs = performance.now() - t0;
    const agent = { id: 'usr_agent', role: 'agent' as const };
    const queries = Array.from({ length: QUERIES }, () => query(rng));
    let hits = 0;
    const durations = await sample(QUERIES, (i) => {
      hits += kb.search(agent, queries[i] as string, { limit: 20 }).length;
    });
    kb.dispose();
    const info = { articles: ARTICLES, queries: QUERIES, meanHits: round(hits / QUERIES, 1), indexBuildMs: round(indexMs, 0) };
    return [
      { bench: 'kb_search', metric: 'search_p50', value: round(percentile(durations, 50)), unit: 'ms', info },
      { bench: 'kb_search', metric: 'search_p99', value: round(percentile(durations, 99)), unit: 'ms', bound: 10, info },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
