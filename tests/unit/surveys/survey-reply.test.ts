import { describe, expect, it } from 'vitest';
import { parseSurveyReply } from '../../../main/domain/surveys/survey-reply';

describe('parseSurveyReply', () => {
  it.each([
    ['5', 5, null, null],
    ['5.', 5, null, null],
    [' 4! ', 4, null, null],
    ['Nota 4', 4, null, null],
    ['minha nota: 3', 3, null, null],
    ['4/5', 4, 5, null],
    ['9 de 10', 9, 10, null],
    ['8 out of 10', 8, 10, null],
    ['5 estrelas', 5, null, null],
    ['0', 0, null, null],
    ['10', 10, null, null],
    ['5 - ótimo atendimento', 5, null, 'ótimo atendimento'],
    ['1, o problema continua', 1, null, 'o problema continua'],
    ['5\nResolveram rápido, obrigada!', 5, null, 'Resolveram rápido, obrigada!'],
    ['5 👍', 5, null, '👍'],
  ])('reads %j as a score', (text, score, outOf, comment) => {
    expect(parseSurveyReply(text)).toEqual({ score, outOf, comment });
  });

  it.each([
    '2 boletos não chegaram',
    '10:30 posso ligar?',
    '4,5',
    '4.5',
    '123',
    'Obrigada!',
    'nota fiscal 5',
    '',
    '   ',
    '5a via do boleto',
  ])('does not read %j as a score', (text) => {
    expect(parseSurveyReply(text)).toBeNull();
  });

  it('ignores the quoted original of an e-mail reply', () => {
    const pt = '5\n\nEm seg., 23 de nov. de 2026 às 10:00, Atende <atendimento@exemplo.com.br> escreveu:\n> Olá, Conceição!\n> Como foi o seu atendimento #1042? Responda com uma nota de 1 a 5';
    expect(parseSurveyReply(pt)).toEqual({ score: 5, outOf: null, comment: null });
    const en = '4 - quick fix\r\nOn Mon, Nov 23, 2026 at 10:00 AM Atende <help@example.com> wrote:\r\n> How was your service? 1 to 5';
    expect(parseSurveyReply(en)).toEqual({ score: 4, outOf: null, comment: 'quick fix' });
    expect(parseSurveyReply('> 5\n> quoted only')).toBeNull();
    // A signature is not a comment.
    expect(parseSurveyReply('5\n-- \nConceição Araújo\nFinanceiro')).toEqual({ score: 5, outOf: null, comment: null });
    expect(parseSurveyReply('4 - bom\n\n--\nEnviado pelo webmail')).toEqual({ score: 4, outOf: null, comment: 'bom' });
  });
});
