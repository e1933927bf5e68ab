/**
 * A survey answer typed back into the conversation instead of using the link: "5", "Nota 4",
 * "4/5", "9 de 10", "5 estrelas", "5 - ótimo atendimento", "5\nResolveram rápido". Only a message
 * that *is* a score counts: "2 boletos não chegaram" or "10:30 posso ligar?" are messages, not
 * answers. In e-mail replies, the quoted original below the customer's text is ignored.
 */
export interface SurveyReply {
  score: number;
  /** The scale the customer named ("4/5" → 5, "9 de 10" → 10), or null. */
  outOf: 5 | 10 | null;
  comment: string | null;
}

/** Where a quoted original or a signature starts in an e-mail reply (pt-BR and en clients). */
const QUOTE_START = /^(>|em .{3,200} escreveu:?$|on .{3,200} wrote:?$|-{2,}\s*(mensagem original|original message)|-- ?$|_{5,}$|de:\s|from:\s|enviado do meu|sent from my)/i;

const HEAD =
  /^(?:(?:minha\s+)?nota|score|rating)?\s*[:=]?\s*(\d{1,2})(?:\s*(?:\/|de|of|out of)\s*(5|10)(?!\d))?(?:\s*(?:estrelas?|stars?|pontos?|points?)(?![\p{L}\p{N}]))?/iu;

/** The customer's own text of a message: lines up to a quoted original. */
function ownText(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (QUOTE_START.test(line)) break;
    lines.push(line);
  }
  return lines.join('\n').trim();
}

export function parseSurveyReply(text: string): SurveyReply | null {
  const body = ownText(text);
  if (!body || body.length > 2000) return null;
  const head = HEAD.exec(body);
  if (!head?.[1]) return null;
  const rest = body.slice(head[0].length);
  // A time or a decimal ("10:30", "4,5", "4.5") is not a score.
  if (/^\s*[:.,/]\s*\d/.test(rest)) return null;
  // Words straight after the number ("2 boletos…") make it a sentence, not a score.
  if (rest && !/^\s*(?:[-–—:,.;!)]|\n)/u.test(rest) && /[\p{L}\p{N}]/u.test(rest)) return null;
  const comment = rest.replace(/^[\s\-–—:,.;!)]+/u, '').trim();
  return { score: Number(head[1]), outOf: head[2] === '5' ? 5 : head[2] === '10' ? 10 : null, comment: comment || null };
}
