import type { IncomingMessage, ServerResponse } from 'node:http';
import { SurveyAnswerSchema } from '../../../shared/schemas';
import type { AnswerFailure } from '../../domain/surveys/surveys.service';
import type { Core } from '../core';
import type { HttpRoute } from './http-server';
import { readRawBody, sendJson } from './read-body';
import { surveyFormPage, surveyMessagePage } from './survey-page';

const PREFIX = '/surveys/';
const MAX_ANSWER_BYTES = 16 * 1024;

/** The page has no script at all; styles are inline; it may only post back to us. */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // The token is in the address: never send it on as a referrer, never cache the page.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
};

const STATUS: Record<AnswerFailure | 'bad_request', number> = { unknown: 404, expired: 410, already_answered: 409, invalid_score: 400, bad_request: 400 };

const MESSAGES: Record<AnswerFailure | 'thanks', [string, string]> = {
  thanks: ['Obrigado pela sua resposta!', 'Sua avaliação foi registrada e nos ajuda a melhorar o atendimento.'],
  already_answered: ['Pesquisa já respondida', 'Esta pesquisa já foi respondida. Obrigado!'],
  expired: ['Pesquisa encerrada', 'O prazo para responder esta pesquisa terminou.'],
  unknown: ['Pesquisa não encontrada', 'Este link de pesquisa não é válido. Confira se ele foi copiado por inteiro.'],
  invalid_score: ['Resposta inválida', 'Escolha uma nota da escala.'],
};

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS).end(html);
}

function tokenOf(req: IncomingMessage): string {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  try {
    return decodeURIComponent(pathname.slice(PREFIX.length));
  } catch {
    return '';
  }
}

/**
 * The customer's side of a survey, without a session (the token is the credential):
 * - `GET /surveys/:token`: a small pt-BR page with the answer form (no script, so it works under
 *   the strict CSP and without JavaScript).
 * - `POST /surveys/:token` with JSON `{ score, comment? }` → 200 `{ ok: true }` once; 409 already
 *   answered, 410 expired, 404 unknown token, 400 bad score or body. The same with a form post
 *   (`application/x-www-form-urlencoded`) answers with a page and the same status codes.
 */
export function surveyRoutes(core: Core): HttpRoute[] {
  const surveys = core.services.surveys;
  return [
    {
      method: 'GET',
      path: PREFIX,
      handle(req, res) {
        const token = tokenOf(req);
        const found = surveys.lookup(token);
        if (found.state === 'unknown') return sendPage(res, 404, surveyMessagePage(...MESSAGES.unknown, 'err'));
        if (found.state === 'answered') return sendPage(res, 409, surveyMessagePage(...MESSAGES.already_answered, 'ok'));
        if (found.state === 'expired') return sendPage(res, 410, surveyMessagePage(...MESSAGES.expired, 'err'));
        return sendPage(res, 200, surveyFormPage(found.kind, found.ticketNumber, `${PREFIX}${encodeURIComponent(token)}`));
      },
    },
    {
      method: 'POST',
      path: PREFIX,
      async handle(req, res) {
        const token = tokenOf(req);
        const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        const form = type === 'application/x-www-form-urlencoded';
        if (!form && type !== 'application/json') return sendJson(res, 415, { ok: false, reason: 'unsupported_media_type' });
        const raw = await readRawBody(req, MAX_ANSWER_BYTES);
        if (!raw) return sendJson(res, 413, { ok: false, reason: 'body_too_large' });
        let body: unknown;
        try {
          body = form ? Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) : JSON.parse(raw.toString('utf8'));
        } catch {
          return sendJson(res, 400, { ok: false, reason: 'invalid_json' });
        }
        const parsed = SurveyAnswerSchema.safeParse(body);
        const result = parsed.success ? await surveys.answer(token, parsed.data.score, parsed.data.comment) : ({ ok: false, reason: surveys.lookup(token).state === 'unknown' ? 'unknown' : 'invalid_score' } as const);
        if (form) {
          if (result.ok) return sendPage(res, 200, surveyMessagePage(...MESSAGES.thanks, 'ok'));
          if (result.reason === 'invalid_score') {
            const found = surveys.lookup(token);
            if (found.state === 'open') return sendPage(res, 400, surveyFormPage(found.kind, found.ticketNumber, `${PREFIX}${encodeURIComponent(token)}`, MESSAGES.invalid_score[1]));
          }
          return sendPage(res, STATUS[result.reason], surveyMessagePage(...MESSAGES[result.reason], result.reason === 'already_answered' ? 'ok' : 'err'));
        }
        if (result.ok) return sendJson(res, 200, { ok: true, kind: result.survey.kind, score: result.survey.score });
        return sendJson(res, STATUS[result.reason], { ok: false, reason: result.reason });
      },
    },
  ];
}
